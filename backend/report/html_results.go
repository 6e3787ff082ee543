package report

import (
	"encoding/json"
	"html/template"
	"strconv"
	"strings"

	"mopsdesk/backend"
	"mopsdesk/backend/chart"
)

// The web page's results section: the same figures as the workbook's
// results sheet (xlsx_results.go), with the funnel drawn by ECharts.

// htmlResults is what the results section shows; nil Results says no
// results data covers the period.
type htmlResults struct {
	Results  *Results
	Funnel   htmlChart
	Rankings []htmlRanking
	// Pacing: the budget's planned and spent for the report's periods,
	// the share spent, and the cost the ad platforms report.
	Planned, Spent, Reported int64
	Share                    *int64
	// NoPlan says no budget plan covers the period: planned and spent
	// show "—" and a note says why.
	NoPlan bool
}

// htmlRanking is one ranking table.
type htmlRanking struct {
	Title, Column, Third string
	Rows                 []htmlRank
	// Excluded is the note naming the campaigns left out, "" for none.
	Excluded string
}

// htmlRank is one ranked campaign.
type htmlRank struct {
	Name        string
	Cost, Third int64
	Count       bool // Third is a count of leads, not money
	KPI         backend.KPI
}

// results gathers the results section.
func (d *Data) results() (*htmlResults, error) {
	t := d.Totals
	out := &htmlResults{Results: d.Results, Planned: t.Planned, Spent: t.Committed + t.Actual, Share: d.pacingBasisPoints(), NoPlan: !d.hasPlan()}
	r := d.Results
	if r == nil {
		return out, nil
	}
	out.Reported = r.ReportedTotal()
	stages := map[string]string{}
	for _, k := range []string{"leads", "mqls", "sqls", "opportunities", "won"} {
		stages[k] = d.word("stage_" + k)
	}
	opt, err := chart.Funnel(r.Funnel, chart.ResultLabels{Funnel: d.word("funnel"), Stages: stages})
	if err != nil {
		return nil, err
	}
	out.Funnel = htmlChart{ID: "chart-funnel", Title: d.word("funnel"), Option: json.RawMessage(opt), Empty: !strings.Contains(string(opt), `"series":[{`)}
	for _, rk := range []struct {
		title, excluded, column string
		rows                    func(Ranking) []backend.ResultTotal
		ranking                 Ranking
		count                   bool
	}{
		{"top_roas", "excluded_roas", "roas", func(r Ranking) []backend.ResultTotal { return r.Top }, r.ByROAS(), false},
		{"bottom_roas", "excluded_roas", "roas", func(r Ranking) []backend.ResultTotal { return r.Bottom }, r.ByROAS(), false},
		{"top_cpl", "excluded_cpl", "cost_per_lead", func(r Ranking) []backend.ResultTotal { return r.Top }, r.ByCostPerLead(), true},
		{"bottom_cpl", "excluded_cpl", "cost_per_lead", func(r Ranking) []backend.ResultTotal { return r.Bottom }, r.ByCostPerLead(), true},
	} {
		if rk.column == "roas" && r.NoRevenue {
			if rk.title == "top_roas" {
				out.Rankings = append(out.Rankings, htmlRanking{Title: d.word(rk.title), Excluded: d.word("no_revenue")})
			}
			continue
		}
		h := htmlRanking{Title: d.word(rk.title), Column: d.word(rk.column), Third: d.word("revenue")}
		if rk.count {
			h.Third = d.word("leads")
		}
		top := strings.HasPrefix(rk.title, "top")
		if len(rk.rows(rk.ranking)) == 0 {
			// With few campaigns every one is among the best: no empty
			// bottom table, its note goes under the best. With none
			// ranked at all, the best is its title and the note.
			if top && len(rk.ranking.Excluded) > 0 {
				h.Excluded = d.excludedNote(rk.excluded, rk.ranking.Excluded)
				out.Rankings = append(out.Rankings, h)
			} else if n := len(out.Rankings); !top && n > 0 && out.Rankings[n-1].Title == d.word("top_"+strings.TrimPrefix(rk.title, "bottom_")) {
				out.Rankings[n-1].Excluded = d.excludedNote(rk.excluded, rk.ranking.Excluded)
			}
			continue
		}
		for _, c := range rk.rows(rk.ranking) {
			row := htmlRank{Name: c.Label, Cost: c.Cost.Amount, Third: c.Revenue.Amount, Count: rk.count, KPI: c.KPIs.ROAS}
			if rk.count {
				row.Third, row.KPI = c.Leads, c.KPIs.CostPerLead
			}
			h.Rows = append(h.Rows, row)
		}
		// The note goes under the second table of a KPI, once.
		if !top && len(rk.ranking.Excluded) > 0 {
			h.Excluded = d.excludedNote(rk.excluded, rk.ranking.Excluded)
		}
		out.Rankings = append(out.Rankings, h)
	}
	return out, nil
}

