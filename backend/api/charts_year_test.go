package api_test

import (
	"context"
	"io"
	"testing"

	"mopsdesk/backend"
)

// TestCampaignYear: the chart opens on today's year (2026 in these tests)
// when a campaign runs in it, even one begun the year before; otherwise on
// the year with campaigns nearest to it.
func TestCampaignYear(t *testing.T) {
	a, _ := newAPI(t, io.Discard)
	add := func(start, end string) {
		t.Helper()
		if _, err := a.Campaigns.Create(context.Background(), backend.Campaign{Name: "C " + start, Status: backend.StatusPlanned, StartDate: start, EndDate: end,
			Budget: backend.Money{Currency: "USD"}}); err != nil {
			t.Fatal(err)
		}
	}
	want := func(y int) {
		t.Helper()
		if got, err := a.Charts.CampaignYear(context.Background()); err != nil || got != y {
			t.Fatalf("CampaignYear = %d, %v; want %d", got, err, y)
		}
	}
	want(2026) // no campaign at all
	add("2028-03-01", "2028-03-31")
	want(2028)
	add("2024-05-01", "2024-05-31")
	add("2027-12-20", "2028-01-10")
	want(2027)
	add("2025-12-01", "2026-01-15")
	want(2026)
}
