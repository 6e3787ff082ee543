package chart

import (
	"encoding/json"
	"sort"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"mopsdesk/backend"
)

// Budget charts carry money as integer minor units. The option gets a
// "moneyFormat" entry naming the currency and its decimals, and the
// frontend's EChart component formats axis labels and tooltips from it
// with Intl, so no value is ever turned into a float for display.

// BudgetLabels are the words the budget charts show.
type BudgetLabels struct {
	PlanVsActual string `json:"planVsActual"`
	BurnUp       string `json:"burnUp"`
	ByCategory   string `json:"byCategory"`
	Planned      string `json:"planned"`
	Committed    string `json:"committed"`
	Actual       string `json:"actual"`
	// Spent names committed + actual in the burn-up chart.
	Spent string `json:"spent"`
}

func (l BudgetLabels) or(v, fallback string) string {
	if v != "" {
		return v
	}
	return fallback
}

// PeriodTotals are the base-currency totals of one fiscal period.
type PeriodTotals struct {
	Label     string `json:"label"`
	Planned   int64  `json:"planned"`
	Committed int64  `json:"committed"`
	Actual    int64  `json:"actual"`
}

// common are the options every budget chart shares. Charts with amounts
// up the side ask for about four steps, so the labels keep apart in every
// script's font.
func common(title, trigger string) []charts.GlobalOpts {
	return []charts.GlobalOpts{
		charts.WithTitleOpts(opts.Title{Title: title}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: trigger}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Bottom: "0"}),
		charts.WithAnimation(false),
	}
}

func withMoney(raw map[string]any, currency string) (json.RawMessage, error) {
	c, _ := backend.LookupCurrency(currency)
	raw["moneyFormat"] = map[string]any{"currency": currency, "minorUnits": c.MinorUnits}
	return json.Marshal(raw)
}

// PlanVsActualByTeam draws planned, committed and actual per team, one
// row of three bars per team, the teams down the side in name order.
func PlanVsActualByTeam(s *backend.BudgetSummary, l BudgetLabels) (json.RawMessage, error) {
	type sums struct{ planned, committed, actual int64 }
	byTeam := map[string]*sums{}
	for _, r := range s.Rows {
		t := byTeam[r.TeamName]
		if t == nil {
			t = &sums{}
			byTeam[r.TeamName] = t
		}
		t.planned += r.Planned
		t.committed += r.Committed
		t.actual += r.Actual
	}
	teams := make([]string, 0, len(byTeam))
	for name := range byTeam {
		teams = append(teams, name)
	}
	sort.Strings(teams)
	bar := charts.NewBar()
	bar.SetGlobalOptions(common(l.or(l.PlanVsActual, "Plan vs actual by team"), "axis")...)
	bar.SetXAxis(teams)
	if len(teams) > 0 {
		series := []struct {
			name  string
			color string
			pick  func(*sums) int64
		}{
			{l.or(l.Planned, "Planned"), "#9aa5b1", func(s *sums) int64 { return s.planned }},
			{l.or(l.Committed, "Committed"), "#c46a16", func(s *sums) int64 { return s.committed }},
			{l.or(l.Actual, "Actual"), "#2f6db5", func(s *sums) int64 { return s.actual }},
		}
		for _, sr := range series {
			data := make([]opts.BarData, len(teams))
			for i, t := range teams {
				data[i] = opts.BarData{Value: sr.pick(byTeam[t])}
			}
			bar.AddSeries(sr.name, data, charts.WithItemStyleOpts(opts.ItemStyle{Color: sr.color}))
		}
	}
	bar.Validate()
	raw := bar.JSON()
	sideways(raw, teams, 0, true)
	return withMoney(raw, s.Currency)
}

