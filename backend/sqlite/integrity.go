package sqlite

import (
	"context"
	"fmt"

	"mopsdesk/backend"
)

// QuickCheck runs SQLite's quick_check over the whole file (every page
// and index structure, not index contents) and returns an EDAMAGED error
// naming the first problem it finds.
func (db *DB) QuickCheck(ctx context.Context) error {
	var res string
	if err := db.db.QueryRowContext(ctx, `PRAGMA quick_check(1)`).Scan(&res); err != nil {
		return fmt.Errorf("check database: %w", db.damaged(err))
	}
	if res != "ok" {
		return &backend.Error{Code: backend.EDAMAGED, Message: fmt.Sprintf(
			"The workspace database %s is damaged (%s). Back up what you can, then restore a backup with 'mopsdesk restore FILE'.", db.path, res)}
	}
	return nil
}
