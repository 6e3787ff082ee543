package backend

import (
	"testing"
	"time"
)

// A Solar Hijri year's months (Farvardin 1405 begins on 21 March 2026)
// count the campaigns that run in them, not in the Gregorian months.
func TestCountCampaignsInMonths_PersianYear(t *testing.T) {
	day := func(s string) time.Time { d, _ := ParseDay(s); return d }
	// 1 Farvardin … 1 Esfand 1405, and 1 Farvardin 1406.
	starts := [13]time.Time{day("2026-03-21"), day("2026-04-21"), day("2026-05-22"), day("2026-06-22"), day("2026-07-23"), day("2026-08-23"),
		day("2026-09-23"), day("2026-10-23"), day("2026-11-22"), day("2026-12-22"), day("2027-01-21"), day("2027-02-20"), day("2027-03-21")}
	cs := []*Campaign{
		{Status: StatusPlanned, StartDate: "2026-03-25", EndDate: "2026-04-05"}, // Farvardin only
		{Status: StatusLive, StartDate: "2026-03-01", EndDate: "2026-03-20"},    // Esfand 1404: not in this year
		{Status: StatusLive, StartDate: "2027-03-10", EndDate: "2027-03-25"},    // Esfand 1405 and the next year
	}
	got := CountCampaignsInMonths(cs, 1405, starts)
	if got.Counts[0][StatusPlanned] != 1 || got.Counts[1][StatusPlanned] != 0 {
		t.Fatalf("Farvardin %v, Ordibehesht %v", got.Counts[0], got.Counts[1])
	}
	if got.Counts[0][StatusLive] != 0 || got.Counts[11][StatusLive] != 1 {
		t.Fatalf("Farvardin %v, Esfand %v", got.Counts[0], got.Counts[11])
	}
	// The Gregorian count of 2026 puts the first campaign in March and April.
	g := CountCampaignsByMonth(cs, 2026)
	if g.Counts[2][StatusPlanned] != 1 || g.Counts[3][StatusPlanned] != 1 {
		t.Fatalf("March %v, April %v", g.Counts[2], g.Counts[3])
	}
}
