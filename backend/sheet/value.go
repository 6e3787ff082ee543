package sheet

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"time"
	"unicode"

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
		case r == '\u00a0', r == '\u202f', r == '\u2009', r == '\u200f', r == '\u200e', r == '\u200c':
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
	cur := ""
	lower := strings.ToLower(s)
	start := strings.IndexFunc(s, func(r rune) bool { return r >= '0' && r <= '9' })
	end := strings.LastIndexFunc(s, func(r rune) bool { return r >= '0' && r <= '9' })
	if start < 0 {
		return Amount{}, errNotMoney
	}
	head, tail := strings.TrimSpace(lower[:start]), strings.TrimSpace(lower[end+1:])
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


// Order says how a column writes numeric dates whose day and month could
// be swapped: 03/01/2025 is 3 January (day first) or 1 March (month first).
type Order string

const (
	OrderUnknown    Order = ""
	OrderDayFirst   Order = "dmy"
	OrderMonthFirst Order = "mdy"
)

// ErrAmbiguous is returned for a date like 03/01/2025 when the column's
// order is not known.
var ErrAmbiguous = errors.New("day and month could be either way round")

var errNotDate = errors.New("not a date")

// monthNames lists each month's names and abbreviations in English,
// Polish (nominative and genitive), Turkish, Persian, Arabic (both the
// Egyptian/Gulf and the Levantine names) and Thai.
var monthNames = [12][]string{
	{"january", "jan", "styczeń", "stycznia", "sty", "ocak", "oca", "ژانویه", "ژانويه", "يناير", "كانون الثاني", "มกราคม", "ม.ค."},
	{"february", "feb", "luty", "lutego", "lut", "şubat", "şub", "subat", "فوریه", "فبراير", "شباط", "กุมภาพันธ์", "ก.พ."},
	{"march", "mar", "marzec", "marca", "mart", "مارس", "آذار", "มีนาคม", "มี.ค."},
	{"april", "apr", "kwiecień", "kwietnia", "kwi", "nisan", "nis", "آوریل", "أبريل", "ابريل", "نيسان", "เมษายน", "เม.ย."},
	{"may", "maj", "maja", "mayıs", "mayis", "may", "مه", "می", "مايو", "أيار", "ايار", "พฤษภาคม", "พ.ค."},
	{"june", "jun", "czerwiec", "czerwca", "cze", "haziran", "haz", "ژوئن", "يونيو", "حزيران", "มิถุนายน", "มิ.ย."},
	{"july", "jul", "lipiec", "lipca", "lip", "temmuz", "tem", "ژوئیه", "جولای", "يوليو", "تموز", "กรกฎาคม", "ก.ค."},
	{"august", "aug", "sierpień", "sierpnia", "sie", "ağustos", "ağu", "agustos", "اوت", "آگوست", "أغسطس", "اغسطس", "آب", "สิงหาคม", "ส.ค."},
	{"september", "sep", "sept", "wrzesień", "września", "wrz", "eylül", "eyl", "eylul", "سپتامبر", "سبتمبر", "أيلول", "ايلول", "กันยายน", "ก.ย."},
	{"october", "oct", "październik", "października", "paź", "ekim", "eki", "اکتبر", "أكتوبر", "اكتوبر", "تشرين الأول", "ตุลาคม", "ต.ค."},
	{"november", "nov", "listopad", "listopada", "lis", "kasım", "kas", "kasim", "نوامبر", "نوفمبر", "تشرين الثاني", "พฤศจิกายน", "พ.ย."},
	{"december", "dec", "grudzień", "grudnia", "gru", "aralık", "ara", "aralik", "دسامبر", "ديسمبر", "كانون الأول", "ธันวาคม", "ธ.ค."},
}

// monthIndex maps a lower-case month name to 1–12.
var monthIndex = func() map[string]int {
	m := map[string]int{}
	for i, names := range monthNames {
		for _, n := range names {
			m[n] = i + 1
		}
	}
	return m
}()

// MonthOf returns the month a name stands for (1–12), or 0.
func MonthOf(s string) int {
	s = strings.ToLower(strings.TrimSpace(s))
	if m, ok := monthIndex[s]; ok {
		return m
	}
	return monthIndex[strings.TrimSuffix(s, ".")]
}

// Serial turns an Excel serial day number into a date. In the 1900 system
// Excel counts a 29 February 1900 that never was (serial 60); in the 1904
// system day 0 is 1 January 1904.
func Serial(f float64, date1904 bool) (time.Time, bool) {
	if f < 1 || f >= 2958466 || math.IsNaN(f) {
		return time.Time{}, false
	}
	days := int(math.Floor(f))
	if date1904 {
		return time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, days), true
	}
	if days == 60 {
		return time.Time{}, false // 29 February 1900 does not exist
	}
	if days < 60 {
		days++
	}
	return time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, days), true
}

