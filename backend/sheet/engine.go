package sheet

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"mopsdesk/backend"
)

// Options are the user's choices for one import. Empty ones are worked out
// from the file.
type Options struct {
	Kind      string `json:"kind"`
	Sheet     string `json:"sheet"`
	HeaderRow int    `json:"headerRow"`
	// Mapping is column (letter, or "date"/"value"/"title" in a wide or
	// calendar layout) → field key; "" leaves a column out. Nil maps
	// automatically.
	Mapping   map[string]string `json:"mapping"`
	Constants map[string]string `json:"constants"`
	Orders    map[string]Order  `json:"orders"`
	Currency  string            `json:"currency"`
	// Fixes replace a cell's text ("C7" → "2025-03-01").
	Fixes   map[string]string `json:"fixes"`
	Exclude []int             `json:"exclude"`
	// ExcludeAt leaves out rows of an import of several sheets (a calendar
	// with a sheet per month), as "Sheet!row"; Fixes there are keyed
	// "Sheet!C7" too.
	ExcludeAt []string `json:"excludeAt"`
	// WideRows chooses, in a wide layout, the row labels to bring in; nil
	// takes the labels that name the kind's amounts.
	WideRows []string `json:"wideRows"`
	// SkipProblems imports the rows without problems and leaves the others
	// out (the command line's way; the UI fixes or excludes rows).
	SkipProblems bool `json:"skipProblems"`
	// DateOrder is the day/month order for every date column the file
	// does not settle itself (the command line's --dates).
	DateOrder Order `json:"dateOrder"`
	// ProblemLimit caps the problems a preview lists (0: 500); counts
	// are always complete.
	ProblemLimit int `json:"-"`
	// Year is used by calendar sheets that name a month but no year (and
	// whose file name names none): the user's answer to Layout.YearNeeded.
	Year int `json:"year"`
	// FallbackYear is the year month headers without one take in a wide
	// layout, and a calendar's dates in the preview while its year is asked.
	FallbackYear int `json:"-"`
	// Sheets chooses, for calendar grids with a sheet per month, the sheets
	// to import; nil imports every grid sheet (or the chosen Sheet only).
	Sheets []string `json:"sheets"`
	// ConvertBudget imports a budget in another currency converted into the
	// workspace currency at the workspace's rates (the month's, else the
	// planning rate), instead of refusing each amount.
	ConvertBudget bool `json:"convertBudget"`
	// BookCost names the sources (results files) whose cost is booked as
	// actual spend; the cost of the others is compared with the budget
	// only (pacing).
	BookCost []string `json:"bookCost,omitempty"`
	// BookCategories chooses, by source, the spend category its booked
	// cost goes to. With BookCost nil (no choice given) each source's
	// choice is the one remembered from its last import.
	BookCategories map[string]int64 `json:"bookCategories,omitempty"`
	// Channels are the workspace's channel names: a calendar cell's second
	// line that names one (or a well-known network) is the entry's channel.
	Channels []string `json:"-"`
	// Labels are the fields' names in the user's language (field key →
	// name), matched as headers like the built-in synonyms: a list
	// exported with headers in that language imports back.
	Labels map[string]string `json:"labels"`
	// Today is the day of the import ("2006-01-02"; empty: the clock's),
	// for telling contracts that have ended.
	Today string `json:"-"`
}

// Column is one column of the table as mapped.
type Column struct {
	Key    string `json:"key"`
	Header string `json:"header"`
	// Hidden columns are left out unless the user maps them.
	Hidden bool     `json:"hidden"`
	Field  string   `json:"field"`
	By     string   `json:"by"` // header, content, user, fixed, none
	Sample []string `json:"sample"`
}

// Question asks the user to settle a column's day/month order.
type Question struct {
	Column   string   `json:"column"`
	Header   string   `json:"header"`
	Examples []string `json:"examples"`
}

