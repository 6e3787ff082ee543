package sheet

// Records: the table's rows read one by one, every mapped value parsed and
// checked, problems named by sheet, row and column.

import (
	"fmt"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"
)

var skipTotal = "total"

// eachVirtual streams the table's rows as virtual rows: table columns as
// they are; a wide layout unpivoted into one row per date column; a
// calendar grid into one row per entry.
func (im *Importer) eachVirtual(fn func(row int, cells []vcell, skip string) error) error {
	t := im.table
	switch im.Layout.Shape {
	case "calendar":
		return im.eachCalendar(fn)
	case "wide":
		return im.eachWide(fn)
	}
	// One slice of cells is refilled row after row.
	cells := make([]vcell, len(im.keys))
	return ignoreEOF(im.wb.eachRawRow(t.Sheet, func(r Row) error {
		if r.Number <= t.HeaderRow || rowBlank(r.Cells) {
			return nil
		}
		for i := range cells {
			col := t.FirstCol + i
			text := ""
			if col-1 < len(r.Cells) {
				text = strings.TrimSpace(r.Cells[col-1])
			}
			if len(im.fixes) > 0 {
				if v, ok := im.fixes[cellName(col, r.Number)]; ok {
					text = v
				}
			}
			cells[i] = vcell{text, r.Number, col}
		}
		if IsTotalRow(r.Cells) {
			return fn(r.Number, nil, skipTotal)
		}
		if r.Hidden {
			return fn(r.Number, nil, "hidden")
		}
		return fn(r.Number, cells, "")
	}))
}

// eachWide unpivots a wide layout: one virtual row per filled date column
// of each row.
func (im *Importer) eachWide(fn func(row int, cells []vcell, skip string) error) error {
	t := im.table
	group := ""
	merged := im.mergedDown()
	return ignoreEOF(im.wb.eachRawRow(t.Sheet, func(r Row) error {
		if r.Number <= t.HeaderRow {
			return nil
		}
		at := func(col int) vcell {
			ref := cellName(col, r.Number)
			if v, ok := im.fixes[ref]; ok {
				return vcell{v, r.Number, col}
			}
			if col-1 < len(r.Cells) {
				return vcell{strings.TrimSpace(r.Cells[col-1]), r.Number, col}
			}
			return vcell{"", r.Number, col}
		}
		if im.groupCol > 0 {
			if g := at(im.groupCol).text; g != "" {
				group = g
			} else if m, ok := merged[r.Number]; ok {
				group = m
			} else if rowBlank(r.Cells) {
				group = ""
			}
		}
		var cells []vcell
		label := ""
		for i, key := range im.keys {
			switch {
			case key == "date" || key == "value":
			case im.groupCol > 0 && i == 0:
				cells = append(cells, vcell{group, r.Number, im.groupCol})
			default:
				c, _, _ := excelize.CellNameToCoordinates(key + "1")
				cells = append(cells, at(c))
				if c-t.FirstCol == im.labelCol {
					label = at(c).text
				}
			}
		}
		if rowBlank(r.Cells) {
			return nil
		}
		if IsTotalRow(r.Cells[min(len(r.Cells), t.FirstCol-1):]) {
			return fn(r.Number, nil, skipTotal)
		}
		if im.labelCol >= 0 && !im.wideRows[label] {
			return nil
		}
		if r.Hidden {
			return fn(r.Number, nil, "hidden")
		}
		for j, ci := range im.wideCols {
			col := t.FirstCol + ci
			v := at(col)
			if a, err := ParseAmount(v.text); v.text == "" || err == nil && a.Value.Sign() == 0 {
				continue // nothing on that day
			}
			row := append(append([]vcell{}, cells...), vcell{im.wideDates[j], t.HeaderRow, col}, v)
			if err := fn(r.Number, row, ""); err != nil {
				return err
			}
		}
		return nil
	}))
}

