package api_test

import (
	"context"
	"fmt"
	"io"
	"strings"
	"testing"

	"mopsdesk/backend"
	"mopsdesk/backend/api"
	"mopsdesk/backend/chart"
)

// seedCampaigns fills a workspace with n campaigns over 2026 (some begun
// in 2025), each with a channel, a tag and an owner, through the importer.
func seedCampaigns(tb testing.TB, n int) *api.API {
	tb.Helper()
	a, _ := newAPIWith(tb, io.Discard, func(*api.Services) {})
	for i := 0; i < 5; i++ {
		if _, err := a.Lists.Create(context.Background(), backend.ListChannels, fmt.Sprintf("Channel %d", i)); err != nil {
			tb.Fatal(err)
		}
	}
	var csv strings.Builder
	csv.WriteString("Name,Team,Owner,Channels,Tags,Status,Start,End\n")
	for i := 0; i < n; i++ {
		start, end := fmt.Sprintf("2026-%02d-%02d", i%12+1, i%28+1), fmt.Sprintf("2026-%02d-28", min(i%12+1+i%3, 12))
		if i%10 == 0 {
			start = fmt.Sprintf("2025-%02d-01", i%12+1)
		}
		fmt.Fprintf(&csv, "Campaign %d,Team %d,Owner %d,Channel %d,tag%d,%s,%s,%s\n", i, i%4, i%40, i%5, i%12,
			backend.CampaignStatuses[i%len(backend.CampaignStatuses)], start, end)
	}
	importCSV(tb, a, "campaigns", csv.String(), n)
	return a
}

// BenchmarkCampaignsFirstVisit is what the Campaigns page asks for on its
// first visit at 5,000 campaigns: the campaigns-per-month chart and the
// year it opens on, the first page of the list, and the filters' facets.
// The chart reads every campaign of the year; the list one page.
func BenchmarkCampaignsFirstVisit(b *testing.B) {
	a := seedCampaigns(b, 5000)
	ctx := context.Background()
	cases := []struct {
		name string
		run  func() error
	}{
		{"chart", func() error { _, err := a.Charts.CampaignsByMonth(ctx, 2026, chart.Labels{}); return err }},
		{"year", func() error { _, err := a.Charts.CampaignYear(ctx); return err }},
		{"list", func() error {
			_, err := a.Campaigns.Find(ctx, backend.CampaignFilter{Sort: backend.SortByStart, Limit: 50})
			return err
		}},
		{"facets", func() error { _, err := a.Campaigns.Facets(ctx); return err }},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			start := cpuTime()
			for i := 0; i < b.N; i++ {
				if err := c.run(); err != nil {
					b.Fatal(err)
				}
			}
			// CPU time is the figure to compare on a shared machine.
			b.ReportMetric(float64((cpuTime()-start).Microseconds())/1000/float64(b.N), "cpu-ms/op")
		})
	}
}
