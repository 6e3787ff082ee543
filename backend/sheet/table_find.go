package sheet

// Finding a sheet's table: its header row, first column and columns.

import (
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"mopsdesk/backend"
)

// Found is where a sheet's table is: its header row and first column
// (both 1-based) and the header texts, merged header cells filled across
// the columns they span.
type Found struct {
	Sheet     string   `json:"sheet"`
	HeaderRow int      `json:"headerRow"`
	FirstCol  int      `json:"firstColumn"`
	Headers   []string `json:"headers"`
}

var numberLike = regexp.MustCompile(`^[\s\p{Sc}A-Za-z.]{0,4}[-+(]?[\p{Nd}][\p{Nd}.,'\s]*\)?\s*%?[\s\p{Sc}A-Za-zł]{0,4}$`)

// isHeaderText reports whether a cell reads like a column name: not empty,
// not a number or an amount.
func isHeaderText(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && !numberLike.MatchString(s) && strings.IndexFunc(s, unicode.IsLetter) >= 0 && !isErrorValue(s)
}

// isErrorValue reports a formula's error result (#DIV/0!, #N/A, …).
func isErrorValue(s string) bool {
	switch s {
	case "#DIV/0!", "#N/A", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!":
		return true
	}
	return false
}

// dayRun counts the cells of a row that belong to a run of consecutive
// date serial numbers (days as column headers: 45717, 45718, …).
func dayRun(cells []string) int {
	serial := func(i int) int {
		if i < 0 || i >= len(cells) {
			return -1
		}
		n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(cells[i]), ".0"))
		if err != nil || n < 20000 || n > 80000 {
			return -1
		}
		return n
	}
	count := 0
	for i := range cells {
		if v := serial(i); v > 0 && (serial(i-1) == v-1 || serial(i+1) == v+1) {
			count++
		}
	}
	return count
}

// FindTable finds the header row of a sheet: the first of its first rows
// with at least two cells that read like column names, mostly text, and a
// row of data under it. Title rows above it (one cell, or none) and blank
// rows are passed over; the table may start in any column.
func (w *Workbook) FindTable(sheet string) (*Found, error) {
	var first []Row
	if err := w.eachRawRow(sheet, func(r Row) error {
		first = append(first, r)
		if len(first) > headerScanRows {
			return io.EOF
		}
		return nil
	}); err != nil {
		return nil, err
	}
	for i, r := range first {
		texts, filled := dayRun(r.Cells), 0
		for _, c := range r.Cells {
			if strings.TrimSpace(c) != "" {
				filled++
				if isHeaderText(c) {
					texts++
				}
			}
		}
		if texts < 2 || texts*10 < filled*6 || i+1 >= len(first) {
			continue
		}
		if !hasData(first[i+1:]) {
			continue
		}
		t := tableAt(sheet, r)
		w.fillMerged(t)
		return t, nil
	}
	return nil, noHeader(sheet, first)
}

// noHeader says why a sheet has no table: it is empty, or no row of
// column names stands above its data; then it shows the first filled
// row, so the user sees what was read.
func noHeader(sheet string, first []Row) error {
	for _, r := range first {
		var cells []string
		for _, c := range r.Cells {
			if c = strings.TrimSpace(c); c != "" {
				if len([]rune(c)) > 24 {
					c = string([]rune(c)[:24]) + "…"
				}
				cells = append(cells, c)
			}
		}
		if len(cells) == 0 {
			continue
		}
		if len(cells) > 6 {
			cells = append(cells[:6], "…")
		}
		found := strings.Join(cells, " | ")
		return &backend.Error{Code: backend.EINVALID,
			Message: fmt.Sprintf("Sheet %q has no row of column names with data under it: row %d, its first filled row, holds %s. "+
				"Add a row of column names (such as Product, Team, Renewal date) above the data, then import again.", sheet, r.Number, found),
			Fields: map[string]backend.FieldError{"sheet": {Key: "import.no_header", Params: map[string]any{"sheet": sheet, "row": r.Number, "found": found}}}}
	}
	return &backend.Error{Code: backend.EINVALID, Message: fmt.Sprintf("Sheet %q is empty: there is nothing in it to import.", sheet),
		Fields: map[string]backend.FieldError{"sheet": {Key: "import.sheet_empty", Params: map[string]any{"sheet": sheet}}}}
}

// tableAt reads a header row: where its first filled cell is and the
// names from there to its last filled cell.
func tableAt(sheet string, r Row) *Found {
	t := &Found{Sheet: sheet, HeaderRow: r.Number, FirstCol: 1}
	for c, v := range r.Cells {
		if strings.TrimSpace(v) != "" {
			t.FirstCol = c + 1
			break
		}
	}
	last := len(r.Cells)
	for last > 0 && strings.TrimSpace(r.Cells[last-1]) == "" {
		last--
	}
	for c := t.FirstCol - 1; c < last; c++ {
		t.Headers = append(t.Headers, strings.TrimSpace(r.Cells[c]))
	}
	return t
}

// hasData reports whether any of the rows below a header has two filled cells.
func hasData(rows []Row) bool {
	for _, r := range rows {
		n := 0
		for _, c := range r.Cells {
			if strings.TrimSpace(c) != "" {
				n++
			}
		}
		if n >= 2 {
			return true
		}
	}
	return false
}

// fillMerged gives every column a merged header cell spans its text.
func (w *Workbook) fillMerged(t *Found) {
	if w.xlsx == nil {
		return
	}
	// Only an empty header can be part of a merged cell; merges are read
	// from the end of the sheet, so a full header saves a pass.
	empty := false
	for _, h := range t.Headers {
		empty = empty || h == ""
	}
	if !empty {
		return
	}
	merged, err := w.xlsx.mergesOf(t.Sheet)
	if err != nil {
		return
	}
	for _, m := range merged {
		if t.HeaderRow < m.r1 || t.HeaderRow > m.r2 {
			continue
		}
		for c := m.c1; c <= m.c2; c++ {
			if i := c - t.FirstCol; i >= 0 {
				for len(t.Headers) <= i {
					t.Headers = append(t.Headers, "")
				}
				if t.Headers[i] == "" {
					t.Headers[i] = strings.TrimSpace(m.value)
				}
			}
		}
	}
}

// totalWords start the rows that sum up others, in the six languages.
var totalWords = []string{"total", "grand total", "subtotal", "sub-total", "sum", "razem", "suma", "ogółem",
	"toplam", "ara toplam", "genel toplam", "المجموع", "الإجمالي", "المجموع الفرعي", "جمع", "مجموع", "جمع کل", "รวม", "ยอดรวม"}

// IsTotalRow reports whether a row is a total or subtotal: its first
// filled cell says so.
func IsTotalRow(cells []string) bool {
	for _, c := range cells {
		c = strings.ToLower(strings.TrimSpace(c))
		if c == "" {
			continue
		}
		c = strings.TrimRight(c, ": ")
		for _, w := range totalWords {
			if c == w || strings.HasPrefix(c, w+" ") || strings.HasPrefix(c, w+":") {
				return true
			}
		}
		return false
	}
	return false
}
