package report_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"mopsdesk/backend"
	"mopsdesk/backend/report"
)

// resultsSample has seven campaigns with cost and leads, one without
// cost (left out of the ROAS ranking) and one without leads (left out of
// cost per lead's).
func resultsSample() *report.Results {
	usd := func(v int64) backend.Money { return backend.Money{Amount: v, Currency: "USD"} }
	total := func(name string, cost, revenue, leads int64) backend.ResultTotal {
		t := backend.ResultTotal{Key: name, Label: name, ResultCounts: backend.ResultCounts{Leads: leads}, Cost: usd(cost), Revenue: usd(revenue)}
		t.KPIs = backend.ComputeKPIs(t.ResultCounts, t.Cost, t.Revenue, true)
		return t
	}
	r := &report.Results{Reported: []int64{90_000, 120_000}}
	for i := 1; i <= 7; i++ {
		r.Campaigns = append(r.Campaigns, total(fmt.Sprintf("C%d", i), int64(i)*10_000, int64(8-i)*20_000, int64(i*i)))
	}
	r.Campaigns = append(r.Campaigns, total("Organic", 0, 50_000, 10), total("Brand video", 30_000, 0, 0))
	var all backend.ResultCounts
	for _, c := range r.Campaigns {
		all.Add(c.ResultCounts)
	}
	all.MQLs, all.SQLs = 40, 0
	r.Total = backend.ResultTotal{ResultCounts: all}
	r.Funnel = backend.Funnel(all)
	return r
}

func TestResultsRanking(t *testing.T) {
	r := resultsSample()
	roas := r.ByROAS()
	// ROAS of Ci = 2(8−i)/i: C1 14.00 … C7 0.29; Brand video 0.00.
	if len(roas.Top) != 5 || roas.Top[0].Label != "C1" || len(roas.Bottom) != 3 || roas.Bottom[0].Label != "Brand video" ||
		strings.Join(roas.Excluded, ",") != "Organic" {
		t.Fatalf("by ROAS: top %v bottom %v excluded %v", labels(roas.Top), labels(roas.Bottom), roas.Excluded)
	}
	cpl := r.ByCostPerLead()
	// Cost per lead of Ci = 100/i USD, lowest first; Organic 0.00.
	if cpl.Top[0].Label != "Organic" || cpl.Top[1].Label != "C7" || cpl.Bottom[0].Label != "C1" || strings.Join(cpl.Excluded, ",") != "Brand video" {
		t.Fatalf("by cost per lead: top %v bottom %v excluded %v", labels(cpl.Top), labels(cpl.Bottom), cpl.Excluded)
	}
}

func labels(rows []backend.ResultTotal) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = r.Label
	}
	return out
}

// The results sheet read back: the funnel with "—" for an undefined
// conversion, the rankings as the KPIs have them, the exclusions said,
// the pacing from the budget's totals with the reported cost beside it.
func TestWriteXLSX_Results(t *testing.T) {
	d := sample()
	d.Results = resultsSample()
	var buf bytes.Buffer
	if err := report.WriteXLSX(&buf, d); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows("Results")
	if err != nil {
		t.Fatal(err)
	}
	find := func(first string) []string {
		for _, r := range rows {
			if len(r) > 0 && r[0] == first {
				return r
			}
		}
		t.Fatalf("no row %q in %q", first, rows)
		return nil
	}
	if r := find("Leads"); r[1] != "150" || r[2] != "—" {
		t.Errorf("leads stage %q", r)
	}
	if r := find("MQLs"); r[2] != "26.67%" {
		t.Errorf("MQL stage %q", r)
	}
	if r := find("Opportunities"); r[2] != "—" {
		t.Errorf("after an empty stage the rate is undefined: %q", r)
	}
	if r := find("C1"); r[1] != "100.00 USD" || r[3] != "14.00" {
		t.Errorf("best by ROAS %q", r)
	}
	if r := find("Organic"); r[3] != "0.00 USD" {
		t.Errorf("best by cost per lead %q", r)
	}
	found := 0
	for _, r := range rows {
		if len(r) > 0 && strings.HasPrefix(r[0], "Left out of the ROAS ranking") && strings.HasSuffix(r[0], "Organic") {
			found++
		}
		if len(r) > 0 && strings.HasPrefix(r[0], "Left out of the cost per lead ranking") && strings.HasSuffix(r[0], "Brand video") {
			found++
		}
	}
	if found != 2 {
		t.Errorf("exclusions not said: %q", rows)
	}
	if r := find("Spent"); r[1] != "17,000.00 USD" {
		t.Errorf("spent %q", r)
	}
	if r := find("Share of plan spent"); r[1] != "56.7%" {
		t.Errorf("share of plan %q", r)
	}
	if r := find("Cost reported by the ad platforms"); r[1] != "2,100.00 USD" {
		t.Errorf("reported cost %q", r)
	}
	// The spend over time table on the summary sheet gains the reported
	// cost as its last series.
	if v, _ := f.GetCellValue("Summary", "E"+fmt.Sprint(monthsHeader(t, f))); v != "Cost reported by the ad platforms" {
		t.Errorf("over time header E = %q", v)
	}
}

func monthsHeader(t *testing.T, f *excelize.File) int {
	rows, _ := f.GetRows("Summary")
	for i, r := range rows {
		if len(r) > 0 && r[0] == "Month" {
			return i + 1
		}
	}
	t.Fatal("no months table on the summary sheet")
	return 0
}
