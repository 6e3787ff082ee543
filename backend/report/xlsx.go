package report

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"mopsdesk/backend"
)

// The report as a workbook: the data sheets (budget, campaigns, contracts,
// licences) here; the summary sheet with its charts in xlsx_summary.go.

// book is the workbook being written: the data, and the styles its sheets
// share.
type book struct {
	f      *excelize.File
	d      *Data
	header int
	money  int
	date   int
	pct    int
	bold   int
	title  int
	// results are the results of the formulas written (sheet → cell →
	// result), stored in the workbook by withResults.
	results map[string]map[string]any
}

// WriteXLSX writes the report workbook to w.
func WriteXLSX(w io.Writer, d *Data) error {
	b := &book{f: excelize.NewFile(), d: d}
	defer b.f.Close()
	if err := b.styles(); err != nil {
		return err
	}
	steps := []func() error{b.budgetSheet, b.campaignsSheet, b.resultsSheet, b.contractsSheet, b.licencesSheet, b.summarySheet}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	if err := b.f.DeleteSheet("Sheet1"); err != nil {
		return err
	}
	// Persian and Arabic readers get sheets that run right to left.
	if d.RTL() {
		yes := true
		for _, name := range b.f.GetSheetList() {
			if err := b.f.SetSheetView(name, -1, &excelize.ViewOptions{RightToLeft: &yes}); err != nil {
				return err
			}
		}
	}
	idx, _ := b.f.GetSheetIndex(b.sheet("summary"))
	b.f.SetActiveSheet(idx)
	if err := b.f.MoveSheet(b.sheet("summary"), b.sheet("budget")); err != nil {
		return err
	}
	var raw bytes.Buffer
	if _, err := b.f.WriteTo(&raw); err != nil {
		return err
	}
	return withResults(w, raw.Bytes(), b.results)
}

// sheet is a sheet's name: the user's word, cut to Excel's rules.
func (b *book) sheet(key string) string {
	s := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`:\/?*[]`, r) {
			return ' '
		}
		return r
	}, b.d.word(key))
	if r := []rune(strings.TrimSpace(s)); len(r) > 31 {
		s = string(r[:31])
	}
	return strings.TrimSpace(s)
}

func (b *book) styles() error {
	var err error
	f := b.f
	if b.header, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "FFFFFF"},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"2F5597"}}, Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}}); err != nil {
		return err
	}
	format := "#,##0"
	if b.d.MinorUnits > 0 {
		format += "." + strings.Repeat("0", b.d.MinorUnits)
	}
	format += ` "` + b.d.Currency + `"`
	if b.money, err = f.NewStyle(&excelize.Style{CustomNumFmt: &format}); err != nil {
		return err
	}
	dateFmt := "yyyy-mm-dd"
	if b.date, err = f.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt}); err != nil {
		return err
	}
	// One decimal, as the app and the web page show percentages.
	pctFmt := "0.0%"
	if b.pct, err = f.NewStyle(&excelize.Style{CustomNumFmt: &pctFmt}); err != nil {
		return err
	}
	if b.bold, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, CustomNumFmt: &format}); err != nil {
		return err
	}
	b.title, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 16}})
	return err
}

// major turns minor units into the number Excel shows.
func (b *book) major(v int64) float64 { return Money(backend.Money{Amount: v, Currency: b.d.Currency}) }

