package backend_test

import (
	"math"
	"testing"

	"mopsdesk/backend"
)

func usd(n int64) backend.Money { return backend.Money{Amount: n, Currency: "USD"} }

func TestComputeKPIs(t *testing.T) {
	huge := int64(math.MaxInt64 / 4)
	cases := []struct {
		name          string
		c             backend.ResultCounts
		cost, revenue backend.Money
		moneyOK       bool
		want          map[string]string
	}{
		{"typical", backend.ResultCounts{Impressions: 20000, Clicks: 470, Leads: 40, MQLs: 10, SQLs: 4, Opportunities: 3, Won: 1},
			usd(123456), usd(500000), true, map[string]string{
				"ctr": "2.35%", "cpc": "2.63 USD", "cpm": "61.73 USD", "cpl": "30.86 USD", "cpmql": "123.46 USD", "cac": "1234.56 USD",
				"leadToMql": "25.00%", "mqlToSql": "40.00%", "sqlToOpp": "75.00%", "oppToWon": "33.33%", "leadToWon": "2.50%",
				"roas": "4.05", "roi": "305.00%"}},
		{"no clicks, no leads, no cost", backend.ResultCounts{Impressions: 1000}, usd(0), usd(0), true, map[string]string{
			"ctr": "0.00%", "cpc": "—", "cpm": "0.00 USD", "cpl": "—", "cpmql": "—", "cac": "—", "leadToMql": "—", "mqlToSql": "—",
			"sqlToOpp": "—", "oppToWon": "—", "leadToWon": "—", "roas": "—", "roi": "—"}},
		{"nothing at all", backend.ResultCounts{}, usd(0), usd(0), true, map[string]string{"ctr": "—", "cpm": "—"}},
		// 2.5 cents per click rounds to the even 2; 3.5 to 4.
		{"half to even", backend.ResultCounts{Clicks: 2, Impressions: 8}, usd(5), usd(7), true, map[string]string{
			"cpc": "0.02 USD", "ctr": "25.00%", "roas": "1.40", "roi": "40.00%"}},
		{"half to even up", backend.ResultCounts{Clicks: 2}, usd(7), usd(0), true, map[string]string{"cpc": "0.04 USD", "roi": "-100.00%", "roas": "0.00"}},
		{"huge", backend.ResultCounts{Impressions: huge, Clicks: huge / 2, Leads: 3}, usd(huge), usd(huge), true, map[string]string{
			"ctr": "50.00%", "cpl": backend.Money{Amount: 768614336404564650, Currency: "USD"}.String(), "roas": "1.00", "roi": "0.00%"}},
		{"yen has no minor unit", backend.ResultCounts{Clicks: 3}, backend.Money{Amount: 1000, Currency: "JPY"}, backend.Money{Currency: "JPY"}, true,
			map[string]string{"cpc": "333 JPY"}},
		{"money not converted", backend.ResultCounts{Impressions: 10, Clicks: 5, Leads: 1}, usd(100), usd(300), false, map[string]string{
			"ctr": "50.00%", "cpc": "—", "cpl": "—", "roas": "—", "roi": "—"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			k := backend.ComputeKPIs(tc.c, tc.cost, tc.revenue, tc.moneyOK)
			got := map[string]backend.KPI{"ctr": k.CTR, "cpc": k.CPC, "cpm": k.CPM, "cpl": k.CostPerLead, "cpmql": k.CostPerMQL, "cac": k.CAC,
				"leadToMql": k.LeadToMQL, "mqlToSql": k.MQLToSQL, "sqlToOpp": k.SQLToOpportunity, "oppToWon": k.OpportunityToWon,
				"leadToWon": k.LeadToWon, "roas": k.ROAS, "roi": k.ROI}
			for name, want := range tc.want {
				if s := got[name].String(); s != want {
					t.Errorf("%s = %s, want %s", name, s, want)
				}
				if f, ok := got[name].Float(); ok && (math.IsInf(f, 0) || math.IsNaN(f)) {
					t.Errorf("%s = %v", name, f)
				}
			}
		})
	}
}

// An undefined KPI has no number to put in a cell.
func TestKPI_UndefinedHasNoFloat(t *testing.T) {
	k := backend.ComputeKPIs(backend.ResultCounts{}, usd(0), usd(0), true)
	if _, ok := k.CPC.Float(); ok || !k.CPC.Undefined {
		t.Fatalf("cpc with no clicks = %+v", k.CPC)
	}
	if f, ok := backend.ComputeKPIs(backend.ResultCounts{Impressions: 3, Clicks: 1}, usd(0), usd(0), true).CTR.Float(); !ok || f != 33.33 {
		t.Fatalf("ctr float = %v %v, want 33.33", f, ok)
	}
}
