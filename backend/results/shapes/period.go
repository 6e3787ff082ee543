package shapes

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"mopsdesk/backend"
	"mopsdesk/backend/sheet"
)

// Words of the title rows that name the start or the end of the
// reported period ("Start date: 20250301", "Report Start: 1/3/2025").
var (
	startWords = []string{"start", "from", "begin", "początek", "od", "başlangıç", "شروع", "از", "بداية", "من", "เริ่ม"}
	endWords   = []string{"end", "to", "until", "koniec", "do", "bitiş", "پایان", "تا", "نهاية", "إلى", "สิ้นสุด"}
	// rangeSeps split "1 March 2025 - 31 March 2025".
	rangeSeps   = []string{" – ", " — ", " - ", " to ", " do ", " ile ", " تا ", " إلى ", " ถึง ", "–", "—"}
	currencyRow = regexp.MustCompile(`(?i)(currency|waluta|para birimi|واحد پول|العملة|สกุลเงิน)\s*(code|kod)?\s*[:：]\s*([A-Za-z]{3})\b`)
)

// periodOf reads the title and comment rows above a header: the period
// they name, a currency ("Currency: EUR"), and the order of day and month
// when only one order reads the range ("3/1/2025 - 3/31/2025").
func periodOf(rows []sheet.Row) (from, to, currency string, order sheet.Order) {
	for _, r := range rows {
		for _, c := range r.Cells {
			c = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(c), "#"))
			if c == "" {
				continue
			}
			if m := currencyRow.FindStringSubmatch(c); m != nil {
				if cur, ok := backend.LookupCurrency(strings.ToUpper(m[3])); ok {
					currency = cur.Code
				}
				continue
			}
			if label, value, ok := strings.Cut(c, ":"); ok && !strings.ContainsAny(label, "0123456789") {
				d, err := day(value, sheet.OrderUnknown, false)
				if err == nil {
					l := strings.ToLower(label)
					switch {
					case hasWord(l, endWords):
						to = d
					case hasWord(l, startWords):
						from = d
					}
					continue
				}
				c = strings.TrimSpace(value) // "Date range: 1 Mar 2025 - 31 Mar 2025"
			}
			if f, t, o, ok := dayRange(c); ok && from == "" {
				from, to, order = f, t, o
			}
		}
	}
	return from, to, currency, order
}

func hasWord(label string, words []string) bool {
	for _, f := range strings.FieldsFunc(label, func(r rune) bool { return r == ' ' || r == '_' || r == '-' || r == '(' || r == ')' }) {
		for _, w := range words {
			if f == w || strings.HasPrefix(f, w) && len(w) > 3 {
				return true
			}
		}
	}
	return false
}

// dayRange reads "1 March 2025 - 31 March 2025" (and the other ways of
// writing a range). When its days could be either way round, the order
// that reads both is used and returned (month first when both do: the
// range is then only a fallback for rows without days).
func dayRange(s string) (string, string, sheet.Order, bool) {
	for _, sep := range rangeSeps {
		a, b, ok := strings.Cut(s, sep)
		if !ok {
			continue
		}
		var found []sheet.Order
		var from, to string
		for _, o := range []sheet.Order{sheet.OrderUnknown, sheet.OrderMonthFirst, sheet.OrderDayFirst} {
			f, err1 := day(a, o, false)
			t, err2 := day(b, o, false)
			if err1 == nil && err2 == nil && f <= t {
				if o == sheet.OrderUnknown {
					return f, t, sheet.OrderUnknown, true
				}
				if len(found) == 0 {
					from, to = f, t
				}
				found = append(found, o)
			}
		}
		switch len(found) {
		case 1:
			return from, to, found[0], true
		case 2:
			return from, to, sheet.OrderUnknown, true
		}
	}
	return "", "", sheet.OrderUnknown, false
}

// decimalOf guesses the decimal separator of numbers written as text
// from a file's first data rows: "1.234,56" and "59,99" say comma,
// "1,234.56" and "59.99" say dot. Dot when nothing tells. In an .xlsx
// file only text cells count.
func decimalOf(rows []sheet.Row, cols columns, csv bool) byte {
	comma, dot := 0, 0
	for _, r := range rows {
		var texts []string
		for _, rl := range []role{colCost, colAmount, colImpressions, colClicks, colConversions, colSessions, colConvValue, colPipeline, colRevenue} {
			texts = append(texts, cols.cell(r.Cells, rl))
		}
		for i := range cols.custom {
			if i < len(r.Cells) {
				texts = append(texts, r.Cells[i])
			}
		}
		for _, text := range texts {
			v := strings.TrimSpace(localDigits(text))
			if !csv && numberCell(v) {
				continue
			}
			if i := strings.LastIndexAny(v, ".,"); i >= 0 {
				after := len(strings.TrimRightFunc(v[i+1:], func(r rune) bool { return r < '0' || r > '9' }))
				digitsAfter := 0
				for digitsAfter < after && v[i+1+digitsAfter] >= '0' && v[i+1+digitsAfter] <= '9' {
					digitsAfter++
				}
				both := strings.Contains(v, ".") && strings.Contains(v, ",")
				switch {
				case both && v[i] == ',', !both && v[i] == ',' && digitsAfter != 3:
					comma++
				case both && v[i] == '.', !both && v[i] == '.' && digitsAfter != 3:
					dot++
				}
			}
		}
	}
	if comma > dot {
		return ','
	}
	return '.'
}

