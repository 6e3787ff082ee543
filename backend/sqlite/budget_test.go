package sqlite_test

import (
	"context"
	"testing"
	"time"

	"mopsdesk/backend"
	"mopsdesk/backend/sqlite"
)

// budgetFixture is a workspace in USD with an April fiscal year 2026 (1
// April 2026 – 31 March 2027), two teams and two categories.
type budgetFixture struct {
	db            *sqlite.DB
	budget        *sqlite.BudgetService
	spend         *sqlite.SpendService
	requests      *sqlite.RequestService
	demand, brand int64
	ads, events   int64
}

func newBudgetFixture(t *testing.T) *budgetFixture {
	t.Helper()
	ctx := context.Background()
	db := mustOpen(t)
	if _, err := sqlite.NewWorkspaceService(db).UpdateSettings(ctx, backend.Settings{Name: "W", BaseCurrency: "USD", FiscalYearStartMonth: 4, Language: "en"}); err != nil {
		t.Fatal(err)
	}
	lists := sqlite.NewListService(db)
	item := func(k backend.ListKind, name string) int64 {
		it, err := lists.CreateListItem(ctx, k, name)
		if err != nil {
			t.Fatal(err)
		}
		return it.ID
	}
	f := &budgetFixture{db: db, budget: sqlite.NewBudgetService(db), spend: sqlite.NewSpendService(db), requests: sqlite.NewRequestService(db)}
	f.demand, f.brand = item(backend.ListTeams, "Demand gen"), item(backend.ListTeams, "Brand")
	f.ads, f.events = item(backend.ListCategories, "Ads"), item(backend.ListCategories, "Events")
	if _, err := f.budget.CreateFiscalYear(ctx, 2026, backend.Monthly); err != nil {
		t.Fatal(err)
	}
	return f
}

func (f *budgetFixture) addSpend(t *testing.T, day string, amount int64, currency string, team, cat int64, status backend.SpendStatus) {
	t.Helper()
	sp := &backend.Spend{Date: day, Amount: backend.Money{Amount: amount, Currency: currency}, TeamID: team, CategoryID: cat, Status: status}
	if err := f.spend.CreateSpend(context.Background(), sp); err != nil {
		t.Fatal(err)
	}
}

