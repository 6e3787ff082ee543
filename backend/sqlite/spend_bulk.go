package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"mopsdesk/backend"
)

// Spend entries are inserted spendBatch at a time.
const (
	spendBatch = 200
	spendCols  = 10
)

// spendBulk adds many spend entries in one Batch's transaction: looked up
// and inserted through statements prepared once, so a ledger of 100,000
// lines costs two statements a row, with the running monthly totals
// switched off until Close rebuilds them.
type spendBulk struct {
	db     *DB
	tx     *sql.Tx
	maxID  int64 // the last spend id before the bulk began
	dup    *sql.Stmt
	insert *sql.Stmt
	buf    []any
	active bool // spend_bulk holds its row: the totals triggers are off
	months map[string]bool
	// indexes are dropped while a large import appends (bulk.go).
	indexes spendBulkIndexes
}

// BeginSpendBulk starts adding spend entries in the Batch of ctx.
func (s *ImportStore) BeginSpendBulk(ctx context.Context) (backend.SpendBulk, error) {
	tx, ok := ctx.Value(txKey{}).(*sql.Tx)
	if !ok {
		return nil, errors.New("spend bulk outside a batch")
	}
	b := &spendBulk{db: s.db, tx: tx, months: map[string]bool{}}
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM spend`).Scan(&b.maxID); err != nil {
		return nil, err
	}
	// The page cache goes back as it was however the batch ends.
	onBatchEnd(ctx, func(tx *sql.Tx) { b.indexes.restore(ctx, tx) })
	return b, nil
}

// Stored reports whether an equal entry was stored before the bulk began.
func (b *spendBulk) Stored(ctx context.Context, sp *backend.Spend) (bool, error) {
	if b.maxID == 0 {
		return false, nil // no spend stored before: nothing to look up
	}
	if b.dup == nil {
		var err error
		// Only entries stored before this bulk count: two equal lines in
		// one file are two purchases.
		b.dup, err = b.tx.PrepareContext(ctx, `SELECT 1 FROM spend INDEXED BY spend_date_amount WHERE date = ? AND amount = ? AND currency = ?
		AND vendor = ? COLLATE NOCASE AND reference = ? AND team_id = ? AND category_id = ? AND id <= ? LIMIT 1`)
		if err != nil {
			return false, err
		}
	}
	var one int
	err := b.dup.QueryRowContext(ctx, sp.Date, sp.Amount.Amount, sp.Amount.Currency, sp.Vendor, sp.Reference, sp.TeamID, sp.CategoryID, b.maxID).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return err == nil, err
}

// Add queues sp and writes the queue when it is full.
func (b *spendBulk) Add(ctx context.Context, sp *backend.Spend) (backend.IDRange, error) {
	b.buf = append(b.buf, sp.Date, sp.Amount.Amount, sp.Amount.Currency, sp.TeamID, sp.CategoryID, sp.Vendor, nullID(sp.CampaignID), sp.Status, sp.Reference, sp.Note)
	b.months[sp.Date[:7]] = true
	if len(b.buf) < spendBatch*spendCols {
		return backend.IDRange{}, nil
	}
	return b.flush(ctx)
}

// flush inserts the queued entries in one statement.
func (b *spendBulk) flush(ctx context.Context) (backend.IDRange, error) {
	n := len(b.buf) / spendCols
	if n == 0 {
		return backend.IDRange{}, nil
	}
	if !b.active {
		if _, err := b.tx.ExecContext(ctx, `INSERT INTO spend_bulk (active) VALUES (1)`); err != nil {
			return backend.IDRange{}, err
		}
		b.active = true
	}
	now := b.db.timestamp()
	args := make([]any, 0, n*(spendCols+2))
	for i := 0; i < n; i++ {
		args = append(append(args, b.buf[i*spendCols:(i+1)*spendCols]...), now, now)
	}
	var res sql.Result
	var err error
	if n == spendBatch {
		// Full batches reuse one prepared statement.
		if b.insert == nil {
			if b.insert, err = b.tx.PrepareContext(ctx, spendInsert(spendBatch)); err != nil {
				return backend.IDRange{}, err
			}
		}
		res, err = b.insert.ExecContext(ctx, args...)
	} else {
		res, err = b.tx.ExecContext(ctx, spendInsert(n), args...)
	}
	if err != nil {
		return backend.IDRange{}, err
	}
	// One statement in one transaction: the new ids are consecutive.
	last, err := res.LastInsertId()
	if err != nil {
		return backend.IDRange{}, err
	}
	if err := b.indexes.grow(ctx, b.tx, b.buf, b.maxID, b.maxID > 0); err != nil {
		return backend.IDRange{}, err
	}
	b.buf = b.buf[:0]
	return backend.IDRange{First: last - int64(n) + 1, Count: n}, nil
}

func spendInsert(rows int) string {
	var q strings.Builder
	q.WriteString(`INSERT INTO spend (date, amount, currency, team_id, category_id, vendor, campaign_id, status, reference, note, created_at, updated_at) VALUES `)
	for i := 0; i < rows; i++ {
		if i > 0 {
			q.WriteByte(',')
		}
		q.WriteString("(?,?,?,?,?,?,?,?,?,?,?,?)")
	}
	return q.String()
}

// Close writes what is queued and rebuilds the running monthly totals of
// the months written to.
func (b *spendBulk) Close(ctx context.Context) (backend.IDRange, error) {
	defer func() {
		for _, st := range []*sql.Stmt{b.dup, b.insert} {
			if st != nil {
				st.Close()
			}
		}
		b.dup, b.insert = nil, nil
	}()
	written, err := b.flush(ctx)
	if err != nil || !b.active {
		return written, err
	}
	if _, err := b.tx.ExecContext(ctx, `DELETE FROM spend_bulk`); err != nil {
		return written, err
	}
	b.active = false
	// After bulk work the import's own monthly sums are added and the
	// indexes rebuilt (bulk.go); otherwise the touched months are recounted.
	if bulk, err := b.indexes.rebuild(ctx, b.tx); bulk || err != nil {
		return written, err
	}
	for m := range b.months {
		if _, err := b.tx.ExecContext(ctx, `DELETE FROM spend_monthly WHERE month = ?`, m); err != nil {
			return written, err
		}
		if _, err := b.tx.ExecContext(ctx, `INSERT INTO spend_monthly (month, team_id, category_id, currency, status, total, entries)
			SELECT substr(date, 1, 7), team_id, category_id, currency, status, sum(amount), count(*) FROM spend
			WHERE date >= ? AND date < ? GROUP BY team_id, category_id, currency, status`, m+"-01", m+"-32"); err != nil {
			return written, err
		}
	}
	return written, nil
}

// DeleteSpendRange deletes entries an import added in bulk; those that
// became a contract's stay.
func (s *ImportStore) DeleteSpendRange(ctx context.Context, r backend.IDRange) error {
	return s.db.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM spend WHERE id BETWEEN ? AND ? AND contract_id IS NULL`, r.First, r.First+int64(max(r.Count, 1))-1)
		return err
	})
}