// ParseDate reads a date cell: a serial number (1900 or 1904 system) or
// text in the usual typed forms, returned as YYYY-MM-DD. Numeric dates that
// could be day-first or month-first give ErrAmbiguous unless order says.
// Years of the Solar Hijri calendar (1300–1499) are converted; Thai
// Buddhist-era years (above 2400) lose their 543.
func ParseDate(s string, order Order, date1904 bool) (string, error) {
	s = strings.TrimSpace(digitsASCII(s))
	if s == "" {
		return "", errNotDate
	}
	if isPlainNumber(s) {
		f, _ := strconv.ParseFloat(s, 64)
		if f >= 1900 && f <= 2200 && f == math.Trunc(f) {
			return "", errNotDate // a year on its own, not day 1900–2200 of 1900
		}
		t, ok := Serial(f, date1904)
		if !ok {
			return "", errNotDate
		}
		return t.Format("2006-01-02"), nil
	}
	// Drop a time of day: "2025-03-01 10:30", "2025-03-01T10:30:00Z".
	if i := strings.IndexAny(s, "T "); i == 10 && len(s) > 10 && strings.Count(s[:10], "-") == 2 {
		s = s[:i]
	}
	s = strings.TrimSuffix(strings.TrimSuffix(s, "r."), " г.") // "1.03.2025 r."
	tokens := dateTokens(s)
	var nums []int
	var numLens []int
	month := 0
	for _, tok := range tokens {
		for _, suffix := range []string{"st", "nd", "rd", "th"} {
			if t := strings.TrimSuffix(tok, suffix); t != tok && t != "" && t[0] >= '0' && t[0] <= '9' {
				tok = t
			}
		}
		if n, err := strconv.Atoi(tok); err == nil {
			nums = append(nums, n)
			numLens = append(numLens, len(tok))
			continue
		}
		if m := MonthOf(tok); m != 0 && month == 0 {
			month = m
			continue
		}
		if isWeekday(tok) || isOrdinalSuffix(tok) {
			continue
		}
		return "", errNotDate
	}
	var y, m, d int
	switch {
	case month != 0 && len(nums) == 2:
		// "1-Mar-25", "March 1, 2025", "1 marca 2025", "2025 Mar 1".
		m = month
		if numLens[0] == 4 {
			y, d = nums[0], nums[1]
		} else {
			d, y = nums[0], nums[1]
			if numLens[1] <= 2 && nums[0] > 31 {
				y, d = nums[0], nums[1]
			}
		}
		if numLens[0] <= 2 && numLens[1] <= 2 {
			d, y = nums[0], nums[1]
		}
	case month == 0 && len(nums) == 3:
		if numLens[0] == 4 {
			y, m, d = nums[0], nums[1], nums[2] // 2025-03-01, 1403/12/10
			break
		}
		a, b := nums[0], nums[1]
		y = nums[2]
		switch {
		case a > 12 && b > 12:
			return "", errNotDate
		case a > 12:
			d, m = a, b
		case b > 12:
			m, d = a, b
		case a == b:
			d, m = a, b
		case order == OrderDayFirst:
			d, m = a, b
		case order == OrderMonthFirst:
			m, d = a, b
		default:
			return "", ErrAmbiguous
		}
		if order == OrderDayFirst && b > 12 || order == OrderMonthFirst && a > 12 {
			return "", errNotDate
		}
	default:
		return "", errNotDate
	}
	if y < 100 {
		// Two-digit years: 00–69 are 2000s, 70–99 the 1900s, as Excel does.
		if y < 70 {
			y += 2000
		} else {
			y += 1900
		}
	}
	if y >= 1300 && y < 1500 {
		return jalali(y, m, d)
	}
	if y > 2400 && y < 2700 {
		y -= 543
	}
	return civil(y, m, d)
}

// DayMonth reports, for an ambiguous-looking numeric date, which order its
// numbers allow: both, day first only, month first only, or neither (not
// such a date).
func DayMonth(s string) (dayFirst, monthFirst bool) {
	s = strings.TrimSpace(digitsASCII(s))
	if isPlainNumber(s) {
		return false, false
	}
	_, errD := ParseDate(s, OrderDayFirst, false)
	_, errM := ParseDate(s, OrderMonthFirst, false)
	if errD == nil && errM == nil {
		_, errU := ParseDate(s, OrderUnknown, false)
		ambiguous := errors.Is(errU, ErrAmbiguous)
		return ambiguous, ambiguous // both, or neither when the order does not matter (ISO, 5/5, named months)
	}
	return errD == nil, errM == nil
}

func civil(y, m, d int) (string, error) {
	if y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31 {
		return "", errNotDate
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return "", errNotDate // 31/02
	}
	return t.Format("2006-01-02"), nil
}

// jalali converts a Solar Hijri date to the Gregorian calendar, counting
// from 1 Farvardin 1400 = 21 March 2021.
func jalali(jy, jm, jd int) (string, error) {
	if jm < 1 || jm > 12 || jd < 1 || jd > 31 || jm > 6 && jd > 30 || jm == 12 && jd == 30 && !jalaliLeap(jy) {
		return "", errNotDate
	}
	n := 0
	for y := 1400; y < jy; y++ {
		n += 365
		if jalaliLeap(y) {
			n++
		}
	}
	for y := jy; y < 1400; y++ {
		n -= 365
		if jalaliLeap(y) {
			n--
		}
	}
	if jm <= 7 {
		n += (jm - 1) * 31
	} else {
		n += 6*31 + (jm-7)*30
	}
	n += jd - 1
	return time.Date(2021, 3, 21, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n).Format("2006-01-02"), nil
}