// BurnUp draws cumulative spend (committed + actual) against the
// cumulative plan over the fiscal year's periods.
func BurnUp(periods []PeriodTotals, currency string, l BudgetLabels) (json.RawMessage, error) {
	line := charts.NewLine()
	line.SetGlobalOptions(append(common(l.or(l.BurnUp, "Spend vs plan over the fiscal year"), "axis"),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", SplitNumber: 4}))...)
	labels := make([]string, len(periods))
	plan := make([]opts.LineData, len(periods))
	spent := make([]opts.LineData, len(periods))
	var cp, cs int64
	any := false
	for i, p := range periods {
		labels[i] = p.Label
		cp += p.Planned
		cs += p.Committed + p.Actual
		any = any || cp != 0 || cs != 0
		plan[i] = opts.LineData{Value: cp}
		spent[i] = opts.LineData{Value: cs}
	}
	line.SetXAxis(labels)
	if any {
		line.AddSeries(l.or(l.Planned, "Planned"), plan, charts.WithItemStyleOpts(opts.ItemStyle{Color: "#9aa5b1"}),
			charts.WithLineStyleOpts(opts.LineStyle{Type: "dashed"}))
		line.AddSeries(l.or(l.Spent, "Committed + actual"), spent, charts.WithItemStyleOpts(opts.ItemStyle{Color: "#2f6db5"}),
			charts.WithAreaStyleOpts(opts.AreaStyle{Opacity: opts.Float(0.15)}))
	}
	line.Validate()
	return withMoney(line.JSON(), currency)
}

// SpendByCategory draws committed + actual spend per category as bars on
// their side, the largest on top, one row per category. (It was a donut:
// a donut has no room to name thin slices, and cut or hid their names.)
func SpendByCategory(s *backend.BudgetSummary, l BudgetLabels) (json.RawMessage, error) {
	byCat := map[string]int64{}
	for _, r := range s.Rows {
		if v := r.Committed + r.Actual; v != 0 {
			byCat[r.CategoryName] += v
		}
	}
	names := make([]string, 0, len(byCat))
	for n := range byCat {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool {
		a, b := byCat[names[i]], byCat[names[j]]
		return a > b || a == b && names[i] < names[j]
	})
	bar := charts.NewBar()
	// One series: the title says what the bars are, no legend needed.
	bar.SetGlobalOptions(append(common(l.or(l.ByCategory, "Spend by category"), "axis"),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}))...)
	bar.SetXAxis(names)
	if len(names) > 0 {
		data := make([]opts.BarData, len(names))
		for i, n := range names {
			data[i] = opts.BarData{Value: byCat[n]}
		}
		bar.AddSeries(l.or(l.Spent, "Committed + actual"), data, charts.WithItemStyleOpts(opts.ItemStyle{Color: "#2f6db5"}))
	}
	bar.Validate()
	raw := bar.JSON()
	sideways(raw, names, 0, true)
	return withMoney(raw, s.Currency)
}

// SpendOverTime draws planned, committed and actual spend per fiscal
// period as lines, the same figures as the report workbook's chart.
func SpendOverTime(periods []PeriodTotals, currency, title string, l BudgetLabels) (json.RawMessage, error) {
	line := charts.NewLine()
	line.SetGlobalOptions(append(common(l.or(title, "Spend over time"), "axis"),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", SplitNumber: 4}))...)
	labels := make([]string, len(periods))
	any := false
	for i, p := range periods {
		labels[i] = p.Label
		any = any || p.Planned != 0 || p.Committed != 0 || p.Actual != 0
	}
	line.SetXAxis(labels)
	if any {
		series := []struct {
			name, color string
			pick        func(PeriodTotals) int64
		}{
			{l.or(l.Planned, "Planned"), "#9aa5b1", func(p PeriodTotals) int64 { return p.Planned }},
			{l.or(l.Committed, "Committed"), "#c46a16", func(p PeriodTotals) int64 { return p.Committed }},
			{l.or(l.Actual, "Actual"), "#2f6db5", func(p PeriodTotals) int64 { return p.Actual }},
		}
		for _, s := range series {
			data := make([]opts.LineData, len(periods))
			for i, p := range periods {
				data[i] = opts.LineData{Value: s.pick(p)}
			}
			line.AddSeries(s.name, data, charts.WithItemStyleOpts(opts.ItemStyle{Color: s.color}))
		}
	}
	line.Validate()
	return withMoney(line.JSON(), currency)
}
