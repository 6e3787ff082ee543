package sqlite_test

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"mopsdesk/backend"
	"mopsdesk/backend/sqlite"
)

// BenchmarkBudgetSummary reads budget summaries over 1,000,000 spend
// entries (10 teams, 12 categories, 4 currencies, two fiscal years). The
// target is under 100 ms per summary; the spend_monthly totals kept by
// triggers make the cost independent of the number of entries.
func BenchmarkBudgetSummary(b *testing.B) {
	ctx := context.Background()
	path := filepath.Join(b.TempDir(), "spend.db")
	db := sqlite.NewDB(path)
	if err := db.Open(); err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	db.Now = func() time.Time { return time.Date(2026, 11, 15, 0, 0, 0, 0, time.UTC) }
	if _, err := sqlite.NewWorkspaceService(db).UpdateSettings(ctx, backend.Settings{Name: "B", BaseCurrency: "USD", FiscalYearStartMonth: 4, Language: "en"}); err != nil {
		b.Fatal(err)
	}
	raw, err := sql.Open("sqlite3", sqlite.DSN(path))
	if err != nil {
		b.Fatal(err)
	}
	defer raw.Close()
	tx, _ := raw.Begin()
	must := func(_ sql.Result, err error) {
		if err != nil {
			b.Fatal(err)
		}
	}
	for i := 1; i <= 10; i++ {
		must(tx.Exec(`INSERT INTO teams (id, name) VALUES (?, ?)`, i, fmt.Sprintf("Team %d", i)))
	}
	for i := 1; i <= 12; i++ {
		must(tx.Exec(`INSERT INTO spend_categories (id, name) VALUES (?, ?)`, i, fmt.Sprintf("Category %d", i)))
	}
	must(tx.Exec(`INSERT INTO fiscal_years (year, granularity) VALUES (2025, 'month'), (2026, 'month')`))
	for team := 1; team <= 10; team++ {
		for cat := 1; cat <= 12; cat++ {
			for p := 1; p <= 12; p++ {
				must(tx.Exec(`INSERT INTO budget_lines VALUES (2026, ?, ?, ?, ?)`, team, cat, p, 1_000_000+team*cat*p))
			}
		}
	}
	currencies := []string{"USD", "EUR", "PLN", "JPY"}
	for m := 0; m < 24; m++ {
		month := time.Date(2025, 4+time.Month(m), 1, 0, 0, 0, 0, time.UTC).Format("2006-01")
		for _, c := range currencies[1:] {
			must(tx.Exec(`INSERT INTO fx_rates VALUES (?, ?, ?)`, c, month, "1.0842"))
		}
	}
	stmt, _ := tx.Prepare(`INSERT INTO spend (date, amount, currency, team_id, category_id, status, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, 'x', 'x')`)
	statuses := []string{"planned", "committed", "actual", "actual"}
	start := time.Date(2025, 4, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < 1_000_000; i++ {
		day := start.AddDate(0, 0, i%730).Format(backend.DayLayout)
		must(stmt.Exec(day, 1000+i%50_000, currencies[i%4], i%10+1, i%12+1, statuses[i%4]))
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	svc := sqlite.NewBudgetService(db)
	for _, bc := range []struct {
		name string
		f    backend.SummaryFilter
	}{
		{"WholeYear", backend.SummaryFilter{FiscalYear: 2026}},
		{"OneQuarterOneTeam", backend.SummaryFilter{FiscalYear: 2026, FromPeriod: 4, ToPeriod: 6, TeamID: 3}},
		{"OneMonthOneCategory", backend.SummaryFilter{FiscalYear: 2026, FromPeriod: 8, ToPeriod: 8, CategoryID: 5}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				s, err := svc.Summary(ctx, bc.f)
				if err != nil || len(s.Rows) == 0 {
					b.Fatalf("%v %v", s, err)
				}
			}
		})
	}
}
