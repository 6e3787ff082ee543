package report

import (
	"encoding/json"
	"html/template"
	"strconv"

	"mopsdesk/backend"
	"mopsdesk/backend/chart"
)

// The HTML report's page: the figures and tables of the workbook, and the
// options of its three charts, as the page template (html_template.go)
// shows them.

// htmlData is what the page template shows.
type htmlData struct {
	Lang, Dir string
	Workspace string
	From, To  string
	Currency  string
	Minor     int
	Words     func(string) string
	Headline  []figure
	// Notes say what the budget figures leave out or assume about rates.
	Notes     []rateNote
	Charts    []htmlChart
	Budget    []budgetLine
	Total     budgetLine
	Campaigns []Campaign
	Spent     int64
	Revenue   int64
	Contracts []Contract
	Licences  []Licence
	Results   *htmlResults
	Library   template.JS
	Fonts     template.CSS
}

// figure is one headline amount, named by its word's key.
type figure struct {
	Key    string
	Amount int64
}

// budgetLine is one row of the budget table, with what the domain derives
// from it.
type budgetLine struct {
	Team, Category                        string
	Planned, Committed, Actual, Available int64
	// Variance is backend.VarianceBasisPoints: nil without a plan.
	Variance *int64
}

// htmlChart is one chart: its ECharts option, or Empty when it has no
// series and the page says so instead.
type htmlChart struct {
	ID     string
	Title  string
	Option json.RawMessage
	Empty  bool
}

// page gathers what the template shows from the report's data.
func (d *Data) page() (*htmlData, error) {
	lang := d.Lang
	if lang == "" {
		lang = "en"
	}
	dir := "ltr"
	if d.RTL() {
		dir = "rtl"
	}
	p := &htmlData{Lang: lang, Dir: dir, Workspace: d.Workspace, From: d.From, To: d.To, Currency: d.Currency,
		Minor: d.MinorUnits, Words: d.word, Campaigns: d.Campaigns, Contracts: d.Contracts, Licences: d.Licences, Notes: d.rateNotes()}
	p.Headline = []figure{{"planned", d.Totals.Planned}, {"committed", d.Totals.Committed}, {"actual", d.Totals.Actual},
		{"available", d.Totals.Planned - d.Totals.Committed - d.Totals.Actual}}
	for _, r := range d.Budget {
		l := line(r.TeamName, r.CategoryName, r.Planned, r.Committed, r.Actual)
		p.Budget = append(p.Budget, l)
		p.Total.Planned += r.Planned
		p.Total.Committed += r.Committed
		p.Total.Actual += r.Actual
	}
	p.Total = line("", "", p.Total.Planned, p.Total.Committed, p.Total.Actual)
	for _, c := range d.Campaigns {
		p.Spent += c.Spent
		p.Revenue += c.Revenue
	}
	charts, err := d.charts()
	if err != nil {
		return nil, err
	}
	p.Charts = charts
	if p.Results, err = d.results(); err != nil {
		return nil, err
	}
	return p, nil
}

// charts builds the options of the page's three charts, the ones the app's
// dashboard draws.
func (d *Data) charts() ([]htmlChart, error) {
	summary := &backend.BudgetSummary{Rows: d.Budget, Currency: d.Currency}
	labels := chart.BudgetLabels{PlanVsActual: d.word("plan_vs_actual"), ByCategory: d.word("by_category"),
		Planned: d.word("planned"), Committed: d.word("committed"), Actual: d.word("actual"), Spent: d.word("spent")}
	periods := make([]chart.PeriodTotals, len(d.Months))
	for i, m := range d.Months {
		periods[i] = chart.PeriodTotals{Label: m.Label, Planned: m.Planned, Committed: m.Committed, Actual: m.Actual}
	}
	builders := []struct {
		key   string
		build func() (json.RawMessage, error)
	}{
		{"plan_vs_actual", func() (json.RawMessage, error) { return chart.PlanVsActualByTeam(summary, labels) }},
		{"by_category", func() (json.RawMessage, error) { return chart.SpendByCategory(summary, labels) }},
		{"over_time", func() (json.RawMessage, error) {
			return chart.SpendOverTime(periods, d.Currency, d.word("over_time"), labels)
		}},
	}
	var charts []htmlChart
	for i, b := range builders {
		opt, err := b.build()
		if err != nil {
			return nil, err
		}
		var probe struct {
			Series []json.RawMessage `json:"series"`
		}
		if err := json.Unmarshal(opt, &probe); err != nil {
			return nil, err
		}
		charts = append(charts, htmlChart{ID: "chart-" + strconv.Itoa(i+1), Title: d.word(b.key), Option: opt, Empty: len(probe.Series) == 0})
	}
	return charts, nil
}

// line is a budget row with its available amount and variance derived.
func line(team, category string, planned, committed, actual int64) budgetLine {
	r := backend.SummaryRow{Planned: planned, Committed: committed, Actual: actual}
	r.Derive()
	return budgetLine{Team: team, Category: category, Planned: planned, Committed: committed, Actual: actual,
		Available: r.Available, Variance: r.VarianceBasisPoints}
}
