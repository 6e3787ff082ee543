package sheet

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"

	"mopsdesk/backend"
)

// Values in spreadsheets come as the cell's stored value: numbers (dates
// are serial numbers) in Go's float notation, text as typed. The parsers
// here read both, in the forms marketers type in the six languages.

// digitsASCII turns Persian (۰–۹) and Arabic-Indic (٠–٩) digits into ASCII
// ones, and the Arabic decimal and thousands separators into '.' and ','.
func digitsASCII(s string) string {
	if isASCII(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r >= '۰' && r <= '۹':
			b.WriteByte(byte('0' + r - '۰'))
		case r >= '٠' && r <= '٩':
			b.WriteByte(byte('0' + r - '٠'))
		case r == '٫':
			b.WriteByte('.')
		case r == '٬':
			b.WriteByte(',')
		case r == '\u00a0', r == '\u202f', r == '\u2009', r == '\u200f', r == '\u200e', r == '\u200c', r == '\u061c':
			b.WriteByte(' ')
		case r == '−', r == '–':
			b.WriteByte('-')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// isPlainNumber reports whether s is a number as a workbook stores it:
// optional sign, digits, optional fraction and exponent, nothing else.
func isPlainNumber(s string) bool {
	if s == "" {
		return false
	}
	_, err := strconv.ParseFloat(s, 64)
	return err == nil && strings.IndexFunc(s, func(r rune) bool {
		return !(r >= '0' && r <= '9' || r == '.' || r == '-' || r == '+' || r == 'e' || r == 'E')
	}) < 0
}

// currencySigns maps symbols and local spellings to ISO codes; three-letter
// codes are recognised from the currency table.
var currencySigns = []struct{ sign, code string }{
	{"zł", "PLN"}, {"zl", "PLN"}, {"₺", "TRY"}, {"tl", "TRY"}, {"฿", "THB"}, {"บาท", "THB"},
	{"€", "EUR"}, {"£", "GBP"}, {"¥", "JPY"}, {"₹", "INR"}, {"₩", "KRW"}, {"₽", "RUB"}, {"₪", "ILS"},
	{"﷼", "IRR"}, {"ریال", "IRR"}, {"ريال", "SAR"}, {"ر.س", "SAR"}, {"د.إ", "AED"}, {"ج.م", "EGP"},
	{"us$", "USD"}, {"a$", "AUD"}, {"c$", "CAD"}, {"$", "USD"}, {"rs", "PKR"},
}

// dotThousands are currencies whose amounts are usually written with a dot
// between thousands ("₺1.250", "1.234,56 zł").
var dotThousands = map[string]bool{"EUR": true, "PLN": true, "TRY": true, "IDR": true, "BRL": true, "DKK": true, "NOK": true}

// Amount is a parsed amount of money: exact decimal value and the currency
// the text named ("" when it named none).
type Amount struct {
	Value    *big.Rat
	Currency string
}

var errNotMoney = errors.New("not an amount")

// ParseAmount reads an amount as a number cell or as text: "$1,200.50",
// "€59,99", "1.234,56 zł", "₺1.250", "฿3,000", "(1,200)", "-5",
// "۱۲۳٬۴۵۶", "PKR 200,000".
func ParseAmount(s string) (Amount, error) {
	s = strings.TrimSpace(digitsASCII(s))
	if s == "" {
		return Amount{}, errNotMoney
	}
	if isPlainNumber(s) {
		if strings.ContainsAny(s, "eE") {
			// Exponents only from the float: big.Rat would expand 1e-99999999.
			f, _ := strconv.ParseFloat(s, 64)
			if math.IsInf(f, 0) || math.Abs(f) > 1e15 {
				return Amount{}, errNotMoney
			}
			return Amount{Value: new(big.Rat).SetFloat64(f)}, nil
		}
		r, ok := new(big.Rat).SetString(s)
		if !ok {
			return Amount{}, errNotMoney
		}
		return Amount{Value: r}, nil
	}
	neg := false
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") {
		neg, s = true, strings.TrimSpace(s[1:len(s)-1])
	}
	// Take the currency out: a sign or code before or after the digits.
	// The positions are in s: cut s, then lower-case the pieces (a lower
	// case can be shorter or longer than its letter: "İ" is two bytes,
	// "i" one).
	cur := ""
	start := strings.IndexFunc(s, func(r rune) bool { return r >= '0' && r <= '9' })
	end := strings.LastIndexFunc(s, func(r rune) bool { return r >= '0' && r <= '9' })
	if start < 0 {
		return Amount{}, errNotMoney
	}
	head, tail := strings.TrimSpace(strings.ToLower(s[:start])), strings.TrimSpace(strings.ToLower(s[end+1:]))
	num := s[start : end+1]
	for _, part := range []*string{&head, &tail} {
		p := strings.TrimSpace(*part)
		if p == "-" || p == "+" || p == "" {
			continue
		}
		sign := ""
		if strings.HasPrefix(p, "-") || strings.HasSuffix(p, "-") {
			sign = "-"
			p = strings.TrimSpace(strings.Trim(p, "-"))
		}
		if p == "" {
			*part = sign
			continue
		}
		code := currencyIn(p)
		if code == "" || (cur != "" && cur != code) {
			return Amount{}, errNotMoney
		}
		cur = code
		*part = sign
	}
	if head == "-" || tail == "-" {
		neg = !neg
	}
	if head == "+" {
		head = ""
	}
	if head != "" && head != "-" || tail != "" && tail != "-" {
		return Amount{}, errNotMoney
	}
	dec, err := normaliseDecimal(num, dotThousands[cur])
	if err != nil {
		return Amount{}, err
	}
	r, ok := new(big.Rat).SetString(dec)
	if !ok {
		return Amount{}, errNotMoney
	}
	if neg {
		r.Neg(r)
	}
	return Amount{Value: r, Currency: cur}, nil
}

// currencyIn returns the ISO code named by s: a symbol, a local name or a
// three-letter code.
func currencyIn(s string) string {
	s = strings.TrimSpace(strings.Trim(s, "."))
	if len(s) == 3 {
		if c, ok := backend.LookupCurrency(strings.ToUpper(s)); ok {
			return c.Code
		}
	}
	for _, cs := range currencySigns {
		if s == cs.sign {
			return cs.code
		}
	}
	// "US$", "PKR." or a symbol with a code: "$ USD".
	for _, f := range strings.Fields(s) {
		if f != s {
			if c := currencyIn(f); c != "" {
				return c
			}
		}
	}
	return ""
}

// normaliseDecimal turns "1,234.56", "1.234,56", "1 234,56", "59,99",
// "1'234.5" into "1234.56"-style text. A lone separator followed by three
// digits is read as a thousands separator ("3,000", "₺1.250"), except a
// dot in an amount with no currency that uses dots between thousands.
func normaliseDecimal(s string, dotGroups bool) (string, error) {
	s = strings.NewReplacer(" ", "", "'", "", "’", "").Replace(s)
	lastDot, lastComma := strings.LastIndexByte(s, '.'), strings.LastIndexByte(s, ',')
	decimal := byte(0)
	switch {
	case lastDot >= 0 && lastComma >= 0:
		if lastDot > lastComma {
			decimal = '.'
		} else {
			decimal = ','
		}
	case lastDot >= 0 || lastComma >= 0:
		sep := byte('.')
		at := lastDot
		if lastComma >= 0 {
			sep, at = ',', lastComma
		}
		count := strings.Count(s, string(sep))
		after := len(s) - at - 1
		switch {
		case count > 1:
			decimal = 0 // "1.234.567": groups only
		case after == 3 && (sep == ',' || dotGroups):
			decimal = 0
		default:
			decimal = sep
		}
	}
	var b strings.Builder
	seenDecimal := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			b.WriteByte(c)
		case c == decimal && !seenDecimal:
			seenDecimal = true
			b.WriteByte('.')
		case c == '.' || c == ',':
			// A group separator: groups of three digits after it.
			j := i + 1
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			if j-i-1 != 3 || seenDecimal {
				return "", errNotMoney
			}
		default:
			return "", errNotMoney
		}
	}
	return b.String(), nil
}

