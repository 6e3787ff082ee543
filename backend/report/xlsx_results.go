package report

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"mopsdesk/backend"
)

// The workbook's results sheet: the funnel with a native chart, the
// campaigns ranked by ROAS and by cost per lead, and the pacing of spend
// against plan (the budget's own totals, with the cost the ad platforms
// report beside them).

// resultStyles are the number formats of KPIs: percentages and ratios
// with the two decimals backend/kpi.go rounds to.
type resultStyles struct{ pct2, ratio int }

func (b *book) resultsSheet() error {
	name := b.sheet("results")
	f := b.f
	if _, err := f.NewSheet(name); err != nil {
		return err
	}
	if err := b.print(name); err != nil {
		return err
	}
	f.SetCellStr(name, "A1", b.d.word("results"))
	f.SetCellStyle(name, "A1", "A1", b.title)
	f.SetColWidth(name, "A", "A", 34)
	f.SetColWidth(name, "B", "D", 20)
	f.SetColWidth(name, "C", "C", 24)
	r := b.d.Results
	row := 3
	if r == nil {
		f.SetCellStr(name, "A3", b.d.word("no_results"))
		row = 5
	} else {
		pct2, ratio := "0.00%", "0.00"
		var st resultStyles
		var err error
		if st.pct2, err = f.NewStyle(&excelize.Style{CustomNumFmt: &pct2}); err != nil {
			return err
		}
		if st.ratio, err = f.NewStyle(&excelize.Style{CustomNumFmt: &ratio}); err != nil {
			return err
		}
		if row, err = b.funnelTable(name, row, st); err != nil {
			return err
		}
		for _, rk := range []struct {
			top, bottom, excluded, column string
			ranking                       Ranking
			kpi                           func(backend.KPIs) backend.KPI
			count                         bool
		}{
			{"top_roas", "bottom_roas", "excluded_roas", "roas", r.ByROAS(), func(k backend.KPIs) backend.KPI { return k.ROAS }, false},
			{"top_cpl", "bottom_cpl", "excluded_cpl", "cost_per_lead", r.ByCostPerLead(), func(k backend.KPIs) backend.KPI { return k.CostPerLead }, true},
		} {
			if rk.column == "roas" && r.NoRevenue {
				f.SetCellStr(name, fmt.Sprintf("A%d", row), b.d.word(rk.top))
				f.SetCellStyle(name, fmt.Sprintf("A%d", row), fmt.Sprintf("A%d", row), b.bold)
				f.SetCellStr(name, fmt.Sprintf("A%d", row+1), b.d.word("no_revenue"))
				row += 3
				continue
			}
			row = b.rankTable(name, row, rk.top, rk.column, rk.ranking.Top, rk.kpi, rk.count, st)
			// With few campaigns every one is among the best: no empty table.
			if len(rk.ranking.Bottom) > 0 {
				row = b.rankTable(name, row, rk.bottom, rk.column, rk.ranking.Bottom, rk.kpi, rk.count, st)
			}
			if len(rk.ranking.Excluded) > 0 {
				f.SetCellStr(name, fmt.Sprintf("A%d", row), b.d.excludedNote(rk.excluded, rk.ranking.Excluded))
				row += 2
			}
		}
	}
	return b.pacing(name, row)
}

// funnelTable writes the funnel's stages, counts and conversion rates
// from row, with a bar chart of the counts beside them.
func (b *book) funnelTable(name string, row int, st resultStyles) (int, error) {
	f := b.f
	f.SetCellStr(name, fmt.Sprintf("A%d", row), b.d.word("funnel"))
	f.SetCellStyle(name, fmt.Sprintf("A%d", row), fmt.Sprintf("A%d", row), b.bold)
	row++
	head := row
	f.SetSheetRow(name, fmt.Sprintf("A%d", row), &[]any{b.d.word("stage"), b.d.word("count"), b.d.word("conversion")})
	f.SetCellStyle(name, fmt.Sprintf("A%d", row), fmt.Sprintf("C%d", row), b.header)
	for _, s := range b.d.Results.Funnel {
		row++
		f.SetSheetRow(name, fmt.Sprintf("A%d", row), &[]any{b.d.word("stage_" + s.Stage), s.Count, kpiCell(s.Rate)})
		f.SetCellStyle(name, fmt.Sprintf("C%d", row), fmt.Sprintf("C%d", row), st.pct2)
	}
	q := "'" + strings.ReplaceAll(name, "'", "''") + "'"
	err := f.AddChart(name, fmt.Sprintf("F%d", head-1), &excelize.Chart{Type: excelize.Bar,
		Series: []excelize.ChartSeries{{Name: fmt.Sprintf("%s!$B$%d", q, head), Categories: fmt.Sprintf("%s!$A$%d:$A$%d", q, head+1, row),
			Values: fmt.Sprintf("%s!$B$%d:$B$%d", q, head+1, row)}},
		Title:  excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: b.d.word("funnel")}}},
		Legend: excelize.ChartLegend{Position: "none"}, Dimension: excelize.ChartDimension{Width: 480, Height: 260},
		// The first stage on top, as a funnel reads.
		XAxis: excelize.ChartAxis{ReverseOrder: true}})
	return max(row+3, head+14), err
}