// Layout is what the importer found and decided.
type Layout struct {
	Kind        string           `json:"kind"`
	Sheet       string           `json:"sheet"`
	Sheets      []string         `json:"sheets"`
	Shape       string           `json:"shape"` // table, wide, calendar
	HeaderRow   int              `json:"headerRow"`
	FirstColumn int              `json:"firstColumn"`
	Columns     []Column         `json:"columns"`
	Orders      map[string]Order `json:"orders"`
	Questions   []Question       `json:"questions"`
	WideLabels  []string         `json:"wideLabels"`
	WideRows    []string         `json:"wideRows"`
	Date1904    bool             `json:"date1904"`
	// Missing lists required fields that no column holds and no value
	// set for every row fills: no row can be imported until they are.
	Missing []string `json:"missing"`
	// Defaults are the values the importer gives fields that no column
	// holds and no value set for every row fills.
	Defaults  []Default `json:"defaults"`
	HeaderKey string    `json:"headerKey"`
	// GridSheets are the workbook's calendar grid sheets, ImportSheets the
	// ones imported (calendar shape only).
	GridSheets   []string `json:"gridSheets"`
	ImportSheets []string `json:"importSheets"`
	// YearNeeded says a calendar names its months but no year anywhere:
	// the user must choose one (Options.Year) before importing.
	YearNeeded bool `json:"yearNeeded"`
	// Skipped lists text the import leaves out on purpose, with where it
	// is: blocks beside or below a grid (legends, notes), cells under no
	// day. Nothing with text is left out without being listed.
	Skipped []Problem `json:"skipped"`
	// KindWhy says why the kind was guessed (a message key with Params).
	KindWhy *Problem `json:"kindWhy"`
}

// Problem is something wrong with one cell (or row), named the way the
// user finds it: sheet, row, column and the cell's text.
type Problem struct {
	Sheet   string         `json:"sheet"`
	Row     int            `json:"row"`
	Column  string         `json:"column"`
	Field   string         `json:"field"`
	Value   string         `json:"value"`
	Message string         `json:"message"`
	Key     string         `json:"key"`
	Params  map[string]any `json:"params,omitempty"`
}

// Value is one field of a record, parsed.
type Value struct {
	Text string `json:"text"`
	// Col and Row are where the value came from (0 for a value set for
	// every row).
	Col, Row int      `json:"-"`
	List     []string `json:"list,omitempty"`
	Int      int64    `json:"int,omitempty"`
	Bool     bool     `json:"bool,omitempty"`
	Currency string   `json:"currency,omitempty"`
	// Default says the importer supplied the value (see Layout.Defaults):
	// it fills a new entity and leaves a stored one as it is.
	Default bool `json:"-"`
}

// Record is one row to import.
type Record struct {
	Sheet    string
	Row      int
	Values   map[string]Value
	Problems []Problem
	// Skip says why the row is left out (total, hidden, excluded); a
	// skipped row has no values.
	Skip string
}

// Has reports whether the record has a value for field.
func (r *Record) Has(field string) bool { _, ok := r.Values[field]; return ok }

// Text returns a field's text ("" when absent).
func (r *Record) Text(field string) string { return r.Values[field].Text }

// Problem adds a problem with the field's cell.
func (r *Record) Problem(field, key, message string, params map[string]any) {
	v := r.Values[field]
	col, row := "", r.Row
	if v.Col > 0 {
		col, row = colName(v.Col), v.Row
	}
	r.Problems = append(r.Problems, Problem{Sheet: r.Sheet, Row: row, Column: col, Field: field, Value: v.Text, Key: key, Message: problemText(r.Sheet, row, col, v.Text, message), Params: params})
}
func problemText(sheet string, row int, col, value, message string) string {
	where := fmt.Sprintf("Sheet '%s', row %d", sheet, row)
	if col != "" {
		where += ", column " + col
	}
	if value == "" {
		return where + ": " + message
	}
	return fmt.Sprintf("%s: '%s' %s", where, value, message)
}

// vcell is a cell of the table the importer reads: its text and where it
// came from (1-based), so problems name the sheet's own row and column.
type vcell struct {
	text     string
	row, col int
}

// Importer reads one sheet of a workbook as records of one kind.
type Importer struct {
	wb     *Workbook
	kind   *Kind
	opts   Options
	Layout Layout
	table  *Found
	keys   []string // virtual column keys, in order
	heads  []string
	// wide layout: date columns (index into table columns) and their dates
	wideCols  []int
	wideDates []string
	labelCol  int // index of the row-label column, -1 none
	groupCol  int // column left of the table holding group labels, 0 none
	fixes     map[string]string
	exclude   map[int]bool
	excludeAt map[string]bool
	wideRows  map[string]bool
	curSheet  string // the grid sheet being read (calendar)
}

