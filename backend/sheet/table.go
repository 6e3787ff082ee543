package sheet

import (
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"mopsdesk/backend"
)

// Table streams one sheet of rows under a styled, frozen, filterable
// header. Cells are made with Text, Day, Number and Money, so that user
// text is always a string cell (never a formula), days are real dates and
// money is a number with its currency's format.
type Table struct {
	f      *excelize.File
	sw     *excelize.StreamWriter
	name   string
	cols   int
	row    int
	text   int
	date   int
	header int
	money  map[string]int
}

// NewTable starts a workbook with one sheet and its header row.
func NewTable(sheet string, headers []string, widths []float64) (*Table, error) {
	f := excelize.NewFile()
	t := &Table{f: f, name: sheetName(sheet), cols: len(headers), row: 1, money: map[string]int{}}
	if err := f.SetSheetName("Sheet1", t.name); err != nil {
		return nil, err
	}
	var err error
	if t.text, err = f.NewStyle(&excelize.Style{NumFmt: 49}); err != nil { // "@": text
		return nil, err
	}
	dateFmt := "yyyy-mm-dd"
	if t.date, err = f.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt}); err != nil {
		return nil, err
	}
	if t.header, err = f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true, Color: "FFFFFF"},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"2F5597"}},
		Alignment: &excelize.Alignment{Vertical: "center"},
	}); err != nil {
		return nil, err
	}
	return t, t.start(headers, widths)
}

// AddSheet finishes the current sheet and starts another in the same
// workbook, with its own header row.
func (t *Table) AddSheet(sheet string, headers []string, widths []float64) error {
	if err := t.finishSheet(); err != nil {
		return err
	}
	t.name, t.cols, t.row = sheetName(sheet), len(headers), 1
	if _, err := t.f.NewSheet(t.name); err != nil {
		return err
	}
	return t.start(headers, widths)
}

func (t *Table) start(headers []string, widths []float64) error {
	var err error
	if t.sw, err = t.f.NewStreamWriter(t.name); err != nil {
		return err
	}
	for i, w := range widths {
		if err := t.sw.SetColWidth(i+1, i+1, w); err != nil {
			return err
		}
	}
	if err := t.sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	cells := make([]any, len(headers))
	for i, h := range headers {
		cells[i] = excelize.Cell{StyleID: t.header, Value: h}
	}
	return t.Row(cells...)
}

// finishSheet flushes the current sheet and puts an auto-filter on its
// header row.
func (t *Table) finishSheet() error {
	if err := t.sw.Flush(); err != nil {
		return err
	}
	last, _ := excelize.CoordinatesToCellName(t.cols, max(t.row-1, 1))
	return t.f.AutoFilter(t.name, "A1:"+last, nil)
}

// Row writes one row of cells.
func (t *Table) Row(cells ...any) error {
	cell, _ := excelize.CoordinatesToCellName(1, t.row)
	t.row++
	return t.sw.SetRow(cell, cells)
}

// Text is a string cell with the text format.
func (t *Table) Text(s string) excelize.Cell { return excelize.Cell{StyleID: t.text, Value: s} }

// Day is a date cell for a YYYY-MM-DD day (text when it is not one).
func (t *Table) Day(s string) excelize.Cell {
	d, ok := backend.ParseDay(s)
	if !ok {
		return t.Text(s)
	}
	return excelize.Cell{StyleID: t.date, Value: d}
}

// Number is a plain number cell.
func (t *Table) Number(n int64) excelize.Cell { return excelize.Cell{Value: n} }

// Money is a number cell in the money's currency format: thousands
// separators, the currency's own decimals and its code.
func (t *Table) Money(m backend.Money) (excelize.Cell, error) {
	id, ok := t.money[m.Currency]
	if !ok {
		c, _ := backend.LookupCurrency(m.Currency)
		format := "#,##0"
		if c.MinorUnits > 0 {
			format += "." + strings.Repeat("0", c.MinorUnits)
		}
		format += ` "` + m.Currency + `"`
		var err error
		if id, err = t.f.NewStyle(&excelize.Style{CustomNumFmt: &format}); err != nil {
			return excelize.Cell{}, err
		}
		t.money[m.Currency] = id
	}
	return excelize.Cell{StyleID: id, Value: m.Major()}, nil
}

// WriteTo finishes the workbook, with an auto-filter on the header row,
// and writes it to w. The table cannot be used afterwards.
func (t *Table) WriteTo(w io.Writer) (int64, error) {
	defer t.f.Close()
	if err := t.finishSheet(); err != nil {
		return 0, err
	}
	return t.f.WriteTo(w)
}
