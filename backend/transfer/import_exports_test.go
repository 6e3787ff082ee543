package transfer_test

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

// The defaults the importer applies are listed in the preview and can be
// set for every row; a contract whose end date has passed comes in as
// ended and not renewing, and a stored contract keeps its own values.
func TestImport_ContractDefaultsAreShownAndPastEndsAreEnded(t *testing.T) {
	ctx := context.Background()
	db, s := newImports(t)
	path := workbook(t, "Subscriptions", [][]any{
		{"Vendor", "Product", "Team", "Category", "Renewal Date"},
		{"Adobe", "Creative Cloud", "Brand", "Design", "2020-03-01"},
		{"Canva", "Canva Pro", "Brand", "Design", "2099-06-01"},
	})
	p, err := s.Preview(ctx, path, "subs.xlsx", sheet.Options{Kind: "contracts"})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, d := range p.Defaults {
		got[d.Field] = d.Value
	}
	want := map[string]string{"status": "active", "autoRenew": "yes", "billingCycle": "annual", "termMonths": "12", "noticeDays": "30"}
	for f, v := range want {
		if got[f] != v {
			t.Errorf("default %s = %q, want %q (defaults %v)", f, got[f], v, p.Defaults)
		}
	}
	if p.Rows[0].Values["status"] != "ended" || p.Rows[1].Values["status"] != "active" {
		t.Fatalf("previewed statuses %q %q", p.Rows[0].Values["status"], p.Rows[1].Values["status"])
	}
	c, err := s.Commit(ctx, path, "subs.xlsx", sheet.Options{Kind: "contracts", Constants: map[string]string{"noticeDays": "60"}})
	if err != nil || c.Create != 2 {
		t.Fatalf("commit: %v", err)
	}
	for _, pd := range c.Defaults {
		if pd.Field == "noticeDays" {
			t.Fatalf("notice days set for every row is still listed as a default")
		}
	}
	var status string
	var auto, notice int
	db.QueryRowForTest(ctx, `SELECT status, auto_renew, notice_days FROM contracts WHERE product = 'Creative Cloud'`).Scan(&status, &auto, &notice)
	if status != "ended" || auto != 0 || notice != 60 {
		t.Fatalf("past contract: status %q auto-renew %d notice %d", status, auto, notice)
	}
	db.QueryRowForTest(ctx, `SELECT status, auto_renew FROM contracts WHERE product = 'Canva Pro'`).Scan(&status, &auto)
	if status != "active" || auto != 1 {
		t.Fatalf("running contract: status %q auto-renew %d", status, auto)
	}
	// A stored contract the user changed keeps its status on a re-import
	// of a file with no status column.
	if _, err := db.ExecForTest(ctx, `UPDATE contracts SET status = 'cancelling', notice_days = 90 WHERE product = 'Canva Pro'`); err != nil {
		t.Fatal(err)
	}
	again, err := s.Commit(ctx, path, "subs.xlsx", sheet.Options{Kind: "contracts"})
	if err != nil || again.Update != 0 {
		t.Fatalf("re-import: update %d: %v", again.Update, err)
	}
	db.QueryRowForTest(ctx, `SELECT status, notice_days FROM contracts WHERE product = 'Canva Pro'`).Scan(&status, &notice)
	if status != "cancelling" || notice != 90 {
		t.Fatalf("a re-import reset the stored contract: status %q notice %d", status, notice)
	}
}