// New prepares an import of wb: picks the sheet, finds the table and its
// shape, and maps columns by header name, then by content.
func New(wb *Workbook, opts Options) (*Importer, error) {
	kind := Kinds[opts.Kind]
	if kind == nil {
		return nil, &backend.Error{Code: backend.EINVALID, Message: fmt.Sprintf("%q is not something MOps Desk imports; choose one of %s.", opts.Kind, strings.Join(KindKeys, ", ")),
			Fields: map[string]backend.FieldError{"kind": {Key: "import.bad_kind", Params: map[string]any{"kind": opts.Kind}}}}
	}
	kind = kind.withLabels(opts.Labels)
	im := &Importer{wb: wb, kind: kind, opts: opts, labelCol: -1, fixes: opts.Fixes, exclude: map[int]bool{}}
	for _, r := range opts.Exclude {
		im.exclude[r] = true
	}
	im.excludeAt = map[string]bool{}
	for _, r := range opts.ExcludeAt {
		im.excludeAt[r] = true
	}
	sheets := wb.Sheets()
	im.Layout = Layout{Kind: kind.Key, Sheets: sheets, Orders: map[string]Order{}}
	sheet := opts.Sheet
	if sheet == "" {
		sheet = wb.pickSheet(kind)
	} else if !contains(sheets, sheet) {
		// Sheet names with stray spaces: " May" and "May" are the same to a person.
		for _, s := range sheets {
			if strings.TrimSpace(s) == strings.TrimSpace(sheet) {
				sheet = s
			}
		}
		if !contains(sheets, sheet) {
			return nil, &backend.Error{Code: backend.EINVALID, Message: fmt.Sprintf("The file has no sheet named %q; its sheets are %s.", sheet, quoteAll(sheets)),
				Fields: map[string]backend.FieldError{"sheet": {Key: "import.no_sheet", Params: map[string]any{"sheet": sheet, "sheets": sheets}}}}
		}
	}
	im.Layout.Sheet = sheet
	im.Layout.Date1904 = wb.date1904()
	t, err := wb.FindTable(sheet)
	if err != nil {
		return nil, err
	}
	if opts.HeaderRow > 0 && opts.HeaderRow != t.HeaderRow {
		if t, err = wb.TableAt(sheet, opts.HeaderRow); err != nil {
			return nil, err
		}
	}
	im.table = t
	im.Layout.HeaderRow, im.Layout.FirstColumn = t.HeaderRow, t.FirstCol
	im.Layout.HeaderKey = HeaderKey(t.Headers)
	switch {
	case im.isCalendar():
		im.Layout.Shape = "calendar"
		im.keys, im.heads = []string{"date", "title"}, []string{"", ""}
		if channelField(kind) != "" {
			im.keys, im.heads = append(im.keys, "channel"), append(im.heads, "")
		}
	case im.isWide():
		im.Layout.Shape = "wide"
		if err := im.prepareWide(); err != nil {
			return nil, err
		}
	default:
		im.Layout.Shape = "table"
		for i, h := range t.Headers {
			im.keys = append(im.keys, colName(t.FirstCol+i))
			im.heads = append(im.heads, h)
		}
	}
	if err := im.mapColumns(); err != nil {
		return nil, err
	}
	return im, nil
}
func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
func quoteAll(list []string) []string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = "'" + s + "'"
	}
	return out
}
func colName(n int) string {
	s, _ := excelize.ColumnNumberToName(n)
	return s
}
func cellName(col, row int) string {
	s, _ := excelize.CoordinatesToCellName(col, row)
	return s
}
func (w *Workbook) date1904() bool {
	if w.xlsx == nil {
		return false
	}
	return w.xlsx.date1904
}

// TableAt reads the table whose header is on the given row.
func (w *Workbook) TableAt(sheet string, row int) (*Found, error) {
	var found *Found
	err := w.eachRawRow(sheet, func(r Row) error {
		if r.Number < row {
			return nil
		}
		if r.Number == row {
			found = tableAt(sheet, r)
		}
		return io.EOF
	})
	if err != nil {
		return nil, err
	}
	if found == nil || len(found.Headers) == 0 {
		return nil, &backend.Error{Code: backend.EINVALID, Message: fmt.Sprintf("Row %d of sheet %q is empty; choose the row with the column names.", row, sheet),
			Fields: map[string]backend.FieldError{"headerRow": {Key: "import.empty_header", Params: map[string]any{"row": row, "sheet": sheet}}}}
	}
	w.fillMerged(found)
	return found, nil
}
