package sqlite_test

import (
	"context"
	"testing"
	"time"

	"mopsdesk/backend"
	"mopsdesk/backend/sqlite"
)

// contractFixture has one vendor (HubSpot) and one of its contracts, c,
// created from base on 23 Nov 2026 in the budget fixture's workspace.
type contractFixture struct {
	*budgetFixture
	vendors   *sqlite.VendorService
	contracts *sqlite.ContractService
	hub       *backend.Vendor
	c         backend.Contract
}

// base is the contract the fixture creates, before it is stored.
func (x *contractFixture) base() backend.Contract {
	return backend.Contract{VendorID: x.hub.ID, Product: "Marketing Hub Pro", Owner: "Dana", TeamID: x.demand, CategoryID: x.ads,
		Cost: backend.Money{Amount: 1_200_000, Currency: "USD"}, BillingCycle: backend.BillAnnual, StartDate: "2025-02-01",
		TermMonths: 12, RenewalDate: "2026-02-01", AutoRenew: true, NoticeDays: 60, SeatsBought: 10, SeatsUsed: 6, Status: "active",
		Reminders: []backend.Reminder{{Kind: backend.RemindCancel, DaysBefore: 30}, {Kind: backend.RemindRenewal, DaysBefore: 7}}}
}

func newContractFixture(t *testing.T) *contractFixture {
	t.Helper()
	ctx := context.Background()
	f := newBudgetFixture(t) // USD, April fiscal year 2026 (Apr 2026 – Mar 2027)
	f.db.Now = func() time.Time { return time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC) }
	x := &contractFixture{budgetFixture: f, vendors: sqlite.NewVendorService(f.db), contracts: sqlite.NewContractService(f.db),
		hub: &backend.Vendor{Name: "HubSpot", Website: "https://www.hubspot.com", Category: "crm"}}
	if err := x.vendors.CreateVendor(ctx, x.hub); err != nil {
		t.Fatal(err)
	}
	x.c = x.base()
	if err := x.contracts.CreateContract(ctx, &x.c); err != nil {
		t.Fatal(err)
	}
	return x
}

// TestContractService follows one contract through its life: the dates
// it derives, the payments it commits, price changes, reminders, its end,
// and the fiscal years after it.
func TestContractService(t *testing.T) {
	ctx := context.Background()
	x := newContractFixture(t)
	f, vendors, contracts, hub, c := x.budgetFixture, x.vendors, x.contracts, x.hub, x.c
	t.Run("DerivedDates", func(t *testing.T) {
		// Renewed on 1 Feb 2026; next 1 Feb 2027; 60 days' notice → 3 Dec 2026.
		if c.Schedule.NextRenewal != "2027-02-01" || c.Schedule.CancelBy != "2026-12-03" || c.Schedule.Late || c.VendorName != "HubSpot" {
			t.Fatalf("%+v", c.Schedule)
		}
		if len(c.Reminders) != 2 {
			t.Fatalf("reminders %+v", c.Reminders)
		}
	})
	t.Run("BudgetGetsUpcomingPayments", func(t *testing.T) {
		page, _ := f.spend.FindSpend(ctx, backend.SpendFilter{Statuses: []backend.SpendStatus{backend.SpendCommitted}})
		// Annual payments on 1 Feb: 2027-02-01 falls in FY 2026; the past 2026-02-01 payment is not a commitment.
		if page.Total != 1 || page.Entries[0].Date != "2027-02-01" || page.Entries[0].ContractID != c.ID || page.Entries[0].VendorID != hub.ID {
			t.Fatalf("%+v", page.Entries)
		}
		s, _ := f.budget.Summary(ctx, backend.SummaryFilter{FiscalYear: 2026})
		if s.Totals.Committed != 1_200_000 {
			t.Fatalf("committed %d", s.Totals.Committed)
		}
		_, err := f.spend.UpdateSpend(ctx, page.Entries[0].ID, backend.SpendUpdate{Status: ptr(backend.SpendActual)})
		wantCode(t, err, backend.ECONFLICT)
		wantCode(t, f.spend.DeleteSpend(ctx, page.Entries[0].ID, page.Entries[0].Version), backend.ECONFLICT)
	})
	t.Run("PriceChangeIsRecordedAndFollowed", x.priceChange)
	t.Run("Digest", func(t *testing.T) {
		d, err := contracts.Digest(ctx, 30)
		if err != nil {
			t.Fatal(err)
		}
		// Cancel-by 3 Dec is within 30 days (and its 30-day reminder has come);
		// the renewal on 1 Feb is outside the horizon and its 7-day reminder has not come.
		if len(d) != 1 || d[0].Kind != backend.RemindCancel || d[0].Date != "2026-12-03" || !d[0].Due || d[0].RemindOn != "2026-11-03" {
			t.Fatalf("%+v", d)
		}
		if d, _ := contracts.Digest(ctx, 90); len(d) != 2 || d[1].Kind != backend.RemindRenewal {
			t.Fatalf("90 days: %+v", d)
		}
	})
	t.Run("EndedContractLeavesTheBudget", func(t *testing.T) {
		upd := c
		upd.Version = x.version(t, c.ID) // the price change made since
		upd.Status = "ended"
		upd.Cost.Amount = 1_500_000
		if _, err := contracts.UpdateContract(ctx, c.ID, upd); err != nil {
			t.Fatal(err)
		}
		s, _ := f.budget.Summary(ctx, backend.SummaryFilter{FiscalYear: 2026})
		if s.Totals.Committed != 0 {
			t.Fatalf("an ended contract still commits %d", s.Totals.Committed)
		}
	})
	t.Run("NewFiscalYearPicksUpPayments", x.newFiscalYear)
	t.Run("BadInputChangesNothing", x.badInput)
	t.Run("VendorWithContractsCannotGo", func(t *testing.T) {
		wantCode(t, vendors.DeleteVendor(ctx, hub.ID, hub.Version), backend.ECONFLICT)
		_, err := vendors.UpdateVendor(ctx, hub.ID, backend.Vendor{Name: "HubSpot", Website: "javascript:alert(1)"})
		wantCode(t, err, backend.EINVALID)
	})
}

