package sqlite_test

import (
	"context"
	"testing"
	"time"

	"mopsdesk/backend"
	"mopsdesk/backend/sqlite"
)

// ratesFixture is the scenario: base EUR, a fiscal year from
// April (FY 2026 = Apr 2026 – Mar 2027), today 23 Nov 2026, a USD
// contract paid monthly ($1,000 on the 1st) and committed GBP spend in
// January; only November has a USD rate.
type ratesFixture struct {
	*budgetFixture
	contracts *sqlite.ContractService
	contract  backend.Contract
}

func newRatesFixture(t *testing.T) *ratesFixture {
	t.Helper()
	ctx := context.Background()
	f := &ratesFixture{budgetFixture: newBudgetFixture(t), contracts: nil}
	f.db.Now = func() time.Time { return time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC) }
	if _, err := sqlite.NewWorkspaceService(f.db).UpdateSettings(ctx, backend.Settings{Name: "W", BaseCurrency: "EUR", FiscalYearStartMonth: 4, Language: "en"}); err != nil {
		t.Fatal(err)
	}
	vendor := &backend.Vendor{Name: "Semrush", Category: "analytics"}
	if err := sqlite.NewVendorService(f.db).CreateVendor(ctx, vendor); err != nil {
		t.Fatal(err)
	}
	f.contracts = sqlite.NewContractService(f.db)
	f.contract = backend.Contract{VendorID: vendor.ID, Product: "Guru", Owner: "Dana", TeamID: f.demand, CategoryID: f.ads,
		Cost: backend.Money{Amount: 100_000, Currency: "USD"}, BillingCycle: backend.BillMonthly, StartDate: "2026-01-01",
		TermMonths: 12, RenewalDate: "2027-01-01", AutoRenew: true, NoticeDays: 30, SeatsBought: 2, SeatsUsed: 2, Status: "active"}
	if err := f.contracts.CreateContract(ctx, &f.contract); err != nil {
		t.Fatal(err)
	}
	f.addSpend(t, "2027-01-12", 50_000, "GBP", f.brand, f.events, backend.SpendCommitted) // £500 for an event in January
	if err := f.budget.SetFXRate(ctx, backend.FXRate{Currency: "USD", Month: "2026-11", Rate: "0.95"}); err != nil {
		t.Fatal(err)
	}
	return f
}

