package sqlite_test

import (
	"context"
	"testing"
	"time"

	"mopsdesk/backend"
	"mopsdesk/backend/sqlite"
)

// The forecast to the fiscal year's end counts committed spend: money
// promised is money that will be spent (issue 14: €7,500 committed showed
// a forecast of €0).
func TestBudgetService_ForecastCountsCommitted(t *testing.T) {
	ctx := context.Background()
	f := newBudgetFixture(t)
	if _, err := sqlite.NewWorkspaceService(f.db).UpdateSettings(ctx, backend.Settings{Name: "W", BaseCurrency: "EUR", FiscalYearStartMonth: 4, Language: "en"}); err != nil {
		t.Fatal(err)
	}
	f.db.Now = func() time.Time { return time.Date(2026, 5, 31, 9, 0, 0, 0, time.UTC) } // day 61 of 365
	if _, err := f.budget.CreateFiscalYear(ctx, 2027, backend.Monthly); err != nil {
		t.Fatal(err)
	}
	if err := f.budget.SetFXRate(ctx, backend.FXRate{Currency: "USD", Month: "2026-06", Rate: "0.9"}); err != nil {
		t.Fatal(err)
	}
	f.addSpend(t, "2026-11-20", 750_000, "EUR", f.brand, f.events, backend.SpendCommitted) // an event later in the year
	f.addSpend(t, "2026-04-10", 300_000, "EUR", f.demand, f.ads, backend.SpendActual)      // spent so far
	f.addSpend(t, "2026-06-01", 110_000, "USD", f.demand, f.ads, backend.SpendCommitted)   // 1,100 USD = 990 EUR
	f.addSpend(t, "2027-04-02", 50_000, "EUR", f.brand, f.events, backend.SpendCommitted)  // next fiscal year
	f.addSpend(t, "2026-07-01", 40_000, "EUR", f.brand, f.events, backend.SpendPlanned)    // only planned: not in it

	s, err := f.budget.Summary(ctx, backend.SummaryFilter{FiscalYear: 2026})
	if err != nil {
		t.Fatal(err)
	}
	forecast := map[string]int64{}
	for _, r := range s.Rows {
		forecast[r.TeamName+"/"+r.CategoryName] = r.Forecast
	}
	want := map[string]int64{
		"Brand/Events": 750_000,
		// 3,000 over 61 of 365 days is 17,950.82, and 990 committed.
		"Demand gen/Ads": 1_795_082 + 99_000,
	}
	for k, v := range want {
		if forecast[k] != v {
			t.Errorf("%s forecast %d, want %d", k, forecast[k], v)
		}
	}
	if s.Totals.Forecast != 750_000+1_795_082+99_000 {
		t.Errorf("total forecast %d", s.Totals.Forecast)
	}

	t.Run("BeforeTheYearStarts", func(t *testing.T) {
		s, err := f.budget.Summary(ctx, backend.SummaryFilter{FiscalYear: 2027})
		if err != nil {
			t.Fatal(err)
		}
		if len(s.Rows) != 1 || s.Rows[0].Forecast != 50_000 || s.Totals.Forecast != 50_000 {
			t.Fatalf("rows %+v", s.Rows)
		}
	})
}
