package sqlite

import (
	"context"
	"fmt"
)

// A large spend import appends rows in date and amount order nobody
// chose: keeping every secondary index of spend up to date row by row
// costs a random B-tree descent per index and row, more of them than the
// page cache holds once the table is large, and the cost grows faster
// than the rows. Past bulkRows rows (and a quarter of what was stored
// before) the import drops those indexes and builds each once, by
// sorting, before it ends, all inside its own transaction: a failure or
// a cancel rolls the drop back with the rows, and undoing the import
// later finds every index in place.
const (
	bulkRows = 20_000
	// bulkCacheKiB is the page cache (in KiB) while rows are appended and
	// the indexes are sorted back (the sorter spills to a file past it).
	// Measured at a million rows: 8 MB took as little CPU as 24 or 48 MB,
	// and 48 MB took the import's peak memory from 88 MB to 169 MB.
	bulkCacheKiB = 8 << 10
)

// monthKey is one row of spend_monthly.
type monthKey struct {
	month, currency, status string
	team, category          int64
}

// monthSum is what an import adds to one row of spend_monthly.
type monthSum struct{ total, entries int64 }

// spendBulkIndexes is the state of one import's bulk work on spend.
type spendBulkIndexes struct {
	rows    int      // spend rows this import inserted so far
	dropped []string // the CREATE INDEX statements to run again
	cache   int      // the connection's cache_size before it was raised
	raised  bool
	// sums are the monthly totals of every row inserted while the
	// running-totals trigger was off (spend_bulk), added once at the end.
	sums map[monthKey]*monthSum
}

// grow counts the rows of batch (spendCols values a row, in flushSpend's
// order) into the monthly sums and, once the import is large next to
// what was stored before (before: the last spend id then), raises the
// page cache and drops the secondary indexes of spend. keepLookup keeps
// the index that tells a row already stored from a new one.
func (b *spendBulkIndexes) grow(ctx context.Context, tx dbtx, batch []any, before int64, keepLookup bool) error {
	if b.sums == nil {
		b.sums = map[monthKey]*monthSum{}
	}
	for i := 0; i+spendCols <= len(batch); i += spendCols {
		row := batch[i : i+spendCols]
		date := row[0].(string)
		k := monthKey{month: date[:min(7, len(date))], currency: row[2].(string), team: row[3].(int64), category: row[4].(int64),
			status: fmt.Sprint(row[7])}
		s := b.sums[k]
		if s == nil {
			s = &monthSum{}
			b.sums[k] = s
		}
		s.total += row[1].(int64)
		s.entries++
	}
	b.rows += len(batch) / spendCols
	if b.raised || b.rows < bulkRows || int64(b.rows) < before/4 {
		return nil
	}
	if err := tx.QueryRowContext(ctx, `PRAGMA cache_size`).Scan(&b.cache); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA cache_size = -%d`, bulkCacheKiB)); err != nil {
		return err
	}
	b.raised = true
	rows, err := tx.QueryContext(ctx, `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'spend' AND sql IS NOT NULL ORDER BY name`)
	if err != nil {
		return err
	}
	var names, defs []string
	for rows.Next() {
		var name, def string
		if err := rows.Scan(&name, &def); err != nil {
			rows.Close()
			return err
		}
		if keepLookup && name == "spend_date_amount" {
			continue
		}
		names, defs = append(names, name), append(defs, def)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for i, name := range names {
		if _, err := tx.ExecContext(ctx, `DROP INDEX "`+name+`"`); err != nil {
			return fmt.Errorf("drop index %s: %w", name, err)
		}
		b.dropped = append(b.dropped, defs[i])
	}
	return nil
}

// rebuild ends bulk work, when there was any (it reports whether): the
// import's monthly sums are added to spend_monthly as the trigger would
// have added them row by row (recounting the months through the date
// index costs a random read per row), then every index grow dropped is
// created again.
func (b *spendBulkIndexes) rebuild(ctx context.Context, tx dbtx) (bool, error) {
	if !b.raised {
		return false, nil
	}
	for k, s := range b.sums {
		if _, err := tx.ExecContext(ctx, `INSERT INTO spend_monthly (month, team_id, category_id, currency, status, total, entries)
			VALUES (?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (month, team_id, category_id, currency, status)
			DO UPDATE SET total = total + excluded.total, entries = entries + excluded.entries`,
			k.month, k.team, k.category, k.currency, k.status, s.total, s.entries); err != nil {
			return false, err
		}
	}
	b.sums = nil
	for len(b.dropped) > 0 {
		if _, err := tx.ExecContext(ctx, b.dropped[0]); err != nil {
			return false, fmt.Errorf("rebuild index: %w", err)
		}
		b.dropped = b.dropped[1:]
	}
	return true, nil
}

// restore puts the connection's page cache back as it was, whether the
// import ended well or not: the connection goes back to the pool.
func (b *spendBulkIndexes) restore(ctx context.Context, tx dbtx) {
	if !b.raised {
		return
	}
	b.raised = false
	_, _ = tx.ExecContext(context.WithoutCancel(ctx), fmt.Sprintf(`PRAGMA cache_size = %d`, b.cache))
}
