package sheet

//lint:file-ignore ST1018 Persian words are spelled with the zero-width non-joiner (U+200C); written as escapes they could not be read.

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// genGrid is a generated month grid: its rows, the entries it holds
// (cell → "date title") and the cells that are neither entries nor grid.
type genGrid struct {
	sheet   string
	rows    [][]any
	entries map[string]string
	noise   map[string]bool
}

var genHeads = [][]string{
	{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"},
	{"MON", "TUES", "WEDS", "THURS", "FRI", "SAT", "SUN"},
	{"Mon.", "Tue.", "Wed.", "Thu.", "Fri.", "Sat.", "Sun."},
	{"pon.", "wt.", "śr.", "czw.", "pt.", "sob.", "ndz."},
	{"Pts", "Sal", "Çrş", "Prş", "Cum", "Cts", "Paz"},
	{"دوشنبه", "سه‌شنبه", "چهارشنبه", "پنجشنبه", "جمعه", "شنبه", "یکشنبه"},
	{"الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"},
	{"จ.", "อ.", "พ.", "พฤ.", "ศ.", "ส.", "อา."},
}

var genTitles = []string{"Launch post", "Webinar invite", "Case study", "Product teaser", "Team Q&A", "Recap video", "Customer story", "Poll"}

// row adds a row with the cells given by column.
func (g *genGrid) row(cells map[int]any) {
	n := 0
	for c := range cells {
		n = max(n, c)
	}
	r := make([]any, n)
	for c, v := range cells {
		r[c-1] = v
	}
	g.rows = append(g.rows, r)
}

// cell names column c of the row about to be added.
func (g *genGrid) cell(c int) string { return cellName(c, len(g.rows)+1) }

// genWeek is what every week of a generated month shares.
type genWeek struct {
	year, month, nd, first, notesCol, place int
	days                                    []int
}

func generateGrid(rng *rand.Rand) genGrid {
	const year = 2026
	month := 1 + rng.Intn(12)
	g := genGrid{entries: map[string]string{}, noise: map[string]bool{}}
	head := genHeads[rng.Intn(len(genHeads))]
	days := []int{0, 1, 2, 3, 4, 5, 6}
	if rng.Intn(3) == 0 {
		days = []int{0, 2, 4, 6} // some weekdays only
	}
	place := rng.Intn(3) // 0 sheet name, 1 label row above, 2 label in the first column
	first := 1
	if place == 2 {
		first = 2
	}
	g.sheet = "Plan"
	if place == 0 {
		g.sheet = " " + strings.ToUpper(monthNames[month-1][0])
	}
	if rng.Intn(2) == 0 {
		g.row(map[int]any{1: fmt.Sprintf("Content calendar %d", year)})
	}
	if place == 1 {
		g.row(map[int]any{1: monthNames[month-1][0]})
	}
	hdr := map[int]any{}
	for i, d := range days {
		hdr[first+i] = head[d]
	}
	g.row(hdr)
	w := genWeek{year: year, month: month, nd: daysIn(year, month), first: first, notesCol: first + len(days) + 1, place: place, days: days}
	// The weeks: Monday-first, the month's days placed under their weekday.
	wd1 := int(time.Date(year, time.Month(month), 1, 0, 0, 0, 0, time.UTC).Weekday()+6) % 7
	last := w.nd
	if rng.Intn(4) == 0 {
		last = 7 + rng.Intn(w.nd-7) // a grid of the first weeks only
	}
	for start := 1 - wd1; start <= last; start += 7 {
		if start > 1-wd1 && rng.Intn(4) == 0 {
			g.rows = append(g.rows, []any{}) // a blank row between weeks
		}
		g.week(rng, w, start)
	}
	if rng.Intn(2) == 0 {
		g.rows = append(g.rows, []any{})
		for k := 1 + rng.Intn(3); k > 0; k-- {
			g.row(map[int]any{1: "Legend " + g.cell(1), 2: "colour"})
			g.noise[cellName(1, len(g.rows))], g.noise[cellName(2, len(g.rows))] = true, true
		}
	}
	return g
}

// week adds the week starting on day start: its row of day numbers (some
// with an entry), a note beside it, and rows of entries under it.
func (g *genGrid) week(rng *rand.Rand, w genWeek, start int) {
	nums := map[int]any{}
	if w.place == 2 && start <= 1 {
		nums[1] = monthNames[w.month-1][0]
	}
	for i, d := range w.days {
		if day := start + d; day >= 1 && day <= w.nd {
			nums[w.first+i] = day
			if rng.Intn(6) == 0 {
				t := genTitles[rng.Intn(len(genTitles))]
				nums[w.first+i] = fmt.Sprintf("%d%s%s", day, []string{". ", ": ", " - ", " "}[rng.Intn(4)], t)
				g.entries[g.cell(w.first+i)] = fmt.Sprintf("%04d-%02d-%02d %s", w.year, w.month, day, t)
			}
		}
	}
	if rng.Intn(4) == 0 {
		nums[w.notesCol] = "Note " + g.cell(w.notesCol)
		g.noise[g.cell(w.notesCol)] = true
	}
	g.row(nums)
	for k := rng.Intn(3); k > 0; k-- {
		es := map[int]any{}
		for i, d := range w.days {
			if day := start + d; day >= 1 && day <= w.nd && rng.Intn(3) == 0 {
				t := genTitles[rng.Intn(len(genTitles))]
				es[w.first+i] = t
				if rng.Intn(5) == 0 {
					es[w.first+i] = t + "\n" + []string{"LinkedIn", "instagram", "#TikTok"}[rng.Intn(3)] // the channel on a second line
				}
				g.entries[g.cell(w.first+i)] = fmt.Sprintf("%04d-%02d-%02d %s", w.year, w.month, day, t)
			}
		}
		if len(es) > 0 {
			g.row(es)
		}
	}
}

// Item 7: over generated grids, every text cell is imported, read as part
// of the grid, or listed as skipped with its place.
func TestGrid_EveryTextCellIsImportedOrListed(t *testing.T) {
	for seed := int64(1); seed <= 400; seed++ {
		g := generateGrid(rand.New(rand.NewSource(seed)))
		wb := namedBook(t, "Plan_2026.xlsx", []string{g.sheet}, map[string][][]any{g.sheet: g.rows})
		im, err := New(wb, Options{Kind: "deliverables"})
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		imported := map[string]string{}
		recs := records(t, im)
		if len(recs) != len(g.entries) {
			t.Fatalf("seed %d: %d records for %d entries (a channel line is no entry)", seed, len(recs), len(g.entries))
		}
		for _, r := range recs {
			if len(r.Problems) > 0 || r.Skip != "" {
				t.Fatalf("seed %d: row %d %+v %s", seed, r.Row, r.Problems, r.Skip)
			}
			v := r.Values["title"]
			imported[cellName(v.Col, v.Row)] = r.Values["publishDate"].Text + " " + v.Text
		}
		listed := func(ref string) bool {
			c, rr, _ := excelize.CellNameToCoordinates(ref)
			for _, s := range im.Layout.Skipped {
				if s.Column != "" && cellName(keyColumn(s.Column), s.Row) == ref {
					return true
				}
				if rng, ok := s.Params["range"].(string); ok {
					a, b, _ := strings.Cut(rng, ":")
					c1, r1, _ := excelize.CellNameToCoordinates(a)
					c2, r2, _ := excelize.CellNameToCoordinates(b)
					if c >= c1 && c <= c2 && rr >= r1 && rr <= r2 {
						return true
					}
				}
			}
			return false
		}
		for ref, w := range g.entries {
			if imported[ref] != w {
				t.Fatalf("seed %d (%s): %s should be %q, got %q; skipped %+v", seed, g.sheet, ref, w, imported[ref], im.Layout.Skipped)
			}
		}
		for ref := range g.noise {
			if !listed(ref) {
				t.Fatalf("seed %d: %s is not listed as skipped: %+v", seed, ref, im.Layout.Skipped)
			}
		}
		for ref := range imported {
			if g.entries[ref] == "" {
				t.Fatalf("seed %d: %s imported as %q but is no entry", seed, ref, imported[ref])
			}
		}
	}
}
