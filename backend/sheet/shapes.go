package sheet

// Shapes other than a plain table: days or months as columns (wide), and
// calendar grids with weekday columns.

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"mopsdesk/backend"
)

// isCalendar finds a calendar grid: weekday columns in the table's
// header, or a weekday header row near the top of the sheet (under a
// title, beside a month label).
func (im *Importer) isCalendar() bool {
	if im.kind.Key != "deliverables" && im.kind.Key != "campaigns" {
		return false
	}
	texts := map[int]string{}
	for i, h := range im.table.Headers {
		if h = strings.TrimSpace(h); h != "" {
			texts[i+1] = h
		}
	}
	if gridHeader(texts) == nil && !im.wb.gridSheet(im.table.Sheet) {
		return false
	}
	im.Layout.GridSheets = im.wb.gridSheets()
	im.Layout.ImportSheets = nil
	for _, s := range im.Layout.GridSheets {
		if im.opts.Sheets == nil && (im.opts.Sheet == "" || s == im.table.Sheet) || contains(im.opts.Sheets, s) {
			im.Layout.ImportSheets = append(im.Layout.ImportSheets, s)
		}
	}
	if len(im.Layout.ImportSheets) == 0 && im.opts.Sheets == nil {
		im.Layout.ImportSheets = []string{im.table.Sheet}
	}
	return true
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
				year = im.opts.FallbackYear
			}
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

// currentYear is the year for calendar sheets and month headers that name
// none; Options.Year overrides it.
func currentYear() int { return time.Now().Year() }