// Minor converts an amount to the currency's minor units, rounding half to
// even past its precision. The boolean is false when it does not fit.
func Minor(v *big.Rat, currency string) (int64, bool) {
	c, ok := backend.LookupCurrency(currency)
	if !ok {
		return 0, false
	}
	scaled := new(big.Rat).Mul(v, new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(c.MinorUnits)), nil)))
	q, r := new(big.Int).QuoRem(scaled.Num(), scaled.Denom(), new(big.Int))
	// Round half to even.
	twice := new(big.Int).Mul(new(big.Int).Abs(r), big.NewInt(2))
	if cmp := twice.Cmp(scaled.Denom()); cmp > 0 || cmp == 0 && q.Bit(0) == 1 {
		if scaled.Sign() < 0 {
			q.Sub(q, big.NewInt(1))
		} else {
			q.Add(q, big.NewInt(1))
		}
	}
	if !q.IsInt64() || q.Int64() > math.MaxInt64/100 || q.Int64() < math.MinInt64/100 {
		return 0, false
	}
	return q.Int64(), true
}

// ParseInt reads a whole number ("12", "1,200", "۱۲").
func ParseInt(s string) (int64, error) {
	a, err := ParseAmount(s)
	if err != nil || a.Currency != "" || !a.Value.IsInt() || !a.Value.Num().IsInt64() {
		return 0, fmt.Errorf("not a whole number")
	}
	return a.Value.Num().Int64(), nil
}