func rowBlank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// Each reads every row as a record (the same Record, refilled: fn must
// copy what it keeps): the mapped fields parsed, problems named, totals
// and hidden rows skipped. A column whose day/month order the column (or
// the sheet's other date columns) does not settle is asked about in
// Layout.Questions, and its ambiguous cells are problems until the user
// answers.
func (im *Importer) Each(fn func(*Record) error) error {
	fieldOf := make([]*Field, len(im.keys))
	for i, c := range im.Layout.Columns {
		if c.Field != "" {
			fieldOf[i] = im.kind.Field(c.Field)
		}
	}
	orders, err := im.settleOrders(fieldOf)
	if err != nil {
		return err
	}
	im.Layout.Orders = orders
	missing := im.missingFields()
	im.Layout.Defaults = im.layoutDefaults()
	r := &recordFiller{im: im, fieldOf: fieldOf, orders: orders, missing: missing, currencies: im.columnCurrencies(),
		// One record is filled row after row: fn must not keep it.
		rec: &Record{Sheet: im.table.Sheet, Values: map[string]Value{}}, at: im.wb.at}
	if r.at == nil {
		r.at = &Place{}
	}
	// The long pass: read the sheet ahead while rows are checked and stored.
	im.wb.ahead = true
	defer func() { im.wb.ahead = false }()
	return im.eachVirtual(func(row int, cells []vcell, skip string) error {
		return fn(r.fill(row, cells, skip))
	})
}

// dateEvidence is what a date column's cells say about its day/month
// order.
type dateEvidence struct {
	dayFirst, monthFirst, ambiguous bool
	examples                        []string
}

// settleOrders returns each date column's day/month order: the user's,
// or the one a first look at the cells that allow only one (13/02/2025)
// settles, so the whole column is read one way, never guessed row by
// row. Only columns whose first values are typed text need the look: date
// cells and ISO dates say nothing about the order. A column that cannot
// settle is asked about (Layout.Questions).
func (im *Importer) settleOrders(fieldOf []*Field) (map[string]Order, error) {
	orders := map[string]Order{}
	for c, o := range im.opts.Orders {
		orders[c] = o
	}
	ev := map[int]*dateEvidence{}
	for i, f := range fieldOf {
		if f != nil && f.Type == TypeDate {
			ev[i] = &dateEvidence{}
		}
	}
	needScan := false
	for i := range ev {
		if _, ok := orders[im.keys[i]]; ok {
			continue
		}
		for _, v := range im.Layout.Columns[i].Sample {
			if d, m := DayMonth(v); d || m {
				needScan = true
			}
		}
	}
	if !needScan {
		return orders, nil
	}
	if err := im.scanDates(ev); err != nil {
		return nil, err
	}
	// A column that cannot settle its order takes the one the sheet's
	// other date columns agree on: people write one sheet one way.
	settled := map[Order]bool{}
	for _, e := range ev {
		switch {
		case e.dayFirst && !e.monthFirst:
			settled[OrderDayFirst] = true
		case e.monthFirst && !e.dayFirst:
			settled[OrderMonthFirst] = true
		}
	}
	idx := make([]int, 0, len(ev))
	for i := range ev {
		idx = append(idx, i)
	}
	sort.Ints(idx)
	for _, i := range idx {
		e, key := ev[i], im.keys[i]
		if _, ok := orders[key]; ok {
			continue
		}
		switch {
		case e.dayFirst && !e.monthFirst:
			orders[key] = OrderDayFirst
		case e.monthFirst && !e.dayFirst:
			orders[key] = OrderMonthFirst
		case e.ambiguous && !e.dayFirst && !e.monthFirst && im.opts.DateOrder != "":
			orders[key] = im.opts.DateOrder
		case e.ambiguous && !e.dayFirst && !e.monthFirst && len(settled) == 1:
			for o := range settled {
				orders[key] = o
			}
		case e.ambiguous || e.dayFirst && e.monthFirst:
			im.Layout.Questions = append(im.Layout.Questions, Question{Column: key, Header: im.heads[i], Examples: e.examples})
		}
	}
	return orders, nil
}

