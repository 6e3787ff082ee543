package sheet

// Mapping: which field each column goes into, by its header in six
// languages, by what its cells hold, or as the user chose; and which sheet
// and kind fit a workbook best.

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"mopsdesk/backend"
)

// HeaderKey identifies a table by its headers, for saved mapping profiles.
func HeaderKey(headers []string) string {
	parts := make([]string, len(headers))
	for i, h := range headers {
		parts[i] = normHeader(h)
	}
	return strings.Join(parts, "|")
}

// pickSheet chooses the sheet whose headers match the kind best.
func (w *Workbook) pickSheet(k *Kind) string {
	sheets := w.Sheets()
	best, bestScore := sheets[0], -1
	for _, s := range sheets {
		t, err := w.FindTable(s)
		if err != nil {
			continue
		}
		score, dates := 1, 0
		for _, h := range t.Headers {
			if f, _ := matchHeader(k, h, nil); f != "" {
				score += 2
			}
			if _, _, ok := headerDate(h, false); ok {
				dates++
			}
		}
		if k.WideDate != "" && dates >= 3 {
			score += dates
		}
		if (k.Key == "deliverables" || k.Key == "campaigns") && w.gridSheet(s) {
			score += 6 // a calendar grid: weekday headers name no field
		}
		if strings.Contains(normHeader(s), normHeader(k.Key)[:4]) || (k.sheetLabel != "" && normHeader(s) == normHeader(k.sheetLabel)) || namedBefore(k, s) {
			score += 10 // a sheet named after the kind ("Campaigns", "کمپین‌ها")
		}
		if score > bestScore {
			best, bestScore = s, score
		}
	}
	return best
}

// namedBefore reports whether sheet has a name the app gave the kind's
// sheet in earlier wording ("دارایی‌ها" before "دارایی‌های دیجیتال").
func namedBefore(k *Kind, sheet string) bool {
	for _, n := range k.oldSheetNames {
		if normHeader(n) == normHeader(sheet) {
			return true
		}
	}
	return false
}

// withLabels returns the kind with each label added to its field's
// synonyms (the kind itself when there are none).
func (k *Kind) withLabels(labels map[string]string) *Kind {
	if len(labels) == 0 {
		return k
	}
	out := *k
	out.sheetLabel = labels["sheet."+k.Key]
	out.Fields = make([]Field, len(k.Fields))
	for i, f := range k.Fields {
		if l := strings.TrimSpace(labels[f.Key]); l != "" {
			f.Synonyms = append([]string{l}, f.Synonyms...)
		}
		out.Fields[i] = f
	}
	return &out
}

// matchHeader finds the field a header names: exact synonym first, then a
// synonym the header starts or ends with ("Budget (USD)", "Start date
// 2025"). Taken fields are passed over.
func matchHeader(k *Kind, header string, taken map[string]bool) (string, string) {
	if f := exactHeader(k, header, taken); f != "" {
		return f, "header"
	}
	if f := nearHeader(k, header, taken); f != "" {
		return f, "header"
	}
	return "", ""
}

// exactHeader is the free field the header names exactly ("" for none).
func exactHeader(k *Kind, header string, taken map[string]bool) string {
	h := normHeader(header)
	if h == "" {
		return ""
	}
	for _, f := range k.Fields {
		if taken[f.Key] {
			continue
		}
		if normHeader(f.Key) == h {
			return f.Key
		}
		for _, s := range f.Synonyms {
			if normHeader(s) == h {
				return f.Key
			}
		}
	}
	return ""
}

// nearHeader is the free field with the longest synonym the header starts
// or ends with ("Budget (USD)", "Start date 2025").
func nearHeader(k *Kind, header string, taken map[string]bool) string {
	h := normHeader(header)
	if h == "" {
		return ""
	}
	best, bestLen := "", 0
	for _, f := range k.Fields {
		if taken[f.Key] {
			continue
		}
		for _, s := range f.Synonyms {
			n := normHeader(s)
			if len(n) >= 3 && len(n) > bestLen && (strings.HasPrefix(h, n) || strings.HasSuffix(h, n)) {
				best, bestLen = f.Key, len(n)
			}
		}
	}
	return best
}

