package backend_test

import (
	"testing"

	"mopsdesk/backend"
)

// Results with no revenue figures at all (ad platforms only, no CRM deals
// export) leave ROAS and ROI undefined, shown "—": revenue is not known to
// be zero, and every campaign showed ROAS 0.00 and ROI −100.00 %. Once a
// deals export is in the results, a group without revenue has ROAS 0.
func TestSumResults_NoRevenueDataLeavesROASUndefined(t *testing.T) {
	rates := backend.NewRates("USD", nil, nil)
	ads := []backend.ResultSum{
		{Key: "1", Label: "Spring", Month: "2026-03", ResultCounts: backend.ResultCounts{Clicks: 90, Impressions: 1800}, Cost: usd(18000), Facts: 2},
		{Key: "2", Label: "Webinar", Month: "2026-03", ResultCounts: backend.ResultCounts{Clicks: 20, Impressions: 500}, Cost: usd(1000), Facts: 1},
	}
	s := backend.SumResults(backend.GroupCampaign, ads, "USD", rates)
	if !s.NoRevenue {
		t.Fatal("no revenue figures, NoRevenue false")
	}
	for _, r := range append(s.Rows, s.Total) {
		if got := r.KPIs.ROAS.String() + " " + r.KPIs.ROI.String(); got != "— —" {
			t.Errorf("%s: ROAS ROI = %s, want — —", r.Label, got)
		}
		if r.KPIs.CPC.Undefined {
			t.Errorf("%s: CPC undefined", r.Label)
		}
	}
	deals := append(ads, backend.ResultSum{Key: "1", Label: "Spring", Month: "2026-03", ResultCounts: backend.ResultCounts{Opportunities: 1, Won: 1},
		Pipeline: usd(500000), Revenue: usd(1200000), Facts: 1})
	s = backend.SumResults(backend.GroupCampaign, deals, "USD", rates)
	if s.NoRevenue || s.Rows[0].KPIs.ROAS.String() != "66.67" || s.Rows[1].KPIs.ROAS.String() != "0.00" || s.Rows[1].KPIs.ROI.String() != "-100.00%" {
		t.Fatalf("with deals: NoRevenue %v, ROAS %s and %s, ROI %s", s.NoRevenue, s.Rows[0].KPIs.ROAS, s.Rows[1].KPIs.ROAS, s.Rows[1].KPIs.ROI)
	}
}
