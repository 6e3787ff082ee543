package report

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"mopsdesk/backend"
)

// The workbook's summary sheet: the headline figures, read from the budget
// sheet's total row, and three native charts, each over a small table of
// its own on this sheet.

// summarySheet has the headline figures and three native charts drawn
// from the budget sheet and a table of periods on this sheet.
func (b *book) summarySheet() error {
	name := b.sheet("summary")
	f := b.f
	if _, err := f.NewSheet(name); err != nil {
		return err
	}
	if err := b.print(name); err != nil {
		return err
	}
	f.SetCellStr(name, "A1", b.d.Workspace+" — "+b.d.word("title"))
	f.SetCellStyle(name, "A1", "A1", b.title)
	f.SetCellStr(name, "A2", b.d.word("period")+": "+b.d.From+" – "+b.d.To)
	f.SetColWidth(name, "A", "A", 22)
	f.SetColWidth(name, "B", "E", 16)
	if err := b.headline(name); err != nil {
		return err
	}
	teams, cats, months := b.chartLines()
	tables := []chartTable{
		{[]string{"team", "planned", "committed", "actual"}, teams, "G2", excelize.Col, "plan_vs_actual"},
		{[]string{"category", "spent"}, cats, "G18", excelize.Bar, "by_category"},
		{b.overTimeHeads(), months, "G34", excelize.Line, "over_time"},
	}
	row := 10
	for _, t := range tables {
		var err error
		if row, err = b.chartTable(name, row, t); err != nil {
			return err
		}
	}
	// Under the headline figures, rows 8 and 9 are free for the notes.
	_, err := b.writeRateNotes(name, 8, "E")
	return err
}

// headline writes the budget sheet's totals in rows 4 to 7 as formulas
// over its total row, with their results for viewers that do not
// recalculate.
func (b *book) headline(name string) error {
	budget := b.sheet("budget")
	last := len(b.d.Budget) + 2 // the budget sheet's total row
	quoted := "'" + strings.ReplaceAll(budget, "'", "''") + "'"
	var total backend.SummaryRow
	for _, r := range b.d.Budget {
		total.Planned, total.Committed, total.Actual = total.Planned+r.Planned, total.Committed+r.Committed, total.Actual+r.Actual
	}
	total.Derive()
	for i, k := range []string{"planned", "committed", "actual", "available"} {
		row := 4 + i
		b.f.SetCellStr(name, fmt.Sprintf("A%d", row), b.d.word(k))
		col := string(rune('C' + i))
		figure := []int64{total.Planned, total.Committed, total.Actual, total.Available}[i]
		if err := b.formula(name, fmt.Sprintf("B%d", row), fmt.Sprintf("%s!%s%d", quoted, col, last), b.major(figure)); err != nil {
			return err
		}
		b.f.SetCellStyle(name, fmt.Sprintf("B%d", row), fmt.Sprintf("B%d", row), b.bold)
	}
	return nil
}

// chartLine is one row of a chart's table: a label and its amounts.
type chartLine struct {
	label  string
	values []int64
}

// chartLines are the rows of the three charts' tables: planned, committed
// and actual by team; spent (committed and actual) by category; planned,
// committed and actual by period.
func (b *book) chartLines() (teams, cats, months []chartLine) {
	teams, cats = []chartLine{}, []chartLine{}
	teamAt, catAt := map[string]int{}, map[string]int{}
	for _, r := range b.d.Budget {
		i, ok := teamAt[r.TeamName]
		if !ok {
			i = len(teams)
			teamAt[r.TeamName] = i
			teams = append(teams, chartLine{r.TeamName, make([]int64, 3)})
		}
		teams[i].values[0] += r.Planned
		teams[i].values[1] += r.Committed
		teams[i].values[2] += r.Actual
		j, ok := catAt[r.CategoryName]
		if !ok {
			j = len(cats)
			catAt[r.CategoryName] = j
			cats = append(cats, chartLine{r.CategoryName, make([]int64, 1)})
		}
		cats[j].values[0] += r.Committed + r.Actual
	}
	months = make([]chartLine, len(b.d.Months))
	for i, p := range b.d.Months {
		months[i] = chartLine{p.Label, []int64{p.Planned, p.Committed, p.Actual}}
		// Pacing: the cost the ad platforms report, beside the budget's.
		if len(b.overTimeHeads()) == 5 {
			months[i].values = append(months[i].values, b.d.Results.Reported[i])
		}
	}
	return teams, cats, months
}

// chartTable is a table on the summary sheet and the chart drawn from it.
type chartTable struct {
	heads  []string // word keys: the label column's, then one per series
	lines  []chartLine
	anchor string // the chart's top left cell
	typ    excelize.ChartType
	title  string // word key
}

// chartTable writes t's table from row on, charts it at t.anchor (when it
// has rows), and returns the row the next table starts at.
func (b *book) chartTable(name string, row int, t chartTable) (int, error) {
	f := b.f
	q := "'" + strings.ReplaceAll(name, "'", "''") + "'"
	for i, h := range t.heads {
		cell, _ := excelize.CoordinatesToCellName(i+1, row)
		f.SetCellStr(name, cell, b.d.word(h))
	}
	end, _ := excelize.CoordinatesToCellName(len(t.heads), row)
	f.SetCellStyle(name, fmt.Sprintf("A%d", row), end, b.header)
	top := row
	for _, l := range t.lines {
		row++
		vals := []any{l.label}
		for _, v := range l.values {
			vals = append(vals, b.major(v))
		}
		f.SetSheetRow(name, fmt.Sprintf("A%d", row), &vals)
		last, _ := excelize.CoordinatesToCellName(len(t.heads), row)
		f.SetCellStyle(name, fmt.Sprintf("B%d", row), last, b.money)
	}
	if len(t.lines) > 0 {
		series := []excelize.ChartSeries{}
		for c := 2; c <= len(t.heads); c++ {
			col, _ := excelize.ColumnNumberToName(c)
			series = append(series, excelize.ChartSeries{Name: fmt.Sprintf("%s!$%s$%d", q, col, top),
				Categories: fmt.Sprintf("%s!$A$%d:$A$%d", q, top+1, row), Values: fmt.Sprintf("%s!$%s$%d:$%s$%d", q, col, top+1, col, row)})
		}
		if err := f.AddChart(name, t.anchor, &excelize.Chart{Type: t.typ, Series: series, Title: excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: b.d.word(t.title)}}},
			Legend: excelize.ChartLegend{Position: "bottom"}, Dimension: excelize.ChartDimension{Width: 560, Height: 300}}); err != nil {
			return row, err
		}
	}
	return row + 3, nil
}

// overTimeHeads are the columns of the spend over time table: with
// results data, the cost the ad platforms report is the last.
func (b *book) overTimeHeads() []string {
	heads := []string{"month", "planned", "committed", "actual"}
	if r := b.d.Results; r != nil && len(r.Reported) == len(b.d.Months) && len(r.Reported) > 0 {
		heads = append(heads, "reported_cost")
	}
	return heads
}
