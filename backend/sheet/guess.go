package sheet

// Guesses from content: a column's field from its cells, a workbook's kind
// from its headers.

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// guessByContent maps a column by what its cells hold: dates to the
// first free date field, amounts to the first free money field, words to
// the first free required text field.
func guessByContent(k *Kind, sample []string, taken map[string]bool, date1904 bool) string {
	n, dates, amounts, texts := 0, 0, 0, 0
	for _, s := range sample {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		n++
		if _, err := ParseDate(s, OrderDayFirst, date1904); err == nil {
			if !isPlainNumber(s) || func() bool { f, _ := strconv.ParseFloat(s, 64); return f > 20000 && f < 80000 }() {
				dates++
				continue
			}
		}
		if _, err := ParseAmount(s); err == nil {
			amounts++
			continue
		}
		texts++
	}
	if n == 0 {
		return ""
	}
	want := FieldType("")
	switch {
	case dates*10 >= n*8:
		want = TypeDate
	case amounts*10 >= n*8:
		want = TypeMoney
	case texts*10 >= n*8:
		want = TypeText
	}
	for _, f := range k.Fields {
		if !taken[f.Key] && f.Type == want && (want != TypeText || f.Required) {
			return f.Key
		}
	}
	return ""
}

// samples reads the first rows of each virtual column.
func (im *Importer) samples(n int) [][]string {
	out := make([][]string, len(im.keys))
	count := 0
	im.eachVirtual(func(row int, cells []vcell, skip string) error {
		if skip != "" {
			return nil
		}
		for i, c := range cells {
			if len(out[i]) < 5 && strings.TrimSpace(c.text) != "" || count < n {
				out[i] = append(out[i], c.text)
			}
		}
		count++
		if count >= n {
			return io.EOF
		}
		return nil
	})
	for i := range out {
		if len(out[i]) > n {
			out[i] = out[i][:n]
		}
	}
	return out
}

// GuessKind picks what a workbook holds from its headers: the kind whose
// fields the headers of the chosen (or best) sheet name most. Labels are
// the fields' names in the user's language (see Options.Labels).
func GuessKind(wb *Workbook, sheet string, labels map[string]string) string {
	k, _ := GuessKindWhy(wb, sheet, labels)
	return k
}

// GuessKindWhy is GuessKind with the reason, for the preview to show: a
// calendar grid of posts ("import.why_grid"), the headers that name the
// kind's fields ("import.why_headers"), or nothing better
// ("import.why_default").
func GuessKindWhy(wb *Workbook, sheet string, labels map[string]string) (string, *Problem) {
	best, bestScore := "campaigns", -1
	var bestHeads []string
	bestSheet := ""
	sheets := wb.Sheets()
	if sheet != "" {
		sheets = []string{sheet}
	}
	// A grid of weekdays holds posts and other dated pieces: deliverables,
	// when the grids are what the workbook is (its first sheet, or most).
	var grids []string
	for _, s := range sheets {
		if wb.gridSheet(s) {
			grids = append(grids, s)
		}
	}
	if len(grids) > 0 && (grids[0] == sheets[0] || len(grids)*2 > len(sheets)) {
		s := grids[0]
		return "deliverables", &Problem{Sheet: s, Key: "import.why_grid", Params: map[string]any{"sheet": s},
			Message: fmt.Sprintf("Sheet '%s' is a calendar grid with weekday columns: its entries are deliverables.", s)}
	}
	for _, s := range sheets {
		t, err := wb.FindTable(s)
		if err != nil {
			continue
		}
		for _, key := range KindKeys {
			k := Kinds[key].withLabels(labels)
			score, taken := 0, map[string]bool{}
			var heads []string
			for _, h := range t.Headers {
				if f, _ := matchHeader(k, h, taken); f != "" {
					heads = append(heads, h)
					taken[f] = true
					score += 2
					if k.Field(f).Required {
						score++
					}
				}
			}
			if strings.Contains(normHeader(s), key[:4]) {
				score += 3
			}
			if k.WideDate != "" {
				dates := 0
				for _, h := range t.Headers {
					if _, _, ok := headerDate(h, false); ok {
						dates++
					}
				}
				if dates >= 3 {
					score += dates
				}
			}
			if score > bestScore {
				best, bestScore, bestHeads, bestSheet = key, score, heads, s
			}
		}
	}
	if len(bestHeads) == 0 {
		return best, &Problem{Sheet: bestSheet, Key: "import.why_default", Params: map[string]any{"sheet": bestSheet},
			Message: "No header names what the sheet holds; choose the kind of items."}
	}
	quoted := strings.Join(quoteAll(bestHeads), ", ")
	return best, &Problem{Sheet: bestSheet, Key: "import.why_headers", Params: map[string]any{"sheet": bestSheet, "headers": quoted},
		Message: fmt.Sprintf("Sheet '%s' has the columns %s.", bestSheet, quoted)}
}
