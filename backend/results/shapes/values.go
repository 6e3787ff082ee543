package shapes

import (
	"errors"
	"fmt"
	"math/big"
	"regexp"
	"strconv"
	"strings"

	"mopsdesk/backend"
	"mopsdesk/backend/sheet"
)

// Problem is a cell, row or sheet a reader could not read: where it is
// and why, as a message key with parameters and an English message.
type Problem struct {
	Sheet  string
	Row    int    // 1-based; 0 for the whole sheet
	Column string // the column's name as the file writes it
	Text   string // the cell's text
	Key    string
	Msg    string
	Params map[string]any
}

func (p *Problem) Error() string { return p.Msg }

// Err is the problem as the app's error, for the UI to translate.
func (p *Problem) Err() *backend.Error {
	return &backend.Error{Code: backend.EINVALID, Message: p.Msg,
		Fields: map[string]backend.FieldError{"file": {Key: p.Key, Params: p.Params}}}
}

func problem(sheetName string, row int, column, key, what string, text *string) *Problem {
	p := &Problem{Sheet: sheetName, Row: row, Column: column, Key: key,
		Params: map[string]any{"sheet": sheetName, "row": row, "column": column}}
	where := fmt.Sprintf("sheet '%s'", sheetName)
	if row > 0 {
		where += fmt.Sprintf(", row %d", row)
	}
	if column != "" {
		where += fmt.Sprintf(", column '%s'", column)
	}
	if text != nil {
		p.Text, p.Params["text"] = *text, *text
		what += fmt.Sprintf(": %q", *text)
	}
	p.Msg = fmt.Sprintf("%s (%s).", what, where)
	return p
}

var errNumber = errors.New("not a number")

// localDigits turns Persian, Arabic-Indic and Thai digits and the Arabic
// separators into ASCII: the decimal ٫ into a comma (so the file's own
// decimal guess sees it), the thousands ٬ into a group space, as it never
// marks decimals ("١٬٢٠٠" is 1200 whatever the file's separator).
func localDigits(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '٠' && r <= '٩':
			b.WriteRune('0' + r - '٠')
		case r >= '۰' && r <= '۹':
			b.WriteRune('0' + r - '۰')
		case r >= '๐' && r <= '๙':
			b.WriteRune('0' + r - '๐')
		case r == '٫':
			b.WriteByte(',')
		case r == '٬':
			b.WriteRune('\u202f')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// blank is a cell an export writes for nothing: "--" (Google Ads), "-".
func blank(s string) bool {
	switch strings.TrimSpace(s) {
	case "", "-", "--", "—", "–", "n/a", "N/A":
		return true
	}
	return false
}

// plain rewrites the number in s with decimal dec ('.' or ',') as plain
// text ("1 234,56" → "1234.56"), keeping what is around it (a currency
// sign, brackets, a minus); false when the digits do not read as one
// number.
func plain(s string, dec byte) (string, bool) {
	s = strings.TrimSpace(localDigits(s))
	start := strings.IndexFunc(s, func(r rune) bool { return r >= '0' && r <= '9' })
	end := strings.LastIndexFunc(s, func(r rune) bool { return r >= '0' && r <= '9' })
	if start < 0 {
		return "", false
	}
	// A decimal separator right before the first digit: ",5".
	if start > 0 && s[start-1] == dec {
		start--
	}
	var b strings.Builder
	seen := false
	for _, r := range s[start : end+1] {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == rune(dec):
			if seen {
				return "", false
			}
			seen = true
			b.WriteByte('.')
		case r == '.' || r == ',' || r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\'' || r == '’':
			// a group separator
		default:
			return "", false
		}
	}
	return s[:start] + b.String() + s[end+1:], true
}

// number reads a count or a decimal ("1.234", "12,5", "--" is 0).
func number(s string, dec byte) (*big.Rat, error) {
	if blank(s) {
		return new(big.Rat), nil
	}
	s = strings.TrimSuffix(strings.TrimSpace(s), "%")
	p, ok := plain(s, dec)
	if !ok {
		return nil, errNumber
	}
	a, err := sheet.ParseAmount(p)
	if err != nil || a.Currency != "" {
		return nil, errNumber
	}
	return a.Value, nil
}

// count reads a whole count; a fractional one (Google Ads conversions
// "12.5") is rounded half to even.
func count(s string, dec byte) (int64, error) {
	if p, ok := plain(strings.TrimSpace(s), dec); ok && isDigits(p) && len(p) <= 18 {
		return strconv.ParseInt(p, 10, 64) // the usual case, without big numbers
	}
	v, err := number(s, dec)
	if err != nil {
		return 0, err
	}
	n, ok := sheet.Minor(v, "JPY") // JPY has no minor units: rounds to whole
	if !ok {
		return 0, errNumber
	}
	return n, nil
}

// money reads an amount in the currency its text, its column or the file
// names (in that order); the currency is "" when none does.
func money(s string, dec byte, fallback string) (backend.Money, error) {
	if blank(s) {
		return backend.Money{Currency: fallback}, nil
	}
	p, ok := plain(s, dec)
	if !ok {
		return backend.Money{}, errNumber
	}
	if fallback != "" {
		if n, ok := exactMinor(p, fallback); ok {
			return backend.Money{Amount: n, Currency: fallback}, nil
		}
	}
	a, err := sheet.ParseAmount(p)
	if err != nil {
		return backend.Money{}, errNumber
	}
	cur := a.Currency
	if cur == "" {
		cur = fallback
	}
	if cur == "" {
		return backend.Money{}, errNoCurrency
	}
	n, ok := sheet.Minor(a.Value, cur)
	if !ok {
		return backend.Money{}, errNumber
	}
	return backend.Money{Amount: n, Currency: cur}, nil
}

var errNoCurrency = errors.New("no currency")

var compactDay = regexp.MustCompile(`^(19|20)\d\d(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$`)

// day reads a day: GA4's 20250301, ISO, the locale's typed forms, month
// names in the six languages, an .xlsx serial; a time of day is dropped.
func day(s string, order sheet.Order, date1904 bool) (string, error) {
	s = strings.TrimSpace(localDigits(s))
	if compactDay.MatchString(s) {
		s = s[:4] + "-" + s[4:6] + "-" + s[6:]
	}
	if i := strings.IndexAny(s, " T"); i >= 8 && strings.Contains(s[i:], ":") {
		s = s[:i] // "01.03.2025 00:00:00", "3/1/2025 12:00 AM"
	}
	return sheet.ParseDate(s, order, date1904)
}

func isDigits(s string) bool {
	s = strings.TrimPrefix(s, "-")
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// exactMinor converts plain "-1234.5" to minor units when no rounding is
// needed (no more decimals than the currency has); false otherwise, for
// the exact path to decide.
func exactMinor(p, currency string) (int64, bool) {
	c, ok := backend.LookupCurrency(currency)
	if !ok {
		return 0, false
	}
	neg := strings.HasPrefix(p, "-")
	whole, frac, _ := strings.Cut(strings.TrimPrefix(p, "-"), ".")
	if !isDigits(whole) || frac != "" && !isDigits(frac) || len(frac) > c.MinorUnits || len(whole)+c.MinorUnits > 16 {
		return 0, false
	}
	n, _ := strconv.ParseInt(whole+frac+strings.Repeat("0", c.MinorUnits-len(frac)), 10, 64)
	if neg {
		n = -n
	}
	return n, true
}
