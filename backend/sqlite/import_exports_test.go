package sqlite_test

import (
	"context"
	"testing"

	"mopsdesk/backend/sheet"
)

// A subscription ID column keys the rows: two subscriptions of the same
// vendor and product stay two contracts, and importing the file again
// updates each of them rather than one twice.
func TestImport_SubscriptionIDKeysContracts(t *testing.T) {
	ctx := context.Background()
	db, s := newImports(t)
	path := workbook(t, "Subscriptions", [][]any{
		{"Subscription ID", "Vendor", "Product", "Team", "Category", "Renewal Date", "Seats"},
		{"SUB-1001", "Adobe", "Creative Cloud", "Brand", "Design", "2030-03-01", "5"},
		{"SUB-1002", "Adobe", "Creative Cloud", "Events", "Design", "2030-06-01", "2"},
	})
	p, err := s.Commit(ctx, path, "subs.xlsx", sheet.Options{Kind: "contracts"})
	if err != nil || p.Create != 2 || p.ProblemsTotal != 0 {
		t.Fatalf("commit: create %d update %d problems %+v: %v", p.Create, p.Update, p.Problems, err)
	}
	if n := count(t, db, "contracts"); n != 2 {
		t.Fatalf("%d contracts, want 2", n)
	}
	path = workbook(t, "Subscriptions", [][]any{
		{"Subscription ID", "Vendor", "Product", "Team", "Category", "Renewal Date", "Seats"},
		{"SUB-1002", "Adobe", "Creative Cloud", "Events", "Design", "2030-06-01", "3"},
		{"SUB-1001", "Adobe", "Creative Cloud", "Brand", "Design", "2030-03-01", "5"},
	})
	again, err := s.Commit(ctx, path, "subs.xlsx", sheet.Options{Kind: "contracts"})
	if err != nil || again.Create != 0 || again.Update != 1 || again.Skip != 1 {
		t.Fatalf("re-import: create %d update %d skip %d: %v", again.Create, again.Update, again.Skip, err)
	}
	var seats int
	db.QueryRowForTest(ctx, `SELECT seats_purchased FROM contracts WHERE renewal_date = '2030-06-01'`).Scan(&seats)
	if seats != 3 {
		t.Fatalf("SUB-1002 has %d seats, want 3", seats)
	}
}

// Without an ID column, the same vendor and product twice in one file is
// reported on the second row, not folded into an update of the first.
func TestImport_DuplicateRowsAreReported(t *testing.T) {
	ctx := context.Background()
	db, s := newImports(t)
	path := workbook(t, "Subscriptions", [][]any{
		{"Vendor", "Product", "Team", "Category", "Renewal Date"},
		{"Adobe", "Creative Cloud", "Brand", "Design", "2030-03-01"},
		{"Adobe", "Creative Cloud", "Events", "Design", "2030-06-01"},
		{"Adobe", "Acrobat", "Events", "Design", "2030-06-01"},
	})
	p, err := s.Preview(ctx, path, "subs.xlsx", sheet.Options{Kind: "contracts"})
	if err != nil {
		t.Fatal(err)
	}
	if p.Create != 2 || p.Update != 0 || p.ProblemRows != 1 || p.Problems[0].Key != "import.duplicate_row" || p.Problems[0].Row != 3 {
		t.Fatalf("preview: create %d update %d problems %+v", p.Create, p.Update, p.Problems)
	}
	if p.Problems[0].Params["row"] != 2 {
		t.Fatalf("the problem names row %v, want 2", p.Problems[0].Params["row"])
	}
	if n := count(t, db, "contracts"); n != 0 {
		t.Fatalf("a preview wrote %d contracts", n)
	}
}