// table writes a header row and rows from row 1, frozen and filtered,
// with the print settings every sheet shares.
func (b *book) table(key string, headers []string, widths []float64, rows [][]any, styles map[int]int) (string, error) {
	name := b.sheet(key)
	f := b.f
	if _, err := f.NewSheet(name); err != nil {
		return "", err
	}
	for i, h := range headers {
		cell, _ := excelize.CoordinatesToCellName(i+1, 1)
		if err := f.SetCellStr(name, cell, b.d.word(h)); err != nil {
			return "", err
		}
	}
	last, _ := excelize.CoordinatesToCellName(len(headers), 1)
	if err := f.SetCellStyle(name, "A1", last, b.header); err != nil {
		return "", err
	}
	for i, w := range widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(name, col, col, w); err != nil {
			return "", err
		}
	}
	for r, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, r+2)
		if err := f.SetSheetRow(name, cell, &row); err != nil {
			return "", err
		}
	}
	for col, style := range styles {
		c, _ := excelize.ColumnNumberToName(col)
		if err := f.SetCellStyle(name, c+"2", fmt.Sprintf("%s%d", c, len(rows)+2), style); err != nil {
			return "", err
		}
	}
	if err := f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return "", err
	}
	if len(rows) > 0 {
		end, _ := excelize.CoordinatesToCellName(len(headers), len(rows)+1)
		if err := f.AutoFilter(name, "A1:"+end, nil); err != nil {
			return "", err
		}
	}
	return name, b.print(name)
}

// print sets landscape, fit to one page wide, and the workspace and
// period in the page header.
func (b *book) print(name string) error {
	landscape, one, any := "landscape", 1, 0
	if err := b.f.SetPageLayout(name, &excelize.PageLayoutOptions{Orientation: &landscape, FitToWidth: &one, FitToHeight: &any}); err != nil {
		return err
	}
	fit := true
	if err := b.f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	esc := func(s string) string { return strings.ReplaceAll(s, "&", "&&") }
	return b.f.SetHeaderFooter(name, &excelize.HeaderFooterOptions{
		OddHeader: "&L" + esc(b.d.Workspace) + "&C" + esc(b.d.word("title")) + "&R" + esc(b.d.From+" – "+b.d.To),
		OddFooter: "&C&P / &N",
	})
}

func (b *book) budgetSheet() error {
	rows := make([][]any, 0, len(b.d.Budget))
	for _, r := range b.d.Budget {
		rows = append(rows, []any{r.TeamName, r.CategoryName, b.major(r.Planned), b.major(r.Committed), b.major(r.Actual)})
	}
	name, err := b.table("budget", []string{"team", "category", "planned", "committed", "actual", "available", "variance_pct"},
		[]float64{22, 22, 16, 16, 16, 16, 12}, rows, map[int]int{3: b.money, 4: b.money, 5: b.money, 6: b.money, 7: b.pct})
	if err != nil {
		return err
	}
	// Available and variance are formulas, so edits to the plan
	// recalculate; their results are the domain's figures.
	var total backend.SummaryRow
	for i, r := range b.d.Budget {
		n := i + 2
		r.Derive()
		if err := b.formula(name, fmt.Sprintf("F%d", n), fmt.Sprintf("C%d-D%d-E%d", n, n, n), b.major(r.Available)); err != nil {
			return err
		}
		if err := b.variance(name, n, r.VarianceBasisPoints); err != nil {
			return err
		}
		total.Planned += r.Planned
		total.Committed += r.Committed
		total.Actual += r.Actual
	}
	total.Derive()
	if err := b.totalRow(name, len(rows), []int{3, 4, 5, 6}, []int64{total.Planned, total.Committed, total.Actual, total.Available}); err != nil {
		return err
	}
	last := len(rows) + 2
	if err := b.variance(name, last, total.VarianceBasisPoints); err != nil {
		return err
	}
	if err := b.f.SetCellStyle(name, fmt.Sprintf("G%d", last), fmt.Sprintf("G%d", last), b.pct); err != nil {
		return err
	}
	// What variance means, under the table, for whoever reads the sheet;
	// below it, what the totals leave out or assume about exchange rates.
	if err := b.f.SetCellStr(name, fmt.Sprintf("A%d", last+2), b.d.word("variance_note")); err != nil {
		return err
	}
	_, err = b.writeRateNotes(name, last+4, "G")
	return err
}

// variance writes row n's variance % (backend.VarianceBasisPoints) as a
// formula with its result.
func (b *book) variance(name string, n int, bp *int64) error {
	var result any = ""
	if bp != nil {
		result = float64(*bp) / 10_000
	}
	return b.formula(name, fmt.Sprintf("G%d", n), fmt.Sprintf(`IF(C%d=0,"",(C%d-D%d-E%d)/C%d)`, n, n, n, n, n), result)
}