// jalaliLeap is the 33-year rule, which matches the official calendar
// for the years people type today (1244–1636 SH).
func jalaliLeap(y int) bool {
	switch y % 33 {
	case 1, 5, 9, 13, 17, 22, 26, 30:
		return true
	}
	return false
}

// dateTokens splits "1-Mar-25", "March 1, 2025", "01/03/2025" and
// "1.3.2025" into their parts; multi-word month names stay whole.
func dateTokens(s string) []string {
	lower := strings.ToLower(s)
	for _, names := range monthNames {
		for _, n := range names {
			if strings.Contains(n, " ") && strings.Contains(lower, n) {
				lower = strings.Replace(lower, n, strings.ReplaceAll(n, " ", "\x00"), 1)
			}
		}
	}
	fields := strings.FieldsFunc(lower, func(r rune) bool {
		return r == '/' || r == '-' || r == ' ' || r == ',' || r == '\\' || r == '،' ||
			(r == '.' && true) || unicode.IsSpace(r)
	})
	// Thai abbreviations keep their dots ("มี.ค."): glue split pieces back.
	var out []string
	for i := 0; i < len(fields); i++ {
		f := strings.ReplaceAll(fields[i], "\x00", " ")
		if MonthOf(f) == 0 && i+1 < len(fields) && isThai(f) {
			if m := MonthOf(f + "." + fields[i+1] + "."); m != 0 {
				out = append(out, f+"."+fields[i+1]+".")
				i++
				continue
			}
		}
		if f != "" {
			out = append(out, f)
		}
	}
	return out
}

func isThai(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Thai, r) {
			return true
		}
	}
	return false
}

var weekdays = strings.Fields(`monday tuesday wednesday thursday friday saturday sunday mon tue wed thu fri sat sun
poniedziałek wtorek środa czwartek piątek sobota niedziela pon wt śr czw pt sob niedz nd
pazartesi salı çarşamba perşembe cuma cumartesi pazar pzt sal çar per cum cmt paz
دوشنبه سه‌شنبه چهارشنبه پنجشنبه جمعه شنبه یکشنبه
الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد
จันทร์ อังคาร พุธ พฤหัสบดี ศุกร์ เสาร์ อาทิตย์ วันจันทร์ วันอังคาร วันพุธ วันพฤหัสบดี วันศุกร์ วันเสาร์ วันอาทิตย์`)

// weekdayIndex maps a weekday name to 0 (Monday) … 6 (Sunday).
var weekdayIndex = func() map[string]int {
	m := map[string]int{}
	groups := [][]string{
		{"monday", "mon", "poniedziałek", "pon", "pazartesi", "pzt", "دوشنبه", "الاثنين", "الإثنين", "จันทร์", "วันจันทร์"},
		{"tuesday", "tue", "wtorek", "wt", "salı", "sal", "سه‌شنبه", "سه شنبه", "الثلاثاء", "อังคาร", "วันอังคาร"},
		{"wednesday", "wed", "środa", "śr", "çarşamba", "çar", "چهارشنبه", "الأربعاء", "พุธ", "วันพุธ"},
		{"thursday", "thu", "czwartek", "czw", "perşembe", "per", "پنجشنبه", "پنج‌شنبه", "الخميس", "พฤหัสบดี", "วันพฤหัสบดี"},
		{"friday", "fri", "piątek", "pt", "cuma", "cum", "جمعه", "الجمعة", "ศุกร์", "วันศุกร์"},
		{"saturday", "sat", "sobota", "sob", "cumartesi", "cmt", "شنبه", "السبت", "เสาร์", "วันเสาร์"},
		{"sunday", "sun", "niedziela", "niedz", "nd", "pazar", "paz", "یکشنبه", "الأحد", "อาทิตย์", "วันอาทิตย์"},
	}
	for i, g := range groups {
		for _, n := range g {
			m[n] = i
		}
	}
	return m
}()

// Weekday returns 0 (Monday) … 6 (Sunday) for a weekday name, or -1.
func Weekday(s string) int {
	s = strings.ToLower(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), ".")))
	if i, ok := weekdayIndex[s]; ok {
		return i
	}
	return -1
}

func isWeekday(s string) bool { return Weekday(s) >= 0 }

func isOrdinalSuffix(s string) bool {
	switch s {
	case "st", "nd", "rd", "th", "of", "r", "rok", "roku":
		return true
	}
	return false
}

// describeDateError names what is wrong with a date text.
func describeDateError(err error) string {
	if errors.Is(err, ErrAmbiguous) {
		return "could be day/month or month/day"
	}
	return "is not a date"
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
