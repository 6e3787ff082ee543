package sqlite

import (
	"database/sql"
	"errors"
	"strings"

	"mopsdesk/backend"
	"mopsdesk/backend/sheet"
)

// spendNew adds a spend entry without an ID: checked in Go first, then
// looked up and inserted through statements prepared once per import, so
// a ledger of 100,000 lines costs two statements a row.
func (r *importRun) spendNew(rec *sheet.Record) string {
	amount := backend.Money{Amount: rec.Values["amount"].Int, Currency: rec.Values["amount"].Currency}
	status := backend.SpendActual
	if rec.Has("status") {
		status = backend.SpendStatus(rec.Text("status"))
	}
	// Team and category are checked by name below; 1 stands in for them.
	sp := &backend.Spend{Date: rec.Text("date"), Amount: amount, TeamID: 1, CategoryID: 1, Vendor: rec.Text("vendor"),
		Status: status, Reference: rec.Text("reference"), Note: rec.Text("note")}
	sp.Normalize()
	if err := sp.Validate(); err != nil {
		r.problems(rec, err, "amount")
		return "skip"
	}
	campaignID, ok := r.campaignID(rec, "campaign")
	if !ok {
		return "skip"
	}
	year, _ := backend.FiscalYearOf(sp.Date, r.settings.FiscalYearStartMonth)
	if !r.years[year] {
		if _, ok := r.fiscalYear(rec, "date", year); !ok {
			return "skip"
		}
		r.years[year] = true
	}
	teamID, ok1 := r.listID(rec, "team", backend.ListTeams)
	categoryID, ok2 := r.listID(rec, "category", backend.ListCategories)
	if !ok1 || !ok2 {
		return "skip"
	}
	if !r.spendEmpty {
		if err := r.prepareSpend(); err != nil {
			r.noteFatal(err)
			rec.Problem("amount", "import.rejected", err.Error(), nil)
			return "skip"
		}
		var one int
		err := r.spendDup.QueryRowContext(r.ctx, sp.Date, amount.Amount, amount.Currency, sp.Vendor, sp.Reference, teamID, categoryID, r.spendMaxID).Scan(&one)
		if err == nil {
			return "skip" // already stored
		} else if !errors.Is(err, sql.ErrNoRows) {
			r.noteFatal(err)
			rec.Problem("amount", "import.rejected", err.Error(), nil)
			return "skip"
		}
	}
	r.spendBuf = append(r.spendBuf, sp.Date, amount.Amount, amount.Currency, teamID, categoryID, sp.Vendor, nullID(campaignID), sp.Status, sp.Reference, sp.Note)
	r.spendMonths[sp.Date[:7]] = true
	if len(r.spendBuf) >= spendBatch*spendCols {
		if err := r.flushSpend(); err != nil {
			r.noteFatal(err)
			rec.Problem("amount", "import.rejected", err.Error(), nil)
			return "skip"
		}
	}
	return "create"
}

// Spend entries are inserted spendBatch at a time.
const (
	spendBatch = 200
	spendCols  = 10
)

func (r *importRun) prepareSpend() error {
	if r.spendDup != nil {
		return nil
	}
	var err error
	// Only entries stored before this import count: two equal lines in one
	// file are two purchases.
	r.spendDup, err = r.s.db.conn(r.ctx).(*sql.Tx).PrepareContext(r.ctx, `SELECT 1 FROM spend INDEXED BY spend_date_amount WHERE date = ? AND amount = ? AND currency = ?
		AND vendor = ? COLLATE NOCASE AND reference = ? AND team_id = ? AND category_id = ? AND id <= ? LIMIT 1`)
	return err
}

// flushSpend inserts the buffered entries in one statement, with the
// running monthly totals switched off until finishSpend rebuilds them.
func (r *importRun) flushSpend() error {
	n := len(r.spendBuf) / spendCols
	if n == 0 {
		return nil
	}
	tx := r.s.db.conn(r.ctx)
	if !r.spendBulk {
		if _, err := tx.ExecContext(r.ctx, `INSERT INTO spend_bulk (active) VALUES (1)`); err != nil {
			return err
		}
		r.spendBulk = true
	}
	now := r.s.db.timestamp()
	args := make([]any, 0, n*(spendCols+2))
	for i := 0; i < n; i++ {
		args = append(append(args, r.spendBuf[i*spendCols:(i+1)*spendCols]...), now, now)
	}
	insert := func(rows int) string {
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
	var res sql.Result
	var err error
	if n == spendBatch {
		// Full batches reuse one prepared statement.
		if r.spendInsert == nil {
			if r.spendInsert, err = tx.(*sql.Tx).PrepareContext(r.ctx, insert(spendBatch)); err != nil {
				return err
			}
		}
		res, err = r.spendInsert.ExecContext(r.ctx, args...)
	} else {
		res, err = tx.ExecContext(r.ctx, insert(n), args...)
	}
	if err != nil {
		return err
	}
	// One statement in one transaction: the new ids are consecutive.
	last, err := res.LastInsertId()
	if err != nil {
		return err
	}
	r.changes = append(r.changes, change{entity: "spend", id: last - int64(n) + 1, count: n, action: "create"})
	err = r.spendIndexes.grow(r.ctx, tx, r.spendBuf, r.spendMaxID, !r.spendEmpty)
	r.spendBuf = r.spendBuf[:0]
	return err
}

// finishSpend writes what is buffered and rebuilds the running monthly
// totals of the months the import touched.
func (r *importRun) finishSpend() error {
	if err := r.flushSpend(); err != nil {
		return err
	}
	if !r.spendBulk {
		return nil
	}
	tx := r.s.db.conn(r.ctx)
	if _, err := tx.ExecContext(r.ctx, `DELETE FROM spend_bulk`); err != nil {
		return err
	}
	r.spendBulk = false
	if bulk, err := r.spendIndexes.rebuild(r.ctx, tx); bulk || err != nil {
		return err
	}
	for m := range r.spendMonths {
		if _, err := tx.ExecContext(r.ctx, `DELETE FROM spend_monthly WHERE month = ?`, m); err != nil {
			return err
		}
		if _, err := tx.ExecContext(r.ctx, `INSERT INTO spend_monthly (month, team_id, category_id, currency, status, total, entries)
			SELECT substr(date, 1, 7), team_id, category_id, currency, status, sum(amount), count(*) FROM spend
			WHERE date >= ? AND date < ? GROUP BY team_id, category_id, currency, status`, m+"-01", m+"-32"); err != nil {
			return err
		}
	}
	return nil
}
