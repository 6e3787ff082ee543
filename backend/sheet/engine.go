package sheet

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

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
	// Year is used by calendar sheets that name a month but no year.
	Year int `json:"year"`
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
	Missing   []string `json:"missing"`
	HeaderKey string   `json:"headerKey"`
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
	wideRows  map[string]bool
}

// New prepares an import of wb: picks the sheet, finds the table and its
// shape, and maps columns by header name, then by content.
func New(wb *Workbook, opts Options) (*Importer, error) {
	kind := Kinds[opts.Kind]
	if kind == nil {
		return nil, &backend.Error{Code: backend.EINVALID, Message: fmt.Sprintf("%q is not something MOps Desk imports; choose one of %s.", opts.Kind, strings.Join(KindKeys, ", ")),
			Fields: map[string]backend.FieldError{"kind": {Key: "import.bad_kind", Params: map[string]any{"kind": opts.Kind}}}}
	}
	im := &Importer{wb: wb, kind: kind, opts: opts, labelCol: -1, fixes: opts.Fixes, exclude: map[int]bool{}}
	for _, r := range opts.Exclude {
		im.exclude[r] = true
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
				Fields: map[string]backend.FieldError{"sheet": {Key: "import.no_sheet", Params: map[string]any{"sheet": sheet, "sheets": strings.Join(quoteAll(sheets), ", ")}}}}
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

// HeaderKey identifies a table by its headers, for saved mapping profiles.
func HeaderKey(headers []string) string {
	parts := make([]string, len(headers))
	for i, h := range headers {
		parts[i] = normHeader(h)
	}
	return strings.Join(parts, "|")
}

// pickSheet chooses the sheet whose headers match the kind best.
func (w *Workbook) pickSheet(k *Kind) string {
	sheets := w.Sheets()
	best, bestScore := sheets[0], -1
	for _, s := range sheets {
		t, err := w.FindTable(s)
		if err != nil {
			continue
		}
		score, dates := 1, 0
		for _, h := range t.Headers {
			if f, _ := matchHeader(k, h, nil); f != "" {
				score += 2
			}
			if _, _, ok := headerDate(h, false); ok {
				dates++
			}
		}
		if k.WideDate != "" && dates >= 3 {
			score += dates
		}
		if strings.Contains(normHeader(s), normHeader(k.Key)[:4]) {
			score += 10 // a sheet named after the kind ("Campaigns")
		}
		if score > bestScore {
			best, bestScore = s, score
		}
	}
	return best
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

// ---- shapes ----

func (im *Importer) isCalendar() bool {
	n := 0
	for _, h := range im.table.Headers {
		if Weekday(h) >= 0 {
			n++
		}
	}
	return n >= 5 && (im.kind.Key == "deliverables" || im.kind.Key == "campaigns")
}

// headerDate reads a header as a day or a month: a serial number, a date
// text, or a month name with or without a year.
func headerDate(h string, date1904 bool) (day string, monthOnly bool, ok bool) {
	h = strings.TrimSpace(h)
	if h == "" {
		return "", false, false
	}
	if d, err := ParseDate(h, OrderDayFirst, date1904); err == nil {
		if isPlainNumber(h) {
			if f, _ := strconv.ParseFloat(h, 64); f < 20000 {
				return "", false, false // small numbers are not dates in a header
			}
		}
		return d, false, true
	}
	toks := dateTokens(h)
	m, y := 0, 0
	for _, t := range toks {
		if mm := MonthOf(t); mm != 0 && m == 0 {
			m = mm
		} else if n, err := strconv.Atoi(t); err == nil && (len(t) == 4 || len(t) == 2) {
			y = n
			if y < 100 {
				y += 2000
			}
		} else {
			return "", false, false
		}
	}
	if m == 0 {
		return "", false, false
	}
	if y == 0 {
		y = 1 // year to be decided by the caller
	}
	return fmt.Sprintf("%04d-%02d-01", y, m), true, true
}

// isWide finds a run of at least three date (or month) headers in a row:
// days or months as columns.
func (im *Importer) isWide() bool {
	if im.kind.WideDate == "" {
		return false
	}
	cols, dates := im.wideRun()
	if len(cols) < 3 {
		return false
	}
	im.wideCols, im.wideDates = cols, dates
	return true
}

// wideRun returns the longest run of headers that are consecutive days or
// consecutive months; other date headers (totals per month) are left out.
func (im *Importer) wideRun() ([]int, []string) {
	type hd struct {
		i     int
		d     string
		month bool
	}
	var ds []hd
	for i, h := range im.table.Headers {
		if d, m, ok := headerDate(h, im.Layout.Date1904); ok {
			ds = append(ds, hd{i, d, m})
		}
	}
	var best []hd
	for s := 0; s < len(ds); s++ {
		run := []hd{ds[s]}
		for j := s + 1; j < len(ds); j++ {
			prev := run[len(run)-1]
			if next(prev.d, prev.month) != ds[j].d && !(prev.month && ds[j].month && ds[j].d[:4] == "0001" && ds[j].d[5:7] == next(prev.d, true)[5:7]) {
				break
			}
			run = append(run, ds[j])
		}
		if len(run) > len(best) {
			best = run
		}
	}
	var cols []int
	var dates []string
	year := im.opts.Year
	for _, b := range best {
		d := b.d
		if strings.HasPrefix(d, "0001-") {
			if year == 0 {
				year = currentYear()
			}
			d = fmt.Sprintf("%04d%s", year, d[4:])
		}
		cols, dates = append(cols, b.i), append(dates, d)
	}
	return cols, dates
}

func next(day string, month bool) string {
	t, ok := backend.ParseDay(day)
	if !ok {
		y, m := 1, 1
		fmt.Sscanf(day, "%d-%d", &y, &m)
		if m == 12 {
			return fmt.Sprintf("%04d-01-01", y+1)
		}
		return fmt.Sprintf("%04d-%02d-01", y, m+1)
	}
	if month {
		return t.AddDate(0, 1, 0).Format("2006-01-02")
	}
	return t.AddDate(0, 0, 1).Format("2006-01-02")
}

// prepareWide sets the virtual columns of a wide layout: the table's
// non-date columns, then "date" and "value"; and the row labels.
func (im *Importer) prepareWide() error {
	isDate := map[int]bool{}
	for _, c := range im.wideCols {
		isDate[c] = true
	}
	// Other date-like headers (month totals) are left out too.
	first := im.wideCols[0]
	for i, h := range im.table.Headers {
		if isDate[i] || i > first && i < im.wideCols[len(im.wideCols)-1] {
			continue
		}
		if _, _, ok := headerDate(h, im.Layout.Date1904); ok || strings.TrimSpace(h) == "" {
			continue
		}
		if i > im.wideCols[len(im.wideCols)-1] {
			continue // totals after the dates
		}
		if im.labelCol < 0 && i < first && !isTotalHeader(h) {
			im.labelCol = i
		}
		if isTotalHeader(h) {
			continue
		}
		im.keys = append(im.keys, colName(im.table.FirstCol+i))
		im.heads = append(im.heads, h)
	}
	// A column just left of the table with labels in it groups the rows
	// (a channel name merged down the rows it covers).
	if im.table.FirstCol > 1 {
		im.groupCol = im.table.FirstCol - 1
		im.keys = append([]string{colName(im.groupCol)}, im.keys...)
		im.heads = append([]string{""}, im.heads...)
	}
	im.keys = append(im.keys, "date", "value")
	im.heads = append(im.heads, "", "")
	// Row labels, for choosing which rows hold the amounts.
	if im.labelCol >= 0 {
		seen := map[string]bool{}
		err := im.wb.EachRow(im.table, func(r Row) error {
			l := strings.TrimSpace(r.Cells[im.labelCol])
			if l != "" && !seen[l] && !IsTotalRow(r.Cells) {
				seen[l] = true
				im.Layout.WideLabels = append(im.Layout.WideLabels, l)
			}
			return nil
		})
		if err != nil {
			return err
		}
		im.wideRows = map[string]bool{}
		if im.opts.WideRows != nil {
			for _, l := range im.opts.WideRows {
				im.wideRows[strings.TrimSpace(l)] = true
			}
		} else {
			for _, l := range im.Layout.WideLabels {
				for _, w := range im.kind.RowWords {
					if normHeader(l) == normHeader(w) {
						im.wideRows[l] = true
					}
				}
			}
			if len(im.wideRows) == 0 {
				for _, l := range im.Layout.WideLabels {
					im.wideRows[l] = true
				}
			}
		}
		for _, l := range im.Layout.WideLabels {
			if im.wideRows[l] {
				im.Layout.WideRows = append(im.Layout.WideRows, l)
			}
		}
	}
	return nil
}

var totalHeaders = regexp.MustCompile(`(?i)^(ltd|ytd|qtd|mtd|total|sum|razem|suma|toplam|المجموع|الإجمالي|جمع|مجموع|รวม)([\s\-–]?\d{2,4})?$`)

func isTotalHeader(h string) bool { return totalHeaders.MatchString(strings.TrimSpace(h)) }

// ---- mapping ----

// matchHeader finds the field a header names: exact synonym first, then a
// synonym the header starts or ends with ("Budget (USD)", "Start date
// 2025"). Taken fields are passed over.
func matchHeader(k *Kind, header string, taken map[string]bool) (string, string) {
	h := normHeader(header)
	if h == "" {
		return "", ""
	}
	for _, f := range k.Fields {
		if taken[f.Key] {
			continue
		}
		if normHeader(f.Key) == h {
			return f.Key, "header"
		}
		for _, s := range f.Synonyms {
			if normHeader(s) == h {
				return f.Key, "header"
			}
		}
	}
	best, bestLen := "", 0
	for _, f := range k.Fields {
		if taken[f.Key] {
			continue
		}
		for _, s := range f.Synonyms {
			n := normHeader(s)
			if len(n) >= 3 && len(n) > bestLen && (strings.HasPrefix(h, n) || strings.HasSuffix(h, n)) {
				best, bestLen = f.Key, len(n)
			}
		}
	}
	if best != "" {
		return best, "header"
	}
	return "", ""
}

// mapColumns maps each column: the user's mapping when given; otherwise by
// header, then by what the first rows hold.
func (im *Importer) mapColumns() error {
	k := im.kind
	samples := im.samples(30)
	taken := map[string]bool{}
	cols := make([]Column, len(im.keys))
	for i, key := range im.keys {
		cols[i] = Column{Key: key, Header: im.heads[i], Sample: samples[i], By: "none"}
	}
	fixed := func(i int, field string) {
		cols[i].Field, cols[i].By = field, "fixed"
		taken[field] = true
	}
	for i, key := range im.keys {
		switch {
		case im.groupCol > 0 && i == 0 && k.GroupField != "" && im.opts.Mapping == nil:
			cols[i].Field, cols[i].By = k.GroupField, "content"
			taken[k.GroupField] = true
		case key == "date" && im.Layout.Shape == "calendar":
			fixed(i, datesField(k))
		case key == "title" && im.Layout.Shape == "calendar":
			fixed(i, titleField(k))
		case key == "date" && im.Layout.Shape == "wide":
			fixed(i, k.WideDate)
		case key == "value" && im.Layout.Shape == "wide":
			fixed(i, k.WideValue)
		}
	}
	if im.opts.Mapping != nil {
		for i, key := range im.keys {
			if cols[i].By == "fixed" {
				continue
			}
			f, ok := im.opts.Mapping[key]
			if !ok {
				continue
			}
			if f != "" && k.Field(f) == nil {
				return &backend.Error{Code: backend.EINVALID, Message: fmt.Sprintf("Column %s cannot be mapped to %q: %s has no such field.", key, f, k.Key),
					Fields: map[string]backend.FieldError{"mapping": {Key: "import.bad_field", Params: map[string]any{"column": key, "field": f}}}}
			}
			if f != "" && taken[f] {
				return &backend.Error{Code: backend.EINVALID, Message: fmt.Sprintf("Two columns are mapped to %q; map each field from one column.", f),
					Fields: map[string]backend.FieldError{"mapping": {Key: "import.field_twice", Params: map[string]any{"field": f}}}}
			}
			cols[i].Field, cols[i].By = f, "user"
			if f == "" {
				cols[i].By = "none"
			}
			taken[f] = f != ""
		}
	}
	for i, key := range im.keys {
		if c, _, err := excelize.CellNameToCoordinates(key + "1"); err == nil && im.wb.xlsx != nil && im.wb.xlsx.hiddenColumn(im.table.Sheet, c) {
			cols[i].Hidden = true
		}
	}
	for i := range cols {
		if cols[i].By != "none" || cols[i].Hidden || im.opts.Mapping != nil && hasKey(im.opts.Mapping, cols[i].Key) {
			continue
		}
		if f, by := matchHeader(k, cols[i].Header, taken); f != "" {
			cols[i].Field, cols[i].By = f, by
			taken[f] = true
		}
	}
	// Columns without a recognised header: guess from their content (not
	// a wide layout's row labels: they name the rows, not a field).
	for i := range cols {
		if cols[i].By != "none" || cols[i].Hidden || im.opts.Mapping != nil && hasKey(im.opts.Mapping, cols[i].Key) {
			continue
		}
		if im.Layout.Shape == "wide" && im.labelCol >= 0 && cols[i].Key == colName(im.table.FirstCol+im.labelCol) {
			continue
		}
		if f := guessByContent(k, samples[i], taken, im.Layout.Date1904); f != "" {
			cols[i].Field, cols[i].By = f, "content"
			taken[f] = true
		}
	}
	// Date columns show their first values as dates, not serial numbers.
	for i := range cols {
		if f := k.Field(cols[i].Field); f != nil && f.Type == TypeDate {
			for j, v := range cols[i].Sample {
				if isPlainNumber(strings.TrimSpace(v)) {
					if d, err := ParseDate(v, OrderUnknown, im.Layout.Date1904); err == nil {
						cols[i].Sample[j] = d
					}
				}
			}
		}
	}
	im.Layout.Columns = cols
	return nil
}

func hasKey(m map[string]string, k string) bool { _, ok := m[k]; return ok }

func datesField(k *Kind) string {
	for _, f := range k.Fields {
		if f.Type == TypeDate && f.Required {
			return f.Key
		}
	}
	return ""
}

func titleField(k *Kind) string {
	for _, f := range k.Fields {
		if f.Type == TypeText && f.Required {
			return f.Key
		}
	}
	return ""
}

// guessByContent maps a column by what its cells hold: dates to the
// first free date field, amounts to the first free money field, words to
// the first free required text field.
func guessByContent(k *Kind, sample []string, taken map[string]bool, date1904 bool) string {
	n, dates, amounts, texts := 0, 0, 0, 0
	for _, s := range sample {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		n++
		if _, err := ParseDate(s, OrderDayFirst, date1904); err == nil {
			if !isPlainNumber(s) || func() bool { f, _ := strconv.ParseFloat(s, 64); return f > 20000 && f < 80000 }() {
				dates++
				continue
			}
		}
		if _, err := ParseAmount(s); err == nil {
			amounts++
			continue
		}
		texts++
	}
	if n == 0 {
		return ""
	}
	want := FieldType("")
	switch {
	case dates*10 >= n*8:
		want = TypeDate
	case amounts*10 >= n*8:
		want = TypeMoney
	case texts*10 >= n*8:
		want = TypeText
	}
	for _, f := range k.Fields {
		if !taken[f.Key] && f.Type == want && (want != TypeText || f.Required) {
			return f.Key
		}
	}
	return ""
}

// samples reads the first rows of each virtual column.
func (im *Importer) samples(n int) [][]string {
	out := make([][]string, len(im.keys))
	count := 0
	im.eachVirtual(func(row int, cells []vcell, skip string) error {
		if skip != "" {
			return nil
		}
		for i, c := range cells {
			if len(out[i]) < 5 && strings.TrimSpace(c.text) != "" || count < n {
				out[i] = append(out[i], c.text)
			}
		}
		count++
		if count >= n {
			return io.EOF
		}
		return nil
	})
	for i := range out {
		if len(out[i]) > n {
			out[i] = out[i][:n]
		}
	}
	return out
}

// ---- rows ----

var skipTotal = "total"

// eachVirtual streams the table's rows as virtual rows: table columns as
// they are; a wide layout unpivoted into one row per date column; a
// calendar grid into one row per entry.
func (im *Importer) eachVirtual(fn func(row int, cells []vcell, skip string) error) error {
	t := im.table
	switch im.Layout.Shape {
	case "calendar":
		return im.eachCalendar(fn)
	case "wide":
		group := ""
		merged := im.mergedDown()
		return ignoreEOF(im.wb.eachRawRow(t.Sheet, func(r Row) error {
			if r.Number <= t.HeaderRow {
				return nil
			}
			at := func(col int) vcell {
				ref := cellName(col, r.Number)
				if v, ok := im.fixes[ref]; ok {
					return vcell{v, r.Number, col}
				}
				if col-1 < len(r.Cells) {
					return vcell{strings.TrimSpace(r.Cells[col-1]), r.Number, col}
				}
				return vcell{"", r.Number, col}
			}
			if im.groupCol > 0 {
				if g := at(im.groupCol).text; g != "" {
					group = g
				} else if m, ok := merged[r.Number]; ok {
					group = m
				} else if rowBlank(r.Cells) {
					group = ""
				}
			}
			var cells []vcell
			label := ""
			for i, key := range im.keys {
				switch {
				case key == "date" || key == "value":
				case im.groupCol > 0 && i == 0:
					cells = append(cells, vcell{group, r.Number, im.groupCol})
				default:
					c, _, _ := excelize.CellNameToCoordinates(key + "1")
					cells = append(cells, at(c))
					if c-t.FirstCol == im.labelCol {
						label = at(c).text
					}
				}
			}
			if rowBlank(r.Cells) {
				return nil
			}
			if IsTotalRow(r.Cells[min(len(r.Cells), t.FirstCol-1):]) {
				return fn(r.Number, nil, skipTotal)
			}
			if im.labelCol >= 0 && !im.wideRows[label] {
				return nil
			}
			if r.Hidden {
				return fn(r.Number, nil, "hidden")
			}
			for j, ci := range im.wideCols {
				col := t.FirstCol + ci
				v := at(col)
				if a, err := ParseAmount(v.text); v.text == "" || err == nil && a.Value.Sign() == 0 {
					continue // nothing on that day
				}
				row := append(append([]vcell{}, cells...), vcell{im.wideDates[j], t.HeaderRow, col}, v)
				if err := fn(r.Number, row, ""); err != nil {
					return err
				}
			}
			return nil
		}))
	}
	// One slice of cells is refilled row after row.
	cells := make([]vcell, len(im.keys))
	return ignoreEOF(im.wb.eachRawRow(t.Sheet, func(r Row) error {
		if r.Number <= t.HeaderRow || rowBlank(r.Cells) {
			return nil
		}
		for i := range cells {
			col := t.FirstCol + i
			text := ""
			if col-1 < len(r.Cells) {
				text = strings.TrimSpace(r.Cells[col-1])
			}
			if len(im.fixes) > 0 {
				if v, ok := im.fixes[cellName(col, r.Number)]; ok {
					text = v
				}
			}
			cells[i] = vcell{text, r.Number, col}
		}
		if IsTotalRow(r.Cells) {
			return fn(r.Number, nil, skipTotal)
		}
		if r.Hidden {
			return fn(r.Number, nil, "hidden")
		}
		return fn(r.Number, cells, "")
	}))
}

func rowBlank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// mergedDown returns, for a wide layout's group column, the label a merged
// range gives each row it covers.
func (im *Importer) mergedDown() map[int]string {
	out := map[int]string{}
	if im.groupCol == 0 || im.wb.xlsx == nil {
		return out
	}
	merged, err := im.wb.xlsx.mergesOf(im.table.Sheet)
	if err != nil {
		return out
	}
	for _, m := range merged {
		if im.groupCol < m.c1 || im.groupCol > m.c2 {
			continue
		}
		for r := m.r1; r <= m.r2; r++ {
			out[r] = strings.TrimSpace(m.value)
		}
	}
	return out
}

// eachCalendar reads weekday-column grids: day numbers in the cells with
// entries under them (or after the number in the same cell), one month per
// sheet or per block under a month title.
func (im *Importer) eachCalendar(fn func(row int, cells []vcell, skip string) error) error {
	year := im.opts.Year
	if year == 0 {
		year = currentYear()
	}
	month, y := monthYear(im.table.Sheet)
	if y != 0 {
		year = y
	}
	var dayCols map[int]int // column → weekday
	days := map[int]int{}   // column → day of month under it
	return ignoreEOF(im.wb.eachRawRow(im.table.Sheet, func(r Row) error {
		texts := map[int]string{}
		for c, v := range r.Cells {
			if v = strings.TrimSpace(v); v != "" {
				texts[c+1] = v
			}
		}
		if len(texts) == 0 {
			return nil
		}
		wd := map[int]int{}
		for c, v := range texts {
			if w := Weekday(v); w >= 0 {
				wd[c] = w
			}
		}
		if len(wd) >= 5 {
			dayCols, days = wd, map[int]int{}
			return nil
		}
		if len(texts) <= 2 {
			for _, v := range texts {
				if m, yy := monthYear(v); m != 0 {
					month = m
					if yy != 0 {
						year = yy
					}
					return nil
				}
			}
		}
		if dayCols == nil || month == 0 {
			return nil
		}
		// A row of day numbers sets the day under each column.
		nums := 0
		for c := range dayCols {
			if v, ok := texts[c]; ok {
				if n, err := strconv.Atoi(digitsASCII(v)); err == nil && n >= 1 && n <= 31 {
					nums++
				}
			}
		}
		if nums > 0 && nums*2 >= countIn(texts, dayCols) {
			for c := range dayCols {
				if n, err := strconv.Atoi(digitsASCII(texts[c])); err == nil {
					days[c] = n
				} else {
					delete(days, c)
				}
			}
			return nil
		}
		cols := make([]int, 0, len(dayCols))
		for c := range dayCols {
			cols = append(cols, c)
		}
		sort.Ints(cols)
		for _, c := range cols {
			v, ok := texts[c]
			if !ok {
				continue
			}
			day := days[c]
			// "5 Launch post" or "5\nLaunch post": the day with its entry.
			if m := leadingDay.FindStringSubmatch(digitsASCII(v)); m != nil {
				day, _ = strconv.Atoi(m[1])
				v = strings.TrimSpace(m[2])
			}
			if day == 0 || v == "" {
				continue
			}
			date, err := civil(year, month, day)
			if err != nil {
				date = fmt.Sprintf("%04d-%02d-%02d", year, month, day)
			}
			for _, line := range strings.Split(v, "\n") {
				if line = strings.TrimSpace(line); line != "" {
					if err := fn(r.Number, []vcell{{date, r.Number, c}, {line, r.Number, c}}, ""); err != nil {
						return err
					}
				}
			}
		}
		return nil
	}))
}

var leadingDay = regexp.MustCompile(`^(\d{1,2})[\s.:)\-–]+(\S[\s\S]*)$`)

func countIn(texts map[int]string, cols map[int]int) int {
	n := 0
	for c := range cols {
		if _, ok := texts[c]; ok {
			n++
		}
	}
	return n
}

// monthYear reads "May", " May 2025", "Mayıs 2025", "2025-05" as a month
// and year (0 when absent).
func monthYear(s string) (int, int) {
	toks := dateTokens(strings.TrimSpace(s))
	m, y := 0, 0
	for _, t := range toks {
		if mm := MonthOf(t); mm != 0 && m == 0 {
			m = mm
		} else if n, err := strconv.Atoi(t); err == nil && len(t) == 4 {
			y = n
			if y > 2400 {
				y -= 543
			}
		} else {
			return 0, 0
		}
	}
	return m, y
}

// Each reads every row as a record (the same Record, refilled: fn must
// copy what it keeps): the mapped fields parsed, problems
// named, totals and hidden rows skipped. It returns errNeedsOrder never:
// a column whose day/month order the whole column does not settle is
// asked about in Layout.Questions, and its ambiguous cells are problems
// until the user answers.
func (im *Importer) Each(fn func(*Record) error) error {
	k := im.kind
	orders := map[string]Order{}
	for c, o := range im.opts.Orders {
		orders[c] = o
	}
	type evidence struct {
		dayFirst, monthFirst, ambiguous bool
		examples                        []string
	}
	ev := map[int]*evidence{}
	fieldOf := make([]*Field, len(im.keys))
	for i, c := range im.Layout.Columns {
		if c.Field != "" {
			fieldOf[i] = k.Field(c.Field)
			if fieldOf[i].Type == TypeDate {
				ev[i] = &evidence{}
			}
		}
	}
	// A first look at the date columns settles each one's day/month order
	// from the cells that allow only one (13/02/2025): the whole column is
	// read one way, never guessed row by row.
	// Only columns whose first values are typed text need the look: date
	// cells and ISO dates say nothing about the order. A later ambiguous
	// text in such a column is asked about, not guessed.
	needScan := false
	for i := range ev {
		if _, ok := orders[im.keys[i]]; ok {
			continue
		}
		for _, v := range im.Layout.Columns[i].Sample {
			if d, m := DayMonth(v); d || m {
				needScan = true
			}
		}
	}
	if needScan {
		err := im.eachVirtual(func(row int, cells []vcell, skip string) error {
			for i, e := range ev {
				if skip != "" || i >= len(cells) {
					continue
				}
				d, m := DayMonth(cells[i].text)
				switch {
				case d && m:
					e.ambiguous = true
					if len(e.examples) < 3 {
						e.examples = append(e.examples, cells[i].text)
					}
				case d:
					e.dayFirst = true
				case m:
					e.monthFirst = true
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		// A column that cannot settle its order takes the one the sheet's
		// other date columns agree on: people write one sheet one way.
		settled := map[Order]bool{}
		for _, e := range ev {
			switch {
			case e.dayFirst && !e.monthFirst:
				settled[OrderDayFirst] = true
			case e.monthFirst && !e.dayFirst:
				settled[OrderMonthFirst] = true
			}
		}
		idx := make([]int, 0, len(ev))
		for i := range ev {
			idx = append(idx, i)
		}
		sort.Ints(idx)
		for _, i := range idx {
			e, key := ev[i], im.keys[i]
			if _, ok := orders[key]; ok {
				continue
			}
			switch {
			case e.dayFirst && !e.monthFirst:
				orders[key] = OrderDayFirst
			case e.monthFirst && !e.dayFirst:
				orders[key] = OrderMonthFirst
			case e.ambiguous && !e.dayFirst && !e.monthFirst && im.opts.DateOrder != "":
				orders[key] = im.opts.DateOrder
			case e.ambiguous && !e.dayFirst && !e.monthFirst && len(settled) == 1:
				for o := range settled {
					orders[key] = o
				}
			case e.ambiguous || e.dayFirst && e.monthFirst:
				im.Layout.Questions = append(im.Layout.Questions, Question{Column: key, Header: im.heads[i], Examples: e.examples})
			}
		}
	}
	im.Layout.Orders = orders
	im.Layout.Missing = []string{}
	missing := map[string]bool{}
	for _, f := range k.Fields {
		if !f.Required || strings.TrimSpace(im.opts.Constants[f.Key]) != "" {
			continue
		}
		mapped := false
		for _, c := range im.Layout.Columns {
			mapped = mapped || c.Field == f.Key
		}
		if !mapped {
			missing[f.Key] = true
			im.Layout.Missing = append(im.Layout.Missing, f.Key)
		}
	}
	currencies := im.columnCurrencies()
	// The long pass: read the sheet ahead while rows are checked and stored.
	im.wb.ahead = true
	defer func() { im.wb.ahead = false }()
	// One record is filled row after row: fn must not keep it.
	rec := &Record{Sheet: im.table.Sheet, Values: map[string]Value{}}
	return im.eachVirtual(func(row int, cells []vcell, skip string) error {
		clear(rec.Values)
		rec.Row, rec.Problems, rec.Skip = row, nil, ""
		if skip != "" {
			rec.Skip = skip
			return fn(rec)
		}
		if im.exclude[row] {
			rec.Skip = "excluded"
			return fn(rec)
		}
		for i, f := range fieldOf {
			if f == nil || i >= len(cells) || cells[i].text == "" {
				continue
			}
			c := cells[i]
			rec.Values[f.Key] = Value{Text: c.text, Col: c.col, Row: c.row}
		}
		for key, text := range im.opts.Constants {
			if _, ok := rec.Values[key]; !ok && strings.TrimSpace(text) != "" && k.Field(key) != nil {
				rec.Values[key] = Value{Text: strings.TrimSpace(text)}
			}
		}
		for i, f := range fieldOf {
			if f == nil {
				continue
			}
			v, ok := rec.Values[f.Key]
			if !ok {
				continue
			}
			im.parse(rec, f, v, orders[im.keys[i]], currencies[i])
		}
		for key, text := range im.opts.Constants {
			if f := k.Field(key); f != nil && rec.Values[key].Col == 0 && strings.TrimSpace(text) != "" {
				im.parse(rec, f, rec.Values[key], Order(""), "")
			}
		}
		flagged := map[string]bool{}
		for _, p := range rec.Problems {
			flagged[p.Field] = true
		}
		for _, f := range k.Fields {
			if f.Required && !rec.Has(f.Key) && !flagged[f.Key] && !missing[f.Key] {
				rec.Problems = append(rec.Problems, Problem{Sheet: rec.Sheet, Row: row, Field: f.Key, Key: "import.missing",
					Params: map[string]any{"field": f.Key}, Message: problemText(rec.Sheet, row, "", "", fmt.Sprintf("%s is empty; fill it in, set a value for every row, or exclude the row.", f.Key))})
			}
		}
		if len(missing) > 0 {
			rec.Skip = "missing"
		}
		return fn(rec)
	})
}

// ask adds a question for the column of an ambiguous date met while
// reading (the first look only covers columns that start with text dates).
func (im *Importer) ask(v Value) {
	if v.Col == 0 {
		return
	}
	key := colName(v.Col)
	for i := range im.Layout.Questions {
		if im.Layout.Questions[i].Column == key {
			if q := im.Layout.Questions[i]; len(q.Examples) < 3 && !contains(q.Examples, v.Text) {
				im.Layout.Questions[i].Examples = append(im.Layout.Questions[i].Examples, v.Text)
			}
			return
		}
	}
	header := ""
	for i, k := range im.keys {
		if k == key {
			header = im.heads[i]
		}
	}
	im.Layout.Questions = append(im.Layout.Questions, Question{Column: key, Header: header, Examples: []string{v.Text}})
}

// parse checks one value and stores its parsed form.
func (im *Importer) parse(rec *Record, f *Field, v Value, order Order, colCurrency string) {
	bad := func(key, msg string, params map[string]any) {
		rec.Problem(f.Key, key, msg, params)
		delete(rec.Values, f.Key)
	}
	switch f.Type {
	case TypeText:
		if len([]rune(v.Text)) > 2000 {
			bad("import.too_long", "is longer than 2,000 characters", nil)
			return
		}
	case TypeID:
		n, err := strconv.ParseInt(strings.TrimSuffix(digitsASCII(v.Text), ".0"), 10, 64)
		if err != nil || n <= 0 {
			bad("import.bad_id", "is not an ID from a MOps Desk export", nil)
			return
		}
		v.Int = n
	case TypeDate:
		d, err := ParseDate(v.Text, order, im.Layout.Date1904)
		if errors.Is(err, ErrAmbiguous) {
			im.ask(v)
			bad("import.ambiguous_date", "could be day/month or month/day; choose the order for this column", nil)
			return
		}
		if err != nil {
			bad("import.bad_date", "is not a date", nil)
			return
		}
		v.Text = d
	case TypeMoney:
		if cur := strings.ToUpper(strings.TrimSpace(rec.Values["currency"].Text)); !f.Base && colCurrency == "" && isPlainNumber(v.Text) {
			// A number cell: read it without big numbers when it fits.
			if cur == "" {
				cur = im.opts.Currency
			}
			if c, ok := backend.LookupCurrency(cur); ok {
				if n, ok := plainMinor(v.Text, c.MinorUnits); ok {
					v.Int, v.Currency = n, c.Code
					rec.Values[f.Key] = v
					return
				}
			}
		}
		a, err := ParseAmount(v.Text)
		if err != nil {
			bad("import.bad_amount", "is not an amount", nil)
			return
		}
		cur := a.Currency
		if cur == "" && !f.Base {
			cur = strings.ToUpper(strings.TrimSpace(rec.Values["currency"].Text))
		}
		if cur == "" && !f.Base {
			cur = colCurrency
		}
		if cur == "" {
			cur = im.opts.Currency
		}
		if _, ok := backend.LookupCurrency(cur); !ok {
			bad("import.bad_currency", fmt.Sprintf("has no currency MOps Desk knows (%q)", cur), map[string]any{"currency": cur})
			return
		}
		n, ok := Minor(a.Value, cur)
		if !ok {
			bad("import.bad_amount", "is too large", nil)
			return
		}
		v.Int, v.Currency = n, cur
	case TypeInt:
		n, err := ParseInt(v.Text)
		if err != nil || n < 0 || n > 1_000_000_000 {
			bad("import.bad_number", "is not a whole number", nil)
			return
		}
		v.Int = n
	case TypeBool:
		b, err := ParseBool(v.Text)
		if err != nil {
			bad("import.bad_bool", "is not yes or no", nil)
			return
		}
		v.Bool = b
	case TypeList:
		for _, p := range strings.FieldsFunc(v.Text, func(r rune) bool { return r == ',' || r == ';' || r == '،' || r == '\n' }) {
			if p = strings.TrimSpace(p); p != "" {
				v.List = append(v.List, p)
			}
		}
		if f.Key == "tags" && len(v.List) <= 1 && strings.Contains(v.Text, "#") {
			v.List = nil
			for _, p := range strings.Fields(v.Text) {
				if p = strings.TrimLeft(p, "#"); p != "" {
					v.List = append(v.List, p)
				}
			}
		}
	case TypeEnum:
		c, ok := f.Words[normHeader(v.Text)]
		if !ok {
			bad("import.bad_choice", fmt.Sprintf("is not one of: %s", strings.Join(f.Choices, ", ")), map[string]any{"choices": strings.Join(f.Choices, ", ")})
			return
		}
		v.Text = c
	}
	rec.Values[f.Key] = v
}

// columnCurrencies finds, for money columns, the currency the header or
// the first data cell's number format names ("Budget (PLN)",
// "[$PKR] #,##0").
func (im *Importer) columnCurrencies() []string {
	out := make([]string, len(im.keys))
	for i, c := range im.Layout.Columns {
		f := im.kind.Field(c.Field)
		if f == nil || f.Type != TypeMoney {
			continue
		}
		for _, tok := range strings.FieldsFunc(c.Header, func(r rune) bool { return r == '(' || r == ')' || r == ' ' || r == '[' || r == ']' || r == '/' }) {
			if cur := currencyIn(strings.ToLower(tok)); cur != "" && (len(tok) == 3 || len([]rune(tok)) <= 2) {
				out[i] = cur
			}
		}
		if out[i] != "" || im.wb.xlsx == nil {
			continue
		}
		col := im.table.FirstCol
		if c.Key != "value" && c.Key != "date" && c.Key != "title" {
			col, _, _ = excelize.CellNameToCoordinates(c.Key + "1")
		} else if len(im.wideCols) > 0 {
			col = im.table.FirstCol + im.wideCols[0]
		}
		out[i] = im.formatCurrency(col)
	}
	return out
}

func (im *Importer) formatCurrency(col int) string {
	found := ""
	im.wb.eachRawRow(im.table.Sheet, func(r Row) error {
		if r.Number <= im.table.HeaderRow {
			return nil
		}
		if r.Number > im.table.HeaderRow+12 || found != "" {
			return io.EOF
		}
		if col-1 < len(r.Styles) {
			found = currencyOfFormat(im.wb.xlsx.format(r.Styles[col-1]))
		}
		return nil
	})
	return found
}

// currencyOfFormat reads the currency a number format shows:
// "[$PKR] #,##0", "#,##0.00 \"USD\"", "\"$\"#,##0".
func currencyOfFormat(code string) string {
	if m := bracketCurrency.FindStringSubmatch(code); m != nil {
		if cur := currencyIn(strings.ToLower(m[1])); cur != "" {
			return cur
		}
	}
	for _, q := range quoted.FindAllStringSubmatch(code, -1) {
		if cur := currencyIn(strings.ToLower(strings.TrimSpace(q[1]))); cur != "" {
			return cur
		}
	}
	return ""
}

var bracketCurrency = regexp.MustCompile(`\[\$([^\]-]+)`)
var quoted = regexp.MustCompile(`"([^"]+)"`)

// currentYear is the year for calendar sheets and month headers that name
// none; Options.Year overrides it.
func currentYear() int { return time.Now().Year() }

// GuessKind picks what a workbook holds from its headers: the kind whose
// fields the headers of the chosen (or best) sheet name most.
func GuessKind(wb *Workbook, sheet string) string {
	best, bestScore := "campaigns", -1
	sheets := wb.Sheets()
	if sheet != "" {
		sheets = []string{sheet}
	}
	for _, s := range sheets {
		t, err := wb.FindTable(s)
		if err != nil {
			continue
		}
		for _, key := range KindKeys {
			k := Kinds[key]
			score, taken := 0, map[string]bool{}
			for _, h := range t.Headers {
				if f, _ := matchHeader(k, h, taken); f != "" {
					taken[f] = true
					score += 2
					if k.Field(f).Required {
						score++
					}
				}
			}
			if strings.Contains(normHeader(s), key[:4]) {
				score += 3
			}
			if k.WideDate != "" {
				dates := 0
				for _, h := range t.Headers {
					if _, _, ok := headerDate(h, false); ok {
						dates++
					}
				}
				if dates >= 3 {
					score += dates
				}
			}
			if score > bestScore {
				best, bestScore = key, score
			}
		}
	}
	return best
}
