package sheet

import (
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"mopsdesk/backend"
)

// ResultsLabels are the words of a results export in the user's language;
// a word left out is written in English (or as its key).
type ResultsLabels struct {
	Sheet        string `json:"sheet"`
	SummarySheet string `json:"summarySheet"`
	// Headers name the columns by key (ResultsColumns, ResultsSummaryColumns).
	Headers map[string]string `json:"headers"`
	// Sources name the sources (backend.ResultSource); Unmatched is the
	// campaign of facts matched to none.
	Sources   map[string]string `json:"sources"`
	Unmatched string            `json:"unmatched"`
}

// ResultsColumns are the columns of the facts sheet, in order.
var ResultsColumns = []string{"from", "to", "campaign", "external", "source", "channel", "medium", "impressions", "clicks",
	"conversions", "leads", "mqls", "sqls", "opportunities", "won", "cost", "pipeline", "revenue", "sourceFile"}

// ResultsSummaryColumns are the columns of the summary sheet: the
// totals per group and the KPIs as backend.ComputeKPIs works them out.
var ResultsSummaryColumns = []string{"group", "impressions", "clicks", "leads", "mqls", "sqls", "opportunities", "won",
	"cost", "revenue", "ctr", "cpc", "cpm", "costPerLead", "costPerMql", "cac", "leadToMql", "mqlToSql", "sqlToOpportunity",
	"opportunityToWon", "roas", "roi"}

var englishResultsHeaders = map[string]string{"from": "From", "to": "To", "campaign": "Campaign", "external": "Campaign in the file",
	"source": "Source", "channel": "Channel", "medium": "Medium", "impressions": "Impressions", "clicks": "Clicks",
	"conversions": "Conversions", "leads": "Leads", "mqls": "MQLs", "sqls": "SQLs", "opportunities": "Opportunities",
	"won": "Won", "cost": "Cost", "pipeline": "Pipeline", "revenue": "Revenue", "sourceFile": "File", "group": "Campaign",
	"ctr": "CTR", "cpc": "CPC", "cpm": "CPM", "costPerLead": "Cost per lead", "costPerMql": "Cost per MQL", "cac": "CAC",
	"leadToMql": "Lead → MQL", "mqlToSql": "MQL → SQL", "sqlToOpportunity": "SQL → opportunity",
	"opportunityToWon": "Opportunity → won", "roas": "ROAS", "roi": "ROI"}

// ResultsExport writes results facts, then their summary with KPIs, to an
// .xlsx workbook.
type ResultsExport struct {
	t       *Table
	labels  ResultsLabels
	percent int
	ratio   int
	// decimals are the number styles of custom metrics, by how many
	// decimals the value has ("12" none, "300.75" two).
	decimals map[int]int
	// metrics are the custom metrics the user named, each a column of
	// its own (headed by its name) after the others.
	metrics []string
}

func (l ResultsLabels) headers(cols []string) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = pick(l.Headers, c, englishResultsHeaders[c])
	}
	return out
}

// NewResultsExport starts a workbook with the facts sheet.
func NewResultsExport(labels ResultsLabels) (*ResultsExport, error) {
	return NewResultsExportOf(labels, nil)
}

// NewResultsExportOf starts a workbook with the facts sheet and a column
// for each custom metric named in metrics.
func NewResultsExportOf(labels ResultsLabels, metrics []string) (*ResultsExport, error) {
	widths := []float64{12, 12, 26, 26, 16, 16, 12}
	for range len(ResultsColumns) - 7 + len(metrics) {
		widths = append(widths, 14)
	}
	t, err := NewTable(orElse(labels.Sheet, "Results"), append(labels.headers(ResultsColumns), metrics...), widths)
	if err != nil {
		return nil, err
	}
	e := &ResultsExport{t: t, labels: labels, metrics: metrics}
	percent, ratio := `0.00"%"`, "0.00"
	if e.percent, err = t.f.NewStyle(&excelize.Style{CustomNumFmt: &percent}); err != nil {
		return nil, err
	}
	if e.ratio, err = t.f.NewStyle(&excelize.Style{CustomNumFmt: &ratio}); err != nil {
		return nil, err
	}

	return e, nil
}

func (e *ResultsExport) money(m backend.Money) (any, error) {
	if m.Currency == "" {
		return e.t.Text(""), nil
	}
	return e.t.Money(m)
}

