package sqlite

import (
	"context"
	"database/sql"
	"fmt"
)

// A large results import (a year of daily rows) drops the secondary
// indexes of result_facts that the import itself does not read, and
// builds each once, by sorting, when the bulk closes; the page cache is
// raised meanwhile (as for spend, bulk.go). The key index stays: it
// finds the facts a row replaces or adds to.
var resultBulkIndexes = []string{"result_facts_campaign", "result_facts_day", "result_facts_import"}

// resultIndexes is the state of one bulk's index work.
type resultIndexes struct {
	dropped []string // the CREATE INDEX statements to run again
	cache   int
	raised  bool
}

// drop raises the page cache and drops the indexes once the bulk has
// written rows rows, large next to the before facts stored already.
func (x *resultIndexes) drop(ctx context.Context, tx *sql.Tx, rows int, before int64) error {
	if x.raised || rows < bulkRows || int64(rows) < before/4 {
		return nil
	}
	if err := tx.QueryRowContext(ctx, `PRAGMA cache_size`).Scan(&x.cache); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA cache_size = -%d`, bulkCacheKiB)); err != nil {
		return err
	}
	x.raised = true
	for _, name := range resultBulkIndexes {
		var def string
		if err := tx.QueryRowContext(ctx, `SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?`, name).Scan(&def); err != nil {
			return fmt.Errorf("index %s: %w", name, err)
		}
		if _, err := tx.ExecContext(ctx, `DROP INDEX `+name); err != nil {
			return err
		}
		x.dropped = append(x.dropped, def)
	}
	return nil
}

// rebuild creates the dropped indexes again.
func (x *resultIndexes) rebuild(ctx context.Context, tx *sql.Tx) error {
	for _, def := range x.dropped {
		if _, err := tx.ExecContext(ctx, def); err != nil {
			return err
		}
	}
	x.dropped = nil
	return nil
}

// restore puts the page cache back, however the batch ended.
func (x *resultIndexes) restore(ctx context.Context, tx *sql.Tx) {
	if !x.raised {
		return
	}
	x.raised = false
	_, _ = tx.ExecContext(context.WithoutCancel(ctx), fmt.Sprintf(`PRAGMA cache_size = %d`, x.cache))
}
