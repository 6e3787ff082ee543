package transfer_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"mopsdesk/backend"
	"mopsdesk/backend/sheet"
	"mopsdesk/backend/sqlite"
)

// monthSheets writes a workbook with a calendar sheet per month (no year
// anywhere) and returns its path.
func monthSheets(t *testing.T) string {
	t.Helper()
	f := excelize.NewFile()
	for i, m := range []string{"March", "APRIL"} {
		if i == 0 {
			f.SetSheetName("Sheet1", m)
		} else {
			f.NewSheet(m)
		}
		for j, r := range [][]any{{"MON", "TUES", "WEDS", "THURS", "FRI"}, {2, 3, 4, 5, 6}, {"Product teaser\nLinkedIn", nil, m + " recap"}} {
			cell, _ := excelize.CoordinatesToCellName(1, j+1)
			f.SetSheetRow(m, cell, &r)
		}
	}
	path := filepath.Join(t.TempDir(), "in.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// Items 3, 4, 5 and 8 through the store: every month sheet in one preview,
// the year asked (a commit without it is refused), the channel from a
// cell's second line, the kind's reason.
func TestImport_CalendarMonthSheets(t *testing.T) {
	ctx := context.Background()
	db, s := newImports(t)
	path := monthSheets(t)
	p, err := s.Preview(ctx, path, "plan.xlsx", sheet.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if p.Kind != "deliverables" || p.KindWhy == nil || p.KindWhy.Key != "import.why_grid" || !p.YearNeeded || p.Create != 4 || len(p.ImportSheets) != 2 {
		t.Fatalf("kind %s why %+v year needed %v create %d sheets %v", p.Kind, p.KindWhy, p.YearNeeded, p.Create, p.ImportSheets)
	}
	_, err = s.Commit(ctx, path, "plan.xlsx", sheet.Options{Kind: "deliverables"})
	if backend.ErrorCode(err) != backend.EINVALID || count(t, db, "deliverables") != 0 {
		t.Fatalf("a commit without the year: %v", err)
	}
	c, err := s.Commit(ctx, path, "plan.xlsx", sheet.Options{Kind: "deliverables", Year: 2027})
	if err != nil || c.Create != 4 {
		t.Fatalf("commit: %+v %v", c, err)
	}
	var title, day, channel string
	err = db.QueryRowForTest(ctx, `SELECT d.title, d.publish_date, c.name FROM deliverables d JOIN channels c ON c.id = d.channel_id WHERE d.title = 'Product teaser' ORDER BY d.publish_date`).Scan(&title, &day, &channel)
	if err != nil || day != "2027-03-02" || channel != "LinkedIn" {
		t.Fatalf("%s %s %s %v", title, day, channel, err)
	}
	runs, err := s.History(ctx)
	if err != nil || len(runs) != 1 || runs[0].Sheet != "March, APRIL" {
		t.Fatalf("runs %+v %v", runs, err)
	}
	if n := count(t, db, "deliverables"); n != 4 {
		t.Fatalf("%d deliverables, want 4 (no line as an entry of its own)", n)
	}
}

// Item 7: a sheet with text that yields no rows says so.
func TestImport_NothingReadIsAProblem(t *testing.T) {
	ctx := context.Background()
	_, s := newImports(t)
	path := workbook(t, "Plan", [][]any{{"Team", "Category", "Jan", "Feb", "Mar"}, {"Brand", "Events", 1000, 0, 250}, {"Growth", "Paid media", 5, 300, 300}})
	// No row of a wide sheet chosen: nothing is read, and that is said.
	p, err := s.Preview(ctx, path, "plan.xlsx", sheet.Options{Kind: "budget", WideRows: []string{}})
	if err != nil {
		t.Fatal(err)
	}
	if p.ProblemsTotal != 1 || p.Problems[0].Key != "import.nothing_read" {
		t.Fatalf("%+v", p.Problems)
	}
}

// Item 8: a budget sheet in PKR in a USD workspace is one choice (spend in
// PKR, or budget converted at the workspace's rate), not a problem per
// cell.
func TestImport_BudgetInAnotherCurrencyIsOneChoice(t *testing.T) {
	ctx := context.Background()
	db, s := newImports(t)
	path := sample("marketing-budget-wide.xlsx")
	opts := sheet.Options{Kind: "budget", Constants: map[string]string{"team": "Performance"}}
	p, err := s.Preview(ctx, path, "marketing-budget-wide.xlsx", opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, pr := range p.Problems {
		if pr.Key == "import.budget_currency" {
			t.Fatalf("a problem per cell: %+v", pr)
		}
	}
	if c := p.CurrencyChoice; c == nil || c.Currency != "PKR" || c.Base != "USD" || c.Cells == 0 || c.HasRate || p.Create != 0 {
		t.Fatalf("choice %+v create %d problems %d", c, p.Create, p.ProblemsTotal)
	}
	if err := sqlite.NewBudgetService(db.DB).SetPlanningRate(ctx, backend.PlanningRate{Currency: "PKR", Rate: "0.0036"}); err != nil {
		t.Fatal(err)
	}
	opts.ConvertBudget = true
	c, err := s.Commit(ctx, path, "marketing-budget-wide.xlsx", opts)
	if err != nil || c.Create != 4 || c.CurrencyChoice != nil {
		t.Fatalf("commit converted: %+v %v", c, err)
	}
	var amount int64
	db.QueryRowForTest(ctx, `SELECT l.amount FROM budget_lines l JOIN spend_categories c ON c.id = l.category_id WHERE c.name = 'Google'`).Scan(&amount)
	if amount != 2232000 { // 6,200,000.00 PKR at 0.0036
		t.Fatalf("Google March budget %d, want 22,320.00 USD", amount)
	}
}
