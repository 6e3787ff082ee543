package report

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"mopsdesk/backend"
)

// rateNote says what the budget figures left out for want of an exchange
// rate, or priced at an assumed (planning) rate, in the words the Budget
// summary uses (the catalog's budget.* messages).
type rateNote struct {
	Key   string // "missing" or "assumed"
	Text  string
	Items []rateItem
}

type rateItem struct {
	Currency, Month, Label, Rate string
}

// String is the note as one line: the message, then each currency and month.
func (n rateNote) String() string {
	parts := make([]string, len(n.Items))
	for i, it := range n.Items {
		parts[i] = it.Currency + " — " + it.Label
		if it.Rate != "" {
			parts[i] += " (" + it.Rate + ")"
		}
	}
	return n.Text + " " + strings.Join(parts, ", ")
}

// rateNotes are the report's notes on exchange rates, none when every
// figure was converted at a month's own rate.
func (d *Data) rateNotes() []rateNote {
	var out []rateNote
	items := func(rates []backend.FXRate, withRate bool) []rateItem {
		list := make([]rateItem, len(rates))
		for i, r := range rates {
			list[i] = rateItem{Currency: r.Currency, Month: r.Month, Label: d.monthLabel(r.Month)}
			if withRate {
				list[i].Rate = r.Rate
			}
		}
		return list
	}
	if len(d.MissingRates) > 0 {
		out = append(out, rateNote{Key: "missing", Text: d.word("budget.missing_rates"), Items: items(d.MissingRates, false)})
	}
	if len(d.AssumedRates) > 0 {
		out = append(out, rateNote{Key: "assumed", Text: d.word("budget.assumed_rates"), Items: items(d.AssumedRates, true)})
	}
	return out
}

// monthLabel names a month (YYYY-MM) as the report's periods are named.
func (d *Data) monthLabel(month string) string {
	if w := strings.TrimSpace(d.Words["period."+month]); w != "" {
		return w
	}
	return month
}

// writeRateNotes writes the notes on a sheet from row on, one per row,
// wrapped across columns A to last; it returns the next free row.
func (b *book) writeRateNotes(sheet string, row int, last string) (int, error) {
	notes := b.d.rateNotes()
	if len(notes) == 0 {
		return row, nil
	}
	style, err := b.f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "9C5700"},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF2CC"}}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return row, err
	}
	for _, n := range notes {
		from, to := fmt.Sprintf("A%d", row), fmt.Sprintf("%s%d", last, row)
		if err := b.f.SetCellStr(sheet, from, n.String()); err != nil {
			return row, err
		}
		if err := b.f.MergeCell(sheet, from, to); err != nil {
			return row, err
		}
		if err := b.f.SetCellStyle(sheet, from, to, style); err != nil {
			return row, err
		}
		if err := b.f.SetRowHeight(sheet, row, 45); err != nil {
			return row, err
		}
		row++
	}
	return row, nil
}
