package sheet

// Finding calendar grids: weekday header rows, the sheets that have one,
// a year written in a title or a name.

import (
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// gridHeader returns a row's weekday columns (column → weekday) when the
// row is a weekday header: at least three different weekdays in week order
// (a grid of Mon, Wed, Fri, Sun is a grid), and few other cells beside them.
func gridHeader(texts map[int]string) map[int]int {
	wd := map[int]int{}
	seen := map[int]bool{}
	for c, v := range texts {
		if w := Weekday(v); w >= 0 && !seen[w] {
			wd[c], seen[w] = w, true
		}
	}
	if len(wd) < 3 || (len(texts)-len(wd))*2 > len(wd) {
		return nil
	}
	cols := sortedCols(wd)
	drops := 0
	for i := 1; i < len(cols); i++ {
		if wd[cols[i]] < wd[cols[i-1]] {
			drops++
		}
	}
	if drops > 1 || drops == 1 && wd[cols[len(cols)-1]] >= wd[cols[0]] {
		return nil // not in the order of a week
	}
	return wd
}

func sortedCols[V any](m map[int]V) []int {
	cols := make([]int, 0, len(m))
	for c := range m {
		cols = append(cols, c)
	}
	sort.Ints(cols)
	return cols
}

// gridSheet reports whether a sheet has a weekday header row near its top.
func (w *Workbook) gridSheet(sheet string) bool {
	found := false
	w.eachRawRow(sheet, func(r Row) error {
		if r.Number > 60 {
			return io.EOF
		}
		if gridHeader(rowTexts(r)) != nil {
			found = true
			return io.EOF
		}
		return nil
	})
	return found
}

func rowTexts(r Row) map[int]string {
	texts := map[int]string{}
	for c, v := range r.Cells {
		if v = strings.TrimSpace(v); v != "" {
			texts[c+1] = v
		}
	}
	return texts
}

// gridSheets lists the workbook's sheets that hold a calendar grid.
func (w *Workbook) gridSheets() []string {
	var out []string
	for _, s := range w.Sheets() {
		if w.gridSheet(s) {
			out = append(out, s)
		}
	}
	return out
}

var yearIn = regexp.MustCompile(`(?:^|[^0-9])((?:19|20|25)[0-9]{2}|1[34][0-9]{2})(?:$|[^0-9])`)

// yearOf finds a year written in a title, sheet or file name
// ("Plan_2026", "Content calendar 2026", "ปฏิทิน 2569"), or 0.
func yearOf(s string) int {
	m := yearIn.FindStringSubmatch(digitsASCII(s))
	if m == nil {
		return 0
	}
	y, _ := strconv.Atoi(m[1])
	switch {
	case y > 2400:
		y -= 543 // Thai Buddhist era
	case y < 1500:
		y += 621 // Solar Hijri, near enough for a calendar's year
	}
	return y
}
