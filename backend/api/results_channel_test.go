package api_test

import (
	"context"
	"io"
	"strconv"
	"testing"

	"mopsdesk/backend"
	"mopsdesk/backend/api"
	"mopsdesk/backend/sheet"
	"mopsdesk/backend/transfer"
)

// importResults imports a results file through the facade.
func importResults(t *testing.T, a *api.API, name, data string) *transfer.ImportPreview {
	t.Helper()
	tok := addImport(t, a, name, data)
	out, err := a.Imports.Commit(context.Background(), api.ImportRequest{Token: tok, Options: sheet.Options{Kind: transfer.KindResults}})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// Regression: by channel, results were grouped by the channel the file
// names ("Search" from Google Ads, "Paid Search" from HubSpot's Original
// Source), so one campaign's cost and leads landed on different rows and
// cost per lead by channel was "—" on every row. A fact matched to a
// campaign counts under the campaign's channel, the workspace's own list
// the budget and plans use; the file's channel only names facts no
// campaign with a channel matches.
func TestResults_ByChannelIsTheCampaignsChannel(t *testing.T) {
	a, _ := newAPI(t, io.Discard)
	ctx := context.Background()
	ch, err := a.Lists.Create(ctx, backend.ListChannels, "Paid search")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Campaigns.Create(ctx, backend.Campaign{Name: "Spring launch", ChannelIDs: []int64{ch.ID}, Status: backend.StatusPlanned,
		StartDate: "2026-03-01", EndDate: "2026-06-30", Budget: backend.Money{Currency: "USD"}}); err != nil {
		t.Fatal(err)
	}
	importResults(t, a, "google-ads.csv", "Campaign report\n\"March 1, 2026 - March 2, 2026\"\n"+
		"Day,Campaign,Campaign type,Currency code,Impr.,Clicks,Cost,Conversions\n"+
		"2026-03-01,Spring launch,Search,USD,\"1,000\",50,100.00,2\n"+
		"2026-03-02,Spring launch,Search,USD,800,40,90.00,1\n"+
		"2026-03-02,Brand always-on,Search,USD,100,4,10.00,0\n")
	importResults(t, a, "hubspot-contacts.csv", "Record ID,First Name,Lifecycle Stage,Create Date,Original Source,Original Source Drill-Down 2\n"+
		"101,Ana,Lead,2026-03-01,Paid Search,Spring launch\n"+
		"102,Ben,Marketing Qualified Lead,2026-03-02,Paid Search,Spring launch\n")

	want := map[string][3]string{ // cost, leads, cost per lead
		"Paid search": {"19000", "2", "95.00 USD"},
		"Search":      {"1000", "0", "—"}, // a name no campaign matches keeps the file's channel
	}
	check := func(where string, rows []backend.ResultTotal) {
		t.Helper()
		got := map[string][3]string{}
		for _, r := range rows {
			got[r.Label] = [3]string{itoa(r.Cost.Amount), itoa(r.Leads), r.KPIs.CostPerLead.String()}
		}
		if len(got) != len(want) {
			t.Errorf("%s by channel: %v, want %v", where, got, want)
		}
		for k, v := range want {
			if got[k] != v {
				t.Errorf("%s %s: cost, leads, cost per lead = %v, want %v", where, k, got[k], v)
			}
		}
	}
	d, err := a.Dashboard.Get(ctx, api.DashboardRequest{From: "2026-03-01", To: "2026-03-31"})
	if err != nil || d.Results == nil {
		t.Fatalf("dashboard: %+v, %v", d, err)
	}
	check("dashboard", d.Results.ByChannel)
	// The Results view from the monthly sums, and from the facts (days
	// inside a month).
	for _, f := range []backend.ResultFilter{{}, {From: "2026-03-01", To: "2026-03-02"}} {
		sum, err := a.Results.Summary(ctx, api.ResultsRequest{Group: backend.GroupChannel, Filter: f})
		if err != nil {
			t.Fatal(err)
		}
		check("results view "+f.To, sum.Rows)
	}
	// Filtering by a channel keeps what its row shows.
	page, err := a.Results.Find(ctx, backend.ResultFilter{Channel: "Paid search"})
	if err != nil || page.Total != 4 {
		t.Errorf("facts of Paid search: %d (%v), want the campaign's 4", page.Total, err)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
