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
		if texts := rowTexts(r); gridHeader(texts) != nil || len(weekdayRuns(texts)) > 1 {
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

// weekdayRuns splits a header row into month blocks side by side: runs of
// weekday columns, a new run where a weekday comes again or after a gap of
// more than one column. Only runs that are weekday headers on their own
// count; one run is returned as none (the row is one grid or none).
func weekdayRuns(texts map[int]string) [][2]int {
	var runs [][2]int
	var seen map[int]bool
	last := -9
	for _, c := range sortedCols(texts) {
		w := Weekday(texts[c])
		if w < 0 {
			continue
		}
		if c-last > 2 || seen[w] {
			runs = append(runs, [2]int{c, c})
			seen = map[int]bool{}
		}
		seen[w], last = true, c
		runs[len(runs)-1][1] = c
	}
	var out [][2]int
	for _, r := range runs {
		if gridHeader(window(texts, r[0], r[1])) != nil {
			out = append(out, r)
		}
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// window returns the texts of columns lo…hi (hi 0: to the end).
func window(texts map[int]string, lo, hi int) map[int]string {
	out := map[int]string{}
	for c, v := range texts {
		if c >= lo && (hi == 0 || c <= hi) {
			out[c] = v
		}
	}
	return out
}

// gridWindows splits a sheet of month blocks side by side into column
// ranges, one per block (a block's label column left of its weekdays goes
// with it); every column is in exactly one. A sheet of one block across is
// one range.
func (w *Workbook) gridWindows(sheet string) [][2]int {
	var best [][2]int
	w.eachRawRow(sheet, func(r Row) error {
		if runs := weekdayRuns(rowTexts(r)); len(runs) > len(best) {
			best = runs
		}
		return nil
	})
	if len(best) == 0 {
		return [][2]int{{1, 0}}
	}
	out := make([][2]int, len(best))
	for i, r := range best {
		lo := 1
		if i > 0 {
			lo = max(r[0]-1, best[i-1][1]+1)
			out[i-1][1] = lo - 1
		}
		out[i] = [2]int{lo, 0}
	}
	return out
}
