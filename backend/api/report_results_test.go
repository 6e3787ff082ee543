package api_test

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"mopsdesk/backend"
	"mopsdesk/backend/api"
)

// The report's results section read back from the workbook, with facts
// stored through the store's bulk path: the same KPIs as the app's
// summary, "—" for a zero denominator, a campaign without cost left out
// of the ROAS ranking (and one without leads out of cost per lead's),
// and pacing from the budget with the ad platforms' cost beside it.
//
// long: one workbook written once and read back section by section; split,
// each part would write and parse the same report again.
func TestReport_Results(t *testing.T) {
	a, db := newAPI(t, io.Discard)
	ctx := context.Background()
	fillDashboard(t, a)
	req := api.ReportRequest{From: "2026-11-01", To: "2026-11-30"}
	read := func() [][]string {
		t.Helper()
		var buf bytes.Buffer
		if err := a.Exports.Report(ctx, req, &buf); err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(&buf)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := f.GetRows("Results")
		if err != nil {
			t.Fatal(err)
		}
		return rows
	}
	if rows := read(); len(rows) < 3 || !strings.HasPrefix(rows[2][0], "No results data covers this period") {
		t.Fatalf("no results yet: %q", rows)
	}

	winter, _ := a.Campaigns.Find(ctx, backend.CampaignFilter{Search: "Winter"})
	spring, _ := a.Campaigns.Find(ctx, backend.CampaignFilter{Search: "Spring"})
	webinar, err := a.Campaigns.Create(ctx, backend.Campaign{Name: "Q4 webinar", Status: backend.StatusPlanned, StartDate: "2026-11-01", EndDate: "2026-11-30", Budget: backend.Money{Currency: "USD"}})
	if err != nil {
		t.Fatal(err)
	}
	usd := func(v int64) backend.Money { return backend.Money{Amount: v, Currency: "USD"} }
	fact := func(id int64, src backend.ResultSource, day string, leads, mqls int64, cost, revenue int64) backend.ResultFact {
		return backend.ResultFact{CampaignID: id, External: "x", Source: src, From: day, To: day, Leads: leads, MQLs: mqls, Cost: usd(cost), Revenue: usd(revenue)}
	}
	storeResults(t, db, "ads.csv",
		fact(winter.Campaigns[0].ID, backend.SourceGoogleAds, "2026-11-03", 20, 0, 50_000, 0),
		fact(webinar.ID, backend.SourceLinkedInAds, "2026-11-04", 0, 0, 10_000, 0),
		fact(winter.Campaigns[0].ID, backend.SourceGoogleAds, "2026-12-03", 99, 0, 1, 0), // after the period
	)
	storeResults(t, db, "crm.csv",
		fact(winter.Campaigns[0].ID, backend.SourceHubSpot, "2026-11-10", 0, 8, 0, 200_000),
		fact(spring.Campaigns[0].ID, backend.SourceHubSpot, "2026-11-11", 5, 1, 0, 30_000),
	)
	sum, err := a.Results.Summary(ctx, api.ResultsRequest{Group: backend.GroupCampaign, Filter: backend.ResultFilter{From: req.From, To: req.To}})
	if err != nil {
		t.Fatal(err)
	}
	app := map[string]backend.KPIs{}
	for _, r := range sum.Rows {
		app[r.Label] = r.KPIs
	}
	if app["Winter sale"].ROAS.String() != "4.00" || app["Winter sale"].CostPerLead.String() != "25.00 USD" || !app["Spring launch"].ROAS.Undefined || !app["Q4 webinar"].CostPerLead.Undefined {
		t.Fatalf("the app's KPIs: %+v", app)
	}

	rows := read()
	section, at := "", map[string][]string{}
	for _, r := range rows {
		if len(r) == 0 {
			continue
		}
		if len(r) == 1 && (strings.HasPrefix(r[0], "Best") || strings.HasPrefix(r[0], "Weakest") || r[0] == "Funnel" || strings.HasPrefix(r[0], "Pacing")) {
			section = r[0]
			continue
		}
		at[section+"|"+r[0]] = r
	}
	check := func(key string, col int, want string) {
		t.Helper()
		r := at[key]
		if len(r) <= col || r[col] != want {
			t.Errorf("%s column %d = %q, want %q", key, col, r, want)
		}
	}
	check("Funnel|Leads", 1, "25")
	check("Funnel|Leads", 2, "—")
	check("Funnel|MQLs", 2, "36.00%")
	check("Funnel|SQLs", 2, "0.00%")
	check("Funnel|Opportunities", 2, "—") // after an empty stage
	check("Best campaigns by ROAS|Winter sale", 3, "4.00")
	check("Best campaigns by ROAS|Q4 webinar", 3, "0.00")
	check("Best campaigns by cost per lead|Spring launch", 3, "0.00 USD")
	check("Best campaigns by cost per lead|Winter sale", 3, "25.00 USD")
	if _, ok := at["Best campaigns by ROAS|Spring launch"]; ok {
		t.Error("a campaign without cost is ranked by ROAS")
	}
	if _, ok := at["Best campaigns by cost per lead|Q4 webinar"]; ok {
		t.Error("a campaign without leads is ranked by cost per lead")
	}
	var said []string
	for _, r := range rows {
		if len(r) > 0 && strings.HasPrefix(r[0], "Left out") {
			said = append(said, r[0])
		}
	}
	if len(said) != 2 || !strings.HasSuffix(said[0], ": Spring launch") || !strings.HasSuffix(said[1], ": Q4 webinar") {
		t.Errorf("exclusions: %q", said)
	}
	check("Pacing: spend against plan|Planned", 1, "10,000.00 USD")
	check("Pacing: spend against plan|Spent", 1, "2,500.00 USD")
	check("Pacing: spend against plan|Share of plan spent", 1, "25.0%")
	check("Pacing: spend against plan|Cost reported by the ad platforms", 1, "600.00 USD")
}
