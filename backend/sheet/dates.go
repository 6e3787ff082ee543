package sheet

//lint:file-ignore ST1018 Persian words are spelled with the zero-width non-joiner (U+200C); written as escapes they could not be read.

// Dates as spreadsheets hold them: serial numbers in the 1900 and 1904
// systems, and text typed in the six languages' forms.

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"
)

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
	nums, numLens, month, ok := dateParts(s)
	if !ok {
		return "", errNotDate
	}
	y, m, d, err := ymd(nums, numLens, month, order)
	if err != nil {
		return "", err
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

// dateParts splits a date's text into its numbers (with their lengths)
// and the month it names; false when a word in it is none of a month, a
// weekday or an ordinal suffix.
func dateParts(s string) (nums, numLens []int, month int, ok bool) {
	for _, tok := range dateTokens(s) {
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
		return nil, nil, 0, false
	}
	return nums, numLens, month, true
}

// ymd orders a date's numbers into year, month and day: by their sizes,
// then by order; ErrAmbiguous when only the order could tell.
func ymd(nums, numLens []int, month int, order Order) (y, m, d int, err error) {
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
			return 0, 0, 0, errNotDate
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
			return 0, 0, 0, ErrAmbiguous
		}
		if order == OrderDayFirst && b > 12 || order == OrderMonthFirst && a > 12 {
			return 0, 0, 0, errNotDate
		}
	default:
		return 0, 0, 0, errNotDate
	}
	return y, m, d, nil
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
	// Abbreviations as people type them in headers: TUES, WEDS, THURS,
	// Polish and Turkish without their letters' marks, Arabic without the
	// article, Thai one-letter forms (จ. อ. พ. พฤ. ศ. ส. อา.).
	more := [][]string{
		{"mo", "pn", "pon", "poniedzialek", "pts", "pzt", "pazartesi", "اثنين", "الاثنين", "دوشنبه", "จ"},
		{"tu", "tues", "wto", "sali", "salı", "ثلاثاء", "سه‌شنبه", "سه شنبه", "อ"},
		{"we", "weds", "wednes", "sr", "sro", "sroda", "çrş", "crs", "carsamba", "çarşamba", "اربعاء", "أربعاء", "الاربعاء", "چهار شنبه", "چهارشنبه", "พ"},
		{"th", "thur", "thurs", "prş", "prs", "persembe", "خميس", "پنج شنبه", "พฤ"},
		{"fr", "pia", "piatek", "cu", "جمعة", "ศ"},
		{"sa", "so", "sb", "cts", "cumartesi", "سبت", "ส"},
		{"su", "ndz", "nie", "nd", "pz", "pazar", "احد", "أحد", "الاحد", "یک شنبه", "یک‌شنبه", "อา"},
	}
	for i, g := range append(groups, more...) {
		for _, n := range g {
			if n = foldArabic(n); m[n] == 0 {
				m[n] = i%7 + 1 // 1-based while building: 0 is "not yet"
			}
		}
	}
	for n, i := range m {
		m[n] = i - 1
	}
	return m
}()

var foldArabic = strings.NewReplacer("ي", "ی", "ى", "ی", "ك", "ک").Replace

// Weekday returns 0 (Monday) … 6 (Sunday) for a weekday name, or -1.
// Case, a full stop, a comma and Arabic/Persian letter variants do not
// matter: "THURS", "Thu.", "wt.", "پنجشنبه" and "پنجشنبه" are all read.
func Weekday(s string) int {
	s = strings.ToLower(strings.TrimSpace(strings.TrimRight(strings.TrimSpace(s), ".,:")))
	s = foldArabic(s)
	for _, k := range []string{s, strings.ReplaceAll(s, "\u200c", " "), strings.ReplaceAll(s, "\u200c", "")} {
		if i, ok := weekdayIndex[k]; ok {
			return i
		}
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
