package report_test

import (
	"bytes"
	"strings"
	"testing"

	"mopsdesk/backend/report"
)

// The page's results section: the funnel chart and table, the rankings
// with the KPIs as kpi.go rounds them and "—" for an undefined rate, the
// campaigns left out named, and the pacing; without results it says so.
func TestWriteHTML_Results(t *testing.T) {
	d := sample()
	d.Results = resultsSample()
	d.Results.Campaigns[0].Label = `<b>C1</b>`
	var buf bytes.Buffer
	if err := report.WriteHTML(&buf, d, report.Library{Script: fakeLibrary}); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	for _, want := range []string{
		`<figcaption>Funnel</figcaption>`,
		`<div class="chart" data-chart="chart-funnel"`,
		`<tr><td>Leads</td><td class="n"><data class="count" value="150">150</data></td><td class="n"><data class="kpi" data-undefined>—</data></td></tr>`,
		`<tr><td>MQLs</td><td class="n"><data class="count" value="40">40</data></td><td class="n"><data class="kpi" value="2667" data-unit="percent" data-decimals="2">26.67%</data></td></tr>`,
		`<td class="name">&lt;b&gt;C1&lt;/b&gt;</td>`,
		`<data class="kpi" value="1400" data-unit="ratio" data-decimals="2">14.00</data>`,
		`<p class="note" data-excluded>Left out of the ROAS ranking (no cost, or money without an exchange rate): Organic</p>`,
		`<p class="note" data-excluded>Left out of the cost per lead ranking (no leads, or money without an exchange rate): Brand video</p>`,
		`<dt>Cost reported by the ad platforms</dt><dd><data class="money" value="210000"`,
		`<dt>Share of plan spent</dt><dd><data class="pct" data-pacing value="5667">56.7%</data>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	d.Results = nil
	buf.Reset()
	if err := report.WriteHTML(&buf, d, report.Library{Script: fakeLibrary}); err != nil {
		t.Fatal(err)
	}
	if page := buf.String(); !strings.Contains(page, "No results data covers this period.") || strings.Contains(page, "chart-funnel") ||
		strings.Contains(page, "Cost reported by the ad platforms") {
		t.Errorf("without results the section says so and shows no figures of them")
	}
}