// mapColumns maps each column: the user's mapping when given; otherwise by
// header, then by what the first rows hold.
func (im *Importer) mapColumns() error {
	k := im.kind
	samples := im.samples(30)
	taken := map[string]bool{}
	cols := make([]Column, len(im.keys))
	for i, key := range im.keys {
		cols[i] = Column{Key: key, Header: im.heads[i], Sample: samples[i], By: "none"}
	}
	fixed := func(i int, field string) {
		cols[i].Field, cols[i].By = field, "fixed"
		taken[field] = true
	}
	for i, key := range im.keys {
		switch {
		case im.groupCol > 0 && i == 0 && k.GroupField != "" && im.opts.Mapping == nil:
			cols[i].Field, cols[i].By = k.GroupField, "content"
			taken[k.GroupField] = true
		case key == "date" && im.Layout.Shape == "calendar":
			fixed(i, datesField(k))
		case key == "title" && im.Layout.Shape == "calendar":
			fixed(i, titleField(k))
		case key == "channel" && im.Layout.Shape == "calendar":
			fixed(i, channelField(k))
		case key == "date" && im.Layout.Shape == "wide":
			fixed(i, k.WideDate)
		case key == "value" && im.Layout.Shape == "wide":
			fixed(i, k.WideValue)
		}
	}
	if err := im.applyMapping(cols, taken); err != nil {
		return err
	}
	for i, key := range im.keys {
		if c, _, err := excelize.CellNameToCoordinates(key + "1"); err == nil && im.wb.xlsx != nil && im.wb.xlsx.hiddenColumn(im.table.Sheet, c) {
			cols[i].Hidden = true
		}
	}
	// Exact headers first, over all columns: "Status" wins over
	// "Subscription Status" wherever the two stand.
	free := func(i int) bool {
		return cols[i].By == "none" && !cols[i].Hidden && !(im.opts.Mapping != nil && hasKey(im.opts.Mapping, cols[i].Key))
	}
	for i := range cols {
		if f := exactHeader(k, cols[i].Header, taken); f != "" && free(i) {
			cols[i].Field, cols[i].By = f, "header"
			taken[f] = true
		}
	}
	for i := range cols {
		if !free(i) {
			continue
		}
		if f := nearHeader(k, cols[i].Header, taken); f != "" && nearFits(k.Field(f), cols[i].Header, samples[i], im.Layout.Date1904) {
			cols[i].Field, cols[i].By = f, "header"
			taken[f] = true
		}
	}
	im.guessColumns(cols, samples, taken)
	im.Layout.Columns = cols
	return nil
}

// applyMapping maps the columns the user mapped (Options.Mapping).
func (im *Importer) applyMapping(cols []Column, taken map[string]bool) error {
	k := im.kind
	if im.opts.Mapping == nil {
		return nil
	}
	for i, key := range im.keys {
		if cols[i].By == "fixed" {
			continue
		}
		f, ok := im.opts.Mapping[key]
		if !ok {
			continue
		}
		if f != "" && k.Field(f) == nil {
			return &backend.Error{Code: backend.EINVALID, Message: fmt.Sprintf("Column %s cannot be mapped to %q: %s has no such field.", key, f, k.Key),
				Fields: map[string]backend.FieldError{"mapping": {Key: "import.bad_field", Params: map[string]any{"column": key, "field": f}}}}
		}
		if f != "" && taken[f] {
			return &backend.Error{Code: backend.EINVALID, Message: fmt.Sprintf("Two columns are mapped to %q; map each field from one column.", f),
				Fields: map[string]backend.FieldError{"mapping": {Key: "import.field_twice", Params: map[string]any{"field": f}}}}
		}
		cols[i].Field, cols[i].By = f, "user"
		if f == "" {
			cols[i].By = "none"
		}
		taken[f] = f != ""
	}
	return nil
}

// guessColumns maps the columns without a recognised header by their
// content (not a wide layout's row labels: they name the rows, not a
// field), and shows date columns' first values as dates, not serial
// numbers.
func (im *Importer) guessColumns(cols []Column, samples [][]string, taken map[string]bool) {
	k := im.kind
	at := im.wb.at
	if at == nil {
		at = &Place{}
	}
	// (No defer resets at: after a panic it must still name the column.)
	for i := range cols {
		at.Row, at.Col = 0, keyColumn(cols[i].Key)
		if cols[i].By != "none" || cols[i].Hidden || im.opts.Mapping != nil && hasKey(im.opts.Mapping, cols[i].Key) {
			continue
		}
		if im.Layout.Shape == "wide" && im.labelCol >= 0 && cols[i].Key == colName(im.table.FirstCol+im.labelCol) {
			continue
		}
		if identHeader(cols[i].Header) || identCells(samples[i]) {
			continue // IDs, addresses and phone numbers fill no field by guess
		}
		if f := guessByContent(k, samples[i], taken, im.Layout.Date1904); f != "" {
			cols[i].Field, cols[i].By = f, "content"
			taken[f] = true
		}
	}
	// Date columns show their first values as dates, not serial numbers.
	for i := range cols {
		at.Col = keyColumn(cols[i].Key)
		if f := k.Field(cols[i].Field); f != nil && f.Type == TypeDate {
			for j, v := range cols[i].Sample {
				if isPlainNumber(strings.TrimSpace(v)) {
					if d, err := ParseDate(v, OrderUnknown, im.Layout.Date1904); err == nil {
						cols[i].Sample[j] = d
					}
				}
			}
		}
	}
	at.Col = 0
}

// keyColumn is the number of a column key ("C" → 3), 0 for the keys of a
// wide or calendar layout ("date", "value", "title").
func keyColumn(key string) int {
	if c, _, err := excelize.CellNameToCoordinates(key + "1"); err == nil {
		return c
	}
	return 0
}
func hasKey(m map[string]string, k string) bool { _, ok := m[k]; return ok }
func datesField(k *Kind) string {
	for _, f := range k.Fields {
		if f.Type == TypeDate && f.Required {
			return f.Key
		}
	}
	return ""
}
func titleField(k *Kind) string {
	for _, f := range k.Fields {
		if f.Type == TypeText && f.Required {
			return f.Key
		}
	}
	return ""
}