// newSummaryFixture plans April and May 2026 for Demand gen's ads and
// April for Brand's events, and spends in four currencies, one without a
// rate, with a refund and a planned entry among them; today is 31 May.
func newSummaryFixture(t *testing.T) *budgetFixture {
	t.Helper()
	ctx := context.Background()
	f := newBudgetFixture(t)
	f.db.Now = func() time.Time { return time.Date(2026, 5, 31, 12, 0, 0, 0, time.UTC) }
	if _, err := f.budget.SetBudgetLines(ctx, 2026, []backend.BudgetLine{
		{TeamID: f.demand, CategoryID: f.ads, Period: 1, Amount: 1_000_000},
		{TeamID: f.demand, CategoryID: f.ads, Period: 2, Amount: 500_000},
		{TeamID: f.brand, CategoryID: f.events, Period: 1, Amount: 200_000},
	}); err != nil {
		t.Fatal(err)
	}
	for _, r := range []backend.FXRate{{Currency: "EUR", Month: "2026-04", Rate: "1.1"}, {Currency: "KWD", Month: "2026-04", Rate: "3.25"}} {
		if err := f.budget.SetFXRate(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	f.addSpend(t, "2026-04-10", 300_000, "USD", f.demand, f.ads, backend.SpendActual)
	f.addSpend(t, "2026-04-20", 100_000, "EUR", f.demand, f.ads, backend.SpendCommitted) // 1,000.00 EUR = 1,100.00 USD
	f.addSpend(t, "2026-05-05", -50_000, "USD", f.demand, f.ads, backend.SpendActual)    // a refund
	f.addSpend(t, "2026-04-15", 5_000, "KWD", f.brand, f.events, backend.SpendActual)    // 5.000 KWD = 16.25 USD
	f.addSpend(t, "2026-04-18", 1_500, "JPY", f.brand, f.events, backend.SpendActual)    // no JPY rate
	f.addSpend(t, "2026-04-19", 777, "USD", f.brand, f.events, backend.SpendPlanned)     // planned spend: not in the sums
	return f
}

// wantSummaryRows compares a summary's rows with want; a zero Forecast in
// want is not compared.
func wantSummaryRows(t *testing.T, rows, want []backend.SummaryRow) {
	t.Helper()
	if len(rows) != len(want) {
		t.Fatalf("rows %+v", rows)
	}
	for i, want := range want {
		got := rows[i]
		if got.TeamName != want.TeamName || got.CategoryName != want.CategoryName || got.Planned != want.Planned ||
			got.Committed != want.Committed || got.Actual != want.Actual || got.Available != want.Available ||
			*got.VarianceBasisPoints != *want.VarianceBasisPoints || (want.Forecast != 0 && got.Forecast != want.Forecast) {
			t.Errorf("row %d = %+v (bp %d)\nwant %+v (bp %d)", i, got, *got.VarianceBasisPoints, want, *want.VarianceBasisPoints)
		}
	}
}

func TestBudgetService_Summary(t *testing.T) {
	ctx := context.Background()
	f := newSummaryFixture(t)

	bp := func(v int64) *int64 { return &v }
	tests := []struct {
		name   string
		filter backend.SummaryFilter
		rows   []backend.SummaryRow
	}{
		{"AprilAndMay", backend.SummaryFilter{FiscalYear: 2026, FromPeriod: 1, ToPeriod: 2}, []backend.SummaryRow{
			{TeamName: "Brand", CategoryName: "Events", Planned: 200_000, Actual: 1_625, Available: 198_375, Variance: 198_375, VarianceBasisPoints: bp(9919)},
			{TeamName: "Demand gen", CategoryName: "Ads", Planned: 1_500_000, Committed: 110_000, Actual: 250_000, Available: 1_140_000, Variance: 1_140_000, VarianceBasisPoints: bp(7600),
				Forecast: 1_495_902 + 110_000}, // 250,000 over 61 of 365 days, and what is committed
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := f.budget.Summary(ctx, tt.filter)
			if err != nil {
				t.Fatal(err)
			}
			if s.From != "2026-04-01" || s.To != "2026-05-31" || s.Currency != "USD" {
				t.Fatalf("range %s..%s %s", s.From, s.To, s.Currency)
			}
			wantSummaryRows(t, s.Rows, tt.rows)
			if s.Totals.Planned != 1_700_000 || s.Totals.Actual != 251_625 || s.Totals.Committed != 110_000 {
				t.Errorf("totals %+v", s.Totals)
			}
			if len(s.MissingRates) != 1 || s.MissingRates[0] != (backend.FXRate{Currency: "JPY", Month: "2026-04"}) {
				t.Errorf("missing rates %+v", s.MissingRates)
			}
		})
	}
	t.Run("OnePeriodOneTeam", func(t *testing.T) {
		s, err := f.budget.Summary(ctx, backend.SummaryFilter{FiscalYear: 2026, FromPeriod: 1, ToPeriod: 1, TeamID: f.demand})
		if err != nil {
			t.Fatal(err)
		}
		r := s.Rows[0]
		if len(s.Rows) != 1 || r.Planned != 1_000_000 || r.Committed != 110_000 || r.Actual != 300_000 {
			t.Fatalf("%+v", s.Rows)
		}
	})
	t.Run("RateSetLaterIsUsed", func(t *testing.T) {
		if err := f.budget.SetFXRate(ctx, backend.FXRate{Currency: "JPY", Month: "2026-04", Rate: "0.0066"}); err != nil {
			t.Fatal(err)
		}
		s, _ := f.budget.Summary(ctx, backend.SummaryFilter{FiscalYear: 2026})
		if len(s.MissingRates) != 0 || s.Totals.Actual != 251_625+990 {
			t.Fatalf("actual %d missing %v", s.Totals.Actual, s.MissingRates)
		}
	})
	t.Run("ErrPeriodRange", func(t *testing.T) {
		_, err := f.budget.Summary(ctx, backend.SummaryFilter{FiscalYear: 2026, FromPeriod: 3, ToPeriod: 13})
		wantCode(t, err, backend.EINVALID)
		_, err = f.budget.Summary(ctx, backend.SummaryFilter{FiscalYear: 2030})
		wantCode(t, err, backend.ENOTFOUND)
	})
	t.Run("MovingSpendMovesTheTotals", func(t *testing.T) {
		page, _ := f.spend.FindSpend(ctx, backend.SpendFilter{Vendor: "", Statuses: []backend.SpendStatus{backend.SpendCommitted}})
		moved, err := f.spend.UpdateSpend(ctx, page.Entries[0].ID, backend.SpendUpdate{Status: ptr(backend.SpendActual)})
		if err != nil {
			t.Fatal(err)
		}
		s, _ := f.budget.Summary(ctx, backend.SummaryFilter{FiscalYear: 2026, TeamID: f.demand})
		if s.Rows[0].Committed != 0 || s.Rows[0].Actual != 360_000 {
			t.Fatalf("after update %+v", s.Rows[0])
		}
		if err := f.spend.DeleteSpend(ctx, page.Entries[0].ID, moved.Version); err != nil {
			t.Fatal(err)
		}
		s, _ = f.budget.Summary(ctx, backend.SummaryFilter{FiscalYear: 2026, TeamID: f.demand})
		if s.Rows[0].Actual != 250_000 {
			t.Fatalf("after delete %+v", s.Rows[0])
		}
	})
}

func TestBudgetService_Lines(t *testing.T) {
	ctx := context.Background()
	f := newBudgetFixture(t)
	t.Run("PasteIsAllOrNothing", func(t *testing.T) {
		_, err := f.budget.SetBudgetLines(ctx, 2026, []backend.BudgetLine{
			{TeamID: f.demand, CategoryID: f.ads, Period: 1, Amount: 100},
			{TeamID: f.demand, CategoryID: f.ads, Period: 13, Amount: 100},
		})
		wantCode(t, err, backend.EINVALID)
		p, _ := f.budget.BudgetPlan(ctx, 2026)
		if len(p.Lines) != 0 {
			t.Fatalf("half a paste was stored: %+v", p.Lines)
		}
	})
	t.Run("ZeroRemovesACell", func(t *testing.T) {
		f.budget.SetBudgetLines(ctx, 2026, []backend.BudgetLine{{TeamID: f.demand, CategoryID: f.ads, Period: 2, Amount: 5}})
		p, _ := f.budget.SetBudgetLines(ctx, 2026, []backend.BudgetLine{{TeamID: f.demand, CategoryID: f.ads, Period: 2, Amount: 0}})
		if len(p.Lines) != 0 || p.Label != "FY 2026/27" || p.From != "2026-04-01" || p.To != "2027-03-31" {
			t.Fatalf("%+v", p)
		}
	})
	t.Run("ErrYearExists", func(t *testing.T) {
		_, err := f.budget.CreateFiscalYear(ctx, 2026, backend.Quarterly)
		wantCode(t, err, backend.ECONFLICT)
	})
	t.Run("QuarterlyYear", func(t *testing.T) {
		p, err := f.budget.CreateFiscalYear(ctx, 2027, backend.Quarterly)
		if err != nil || p.Granularity != backend.Quarterly {
			t.Fatalf("%+v %v", p, err)
		}
		_, err = f.budget.SetBudgetLines(ctx, 2027, []backend.BudgetLine{{TeamID: f.brand, CategoryID: f.ads, Period: 5, Amount: 1}})
		wantCode(t, err, backend.EINVALID)
	})
	t.Run("ErrCategoryInUse", func(t *testing.T) {
		f.budget.SetBudgetLines(ctx, 2026, []backend.BudgetLine{{TeamID: f.brand, CategoryID: f.events, Period: 3, Amount: 9}})
		wantCode(t, sqlite.NewListService(f.db).DeleteListItem(ctx, backend.ListCategories, f.events), backend.ECONFLICT)
	})
}

func TestSpendService_BadInput(t *testing.T) {
	ctx := context.Background()
	f := newBudgetFixture(t)
	for _, tt := range []struct {
		name  string
		sp    backend.Spend
		field string
		key   string
	}{
		{"OutsideEveryFiscalYear", backend.Spend{Date: "2025-01-10", Amount: backend.Money{Amount: 1, Currency: "USD"}, Status: backend.SpendActual}, "date", "spend.no_fiscal_year"},
		{"UnknownCurrency", backend.Spend{Date: "2026-05-01", Amount: backend.Money{Amount: 1, Currency: "XYZ"}, Status: backend.SpendActual}, "amount", "money.currency_unknown"},
		{"ZeroAmount", backend.Spend{Date: "2026-05-01", Amount: backend.Money{Currency: "USD"}, Status: backend.SpendActual}, "amount", "spend.amount_zero"},
		{"UnknownStatus", backend.Spend{Date: "2026-05-01", Amount: backend.Money{Amount: 1, Currency: "USD"}, Status: "paid"}, "status", "spend.status_unknown"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			sp := tt.sp
			sp.TeamID, sp.CategoryID = f.demand, f.ads
			err := f.spend.CreateSpend(ctx, &sp)
			var e *backend.Error
			if !asError(err, &e) || e.Fields[tt.field].Key != tt.key {
				t.Fatalf("err = %v, want %s %s", err, tt.field, tt.key)
			}
		})
	}
	if page, _ := f.spend.FindSpend(ctx, backend.SpendFilter{}); page.Total != 0 {
		t.Fatalf("bad input stored %d entries", page.Total)
	}
}

func TestRequestService(t *testing.T) {
	ctx := context.Background()
	f := newBudgetFixture(t)
	f.db.Now = func() time.Time { return time.Date(2026, 6, 2, 9, 0, 0, 0, time.UTC) }
	newReq := func(purpose string) *backend.SpendRequest {
		r := &backend.SpendRequest{Requester: "Arif", TeamID: f.brand, CategoryID: f.events, Amount: backend.Money{Amount: 250_000, Currency: "EUR"}, Purpose: purpose}
		if err := f.requests.CreateRequest(ctx, r); err != nil {
			t.Fatal(err)
		}
		return r
	}
	t.Run("Approve", func(t *testing.T) {
		r := newReq("Booth at the summit")
		got, err := f.requests.DecideRequest(ctx, r.ID, backend.Decision{Approve: true, By: "Dana"})
		if err != nil {
			t.Fatal(err)
		}
		if got.Status != backend.RequestApproved || got.SpendID == 0 || len(got.History) != 2 ||
			got.History[1].Actor != "Dana" || got.History[1].Action != "approved" || got.History[1].At != "2026-06-02T09:00:00Z" {
			t.Fatalf("%+v", got)
		}
		page, _ := f.spend.FindSpend(ctx, backend.SpendFilter{Statuses: []backend.SpendStatus{backend.SpendCommitted}})
		if page.Total != 1 || page.Entries[0].Amount != r.Amount || page.Entries[0].Date != "2026-06-02" || page.Entries[0].RequestID != r.ID {
			t.Fatalf("committed spend %+v", page.Entries)
		}
		_, err = f.requests.DecideRequest(ctx, r.ID, backend.Decision{Approve: false, By: "Dana", Reason: "changed my mind"})
		wantCode(t, err, backend.ECONFLICT)
	})
	t.Run("ErrRejectWithoutReason", func(t *testing.T) {
		r := newReq("Swag")
		_, err := f.requests.DecideRequest(ctx, r.ID, backend.Decision{Approve: false, By: "Dana"})
		var e *backend.Error
		if !asError(err, &e) || e.Fields["reason"].Key != "request.reason_required" {
			t.Fatalf("err = %v", err)
		}
		list, _ := f.requests.FindRequests(ctx, backend.RequestPending)
		if len(list) != 1 || list[0].ID != r.ID {
			t.Fatalf("request changed: %+v", list)
		}
		got, err := f.requests.DecideRequest(ctx, r.ID, backend.Decision{Approve: false, By: "Dana", Reason: "Not in this quarter's plan"})
		if err != nil || got.Status != backend.RequestRejected || got.SpendID != 0 || got.History[1].Note != "Not in this quarter's plan" {
			t.Fatalf("%+v %v", got, err)
		}
	})
	t.Run("ErrApproveOutsideFiscalYear", func(t *testing.T) {
		r := newReq("Next year's event")
		_, err := f.requests.DecideRequest(ctx, r.ID, backend.Decision{Approve: true, By: "Dana", Date: "2028-05-01"})
		wantCode(t, err, backend.EINVALID)
		list, _ := f.requests.FindRequests(ctx, backend.RequestPending)
		if len(list) != 1 {
			t.Fatalf("a failed approval changed the request: %+v", list)
		}
	})
}

func TestBudgetService_CampaignROI(t *testing.T) {
	ctx := context.Background()
	f := newBudgetFixture(t)
	c := newCampaign("Webinar")
	c.AttributedRevenue = 5_000_000 // $50,000.00
	if err := sqlite.NewCampaignService(f.db).CreateCampaign(ctx, c); err != nil {
		t.Fatal(err)
	}
	for _, sp := range []backend.Spend{
		{Date: "2026-04-10", Amount: backend.Money{Amount: 1_000_000, Currency: "USD"}, Status: backend.SpendActual},
		{Date: "2026-04-12", Amount: backend.Money{Amount: 500_000, Currency: "EUR"}, Status: backend.SpendCommitted},
		{Date: "2026-05-12", Amount: backend.Money{Amount: 100_000, Currency: "GBP"}, Status: backend.SpendActual}, // no rate
		{Date: "2026-04-20", Amount: backend.Money{Amount: 999_999, Currency: "USD"}, Status: backend.SpendPlanned},
	} {
		sp.TeamID, sp.CategoryID, sp.CampaignID = f.demand, f.ads, c.ID
		if err := f.spend.CreateSpend(ctx, &sp); err != nil {
			t.Fatal(err)
		}
	}
	f.budget.SetFXRate(ctx, backend.FXRate{Currency: "EUR", Month: "2026-04", Rate: "1.2"})
	got, err := f.budget.CampaignSpend(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	// Spend 10,000 + 6,000 = 16,000; ROI (50,000 − 16,000) / 16,000 = 212.5 %.
	if got.Actual != 1_000_000 || got.Committed != 600_000 || got.Revenue != 5_000_000 || got.ROIBasisPoints == nil || *got.ROIBasisPoints != 21_250 {
		t.Fatalf("%+v", got)
	}
	if len(got.MissingRates) != 1 || got.MissingRates[0].Currency != "GBP" {
		t.Fatalf("missing %+v", got.MissingRates)
	}
	_, err = sqlite.NewCampaignService(f.db).UpdateCampaign(ctx, c.ID, backend.CampaignUpdate{Revenue: ptr(int64(-1))})
	wantCode(t, err, backend.EINVALID)
}
