package sheet

// Calendar grids: weekday columns with day numbers and entries under them,
// one month per sheet or per block under a month label. Every text cell is
// either read as an entry, read as part of the grid (weekdays, day numbers,
// month and year labels), or listed in Layout.Skipped with where it is.

import (
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// gridCell is a text cell of a grid sheet that nothing read.
type gridCell struct {
	row, col int
	text     string
}

// gridState follows one sheet down its rows.
type gridState struct {
	sheet     string
	year      int
	yearKnown bool
	month     int
	dayCols   map[int]int // column → weekday
	days      map[int]int // column → day of month under it
	lastWeek  bool        // the month's last week has begun
	ended     bool        // past the grid: a blank row after the last week
	unused    []gridCell
	noDay     []gridCell
	noMonth   bool
	lastRow   int
	lo, hi    int // the columns of this block (hi 0: to the end)
	fixes     map[string]string
	holding   bool  // after a blank row in a month: rows wait in pending
	pending   []Row // read as the grid\'s only when more grid follows
}

// eachCalendar reads the grids of every chosen sheet.
func (im *Importer) eachCalendar(fn func(row int, cells []vcell, skip string) error) error {
	im.Layout.Skipped = nil
	im.Layout.YearNeeded = false
	defer func() { im.curSheet = "" }()
	for _, sh := range im.Layout.ImportSheets {
		im.curSheet = sh
		if err := im.eachGrid(sh, fn); err != nil {
			return err
		}
	}
	return nil
}

// eachGrid reads one sheet's grids: one, or month blocks side by side,
// each in its own range of columns.
func (im *Importer) eachGrid(sheet string, fn func(row int, cells []vcell, skip string) error) error {
	month, y := monthYear(sheet)
	if y == 0 {
		y = yearOf(sheet)
	}
	var prev *gridState
	for _, win := range im.wb.gridWindows(sheet) {
		st := &gridState{sheet: sheet, month: month, lo: win[0], hi: win[1], fixes: im.sheetFixes(sheet)}
		switch {
		case y != 0:
			st.year, st.yearKnown = y, true
		case prev != nil && prev.yearKnown:
			st.year, st.yearKnown = prev.year, true // a title over all the blocks
		}
		err := ignoreEOF(im.wb.eachRawRow(sheet, func(r Row) error {
			return im.gridRow(st, r, fn)
		}))
		if err != nil {
			return err
		}
		for _, p := range st.pending { // below the grid's end: not entries
			for c, v := range st.texts(p) {
				st.unused = append(st.unused, gridCell{p.Number, c, v})
			}
		}
		im.listSkipped(st)
		prev = st
	}
	return nil
}

// texts returns a row's text cells within the state's columns, with the
// user's fixes ("C7", or "Sheet!C7" in an import of several sheets).
func (st *gridState) texts(r Row) map[int]string {
	t := rowTexts(r)
	for ref, v := range st.fixes {
		if c, row, err := excelize.CellNameToCoordinates(ref); err == nil && row == r.Number {
			if v = strings.TrimSpace(v); v == "" {
				delete(t, c)
			} else {
				t[c] = v
			}
		}
	}
	if st.lo > 1 || st.hi > 0 {
		t = window(t, st.lo, st.hi)
	}
	return t
}

// manySheets tells an import that reads several sheets at once.
func (im *Importer) manySheets() bool { return len(im.Layout.ImportSheets) > 1 }

// sheetFixes returns the fixes for one sheet's cells, keyed "C7".
func (im *Importer) sheetFixes(sheet string) map[string]string {
	out := map[string]string{}
	for k, v := range im.fixes {
		if s, ref, ok := strings.Cut(k, "!"); ok && s == sheet && im.manySheets() {
			out[ref] = v
		} else if !ok && !im.manySheets() {
			out[k] = v
		}
	}
	return out
}

// year is the year of the grid's dates: the sheet's own, the file name's,
// the user's answer, or (asked about) the fallback.
func (im *Importer) gridYear(st *gridState) int {
	switch {
	case st.yearKnown:
		return st.year
	case yearOf(im.wb.name) != 0:
		return yearOf(im.wb.name)
	case im.opts.Year != 0:
		return im.opts.Year
	}
	im.Layout.YearNeeded = true
	if im.opts.FallbackYear != 0 {
		return im.opts.FallbackYear
	}
	return currentYear()
}

func (im *Importer) gridRow(st *gridState, r Row, fn func(row int, cells []vcell, skip string) error) error {
	texts := st.texts(r)
	// Rows with nothing in them may not be read at all: a gap in the row
	// numbers is a blank row too.
	gap := len(texts) == 0 || r.Number > st.lastRow+1 && st.lastRow > 0
	st.lastRow = r.Number
	switch {
	case gap && st.lastWeek:
		st.ended = true
	case gap && st.dayCols != nil && !st.ended && len(st.days) > 0:
		// A blank row inside the month: what follows is the grid's only
		// if more of the grid comes (day numbers, a weekday header or a
		// month label); a legend or notes at the end are not.
		st.holding = true
	}
	if len(texts) == 0 {
		return nil
	}
	if st.holding {
		if gridHeader(texts) == nil && !st.labelRow(texts) && !st.dayRow(texts) {
			st.pending = append(st.pending, r)
			return nil
		}
		st.holding = false
		pending := st.pending
		st.pending = nil
		for _, p := range pending {
			if err := im.gridCells(st, p, st.texts(p), fn); err != nil {
				return err
			}
		}
	}
	return im.gridCells(st, r, texts, fn)
}

// labelRow tells a month label row: one or two cells, a month among them,
// nothing else under a weekday.
func (st *gridState) labelRow(texts map[int]string) bool {
	if len(texts) > 2 {
		return false
	}
	labelled, inGrid := false, false
	for c, v := range texts {
		if m, _ := monthYear(v); m != 0 {
			labelled = true
		} else if _, ok := st.dayCols[c]; ok {
			inGrid = true // "March" beside the first week's numbers
		}
	}
	return labelled && !inGrid
}

// dayRow tells a row of (mostly) day numbers under the weekdays.
func (st *gridState) dayRow(texts map[int]string) bool {
	nums, bare, in := 0, 0, 0
	for c := range st.dayCols {
		if v, ok := texts[c]; ok {
			in++
			if leadingDayOf(v) > 0 {
				nums++
			}
			if dayNumber(v) > 0 {
				bare++
			}
		}
	}
	return in > 0 && (bare > 0 && nums*2 >= in || nums == in)
}

// gridCells reads one row of a grid sheet.
func (im *Importer) gridCells(st *gridState, r Row, texts map[int]string, fn func(row int, cells []vcell, skip string) error) error {
	if st.frame(r, texts) {
		return nil
	}
	// A row of mostly day numbers sets the day under each column; its
	// other cells are entries all the same ("5. Webinar invite", or text
	// beside the numbers, whose day the numbers around it tell).
	in := 0
	for c := range st.dayCols {
		if _, ok := texts[c]; ok {
			in++
		}
	}
	if in == 0 {
		return nil
	}
	year := im.gridYear(st)
	dayRow := st.dayRow(texts)
	if dayRow {
		st.setDays(texts, year)
	}
	return im.gridRowEntries(st, r, texts, year, dayRow, fn)
}

// frame reads what a row says about the grid's frame: a weekday header, a
// month or year label, cells beside the grid; true when the row holds no
// entries.
func (st *gridState) frame(r Row, texts map[int]string) bool {
	unused := func(c int) { st.unused = append(st.unused, gridCell{r.Number, c, texts[c]}) }
	if wd := gridHeader(texts); wd != nil {
		st.dayCols, st.days, st.lastWeek, st.ended = wd, map[int]int{}, false, false
		for c, v := range texts {
			if _, ok := wd[c]; ok {
				continue
			}
			if !st.label(v) {
				unused(c)
			}
		}
		return true
	}
	// A month label on its own row starts a block ("March", "APRIL 2026");
	// a title names the year ("Content calendar 2026").
	if len(texts) <= 2 {
		if st.labelRow(texts) {
			for c, v := range texts {
				if !st.label(v) {
					unused(c)
				}
			}
			st.days, st.lastWeek, st.ended = map[int]int{}, false, false
			return true
		}
		if st.dayCols == nil {
			for c, v := range texts {
				if y := yearOf(v); y == 0 {
					unused(c)
				} else if !st.yearKnown {
					st.year, st.yearKnown = y, true
				}
			}
			return true
		}
	}
	if st.dayCols == nil || st.ended {
		for c := range texts {
			unused(c)
		}
		return true
	}
	// Cells beside the grid: a month label in the first column of a block,
	// otherwise not part of the grid.
	for c, v := range texts {
		if _, ok := st.dayCols[c]; ok {
			continue
		}
		if m, _ := monthYear(v); m != 0 && c < sortedCols(st.dayCols)[0] {
			st.label(v)
			st.days, st.lastWeek = map[int]int{}, false
			continue
		}
		unused(c)
	}
	if st.month == 0 {
		for c := range st.dayCols {
			if _, ok := texts[c]; ok {
				st.noMonth = true
				unused(c)
			}
		}
		return true
	}
	return false
}

// setDays sets the day under each column from a row of (mostly) day
// numbers.
func (st *gridState) setDays(texts map[int]string, year int) {
	bare := false
	for c := range st.dayCols {
		bare = bare || dayNumber(texts[c]) > 0
	}
	if bare {
		st.days = map[int]int{}
	} // else every cell starts with its day: the other columns keep theirs
	for c := range st.dayCols {
		if d := leadingDayOf(texts[c]); d > 0 {
			st.days[c] = d
		}
	}
	for c := range st.dayCols {
		if v, ok := texts[c]; ok && leadingDayOf(v) == 0 {
			if d := st.inferDay(c); d > 0 {
				st.days[c] = d
			}
		}
	}
	st.lastWeek = st.isLastWeek(year)
}

// gridRowEntries passes on the entries of one row of the grid, each with
// its day; a cell whose day is not known is listed (noDay).
func (im *Importer) gridRowEntries(st *gridState, r Row, texts map[int]string, year int, dayRow bool, fn func(row int, cells []vcell, skip string) error) error {
	unused := func(c int) { st.unused = append(st.unused, gridCell{r.Number, c, texts[c]}) }
	for _, c := range sortedCols(st.dayCols) {
		v, ok := texts[c]
		if !ok {
			continue
		}
		if dayNumber(v) > 0 {
			if !dayRow {
				unused(c) // a number among entries: not a day row's
			}
			continue
		}
		day := st.days[c]
		// "5 Launch post", "14: Valentine's Day", "12 - Blog": the day with its entry.
		if m := leadingDay.FindStringSubmatch(digitsASCII(v)); m != nil {
			if d, _ := strconv.Atoi(m[1]); d >= 1 && d <= 31 {
				day, v = d, strings.TrimSpace(m[2])
			}
		}
		date, err := civil(year, st.month, day)
		if day == 0 || err != nil {
			st.noDay = append(st.noDay, gridCell{r.Number, c, texts[c]})
			continue
		}
		if err := im.gridEntries(r.Number, c, date, v, fn); err != nil {
			return err
		}
	}
	return nil
}

// label reads a month or year label; false when the text is neither.
func (st *gridState) label(v string) bool {
	if m, y := monthYear(v); m != 0 {
		st.month = m
		if y != 0 {
			st.year, st.yearKnown = y, true
		}
		return true
	}
	if len([]rune(strings.TrimSpace(v))) <= 4 {
		if y := yearOf(v); y != 0 {
			st.year, st.yearKnown = y, true
			return true
		}
	}
	return false
}
