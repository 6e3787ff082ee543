package transfer_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"mopsdesk/backend"
	"mopsdesk/backend/files"
	"mopsdesk/backend/sheet"
	"mopsdesk/backend/sqlite"
	"mopsdesk/backend/transfer"
)

func newImports(t *testing.T) (*testDB, *transfer.Service) {
	t.Helper()
	db := mustOpen(t)
	store, err := files.New(filepath.Join(t.TempDir(), "assets"))
	if err != nil {
		t.Fatal(err)
	}
	return db, newService(db.DB, store)
}

func sample(name string) string { return filepath.Join("..", "sheet", "testdata", name) }

func count(t *testing.T, db *testDB, table string) int {
	t.Helper()
	var n int
	if err := db.QueryRowForTest(context.Background(), "SELECT count(*) FROM "+table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestImport_ContentCalendarRoundTrip(t *testing.T) {
	ctx := context.Background()
	db, s := newImports(t)
	path := sample("content-calendar-internee.xlsx")
	p, err := s.Preview(ctx, path, "content-calendar-internee.xlsx", sheet.Options{Kind: "deliverables"})
	if err != nil {
		t.Fatal(err)
	}
	if p.Create != 22 || p.Update != 0 || p.ProblemsTotal != 0 || p.HeaderRow != 2 {
		t.Fatalf("preview: create %d update %d problems %v header %d", p.Create, p.Update, p.Problems, p.HeaderRow)
	}
	if n := count(t, db, "deliverables"); n != 0 {
		t.Fatalf("a preview wrote %d deliverables", n)
	}
	c, err := s.Commit(ctx, path, "content-calendar-internee.xlsx", sheet.Options{Kind: "deliverables"})
	if err != nil || c.Create != 22 || c.RunID == 0 {
		t.Fatalf("commit: %+v %v", c, err)
	}
	if n := count(t, db, "deliverables"); n != 22 {
		t.Fatalf("%d deliverables after commit, want 22", n)
	}
	var title, date, typ, custom string
	db.QueryRowForTest(ctx, `SELECT title, publish_date, type, custom_type FROM deliverables ORDER BY id LIMIT 1`).Scan(&title, &date, &typ, &custom)
	if date != "2026-05-11" || !strings.HasPrefix(title, "5 Reasons") || typ != "social_post" {
		t.Fatalf("first deliverable %q %q %q %q", title, date, typ, custom)
	}
	// The same file again changes nothing.
	again, err := s.Commit(ctx, path, "content-calendar-internee.xlsx", sheet.Options{Kind: "deliverables"})
	if err != nil || again.Create != 0 || again.Update != 0 || again.Skip != 22 {
		t.Fatalf("re-import: %+v %v", again, err)
	}
	if err := s.Undo(ctx, c.RunID); err != nil {
		t.Fatal(err)
	}
	if n := count(t, db, "deliverables"); n != 0 {
		t.Fatalf("%d deliverables after undo", n)
	}
	if n := count(t, db, "channels"); n != 0 {
		t.Fatalf("undo left %d channels it had added", n)
	}
	if err := s.Undo(ctx, c.RunID); backend.ErrorCode(err) != backend.ECONFLICT {
		t.Fatalf("second undo: %v", err)
	}
	h, _ := s.History(ctx)
	if len(h) != 2 || h[1].UndoneAt == "" {
		t.Fatalf("history %+v", h)
	}
}

func TestImport_SubscriptionsAsContracts(t *testing.T) {
	ctx := context.Background()
	db, s := newImports(t)
	path := sample("subscriptions-minimal.xlsx")
	p, err := s.Preview(ctx, path, "subscriptions-minimal.xlsx", sheet.Options{Kind: "contracts"})
	if err != nil {
		t.Fatal(err)
	}
	// Team and category are not in the file: every row says so.
	if strings.Join(p.Missing, ",") != "team,category" || p.Create != 0 || p.Skip != 5 || p.Problems[0].Key != "import.unmapped" {
		t.Fatalf("preview without team: missing %v create %d problems %+v", p.Missing, p.Create, p.Problems)
	}
	if _, err := s.Commit(ctx, path, "subscriptions-minimal.xlsx", sheet.Options{Kind: "contracts"}); backend.ErrorCode(err) != backend.EINVALID {
		t.Fatalf("commit with problems: %v", err)
	}
	opts := sheet.Options{Kind: "contracts", Constants: map[string]string{"team": "Brand", "category": "Software"}}
	c, err := s.Commit(ctx, path, "subscriptions-minimal.xlsx", opts)
	if err != nil {
		p, _ := s.Preview(ctx, path, "subscriptions-minimal.xlsx", opts)
		t.Fatalf("commit: %v %+v", err, p.Problems)
	}
	if c.Create != 5 {
		t.Fatalf("commit: %+v %v", c, err)
	}
	var renewal, vendor string
	db.QueryRowForTest(ctx, `SELECT c.renewal_date, v.name FROM contracts c JOIN vendors v ON v.id = c.vendor_id WHERE c.product = 'Netflix'`).Scan(&renewal, &vendor)
	if renewal != "2023-02-15" || vendor != "Netflix" {
		t.Fatalf("Netflix: renewal %q vendor %q", renewal, vendor)
	}
	if err := s.Undo(ctx, c.RunID); err != nil {
		t.Fatal(err)
	}
	for _, table := range []string{"contracts", "vendors", "teams", "spend_categories", "spend"} {
		if n := count(t, db, table); n != 0 {
			t.Fatalf("%d rows left in %s after undo", n, table)
		}
	}
}

func TestImport_WideBudgetSheet(t *testing.T) {
	ctx := context.Background()
	db, s := newImports(t)
	path := sample("marketing-budget-wide.xlsx")
	opts := sheet.Options{Kind: "spend", Constants: map[string]string{"team": "Performance", "category": "Paid media"}}
	p, err := s.Preview(ctx, path, "marketing-budget-wide.xlsx", opts)
	if err != nil {
		t.Fatal(err)
	}
	if p.Shape != "wide" || strings.TrimSpace(p.Sheet) != "Data Entry" || p.ProblemsTotal != 0 || p.Create == 0 {
		t.Fatalf("preview: shape %q sheet %q problems %v create %d", p.Shape, p.Sheet, p.Problems, p.Create)
	}
	c, err := s.Commit(ctx, path, "marketing-budget-wide.xlsx", opts)
	if err != nil {
		t.Fatal(err)
	}
	var total int64
	var cur string
	db.QueryRowForTest(ctx, `SELECT sum(amount), min(currency) FROM spend WHERE vendor = 'Google'`).Scan(&total, &cur)
	// Row 10 "Ads Actual Spend" for Google, per day, in PKR from the cells' format.
	if total != 4587700 || cur != "PKR" {
		t.Fatalf("Google spend %d %s, want 45,877.00 PKR (the sheet's own month total)", total, cur)
	}
	if c.Create != count(t, db, "spend") {
		t.Fatalf("created %d, table has %d", c.Create, count(t, db, "spend"))
	}
	// As a budget: the daily "Marketing Budget" rows sum into March cells.
	var settings = sqlite.NewWorkspaceService(db.DB)
	st, _ := settings.Settings(ctx)
	st.BaseCurrency = "PKR"
	if _, err := settings.UpdateSettings(ctx, *st); err != nil {
		t.Fatal(err)
	}
	b, err := s.Commit(ctx, path, "marketing-budget-wide.xlsx", sheet.Options{Kind: "budget", Constants: map[string]string{"team": "Performance"}})
	if err != nil {
		t.Fatal(err)
	}
	var amount int64
	db.QueryRowForTest(ctx, `SELECT l.amount FROM budget_lines l JOIN spend_categories c ON c.id = l.category_id WHERE c.name = 'Google'`).Scan(&amount)
	if amount != 620000000 || b.Create != 4 {
		t.Fatalf("Google March budget %d (want 6,200,000.00), %d cells created", amount, b.Create)
	}
}

// workbook writes a sheet of rows to a temp .xlsx.
func workbook(t *testing.T, name string, rows [][]any) string {
	t.Helper()
	f := excelize.NewFile()
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	f.SetSheetName("Sheet1", name)
	path := filepath.Join(t.TempDir(), "in.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestImport_ProblemsFixesAndQuestions(t *testing.T) {
	ctx := context.Background()
	db, s := newImports(t)
	path := workbook(t, " May", [][]any{
		{"Campaign name", "Start", "End", "Budget", "Status"},
		{"Spring launch", "01/03/2025", "31/03/2025", "$1,200.50", "Planned"},
		{"Summer", "01/06/2025", "31/02/2025", "€59,99", "live"},
		{"Total", "", "", "1260.49", ""},
	})
	p, err := s.Preview(ctx, path, "plan.xlsx", sheet.Options{Kind: "campaigns"})
	if err != nil {
		t.Fatal(err)
	}
	// 31/03/2025 settles column C; column B (01/03, 01/06) takes the
	// sheet's order rather than asking.
	if len(p.Questions) != 0 || p.Orders["B"] != sheet.OrderDayFirst || p.Orders["C"] != sheet.OrderDayFirst {
		t.Fatalf("questions %+v orders %v", p.Questions, p.Orders)
	}
	_ = db
	want := "Sheet ' May', row 3, column C: '31/02/2025' is not a date"
	found := false
	for _, pr := range p.Problems {
		found = found || pr.Message == want
	}
	if !found || p.Create != 1 || p.Skip != 2 {
		t.Fatalf("problems %+v create %d skip %d", p.Problems, p.Create, p.Skip)
	}
	opts := sheet.Options{Kind: "campaigns", Fixes: map[string]string{"C3": "2025-06-30"}}
	c, err := s.Commit(ctx, path, "plan.xlsx", opts)
	if err != nil || c.Create != 2 {
		t.Fatalf("commit after fix: %+v %v", c, err)
	}
	var budget int64
	var cur string
	db.QueryRowForTest(ctx, `SELECT budget_amount, budget_currency FROM campaigns WHERE name = 'Summer'`).Scan(&budget, &cur)
	if budget != 5999 || cur != "EUR" {
		t.Fatalf("Summer budget %d %s", budget, cur)
	}
}

// monthlyMatches checks the running monthly totals against the entries.
func monthlyMatches(t *testing.T, db *testDB) {
	t.Helper()
	var bad int
	err := db.QueryRowForTest(context.Background(), `SELECT count(*) FROM (
		SELECT month, team_id, category_id, currency, status, total, entries FROM spend_monthly
		EXCEPT SELECT substr(date, 1, 7), team_id, category_id, currency, status, sum(amount), count(*) FROM spend GROUP BY 1, 2, 3, 4, 5)`).Scan(&bad)
	if err != nil || bad != 0 {
		t.Fatalf("spend_monthly differs from the entries in %d rows (%v)", bad, err)
	}
	var n, m int
	db.QueryRowForTest(context.Background(), `SELECT count(*) FROM spend_monthly`).Scan(&n)
	db.QueryRowForTest(context.Background(), `SELECT count(*) FROM (SELECT 1 FROM spend GROUP BY substr(date, 1, 7), team_id, category_id, currency, status)`).Scan(&m)
	if n != m {
		t.Fatalf("spend_monthly has %d rows, the entries make %d", n, m)
	}
}

func TestImport_SpendInBulkKeepsMonthlyTotals(t *testing.T) {
	ctx := context.Background()
	db, s := newImports(t)
	csv := "Date,Amount,Currency,Team,Category,Vendor,Reference\n" +
		"2026-03-02,100.00,USD,Brand,Events,Hall,A1\n" +
		"2026-03-02,100.00,USD,Brand,Events,Hall,A1\n" + // the same purchase twice is two entries
		"2026-04-10,\"1,250.50\",EUR,Brand,Paid media,Google,B7\n" +
		"2026-04-11,(20.00),USD,Growth,Events,Hall,refund\n"
	path := filepath.Join(t.TempDir(), "ledger.csv")
	if err := os.WriteFile(path, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	first, err := s.Commit(ctx, path, "ledger.csv", sheet.Options{Kind: "spend"})
	if err != nil || first.Create != 4 {
		t.Fatalf("first import: %+v %v", first, err)
	}
	monthlyMatches(t, db)
	// Again: every line is already stored.
	again, err := s.Commit(ctx, path, "ledger.csv", sheet.Options{Kind: "spend"})
	if err != nil || again.Create != 0 || again.Skip != 4 {
		t.Fatalf("second import: create %d skip %d %v", again.Create, again.Skip, err)
	}
	if err := s.Undo(ctx, first.RunID); err != nil {
		t.Fatal(err)
	}
	if n := count(t, db, "spend"); n != 0 {
		t.Fatalf("%d entries after undo", n)
	}
	monthlyMatches(t, db)
}

func TestImport_AssetDetailsVendorsAndProfiles(t *testing.T) {
	ctx := context.Background()
	db, s := newImports(t)
	store, err := files.New(filepath.Join(t.TempDir(), "lib"))
	if err != nil {
		t.Fatal(err)
	}
	assets := sqlite.NewAssetService(db.DB, store)
	if _, err := assets.AddAssetFile(ctx, "hero-banner.png", strings.NewReader("not really a png"), backend.DuplicateAsk); err != nil {
		t.Fatal(err)
	}
	path := workbook(t, "Assets", [][]any{
		{"File name", "Licence", "Licence holder", "Licence expiry", "Tags"},
		{"hero-banner.png", "Rights managed", "Studio Nord", "2027-01-31", "hero, spring"},
		{"missing.png", "Royalty free", "", "", ""},
	})
	p, err := s.Preview(ctx, path, "assets.xlsx", sheet.Options{Kind: "assets"})
	if err != nil {
		t.Fatal(err)
	}
	if p.Update != 1 || p.ProblemRows != 1 || p.Problems[0].Key != "import.no_asset" || p.Problems[0].Column != "A" {
		t.Fatalf("assets preview: update %d problems %+v", p.Update, p.Problems)
	}
	c, err := s.Commit(ctx, path, "assets.xlsx", sheet.Options{Kind: "assets", Exclude: []int{3}})
	if err != nil || c.Update != 1 {
		t.Fatalf("assets commit: %+v %v", c, err)
	}
	var holder, expiry string
	db.QueryRowForTest(ctx, `SELECT licence_holder, licence_expiry FROM assets LIMIT 1`).Scan(&holder, &expiry)
	if holder != "Studio Nord" || expiry != "2027-01-31" {
		t.Fatalf("asset licence %q %q", holder, expiry)
	}
	if err := s.Undo(ctx, c.RunID); err != nil {
		t.Fatal(err)
	}
	db.QueryRowForTest(ctx, `SELECT licence_holder FROM assets LIMIT 1`).Scan(&holder)
	if holder != "" {
		t.Fatalf("undo left the holder %q", holder)
	}

	// A vendor list with odd headers, mapped by hand and saved as a profile:
	// the next file with the same headers is mapped the same way.
	vendors := workbook(t, "Sheet1", [][]any{
		{"Supplier ref", "Who", "Kind"},
		{"S-1", "Canva", "design"},
		{"S-2", "HubSpot", "crm"},
	})
	opts := sheet.Options{Kind: "vendors", Mapping: map[string]string{"A": "", "B": "name", "C": "category"}}
	p, err = s.Preview(ctx, vendors, "vendors.xlsx", opts)
	if err != nil || p.Create != 2 {
		t.Fatalf("vendors preview %+v %v", p, err)
	}
	if _, err := s.SaveProfile(ctx, transfer.ImportProfile{Kind: "vendors", Name: "Finance vendor list", HeaderKey: p.HeaderKey, Options: opts}); err != nil {
		t.Fatal(err)
	}
	again, err := s.Preview(ctx, vendors, "vendors-march.xlsx", sheet.Options{Kind: "vendors"})
	if err != nil || again.Profile == nil || again.Profile.Name != "Finance vendor list" || again.Create != 2 {
		t.Fatalf("profile not used: %+v %v", again, err)
	}
	if _, err := s.SaveProfile(ctx, transfer.ImportProfile{Kind: "vendors", HeaderKey: p.HeaderKey}); backend.ErrorCode(err) != backend.EINVALID {
		t.Fatalf("a profile without a name: %v", err)
	}
}