// orderOf finds how a file writes ambiguous numeric days: the first day
// that could only be one way round decides, then the title rows' range;
// a comma decimal (a European or Turkish account) means day first when
// none does.
func orderOf(rows []sheet.Row, cols columns, dec byte, title sheet.Order) sheet.Order {
	for _, r := range rows {
		for _, rl := range []role{colDay, colWeek, colFrom, colTo, colCreated, colCloseDate} {
			v := cols.cell(r.Cells, rl)
			if i := strings.IndexByte(v, ' '); i > 0 {
				v = v[:i]
			}
			dayFirst, monthFirst := sheet.DayMonth(v)
			switch {
			case dayFirst && !monthFirst:
				return sheet.OrderDayFirst
			case monthFirst && !dayFirst:
				return sheet.OrderMonthFirst
			}
		}
	}
	if title != sheet.OrderUnknown {
		return title
	}
	if dec == ',' {
		return sheet.OrderDayFirst
	}
	return sheet.OrderUnknown
}

// totalWords begin a totals row in the six languages.
var totalWords = []string{"total", "totals", "grand total", "grand totals", "suma", "razem", "łącznie", "ogółem", "toplam",
	"genel toplam", "جمع", "مجموع", "جمع کل", "المجموع", "الإجمالي", "الاجمالي", "รวม", "ทั้งหมด", "ยอดรวม"}

// totalRow says whether a row is a totals row: its first filled cell is
// a totals word, alone or followed by ":" or a bracket ("Total: Account",
// "Grand Totals (12 records)"); overall is true for the row of the whole
// file (a bare word, or "Total: Account").
func totalRow(cells []string) (is, overall bool) {
	for _, c := range cells {
		c = strings.ToLower(strings.TrimSpace(c))
		if c == "" {
			continue
		}
		for _, w := range totalWords {
			rest, ok := strings.CutPrefix(c, w)
			if !ok {
				continue
			}
			rest = strings.TrimSpace(rest)
			if rest == "" || rest == ":" {
				return true, true
			}
			if strings.HasPrefix(rest, "of ") {
				return true, true // TikTok: "Total of 3 campaigns"
			}
			if strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "(") {
				r := strings.TrimSpace(strings.TrimPrefix(rest, ":"))
				return true, r == "account" || r == "konto" || r == "hesap" || strings.HasPrefix(rest, "(")
			}
		}
		return false, false
	}
	return false, false
}

// numberCell is an .xlsx number cell as stored: "1234.5", "-2", "1E-3".
func numberCell(s string) bool {
	_, err := strconv.ParseFloat(s, 64)
	return err == nil && !strings.ContainsAny(s, ", ")
}

var isoMonth = regexp.MustCompile(`^(\d{4})[-/.](\d{1,2})$`)

// monthRange reads a month row's period: "March 2025", "marzec 2025",
// "Mart 2025", "2025-03", "Mar-25".
func monthRange(s string) (string, string, bool) {
	s = strings.TrimSpace(localDigits(s))
	y, m := 0, 0
	if g := isoMonth.FindStringSubmatch(s); g != nil {
		y, _ = strconv.Atoi(g[1])
		m, _ = strconv.Atoi(g[2])
	} else {
		for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' || r == ',' || r == '/' }) {
			if n, err := strconv.Atoi(f); err == nil {
				y = n
			} else if mm := sheet.MonthOf(f); mm != 0 && m == 0 {
				m = mm
			} else {
				return "", "", false
			}
		}
		if y > 0 && y < 100 {
			y += 2000
		}
	}
	if m < 1 || m > 12 || y < 1900 || y > 2200 {
		return "", "", false
	}
	first := time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
	return first.Format(time.DateOnly), first.AddDate(0, 1, -1).Format(time.DateOnly), true
}

// weekEnd is the last day of the week that starts on day.
func weekEnd(day string) string {
	t, err := time.Parse(time.DateOnly, day)
	if err != nil {
		return day
	}
	return t.AddDate(0, 0, 6).Format(time.DateOnly)
}
