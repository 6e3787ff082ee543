package backend_test

import (
	"testing"
	"time"

	"mopsdesk/backend"
)

func TestAddMonths(t *testing.T) {
	d := func(s string) time.Time { v, _ := backend.ParseDay(s); return v }
	for _, tt := range []struct {
		from string
		n    int
		want string
	}{
		{"2026-01-31", 1, "2026-02-28"},
		{"2028-01-31", 1, "2028-02-29"}, // leap year
		{"2026-01-31", 2, "2026-03-31"}, // counted from the 31st, not from 28 Feb
		{"2026-01-31", 3, "2026-04-30"},
		{"2028-02-29", 12, "2029-02-28"},
		{"2026-11-30", 3, "2027-02-28"},
		{"2026-03-15", -1, "2026-02-15"},
	} {
		if got := backend.AddMonths(d(tt.from), tt.n).Format(backend.DayLayout); got != tt.want {
			t.Errorf("AddMonths(%s, %d) = %s, want %s", tt.from, tt.n, got, tt.want)
		}
	}
}

func TestSchedule(t *testing.T) {
	tests := []struct {
		name                      string
		renewal                   string
		term, notice              int
		auto, ended               bool
		today                     string
		next, cancelBy, cancelFor string
		late                      bool
	}{
		{"AnnualAhead", "2027-03-01", 12, 60, true, false, "2026-11-23", "2027-03-01", "2026-12-31", "2027-03-01", false},
		{"AnnualRollsForward", "2025-03-01", 12, 60, true, false, "2026-11-23", "2027-03-01", "2026-12-31", "2027-03-01", false},
		{"MonthlyFromMonthEnd", "2026-01-31", 1, 0, true, false, "2026-02-10", "2026-02-28", "2026-02-28", "2026-02-28", false},
		{"MonthlyRollsKeepDay", "2026-01-31", 1, 0, true, false, "2026-03-01", "2026-03-31", "2026-03-31", "2026-03-31", false},
		{"QuarterlyLateGoesToNext", "2026-12-01", 3, 30, true, false, "2026-11-23", "2026-12-01", "2027-01-30", "2027-03-01", true},
		// The contracts list says "too late for 30 Nov; next decision by 23 Dec, for 30 Dec".
		{"MonthlySevenDaysLate", "2026-11-30", 1, 7, true, false, "2026-11-27", "2026-11-30", "2026-12-23", "2026-12-30", true},
		{"NoticeLongerThanTerm", "2026-12-01", 1, 75, true, false, "2026-11-23", "2026-12-01", "2026-12-16", "2027-03-01", true},
		{"MultiYear", "2024-06-30", 36, 90, true, false, "2026-11-23", "2027-06-30", "2027-04-01", "2027-06-30", false},
		{"FixedTermStillAhead", "2026-12-15", 12, 30, false, false, "2026-11-23", "2026-12-15", "", "", true},
		{"FixedTermPast", "2026-10-01", 12, 30, false, false, "2026-11-23", "", "", "", false},
		{"Ended", "2027-03-01", 12, 30, true, true, "2026-11-23", "", "", "", false},
		{"RenewsToday", "2026-11-23", 12, 0, true, false, "2026-11-23", "2026-11-23", "2026-11-23", "2026-11-23", false},
		{"LeapDayAnnual", "2028-02-29", 12, 1, true, false, "2028-03-01", "2029-02-28", "2029-02-27", "2029-02-28", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := backend.Schedule(tt.renewal, tt.term, tt.notice, tt.auto, tt.ended, tt.today)
			want := backend.RenewalSchedule{NextRenewal: tt.next, CancelBy: tt.cancelBy, CancelFor: tt.cancelFor, Late: tt.late}
			if got != want {
				t.Fatalf("got %+v\nwant %+v", got, want)
			}
		})
	}
}

func TestContract_Payments(t *testing.T) {
	base := backend.Contract{StartDate: "2026-01-31", RenewalDate: "2027-01-31", TermMonths: 12, AutoRenew: true, Status: "active"}
	tests := []struct {
		name     string
		edit     func(c *backend.Contract)
		from, to string
		want     string
	}{
		{"Monthly", func(c *backend.Contract) { c.BillingCycle = backend.BillMonthly }, "2026-11-01", "2027-03-31",
			"2026-11-30 2026-12-31 2027-01-31 2027-02-28 2027-03-31"},
		{"Quarterly", func(c *backend.Contract) { c.BillingCycle = backend.BillQuarterly }, "2026-06-01", "2027-06-30",
			"2026-07-31 2026-10-31 2027-01-31 2027-04-30"},
		{"Annual", func(c *backend.Contract) { c.BillingCycle = backend.BillAnnual }, "2026-02-01", "2028-12-31",
			"2027-01-31 2028-01-31"},
		{"MultiYear", func(c *backend.Contract) { c.BillingCycle, c.TermMonths = backend.BillMultiYear, 36 }, "2026-02-01", "2032-12-31",
			"2029-01-31 2032-01-31"},
		{"OneOff", func(c *backend.Contract) { c.BillingCycle = backend.BillOneOff }, "2026-01-01", "2030-12-31", "2026-01-31"},
		{"FixedTermStopsBeforeRenewal", func(c *backend.Contract) { c.BillingCycle, c.AutoRenew = backend.BillMonthly, false }, "2026-11-01", "2027-12-31",
			"2026-11-30 2026-12-31"},
		{"CancellingStopsToo", func(c *backend.Contract) { c.BillingCycle, c.Status = backend.BillAnnual, "cancelling" }, "2026-02-01", "2028-12-31", ""},
		{"Ended", func(c *backend.Contract) { c.BillingCycle, c.Status = backend.BillMonthly, "ended" }, "2026-01-01", "2027-12-31", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := base
			tt.edit(&c)
			got := ""
			for i, d := range c.Payments(tt.from, tt.to) {
				if i > 0 {
					got += " "
				}
				got += d
			}
			if got != tt.want {
				t.Fatalf("payments %q, want %q", got, tt.want)
			}
		})
	}
}

func TestContract_Annualised(t *testing.T) {
	for cycle, want := range map[backend.BillingCycle]int64{
		backend.BillMonthly: 120_000, backend.BillQuarterly: 40_000, backend.BillAnnual: 10_000,
		backend.BillMultiYear: 3_333, backend.BillOneOff: 10_000, // 10,000 over 36 months = 3,333.33/yr → 3,333
	} {
		c := backend.Contract{BillingCycle: cycle, TermMonths: 36, Cost: backend.Money{Amount: 10_000, Currency: "USD"}}
		if got := c.Annualised(); got != want {
			t.Errorf("%s: %d, want %d", cycle, got, want)
		}
	}
}
