package sheet

// Records: the table's rows read one by one, every mapped value parsed and
// checked, problems named by sheet, row and column.

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"mopsdesk/backend"
)

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

// Each reads every row as a record (the same Record, refilled: fn must
// copy what it keeps): the mapped fields parsed, problems named, totals
// and hidden rows skipped. A column whose day/month order the column (or
// the sheet's other date columns) does not settle is asked about in
// Layout.Questions, and its ambiguous cells are problems until the user
// answers.
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
	im.Layout.Defaults = im.layoutDefaults()
	currencies := im.columnCurrencies()
	// The long pass: read the sheet ahead while rows are checked and stored.
	im.wb.ahead = true
	defer func() { im.wb.ahead = false }()
	// One record is filled row after row: fn must not keep it.
	rec := &Record{Sheet: im.table.Sheet, Values: map[string]Value{}}
	at := im.wb.at
	if at == nil {
		at = &Place{}
	}
	return im.eachVirtual(func(row int, cells []vcell, skip string) error {
		clear(rec.Values)
		rec.Row, rec.Problems, rec.Skip = row, nil, ""
		if rec.Sheet = im.table.Sheet; im.curSheet != "" {
			rec.Sheet = im.curSheet
		}
		at.Row = row
		if skip != "" {
			rec.Skip = skip
			return fn(rec)
		}
		if im.manySheets() && im.excludeAt[fmt.Sprintf("%s!%d", rec.Sheet, row)] || !im.manySheets() && im.exclude[row] {
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
			at.Col = v.Col
			im.parse(rec, f, v, orders[im.keys[i]], currencies[i])
		}
		at.Col = 0
		for key, text := range im.opts.Constants {
			if f := k.Field(key); f != nil && rec.Values[key].Col == 0 && strings.TrimSpace(text) != "" {
				im.parse(rec, f, rec.Values[key], Order(""), "")
			}
		}
		im.applyDefaults(rec)
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
	if TestHookValue != nil {
		TestHookValue(f.Key, v.Text)
	}
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
		if err != nil {
			if l, ok := lengthIn(v.Text, intUnit(f.Key)); ok {
				n, err = l, nil
			}
		}
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
			c, ok = looseChoice(f, v.Text)
		}
		if !ok {
			bad("import.bad_choice", fmt.Sprintf("is not one of: %s", strings.Join(f.Choices, ", ")), map[string]any{"choices": append([]string(nil), f.Choices...)})
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