// yesWords and noWords are the ways the six languages say yes and no.
var yesWords = map[string]bool{"yes": true, "y": true, "true": true, "1": true, "x": true, "✓": true, "✔": true,
	"tak": true, "evet": true, "بله": true, "آری": true, "نعم": true, "ใช่": true, "on": true}
var noWords = map[string]bool{"no": true, "n": true, "false": true, "0": true, "nie": true, "hayır": true,
	"hayir": true, "خیر": true, "نه": true, "لا": true, "ไม่": true, "ไม่ใช่": true, "off": true, "-": true}

// ParseBool reads yes/no in the six languages.
func ParseBool(s string) (bool, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch {
	case yesWords[s]:
		return true, nil
	case noWords[s]:
		return false, nil
	}
	return false, fmt.Errorf("not yes or no")
}

// plainMinor converts a plain decimal number ("1234.5", "-0.125") to minor
// units with half-to-even rounding, without big numbers; false when it
// does not fit or is not plain.
func plainMinor(s string, units int) (int64, bool) {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(strings.TrimPrefix(s, "-"), "+")
	whole, frac, _ := strings.Cut(s, ".")
	if whole == "" && frac == "" || len(whole)+units > 17 || strings.ContainsAny(s, "eE+-") {
		return 0, false
	}
	var n int64
	for i := 0; i < len(whole); i++ {
		if whole[i] < '0' || whole[i] > '9' {
			return 0, false
		}
		n = n*10 + int64(whole[i]-'0')
	}
	for i := 0; i < units; i++ {
		d := int64(0)
		if i < len(frac) {
			if frac[i] < '0' || frac[i] > '9' {
				return 0, false
			}
			d = int64(frac[i] - '0')
		}
		n = n*10 + d
	}
	if len(frac) > units {
		rest := frac[units:]
		if strings.Trim(rest, "0123456789") != "" {
			return 0, false
		}
		first, tail := rest[0], strings.Trim(rest[1:], "0")
		if first > '5' || first == '5' && (tail != "" || n%2 == 1) {
			n++
		}
	}
	if neg {
		n = -n
	}
	return n, true
}