func (f *ratesFixture) summary(t *testing.T, from, to int) *backend.BudgetSummary {
	t.Helper()
	s, err := f.budget.Summary(context.Background(), backend.SummaryFilter{FiscalYear: 2026, FromPeriod: from, ToPeriod: to})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func (f *ratesFixture) figures(t *testing.T) backend.ContractFigures {
	t.Helper()
	o, err := f.contracts.Overview(context.Background())
	if err != nil || len(o.Figures) != 1 {
		t.Fatalf("overview %+v %v", o, err)
	}
	return o.Figures[0]
}

// TestPlanningRates guards issue 14, item 6: future months have no rate,
// so contract payments and foreign spend fell out of the budget.
func TestPlanningRates(t *testing.T) {
	ctx := context.Background()
	f := newRatesFixture(t)
	// December to March: four USD payments and the GBP spend, no rates.
	if s := f.summary(t, 9, 12); s.Totals.Committed != 0 || len(s.MissingRates) != 5 {
		t.Fatalf("without planning rates: committed %d, missing %+v", s.Totals.Committed, s.MissingRates)
	}
	for _, r := range []backend.PlanningRate{{Currency: "usd", Rate: " 0.9 "}, {Currency: "GBP", Rate: "1.15"}} {
		if err := f.budget.SetPlanningRate(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	t.Run("CarryForwardAndAreMarked", func(t *testing.T) {
		s := f.summary(t, 9, 12)
		// 4 × $1,000 at 0.9 = €3,600; £500 at 1.15 = €575.
		if s.Totals.Committed != 360_000+57_500 || len(s.MissingRates) != 0 {
			t.Fatalf("committed %d, missing %+v", s.Totals.Committed, s.MissingRates)
		}
		if !s.Totals.AssumedCommitted || s.Totals.AssumedActual || len(s.AssumedRates) != 5 ||
			s.AssumedRates[0] != (backend.FXRate{Currency: "GBP", Month: "2027-01", Rate: "1.15"}) ||
			s.AssumedRates[1] != (backend.FXRate{Currency: "USD", Month: "2026-12", Rate: "0.9"}) {
			t.Fatalf("assumed %+v totals %+v", s.AssumedRates, s.Totals)
		}
		// November has its own rate: nothing there is assumed.
		if nov := f.summary(t, 8, 8); nov.Totals.AssumedCommitted || len(nov.AssumedRates) != 0 {
			t.Fatalf("November %+v", nov)
		}
	})
	t.Run("ActualMonthlyRateTakesOver", func(t *testing.T) {
		if err := f.budget.SetFXRate(ctx, backend.FXRate{Currency: "USD", Month: "2026-12", Rate: "0.93"}); err != nil {
			t.Fatal(err)
		}
		dec := f.summary(t, 9, 9)
		if dec.Totals.Committed != 93_000 || dec.Totals.AssumedCommitted || len(dec.AssumedRates) != 0 {
			t.Fatalf("December %+v", dec)
		}
		if err := f.budget.DeleteFXRate(ctx, "USD", "2026-12"); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("ListAndDelete", func(t *testing.T) {
		list, err := f.budget.PlanningRates(ctx)
		if err != nil || len(list) != 2 || list[1] != (backend.PlanningRate{Currency: "USD", Rate: "0.9"}) {
			t.Fatalf("%+v %v", list, err)
		}
		wantCode(t, f.budget.SetPlanningRate(ctx, backend.PlanningRate{Currency: "USD", Rate: "-1"}), backend.EINVALID)
		if err := f.budget.DeletePlanningRate(ctx, "GBP"); err != nil {
			t.Fatal(err)
		}
		wantCode(t, f.budget.DeletePlanningRate(ctx, "GBP"), backend.ENOTFOUND)
		if s := f.summary(t, 10, 10); len(s.MissingRates) != 1 || s.MissingRates[0].Currency != "GBP" {
			t.Fatalf("GBP without a planning rate: %+v", s.MissingRates)
		}
	})
}

// TestContractsAndBudgetAgree guards issue 14, item 6: a contract's
// annual cost on the Contracts page and its committed payments in the
// budget are priced by the same rule and at the same rates.
func TestContractsAndBudgetAgree(t *testing.T) {
	ctx := context.Background()
	f := newRatesFixture(t)
	if err := f.budget.SetPlanningRate(ctx, backend.PlanningRate{Currency: "USD", Rate: "0.9"}); err != nil {
		t.Fatal(err)
	}
	payments := func() []*backend.Spend {
		page, err := f.spend.FindSpend(ctx, backend.SpendFilter{VendorID: f.contract.VendorID})
		if err != nil || page.Total != 4 {
			t.Fatalf("payments %+v %v", page, err)
		}
		return page.Entries
	}
	check := func(t *testing.T, rateNow string, assumedNow bool) {
		t.Helper()
		fig := f.figures(t)
		want, _ := backend.Convert(12*100_000, cur("USD"), cur("EUR"), rateNow)
		if fig.Annualised == nil || *fig.Annualised != want || (fig.AssumedRate != nil) != assumedNow {
			t.Fatalf("annual cost %v (assumed %+v), want %d at %s", fig.Annualised, fig.AssumedRate, want, rateNow)
		}
		// Each payment: the budget's committed figure for its month is
		// the payment at the rate the rule gives that month.
		for _, p := range payments() {
			rate, assumed := "0.9", true
			if p.Date[:7] == "2026-11" || (p.Date[:7] == "2026-12" && rateNow == "0.93") {
				rate, assumed = rateNow, false
			}
			want, _ := backend.Convert(p.Amount.Amount, cur("USD"), cur("EUR"), rate)
			period, _ := backend.FiscalMonth(p.Date, 4)
			s := f.summary(t, period, period)
			if s.Totals.Committed != want || s.Totals.AssumedCommitted != assumed {
				t.Errorf("payment %s: budget %d (assumed %v), want %d at %s", p.Date, s.Totals.Committed, s.Totals.AssumedCommitted, want, rate)
			}
			if p.Base == nil || p.Base.Amount != want || p.Base.Assumed != assumed || p.Base.Rate != rate {
				t.Errorf("payment %s in the spend list: %+v, want %d at %s", p.Date, p.Base, want, rate)
			}
		}
	}
	t.Run("ThisMonthHasARate", func(t *testing.T) { check(t, "0.95", false) })
	// Without November's rate the Contracts page, like the budget, uses
	// the planning rate, and says so.
	if err := f.budget.DeleteFXRate(ctx, "USD", "2026-11"); err != nil {
		t.Fatal(err)
	}
	t.Run("PlanningRateForBoth", func(t *testing.T) {
		check(t, "0.9", true)
		if fig := f.figures(t); *fig.Annualised != 1_080_000 || *fig.AssumedRate != (backend.FXRate{Currency: "USD", Month: "2026-11", Rate: "0.9"}) {
			t.Fatalf("%+v", fig)
		}
	})
}

// TestSpendList_InBase guards issue 14's friction item: the spend list
// shows each entry in the base currency beside its own.
func TestSpendList_InBase(t *testing.T) {
	ctx := context.Background()
	f := newRatesFixture(t)
	f.addSpend(t, "2026-11-03", 20_000, "USD", f.demand, f.ads, backend.SpendActual)
	f.addSpend(t, "2026-11-04", 7_000, "EUR", f.demand, f.ads, backend.SpendActual)
	page, err := f.spend.FindSpend(ctx, backend.SpendFilter{From: "2026-11-01", To: "2026-11-30", Statuses: []backend.SpendStatus{backend.SpendActual}})
	if err != nil || page.Total != 2 {
		t.Fatalf("%+v %v", page, err)
	}
	eur, usd := page.Entries[0], page.Entries[1]
	if usd.Base == nil || *usd.Base != (backend.InBase{Amount: 19_000, Currency: "EUR", Rate: "0.95"}) {
		t.Fatalf("USD entry in EUR: %+v", usd.Base)
	}
	if eur.Base == nil || eur.Base.Amount != 7_000 || eur.Base.Rate != "1" {
		t.Fatalf("EUR entry: %+v", eur.Base)
	}
	gbp, _ := f.spend.FindSpend(ctx, backend.SpendFilter{From: "2027-01-12", To: "2027-01-12"})
	if gbp.Total != 1 || gbp.Entries[0].Amount.Currency != "GBP" || gbp.Entries[0].Base != nil {
		t.Fatalf("GBP without any rate must have no base amount: %+v", gbp.Entries)
	}
}

// TestCampaignSpend_PlanningRate: a campaign's spend follows the same
// rule, and names the months it priced at a planning rate.
func TestCampaignSpend_PlanningRate(t *testing.T) {
	ctx := context.Background()
	f := newRatesFixture(t)
	c := newCampaign("Spring event")
	if err := sqlite.NewCampaignService(f.db).CreateCampaign(ctx, c); err != nil {
		t.Fatal(err)
	}
	sp := &backend.Spend{Date: "2027-01-20", Amount: backend.Money{Amount: 20_000, Currency: "GBP"}, TeamID: f.brand, CategoryID: f.events,
		CampaignID: c.ID, Status: backend.SpendCommitted}
	if err := f.spend.CreateSpend(ctx, sp); err != nil {
		t.Fatal(err)
	}
	if err := f.budget.SetPlanningRate(ctx, backend.PlanningRate{Currency: "GBP", Rate: "1.15"}); err != nil {
		t.Fatal(err)
	}
	got, err := f.budget.CampaignSpend(ctx, c.ID)
	if err != nil || got.Committed != 23_000 || len(got.MissingRates) != 0 ||
		len(got.AssumedRates) != 1 || got.AssumedRates[0] != (backend.FXRate{Currency: "GBP", Month: "2027-01", Rate: "1.15"}) {
		t.Fatalf("%+v %v", got, err)
	}
}

func cur(code string) backend.Currency {
	c, _ := backend.LookupCurrency(code)
	return c
}