// Add writes one fact.
func (e *ResultsExport) Add(f *backend.ResultFact) error {
	t := e.t
	campaign := f.CampaignName
	if f.CampaignID == 0 {
		campaign = orElse(e.labels.Unmatched, "Not matched")
	}
	row := []any{t.Day(f.From), t.Day(f.To), t.Text(campaign), t.Text(f.External),
		t.Text(pick(e.labels.Sources, string(f.Source), string(f.Source))), t.Text(f.Channel), t.Text(f.Medium)}
	for _, n := range []int64{f.Impressions, f.Clicks, f.Conversions, f.Leads, f.MQLs, f.SQLs, f.Opportunities, f.Won} {
		row = append(row, t.Number(n))
	}
	for _, m := range []backend.Money{f.Cost, f.Pipeline, f.Revenue} {
		c, err := e.money(m)
		if err != nil {
			return err
		}
		row = append(row, c)
	}
	row = append(row, t.Text(f.SourceFile))
	return t.Row(append(row, e.custom(f.Custom)...)...)
}

// decimalStyle is the number style showing the decimals of v, as
// written (a whole number with none).
func (e *ResultsExport) decimalStyle(v string) int {
	places := 0
	if i := strings.IndexByte(v, '.'); i >= 0 {
		places = len(v) - i - 1
	}
	if id, ok := e.decimals[places]; ok {
		return id
	}
	format := "#,##0"
	if places > 0 {
		format += "." + strings.Repeat("0", places)
	}
	id, err := e.t.f.NewStyle(&excelize.Style{CustomNumFmt: &format})
	if err != nil {
		id = 0 // the general format: the value is still right
	}
	if e.decimals == nil {
		e.decimals = map[int]int{}
	}
	e.decimals[places] = id
	return id
}

// custom are the cells of the custom metrics: numbers (a spreadsheet's
// numbers are floating point), empty where there is none.
func (e *ResultsExport) custom(values map[string]string) []any {
	out := make([]any, len(e.metrics))
	for i, name := range e.metrics {
		v, ok := values[name]
		if n, err := strconv.ParseFloat(v, 64); ok && err == nil {
			out[i] = excelize.Cell{StyleID: e.decimalStyle(v), Value: n}
		} else {
			out[i] = e.t.Text("")
		}
	}
	return out
}

// kpi is a KPI's cell: its value with its decimals, "—" when undefined.
func (e *ResultsExport) kpi(k backend.KPI) (any, error) {
	v, ok := k.Float()
	if !ok {
		return e.t.Text(backend.KPIDash), nil
	}
	switch k.Unit {
	case backend.UnitMoney:
		return e.t.Money(backend.Money{Amount: k.Value, Currency: k.Currency})
	case backend.UnitPercent:
		return excelize.Cell{StyleID: e.percent, Value: v}, nil
	}
	return excelize.Cell{StyleID: e.ratio, Value: v}, nil
}

// Summary writes the summary sheet: a row per group, then the total
// (named total).
func (e *ResultsExport) Summary(s *backend.ResultSummary, groupHeader, total string) error {
	l := e.labels
	headers := append(l.headers(ResultsSummaryColumns), e.metrics...)
	headers[0] = orElse(groupHeader, headers[0])
	widths := []float64{28}
	for range headers[1:] {
		widths = append(widths, 14)
	}
	if err := e.t.AddSheet(orElse(l.SummarySheet, "Summary"), headers, widths); err != nil {
		return err
	}
	rows := append(append([]backend.ResultTotal{}, s.Rows...), s.Total)
	for i, r := range rows {
		name := r.Label
		switch {
		case i == len(rows)-1:
			name = orElse(total, "Total")
		case s.Group == backend.GroupSource:
			name = pick(l.Sources, r.Key, r.Key)
		case strings.TrimSpace(name) == "" && s.Group == backend.GroupCampaign:
			name = orElse(l.Unmatched, "Not matched")
		}
		row := []any{e.t.Text(name)}
		for _, n := range []int64{r.Impressions, r.Clicks, r.Leads, r.MQLs, r.SQLs, r.Opportunities, r.Won} {
			row = append(row, e.t.Number(n))
		}
		k := r.KPIs
		for _, c := range []any{r.Cost, r.Revenue, k.CTR, k.CPC, k.CPM, k.CostPerLead, k.CostPerMQL, k.CAC, k.LeadToMQL,
			k.MQLToSQL, k.SQLToOpportunity, k.OpportunityToWon, k.ROAS, k.ROI} {
			var cell any
			var err error
			if m, ok := c.(backend.Money); ok {
				cell, err = e.money(m)
			} else {
				cell, err = e.kpi(c.(backend.KPI))
			}
			if err != nil {
				return err
			}
			row = append(row, cell)
		}
		if err := e.t.Row(append(row, e.custom(r.Custom)...)...); err != nil {
			return err
		}
	}
	return nil
}

// WriteTo finishes the workbook and writes it to w.
func (e *ResultsExport) WriteTo(w io.Writer) (int64, error) { return e.t.WriteTo(w) }
