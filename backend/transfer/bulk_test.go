package transfer_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"mopsdesk/backend/sheet"
)

// spendIndexes lists the indexes of spend with their definitions.
func spendIndexes(t *testing.T, db *testDB) string {
	t.Helper()
	var s string
	if err := db.QueryRowForTest(context.Background(), `SELECT group_concat(sql, ';') FROM (SELECT sql FROM sqlite_master
		WHERE type = 'index' AND tbl_name = 'spend' AND sql IS NOT NULL ORDER BY name)`).Scan(&s); err != nil {
		t.Fatal(err)
	}
	return s
}

// monthlyDrift counts the rows of spend_monthly that differ from a
// recount of spend, either way.
func monthlyDrift(t *testing.T, db *testDB) int {
	t.Helper()
	const recount = `SELECT substr(date, 1, 7), team_id, category_id, currency, status, sum(amount), count(*) FROM spend GROUP BY 1, 2, 3, 4, 5`
	const stored = `SELECT month, team_id, category_id, currency, status, total, entries FROM spend_monthly`
	var n int
	if err := db.QueryRowForTest(context.Background(), `SELECT (SELECT count(*) FROM (`+recount+` EXCEPT `+stored+`)) + (SELECT count(*) FROM (`+stored+` EXCEPT `+recount+`))`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// A spend import large enough to drop and rebuild the indexes of spend
// ends with the same indexes, monthly totals equal to a recount (months
// shared with spend stored before included), and the duplicate lookup
// still telling a stored line from a new one.
func TestImport_BulkSpendRebuildsIndexesAndTotals(t *testing.T) {
	ctx := context.Background()
	db, s := newImports(t)
	dir := t.TempDir()
	small, big := spendBook(t, dir, 300), spendBook(t, t.TempDir(), 25_000)
	if p, err := s.Commit(ctx, small, "small.xlsx", sheet.Options{Kind: "spend"}); err != nil || p.Create != 300 {
		t.Fatalf("first import: %+v %v", p, err)
	}
	indexes := spendIndexes(t, db)
	if strings.Contains(indexes, "spend_team") || !strings.Contains(indexes, "spend_date_amount") {
		t.Fatalf("indexes before: %s", indexes)
	}
	// The big book's first 300 lines are the small book's: stored already.
	p, err := s.Commit(ctx, big, "big.xlsx", sheet.Options{Kind: "spend"})
	if err != nil || p.Create != 25_000-300 || p.Skip != 300 {
		t.Fatalf("big import: create %d skip %d %v", p.Create, p.Skip, err)
	}
	if got := spendIndexes(t, db); got != indexes {
		t.Fatalf("indexes after a bulk import:\n%s\nwant\n%s", got, indexes)
	}
	if n := monthlyDrift(t, db); n != 0 {
		t.Fatalf("%d monthly totals differ from a recount", n)
	}
	if err := s.Undo(ctx, p.RunID); err != nil {
		t.Fatal(err)
	}
	if n := count(t, db, "spend"); n != 300 {
		t.Fatalf("%d spend lines after undo, want 300", n)
	}
	if n := monthlyDrift(t, db); n != 0 {
		t.Fatalf("%d monthly totals differ from a recount after undo", n)
	}
}

// cancelAfter is a context canceled once its Err has been asked n times:
// an import checks it after every row.
type cancelAfter struct {
	context.Context
	n *int
}

func (c cancelAfter) Err() error {
	if *c.n--; *c.n < 0 {
		return context.Canceled
	}
	return nil
}

// An import that stops after dropping the indexes (canceled) rolls the
// drop back with its rows: every index is there, nothing is stored.
func TestImport_BulkSpendCanceledKeepsIndexes(t *testing.T) {
	db, s := newImports(t)
	book := spendBook(t, t.TempDir(), 30_000)
	indexes := spendIndexes(t, db)
	// The runner asks every 5,000 rows: the fifth time is past the
	// 20,000 rows that drop the indexes.
	n := 4
	_, err := s.Commit(cancelAfter{context.Background(), &n}, book, filepath.Base(book), sheet.Options{Kind: "spend"})
	if err == nil || !errors.Is(err, context.Canceled) && !strings.Contains(fmt.Sprint(err), "cancel") {
		t.Fatalf("canceled import: %v", err)
	}
	if got := spendIndexes(t, db); got != indexes {
		t.Fatalf("indexes after a canceled import:\n%s\nwant\n%s", got, indexes)
	}
	if n := count(t, db, "spend"); n != 0 {
		t.Fatalf("%d spend lines stored by a canceled import", n)
	}
}
