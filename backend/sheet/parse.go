package sheet

// Values read from cells: each parsed by its field's type, its problems
// named.

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"mopsdesk/backend"
)

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
		var ok bool
		if v, ok = im.parseMoney(rec, f, v, colCurrency, bad); !ok {
			return
		}
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
		v.List = splitList(f.Key, v.Text)
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

// parseMoney reads an amount and its currency: the cell's own, else the
// row's currency column, else the column's, else the import's.
func (im *Importer) parseMoney(rec *Record, f *Field, v Value, colCurrency string, bad func(key, msg string, params map[string]any)) (Value, bool) {
	if cur := strings.ToUpper(strings.TrimSpace(rec.Values["currency"].Text)); !f.Base && colCurrency == "" && isPlainNumber(v.Text) {
		// A number cell: read it without big numbers when it fits.
		if cur == "" {
			cur = im.opts.Currency
		}
		if c, ok := backend.LookupCurrency(cur); ok {
			if n, ok := plainMinor(v.Text, c.MinorUnits); ok {
				v.Int, v.Currency = n, c.Code
				return v, true
			}
		}
	}
	a, err := ParseAmount(v.Text)
	if err != nil {
		bad("import.bad_amount", "is not an amount", nil)
		return v, false
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
		return v, false
	}
	n, ok := Minor(a.Value, cur)
	if !ok {
		bad("import.bad_amount", "is too large", nil)
		return v, false
	}
	v.Int, v.Currency = n, cur
	return v, true
}

// splitList splits a list typed into one cell (tags, channels): commas,
// semicolons, Arabic commas or lines; tags also as #hashtags.
func splitList(key, text string) []string {
	var list []string
	for _, p := range strings.FieldsFunc(text, func(r rune) bool { return r == ',' || r == ';' || r == '،' || r == '\n' }) {
		if p = strings.TrimSpace(p); p != "" {
			list = append(list, p)
		}
	}
	if key == "tags" && len(list) <= 1 && strings.Contains(text, "#") {
		list = nil
		for _, p := range strings.Fields(text) {
			if p = strings.TrimLeft(p, "#"); p != "" {
				list = append(list, p)
			}
		}
	}
	return list
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
