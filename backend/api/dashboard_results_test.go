package api_test

import (
	"context"
	"io"
	"strings"
	"testing"

	"mopsdesk/backend"
	"mopsdesk/backend/api"
)

// The dashboard's results: cost per lead and ROAS by channel from the
// facts starting in the period, "—" where a denominator is zero, and the
// funnel; nothing at all (not zeros) without a fact in the period.
func TestDashboard_Results(t *testing.T) {
	a, db := newAPI(t, io.Discard)
	ctx := context.Background()
	req := api.DashboardRequest{From: "2026-04-01", To: "2026-04-30"}
	if d, err := a.Dashboard.Get(ctx, req); err != nil || d.Results != nil {
		t.Fatalf("no results yet: %+v, %v", d, err)
	}
	c := resultsCampaign(t, a)
	usd := func(v int64) backend.Money { return backend.Money{Amount: v, Currency: "USD"} }
	storeResults(t, db, "mixed.csv",
		backend.ResultFact{CampaignID: c.ID, External: "Q2", Source: backend.SourceGoogleAds, Channel: "Paid search", From: "2026-04-02", To: "2026-04-02",
			Clicks: 40, Leads: 4, Cost: usd(10000)},
		backend.ResultFact{CampaignID: c.ID, External: "Q2", Source: backend.SourceHubSpot, Channel: "Email", From: "2026-04-03", To: "2026-04-03",
			MQLs: 3, SQLs: 2, Opportunities: 1, Won: 1, Revenue: usd(50000)},
		// Outside the period.
		backend.ResultFact{CampaignID: c.ID, External: "Q2", Source: backend.SourceGoogleAds, Channel: "Paid search", From: "2026-05-02", To: "2026-05-02",
			Leads: 100, Cost: usd(1)},
	)
	if d, err := a.Dashboard.Get(ctx, api.DashboardRequest{From: "2026-06-01", To: "2026-06-30"}); err != nil || d.Results != nil {
		t.Fatalf("a period with no fact: %+v, %v", d.Results, err)
	}
	d, err := a.Dashboard.Get(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	r := d.Results
	if r == nil || len(r.ByChannel) != 2 {
		t.Fatalf("results = %+v", r)
	}
	got := map[string][2]string{}
	for _, row := range r.ByChannel {
		got[row.Label] = [2]string{row.KPIs.CostPerLead.String(), row.KPIs.ROAS.String()}
	}
	want := map[string][2]string{"Paid search": {"25.00 USD", "0.00"}, "Email": {"—", "—"}}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: cost per lead, ROAS = %v, want %v", k, got[k], v)
		}
	}
	if r.Total.KPIs.CostPerLead.String() != "25.00 USD" || r.Total.KPIs.ROAS.String() != "5.00" {
		t.Errorf("total KPIs = %+v", r.Total.KPIs)
	}
	if len(r.Funnel) != 5 || r.Funnel[0].Count != 4 || r.Funnel[1].Count != 3 || r.Funnel[4].Count != 1 || r.Funnel[1].Rate.String() != "75.00%" {
		t.Errorf("funnel = %+v", r.Funnel)
	}
	if !strings.Contains(string(r.FunnelChart), `"type":"funnel"`) {
		t.Errorf("funnel chart = %s", r.FunnelChart)
	}
}
