package sqlite

import (
	"context"
	"fmt"
	"io/fs"
	"sort"
	"strings"
)

// SnapshotTo writes a consistent copy of the whole database, committed
// write-ahead log included, to a new file at path with VACUUM INTO. It is
// safe while other connections read and write: the copy is one read
// transaction's view.
func (db *DB) SnapshotTo(ctx context.Context, path string) error {
	if _, err := db.db.ExecContext(ctx, `VACUUM INTO ?`, path); err != nil {
		return fmt.Errorf("snapshot database: %w", err)
	}
	return nil
}

// KnownMigrations returns the names of the migrations this build knows,
// in the order they apply (the names Migrations returns).
func KnownMigrations() []string {
	names, _ := fs.Glob(migrationFS, "migration/*.sql")
	sort.Strings(names)
	for i, n := range names {
		names[i] = strings.TrimPrefix(n, "migration/")
	}
	return names
}