// totalRow adds a Total row whose figures are SUM formulas over the rows;
// sums (minor units) are their results, one per column.
func (b *book) totalRow(name string, n int, cols []int, sums []int64) error {
	row := n + 2
	if err := b.f.SetCellStr(name, fmt.Sprintf("A%d", row), b.d.word("total")); err != nil {
		return err
	}
	for i, c := range cols {
		col, _ := excelize.ColumnNumberToName(c)
		cell := fmt.Sprintf("%s%d", col, row)
		formula := "0"
		if n > 0 {
			formula = fmt.Sprintf("SUM(%s2:%s%d)", col, col, n+1)
		}
		if err := b.formula(name, cell, formula, b.major(sums[i])); err != nil {
			return err
		}
		if err := b.f.SetCellStyle(name, cell, cell, b.bold); err != nil {
			return err
		}
	}
	return nil
}

func day(s string) any {
	if t, ok := backend.ParseDay(s); ok {
		return t
	}
	return s
}

func (b *book) campaignsSheet() error {
	rows := make([][]any, 0, len(b.d.Campaigns))
	var spent, revenue int64
	for _, c := range b.d.Campaigns {
		spent, revenue = spent+c.Spent, revenue+c.Revenue
		var roi any = ""
		if c.ROIBasisPoints != nil {
			roi = float64(*c.ROIBasisPoints) / 10_000
		}
		rows = append(rows, []any{c.Name, c.Team, c.Status, day(c.Start), day(c.End), c.Goals, b.major(c.Spent), b.major(c.Revenue), roi})
	}
	name, err := b.table("campaigns", []string{"name", "team", "status", "start", "end", "goals", "spent", "revenue", "roi"},
		[]float64{30, 18, 14, 12, 12, 40, 16, 16, 10}, rows, map[int]int{4: b.date, 5: b.date, 7: b.money, 8: b.money, 9: b.pct})
	if err != nil {
		return err
	}
	return b.totalRow(name, len(rows), []int{7, 8}, []int64{spent, revenue})
}

func (b *book) contractsSheet() error {
	rows := make([][]any, 0, len(b.d.Contracts))
	opt := func(v *int64) any {
		if v == nil {
			return ""
		}
		return b.major(*v)
	}
	var annualised int64
	for _, c := range b.d.Contracts {
		if c.Annualised != nil {
			annualised += *c.Annualised
		}
		cost := Money(c.Cost)
		rows = append(rows, []any{c.Vendor, c.Product, c.Owner, cost, c.Cost.Currency, opt(c.Annualised), opt(c.CostPerSeat),
			day(c.NextRenewal), day(c.CancelBy), c.SeatsBought, c.SeatsUsed})
	}
	name, err := b.table("contracts", []string{"vendor", "product", "owner", "cost", "currency", "annualised", "per_seat", "renewal", "cancel_by", "seats", "seats_used"},
		[]float64{20, 22, 16, 14, 10, 16, 14, 13, 13, 11, 11}, rows, map[int]int{6: b.money, 7: b.money, 8: b.date, 9: b.date})
	if err != nil {
		return err
	}
	return b.totalRow(name, len(rows), []int{6}, []int64{annualised})
}

// Money is an amount as Excel shows it in its own currency (the cell has
// no currency format: the next column names it).
func Money(m backend.Money) float64 {
	return m.Major()
}

func (b *book) licencesSheet() error {
	rows := make([][]any, 0, len(b.d.Licences))
	for _, l := range b.d.Licences {
		rows = append(rows, []any{l.Asset, l.Type, l.Holder, day(l.Expiry)})
	}
	_, err := b.table("licences", []string{"asset", "licence", "holder", "expiry"}, []float64{34, 20, 24, 13}, rows, map[int]int{4: b.date})
	return err
}
