package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"mopsdesk/backend"
	"mopsdesk/backend/sheet"
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
