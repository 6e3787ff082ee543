package backend_test

import (
	"testing"

	"mopsdesk/backend"
)

func TestNearestCampaignYear(t *testing.T) {
	c := func(start, end string) *backend.Campaign { return &backend.Campaign{StartDate: start, EndDate: end} }
	for _, tc := range []struct {
		name      string
		campaigns []*backend.Campaign
		want      int
	}{
		{"NoCampaigns", nil, 2026},
		{"ThisYear", []*backend.Campaign{c("2027-02-01", "2027-03-01"), c("2026-01-05", "2026-01-06")}, 2026},
		{"AllNextYear", []*backend.Campaign{c("2027-02-01", "2027-03-01"), c("2029-01-01", "2029-01-31")}, 2027},
		{"AllLastYear", []*backend.Campaign{c("2025-02-01", "2025-03-01"), c("2021-01-01", "2021-01-31")}, 2025},
		{"TieTakesTheFuture", []*backend.Campaign{c("2025-06-01", "2025-06-02"), c("2027-06-01", "2027-06-02")}, 2027},
		{"SpanningTodaysYear", []*backend.Campaign{c("2025-06-01", "2028-01-31")}, 2026},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := backend.NearestCampaignYear(tc.campaigns, "2026-11-27"); got != tc.want {
				t.Fatalf("got %d, want %d", got, tc.want)
			}
		})
	}
}
