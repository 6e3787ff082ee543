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