// scanDates reads the date columns' cells for what they say about their
// order.
func (im *Importer) scanDates(ev map[int]*dateEvidence) error {
	return im.eachVirtual(func(row int, cells []vcell, skip string) error {
		for i, e := range ev {
			if skip != "" || i >= len(cells) {
				continue
			}
			d, m := DayMonth(cells[i].text)
			switch {
			case d && m:
				e.ambiguous = true
				if len(e.examples) < 3 {
					e.examples = append(e.examples, cells[i].text)
				}
			case d:
				e.dayFirst = true
			case m:
				e.monthFirst = true
			}
		}
		return nil
	})
}

// missingFields lists (in Layout.Missing) the required fields no column
// holds and no value set for every row fills.
func (im *Importer) missingFields() map[string]bool {
	im.Layout.Missing = []string{}
	missing := map[string]bool{}
	for _, f := range im.kind.Fields {
		if !f.Required || strings.TrimSpace(im.opts.Constants[f.Key]) != "" {
			continue
		}
		mapped := false
		for _, c := range im.Layout.Columns {
			mapped = mapped || c.Field == f.Key
		}
		if !mapped {
			missing[f.Key] = true
			im.Layout.Missing = append(im.Layout.Missing, f.Key)
		}
	}
	return missing
}

// recordFiller fills the one Record of Each from each row.
type recordFiller struct {
	im         *Importer
	fieldOf    []*Field
	orders     map[string]Order
	missing    map[string]bool
	currencies []string
	rec        *Record
	at         *Place
}

// fill refills the record from one row: its cells, the values set for
// every row, the defaults, and a problem for each required field left
// empty.
func (r *recordFiller) fill(row int, cells []vcell, skip string) *Record {
	im, k, rec, at := r.im, r.im.kind, r.rec, r.at
	clear(rec.Values)
	rec.Row, rec.Problems, rec.Skip = row, nil, ""
	if rec.Sheet = im.table.Sheet; im.curSheet != "" {
		rec.Sheet = im.curSheet
	}
	at.Row = row
	if skip != "" {
		rec.Skip = skip
		return rec
	}
	if im.manySheets() && im.excludeAt[fmt.Sprintf("%s!%d", rec.Sheet, row)] || !im.manySheets() && im.exclude[row] {
		rec.Skip = "excluded"
		return rec
	}
	for i, f := range r.fieldOf {
		if f == nil || i >= len(cells) || cells[i].text == "" {
			continue
		}
		c := cells[i]
		rec.Values[f.Key] = Value{Text: c.text, Col: c.col, Row: c.row}
	}
	for key, text := range im.opts.Constants {
		if _, ok := rec.Values[key]; !ok && strings.TrimSpace(text) != "" && k.Field(key) != nil {
			rec.Values[key] = Value{Text: strings.TrimSpace(text)}
		}
	}
	for i, f := range r.fieldOf {
		if f == nil {
			continue
		}
		v, ok := rec.Values[f.Key]
		if !ok {
			continue
		}
		at.Col = v.Col
		im.parse(rec, f, v, r.orders[im.keys[i]], r.currencies[i])
	}
	at.Col = 0
	for key, text := range im.opts.Constants {
		if f := k.Field(key); f != nil && rec.Values[key].Col == 0 && strings.TrimSpace(text) != "" {
			im.parse(rec, f, rec.Values[key], Order(""), "")
		}
	}
	im.applyDefaults(rec)
	flagged := map[string]bool{}
	for _, p := range rec.Problems {
		flagged[p.Field] = true
	}
	for _, f := range k.Fields {
		if f.Required && !rec.Has(f.Key) && !flagged[f.Key] && !r.missing[f.Key] {
			rec.Problems = append(rec.Problems, Problem{Sheet: rec.Sheet, Row: row, Field: f.Key, Key: "import.missing",
				Params: map[string]any{"field": f.Key}, Message: problemText(rec.Sheet, row, "", "", fmt.Sprintf("%s is empty; fill it in, set a value for every row, or exclude the row.", f.Key))})
		}
	}
	if len(r.missing) > 0 {
		rec.Skip = "missing"
	}
	return rec
}
