package sheet

// What a calendar grid leaves out, listed with where it is: blocks of text
// beside or below the grid, cells under no day, a grid with no month.

import (
	"fmt"
	"sort"
)

// listSkipped lists the sheet's unread text as blocks with their range,
// and cells under a weekday whose day is not known one by one.
func (im *Importer) listSkipped(st *gridState) {
	if st.noMonth {
		im.skip(st.sheet, 0, 0, "", "import.grid_no_month", nil, fmt.Sprintf("Sheet '%s': no month is written for the grid; name the sheet after its month or write the month above the grid.", st.sheet))
	}
	for _, b := range blocks(st.unused) {
		rng := cellName(b.c1, b.r1) + ":" + cellName(b.c2, b.r2)
		im.skip(st.sheet, b.r1, b.c1, b.first, "import.grid_skipped", map[string]any{"range": rng},
			fmt.Sprintf("Sheet '%s', %s: '%s' is not part of the calendar grid (a legend, notes or another table); left out.", st.sheet, rng, b.first))
	}
	for _, c := range st.noDay {
		im.skip(st.sheet, c.row, c.col, c.text, "import.grid_no_day", nil,
			problemText(st.sheet, c.row, colName(c.col), c.text, "is under no day number; write the day before the text (\"5 Webinar\") to import it."))
	}
}

func (im *Importer) skip(sheet string, row, col int, text, key string, params map[string]any, msg string) {
	p := Problem{Sheet: sheet, Row: row, Value: text, Key: key, Params: params, Message: msg}
	if col > 0 {
		p.Column = colName(col)
	}
	im.Layout.Skipped = append(im.Layout.Skipped, p)
}

type block struct {
	r1, c1, r2, c2 int
	first          string
	cells          []gridCell
}

// blocks groups cells that touch (one empty row or column apart at most).
func blocks(cells []gridCell) []block {
	var out []block
	for _, c := range cells {
		joined := -1
		for i := range out {
			b := &out[i]
			if c.row >= b.r1-2 && c.row <= b.r2+2 && c.col >= b.c1-2 && c.col <= b.c2+2 {
				joined = i
				b.r1, b.r2, b.c1, b.c2 = min(b.r1, c.row), max(b.r2, c.row), min(b.c1, c.col), max(b.c2, c.col)
				b.cells = append(b.cells, c)
				break
			}
		}
		if joined < 0 {
			out = append(out, block{c.row, c.col, c.row, c.col, c.text, []gridCell{c}})
		}
	}
	for i := range out {
		sort.Slice(out[i].cells, func(a, b int) bool {
			x, y := out[i].cells[a], out[i].cells[b]
			return x.row < y.row || x.row == y.row && x.col < y.col
		})
		out[i].first = out[i].cells[0].text
	}
	return out
}