// kpiCell is a KPI as a cell value: a number in the unit its style
// shows, or "—" when it is undefined.
func kpiCell(k backend.KPI) any {
	v, ok := k.Float()
	if !ok {
		return backend.KPIDash
	}
	if k.Unit == backend.UnitPercent {
		return v / 100
	}
	return v
}

// rankTable writes a ranking's campaigns under its heading: cost,
// revenue (or leads, count true) and the KPI.
func (b *book) rankTable(name string, row int, title, column string, rows []backend.ResultTotal, kpi func(backend.KPIs) backend.KPI, count bool, st resultStyles) int {
	f := b.f
	f.SetCellStr(name, fmt.Sprintf("A%d", row), b.d.word(title))
	f.SetCellStyle(name, fmt.Sprintf("A%d", row), fmt.Sprintf("A%d", row), b.bold)
	row++
	third := "revenue"
	if count {
		third = "leads"
	}
	f.SetSheetRow(name, fmt.Sprintf("A%d", row), &[]any{b.d.word("name"), b.d.word("cost"), b.d.word(third), b.d.word(column)})
	f.SetCellStyle(name, fmt.Sprintf("A%d", row), fmt.Sprintf("D%d", row), b.header)
	for _, c := range rows {
		row++
		var v any = b.major(c.Revenue.Amount)
		if count {
			v = c.Leads
		}
		f.SetSheetRow(name, fmt.Sprintf("A%d", row), &[]any{c.Label, b.major(c.Cost.Amount), v, kpiCell(kpi(c.KPIs))})
		f.SetCellStyle(name, fmt.Sprintf("B%d", row), fmt.Sprintf("B%d", row), b.money)
		if !count {
			f.SetCellStyle(name, fmt.Sprintf("C%d", row), fmt.Sprintf("C%d", row), b.money)
			f.SetCellStyle(name, fmt.Sprintf("D%d", row), fmt.Sprintf("D%d", row), st.ratio)
		} else {
			f.SetCellStyle(name, fmt.Sprintf("D%d", row), fmt.Sprintf("D%d", row), b.money)
		}
	}
	return row + 2
}

// pacing writes the budget's planned and spent for the report's periods
// (the headline's figures), the share of the plan spent, and the cost the
// ad platforms report beside them.
func (b *book) pacing(name string, row int) error {
	f := b.f
	f.SetCellStr(name, fmt.Sprintf("A%d", row), b.d.word("pacing"))
	f.SetCellStyle(name, fmt.Sprintf("A%d", row), fmt.Sprintf("A%d", row), b.bold)
	t := b.d.Totals
	lines := []struct {
		key   string
		value any
		style int
	}{
		{"planned", b.major(t.Planned), b.money},
		{"spent", b.major(t.Committed + t.Actual), b.money},
	}
	if !b.d.hasPlan() {
		// No plan: nothing was planned, not "0 planned".
		lines[0].value, lines[1].value = backend.KPIDash, backend.KPIDash
	}
	if bp := b.d.pacingBasisPoints(); bp != nil {
		lines = append(lines, struct {
			key   string
			value any
			style int
		}{"pacing_share", float64(*bp) / 10_000, b.pct})
	}
	if b.d.Results != nil {
		lines = append(lines, struct {
			key   string
			value any
			style int
		}{"reported_cost", b.major(b.d.Results.ReportedTotal()), b.money})
	}
	for _, l := range lines {
		row++
		f.SetSheetRow(name, fmt.Sprintf("A%d", row), &[]any{b.d.word(l.key), l.value})
		f.SetCellStyle(name, fmt.Sprintf("B%d", row), fmt.Sprintf("B%d", row), l.style)
	}
	if !b.d.hasPlan() {
		row += 2
		f.SetCellStr(name, fmt.Sprintf("A%d", row), b.d.word("no_plan"))
	}
	return f.SetCellStr(name, fmt.Sprintf("A%d", row+2), b.d.word("pacing_note"))
}
