package sqlite_test

import (
	"context"
	"testing"
	"time"

	"mopsdesk/backend"
	"mopsdesk/backend/sqlite"
)

// A request names the day the money is needed, the vendor and the
// campaign, and approving it carries all three onto the committed spend,
// even for a campaign of the next fiscal year (pre-launch spend).
func TestRequestService_Detail(t *testing.T) {
	ctx := context.Background()
	f := newBudgetFixture(t)
	f.db.Now = func() time.Time { return time.Date(2026, 6, 2, 9, 0, 0, 0, time.UTC) }
	launch := newCampaign("Launch 2027")
	launch.StartDate, launch.EndDate = "2027-05-01", "2027-06-30" // fiscal year 2027
	if err := sqlite.NewCampaignService(f.db).CreateCampaign(ctx, launch); err != nil {
		t.Fatal(err)
	}
	t.Run("OK", func(t *testing.T) {
		r := &backend.SpendRequest{Requester: "Arif", TeamID: f.brand, CategoryID: f.events, Amount: backend.Money{Amount: 750_000, Currency: "USD"},
			Purpose: "Teaser stand", Date: "2026-09-15", Vendor: " Messe Berlin ", CampaignID: launch.ID}
		if err := f.requests.CreateRequest(ctx, r); err != nil {
			t.Fatal(err)
		}
		if r.Date != "2026-09-15" || r.Vendor != "Messe Berlin" || r.CampaignID != launch.ID || r.CampaignName != "Launch 2027" {
			t.Fatalf("stored %+v", r)
		}
		got, err := f.requests.FindRequestByID(ctx, r.ID)
		if err != nil || got.Vendor != "Messe Berlin" {
			t.Fatalf("%+v %v", got, err)
		}
		if _, err := f.requests.DecideRequest(ctx, r.ID, backend.Decision{Approve: true, By: "Dana"}); err != nil {
			t.Fatal(err)
		}
		page, _ := f.spend.FindSpend(ctx, backend.SpendFilter{CampaignID: launch.ID})
		if page.Total != 1 {
			t.Fatalf("spend of the campaign: %+v", page.Entries)
		}
		sp := page.Entries[0]
		if sp.Date != "2026-09-15" || sp.Vendor != "Messe Berlin" || sp.Status != backend.SpendCommitted || sp.RequestID != r.ID {
			t.Fatalf("committed spend %+v", sp)
		}
	})
	t.Run("ErrUnknownCampaign", func(t *testing.T) {
		r := &backend.SpendRequest{Requester: "Arif", TeamID: f.brand, CategoryID: f.events, Amount: backend.Money{Amount: 1_00, Currency: "USD"},
			Purpose: "Ghost", CampaignID: 9_999}
		var e *backend.Error
		if err := f.requests.CreateRequest(ctx, r); !asError(err, &e) || e.Fields["campaignId"].Key != "field.reference_unknown" {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("ErrDateInvalid", func(t *testing.T) {
		r := &backend.SpendRequest{Requester: "Arif", TeamID: f.brand, CategoryID: f.events, Amount: backend.Money{Amount: 1_00, Currency: "USD"},
			Purpose: "Soon", Date: "15/09/2026"}
		var e *backend.Error
		if err := f.requests.CreateRequest(ctx, r); !asError(err, &e) || e.Fields["date"].Key != "field.date_invalid" {
			t.Fatalf("err = %v", err)
		}
	})
}

// The approver sees planned, committed, actual and available for the
// request's team and category in its budget period, in the base currency,
// and whether the request asks for more than is left.
func TestBudgetService_CheckBudget(t *testing.T) {
	ctx := context.Background()
	f := newBudgetFixture(t)
	if _, err := f.budget.SetBudgetLines(ctx, 2026, []backend.BudgetLine{
		{TeamID: f.brand, CategoryID: f.events, Period: 6, Amount: 500_000}, // September: 5,000.00
		{TeamID: f.brand, CategoryID: f.events, Period: 5, Amount: 900_000}, // August: another period
		{TeamID: f.demand, CategoryID: f.events, Period: 6, Amount: 800_000},
	}); err != nil {
		t.Fatal(err)
	}
	if err := f.budget.SetFXRate(ctx, backend.FXRate{Currency: "EUR", Month: "2026-09", Rate: "1.1"}); err != nil {
		t.Fatal(err)
	}
	f.addSpend(t, "2026-09-03", 100_000, "USD", f.brand, f.events, backend.SpendCommitted)
	f.addSpend(t, "2026-09-20", 50_000, "USD", f.brand, f.events, backend.SpendActual)
	f.addSpend(t, "2026-08-20", 70_000, "USD", f.brand, f.events, backend.SpendActual)  // August: not this period
	f.addSpend(t, "2026-09-20", 60_000, "USD", f.demand, f.events, backend.SpendActual) // another team

	t.Run("OK", func(t *testing.T) {
		got, err := f.budget.CheckBudget(ctx, f.brand, f.events, "2026-09-15", backend.Money{Amount: 100_000, Currency: "EUR"})
		if err != nil {
			t.Fatal(err)
		}
		if got.FiscalYear != 2026 || got.Period != 6 || got.From != "2026-09-01" || got.To != "2026-09-30" || got.Currency != "USD" ||
			got.Planned != 500_000 || got.Committed != 100_000 || got.Actual != 50_000 || got.Available != 350_000 ||
			got.Amount == nil || *got.Amount != 110_000 || got.Exceeds {
			t.Fatalf("%+v", got)
		}
	})
	t.Run("Exceeds", func(t *testing.T) {
		got, err := f.budget.CheckBudget(ctx, f.brand, f.events, "2026-09-15", backend.Money{Amount: 750_000, Currency: "EUR"})
		if err != nil || got.Amount == nil || *got.Amount != 825_000 || !got.Exceeds {
			t.Fatalf("%+v %v", got, err)
		}
		// Nothing planned at all: €7,500 against €0 is over.
		got, err = f.budget.CheckBudget(ctx, f.brand, f.ads, "2026-09-15", backend.Money{Amount: 750_000, Currency: "USD"})
		if err != nil || got.Planned != 0 || got.Available != 0 || !got.Exceeds {
			t.Fatalf("%+v %v", got, err)
		}
	})
	t.Run("MissingRate", func(t *testing.T) {
		got, err := f.budget.CheckBudget(ctx, f.brand, f.events, "2026-10-01", backend.Money{Amount: 1_000, Currency: "EUR"})
		if err != nil || got.Amount != nil || got.Exceeds || len(got.MissingRates) != 1 || got.MissingRates[0].Month != "2026-10" {
			t.Fatalf("%+v %v", got, err)
		}
	})
	t.Run("ErrNoFiscalYear", func(t *testing.T) {
		_, err := f.budget.CheckBudget(ctx, f.brand, f.events, "2029-01-01", backend.Money{Amount: 1_000, Currency: "USD"})
		wantCode(t, err, backend.ENOTFOUND)
	})
}