// kpiHTML shows a KPI as backend/kpi.go rounds it: money as the page's
// other amounts, rates and ratios with their two decimals, "—" when
// undefined.
func kpiHTML(k backend.KPI) template.HTML {
	if k.Undefined {
		return template.HTML(`<data class="kpi" data-undefined>` + backend.KPIDash + `</data>`)
	}
	if k.Unit == backend.UnitMoney {
		return template.HTML(`<data class="money" value="` + strconv.FormatInt(k.Value, 10) + `" data-currency="` +
			template.HTMLEscapeString(k.Currency) + `" data-minor="` + strconv.Itoa(k.Decimals) + `">` +
			template.HTMLEscapeString(k.String()) + `</data>`)
	}
	return template.HTML(`<data class="kpi" value="` + strconv.FormatInt(k.Value, 10) + `" data-unit="` + string(k.Unit) + `" data-decimals="` +
		strconv.Itoa(k.Decimals) + `">` + template.HTMLEscapeString(k.String()) + `</data>`)
}

// countHTML is a whole number the page's script writes in the reader's
// digits.
func countHTML(n int64) template.HTML {
	v := strconv.FormatInt(n, 10)
	return template.HTML(`<data class="count" value="` + v + `">` + v + `</data>`)
}

// shareHTML is the share of the plan spent, formatted by the page's
// script as the other percentages; data-pacing tells it from variances.
func shareHTML(bp *int64) template.HTML {
	return template.HTML(`<data class="pct" data-pacing value="` + strconv.FormatInt(*bp, 10) + `">` + percent(*bp) + `</data>`)
}

const resultsTemplate = `<section aria-labelledby="results-title" data-results>
<h2 id="results-title">{{call .Words "results"}}</h2>
{{- with .Results}}
{{- if .Results}}
<div class="charts">
<figure>
<figcaption>{{.Funnel.Title}}</figcaption>
{{- if .Funnel.Empty}}
<p class="empty">{{call $.Words "no_data"}}</p>
{{- else}}
<div class="chart" data-chart="{{.Funnel.ID}}" role="img" aria-label="{{.Funnel.Title}}"></div>
<script type="application/json" id="{{.Funnel.ID}}">{{.Funnel.Option}}</script>
{{- end}}
</figure>
<div class="scroll"><table data-table="funnel">
<thead><tr><th>{{call $.Words "stage"}}</th><th class="n">{{call $.Words "count"}}</th><th class="n">{{call $.Words "conversion"}}</th></tr></thead>
<tbody>
{{- range .Results.Funnel}}
<tr><td>{{call $.Words (print "stage_" .Stage)}}</td><td class="n">{{count .Count}}</td><td class="n">{{kpi .Rate}}</td></tr>
{{- end}}
</tbody></table></div>
</div>
{{- range .Rankings}}
<h3>{{.Title}}</h3>
{{- if .Rows}}
<div class="scroll"><table data-table="ranking">
<thead><tr><th>{{call $.Words "name"}}</th><th class="n">{{call $.Words "cost"}}</th><th class="n">{{.Third}}</th><th class="n">{{.Column}}</th></tr></thead>
<tbody>
{{- range .Rows}}
<tr><td class="name">{{.Name}}</td><td class="n">{{money .Cost $.Currency $.Minor}}</td><td class="n">{{if .Count}}{{count .Third}}{{else}}{{money .Third $.Currency $.Minor}}{{end}}</td><td class="n">{{kpi .KPI}}</td></tr>
{{- end}}
</tbody></table></div>
{{- end}}
{{- with .Excluded}}<p class="note" data-excluded>{{.}}</p>{{end}}
{{- end}}
{{- else}}
<p class="empty">{{call $.Words "no_results"}}</p>
{{- end}}
<h3>{{call $.Words "pacing"}}</h3>
<dl class="headline" data-pacing>
{{- if .NoPlan}}
<div><dt>{{call $.Words "planned"}}</dt><dd>—</dd></div>
<div><dt>{{call $.Words "spent"}}</dt><dd>—</dd></div>
{{- else}}
<div><dt>{{call $.Words "planned"}}</dt><dd>{{money .Planned $.Currency $.Minor}}</dd></div>
<div><dt>{{call $.Words "spent"}}</dt><dd>{{money .Spent $.Currency $.Minor}}</dd></div>
{{- end}}
{{- with .Share}}<div><dt>{{call $.Words "pacing_share"}}</dt><dd>{{share .}}</dd></div>{{end}}
{{- if .Results}}<div><dt>{{call $.Words "reported_cost"}}</dt><dd>{{money .Reported $.Currency $.Minor}}</dd></div>{{end}}
</dl>
{{- if .NoPlan}}
<p class="note" data-no-plan>{{call $.Words "no_plan"}}</p>
{{- end}}
<p class="note">{{call $.Words "pacing_note"}}</p>
{{- end}}
</section>`

func init() {
	template.Must(htmlPage.New("results").Parse(resultsTemplate))
}