// priceChange: a new price or seat count is kept in the contract's
// history, and the budget's commitments follow it.
func (x *contractFixture) priceChange(t *testing.T) {
	ctx := context.Background()
	f, contracts, c := x.budgetFixture, x.contracts, x.c
	upd := c
	upd.Cost.Amount = 1_500_000
	upd.SeatsBought = 12
	got, err := contracts.UpdateContract(ctx, c.ID, upd)
	if err != nil || got.Cost.Amount != 1_500_000 {
		t.Fatalf("%+v %v", got, err)
	}
	h, _ := contracts.ContractHistory(ctx, c.ID)
	if len(h) != 2 || h[0].Cost.Amount != 1_200_000 || h[1].Cost.Amount != 1_500_000 || h[1].SeatsBought != 12 {
		t.Fatalf("history %+v", h)
	}
	// A change of notes only adds no history entry.
	upd.Notes = "Negotiate at renewal"
	contracts.UpdateContract(ctx, c.ID, upd)
	if h, _ := contracts.ContractHistory(ctx, c.ID); len(h) != 2 {
		t.Fatalf("history grew on a notes change: %+v", h)
	}
	s, _ := f.budget.Summary(ctx, backend.SummaryFilter{FiscalYear: 2026})
	if s.Totals.Committed != 1_500_000 {
		t.Fatalf("budget did not follow the new price: %d", s.Totals.Committed)
	}
}

// version returns the version a contract is stored at now.
func (x *contractFixture) version(t *testing.T, id int64) int64 {
	t.Helper()
	c, err := x.contracts.FindContractByID(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return c.Version
}

// newFiscalYear: a monthly contract commits the payments in the fiscal
// year there is, and those of the next once it is created.
func (x *contractFixture) newFiscalYear(t *testing.T) {
	ctx := context.Background()
	f, contracts := x.budgetFixture, x.contracts
	m := x.base()
	m.Product, m.BillingCycle, m.TermMonths, m.StartDate, m.RenewalDate = "Monthly add-on", backend.BillMonthly, 1, "2026-01-31", "2026-12-31"
	m.Cost = backend.Money{Amount: 10_000, Currency: "USD"}
	if err := contracts.CreateContract(ctx, &m); err != nil {
		t.Fatal(err)
	}
	// From 30 Nov 2026 (31 Jan + 10 months, clamped) to 31 Mar 2027: Nov 30, Dec 31, Jan 31, Feb 28, Mar 31.
	page, _ := f.spend.FindSpend(ctx, backend.SpendFilter{Statuses: []backend.SpendStatus{backend.SpendCommitted}})
	if page.Total != 5 {
		t.Fatalf("monthly payments in FY 2026: %d", page.Total)
	}
	if _, err := f.budget.CreateFiscalYear(ctx, 2027, backend.Monthly); err != nil {
		t.Fatal(err)
	}
	page, _ = f.spend.FindSpend(ctx, backend.SpendFilter{Statuses: []backend.SpendStatus{backend.SpendCommitted}})
	if page.Total != 17 {
		t.Fatalf("after FY 2027 was created: %d", page.Total)
	}
}

// badInput: an update the rules refuse changes nothing; more seats used
// than bought is a warning only.
func (x *contractFixture) badInput(t *testing.T) {
	ctx := context.Background()
	contracts, c := x.contracts, x.c
	for _, tt := range []struct {
		name  string
		edit  func(*backend.Contract)
		field string
		key   string
	}{
		{"RenewalBeforeStart", func(c *backend.Contract) { c.RenewalDate = "2025-01-01" }, "renewalDate", "contract.renewal_before_start"},
		{"NegativeSeats", func(c *backend.Contract) { c.SeatsUsed = -1 }, "seatsUsed", "contract.seats_negative"},
		{"UnknownCurrency", func(c *backend.Contract) { c.Cost.Currency = "BTC" }, "cost", "money.currency_unknown"},
		{"NoticeOf400Days", func(c *backend.Contract) { c.NoticeDays = 400 }, "noticeDays", "contract.notice_range"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			bad := x.base()
			tt.edit(&bad)
			_, err := contracts.UpdateContract(ctx, c.ID, bad)
			var e *backend.Error
			if !asError(err, &e) || e.Fields[tt.field].Key != tt.key {
				t.Fatalf("err = %v, want %s %s", err, tt.field, tt.key)
			}
			got, _ := contracts.FindContractByID(ctx, c.ID)
			if got.Status != "ended" || got.RenewalDate != "2026-02-01" {
				t.Fatalf("a rejected update changed the contract: %+v", got)
			}
		})
	}
	over := x.base()
	over.SeatsUsed = 14
	got, err := contracts.UpdateContract(ctx, c.ID, over)
	if err != nil || !got.OverSeats {
		t.Fatalf("more seats used than bought is a warning, not an error: %+v %v", got, err)
	}
}
