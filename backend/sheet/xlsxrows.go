package sheet

// Streaming an .xlsx sheet's rows and reading its merged ranges and
// hidden columns.

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
)

// eachRow streams a sheet's rows: stored values (shared strings looked
// up, booleans as TRUE/FALSE, errors as written), their style indexes,
// and whether the row is hidden. fn returning io.EOF stops early.
func (x *xlsxFile) eachRow(name string, fn func(Row) error) error {
	return x.scanRows(name, fn)
}

// eachRowAhead is eachRow with the sheet read and unzipped on another
// goroutine, a few hundred rows ahead of fn: reading and what fn does
// with the rows (checking, writing to the store) overlap.
func (x *xlsxFile) eachRowAhead(name string, fn func(Row) error) error {
	const batch = 256
	batches := make(chan []Row, 8)
	done := make(chan struct{})
	// Stop the reader however this returns (an error, or a panic in fn).
	stop := sync.OnceFunc(func() { close(done) })
	defer stop()
	var readErr error
	go func() {
		defer close(batches)
		defer func() {
			if p := recover(); p != nil {
				readErr = fmt.Errorf("%v", p)
			}
		}()
		buf := make([]Row, 0, batch)
		err := x.scanRows(name, func(r Row) error {
			buf = append(buf, r)
			if len(buf) == batch {
				select {
				case batches <- buf:
				case <-done:
					return io.EOF
				}
				buf = make([]Row, 0, batch)
			}
			return nil
		})
		if err == nil && len(buf) > 0 {
			select {
			case batches <- buf:
			case <-done:
			}
		}
		if err != io.EOF {
			readErr = err
		}
	}()
	var fnErr error
	for rows := range batches {
		if fnErr != nil {
			continue // drain, so the reader ends
		}
		for _, r := range rows {
			if fnErr = fn(r); fnErr != nil {
				stop()
				break
			}
		}
	}
	if fnErr != nil {
		return fnErr
	}
	return readErr
}

// scanRows reads a sheet's XML tag by tag into rows. It stays one loop
// over one switch, longer than the functions around it, because it runs
// for every tag of a sheet that may hold millions of cells and every case
// shares the same state (the row, the cell, the text being captured);
// what happens once per row or per <col> is in helpers.
//
// long: one loop over one switch on the hot path of every import (see above).
func (x *xlsxFile) scanRows(name string, fn func(Row) error) error {
	s, err := x.sheet(name)
	if err != nil {
		return err
	}
	rc, err := x.part(s.part)
	if err != nil {
		return err
	}
	defer rc.Close()
	sc := &xmlScan{r: bufio.NewReaderSize(rc, 64<<10)}
	var row Row
	inRow, next := false, 1
	var cell struct {
		col, style int
		typ        string
		val        []byte
		inline     bool
	}
	var text bytes.Buffer
	capture := false
	emit := func() error {
		inRow = false
		return fn(row)
	}
	for {
		tag, attrs, closing, selfClosing, err := sc.nextTag(capture, &text)
		if err == io.EOF {
			if inRow {
				return emit()
			}
			return nil
		}
		if err != nil {
			return err
		}
		switch tag {
		case "row":
			if closing {
				if err := emit(); err != nil {
					return err
				}
				continue
			}
			row = rowStart(attrs, next)
			next = row.Number + 1
			inRow = !selfClosing
			if selfClosing {
				if err := fn(row); err != nil {
					return err
				}
			}
		case "c":
			if closing {
				x.setCell(&row, cell.col, cell.style, cell.typ, cell.val)
				continue
			}
			cell.col = cellColumn(attrs, len(row.Cells)+1)
			cell.style, _ = strconv.Atoi(attr(attrs, "s"))
			cell.typ = attr(attrs, "t")
			cell.val = cell.val[:0]
			cell.inline = false
			if selfClosing {
				x.setCell(&row, cell.col, cell.style, cell.typ, nil)
			}
		case "v":
			if !closing && !selfClosing {
				capture = true
				text.Reset()
			} else if closing {
				capture = false
				cell.val = append(cell.val[:0], text.Bytes()...)
			}
		case "is":
			cell.inline = !closing
			if !closing {
				cell.val = cell.val[:0]
			}
		case "t":
			if cell.inline && !closing && !selfClosing {
				capture = true
				text.Reset()
			} else if cell.inline && closing {
				capture = false
				cell.val = append(cell.val, text.Bytes()...)
			}
		case "col":
			// Column widths and visibility come before the rows.
			if !closing {
				x.hideColumns(name, attrs)
			}
		case "sheetData":
			if closing {
				if inRow {
					return emit()
				}
				return nil
			}
		}
	}
}

// rowStart is the row a <row> tag opens: numbered by its r attribute, or
// next after the one before.
func rowStart(attrs []xmlAttr, next int) Row {
	row := Row{Number: next}
	if v := attr(attrs, "r"); v != "" {
		if n, err := strconv.Atoi(v); err == nil && n > 0 && n < 1<<21 {
			row.Number = n
		}
	}
	hidden := attr(attrs, "hidden")
	row.Hidden = hidden == "1" || hidden == "true"
	return row
}

// cellColumn is the column a <c> tag's reference names, or next.
func cellColumn(attrs []xmlAttr, next int) int {
	if ref := attr(attrs, "r"); ref != "" {
		if c := columnOf(ref); c > 0 {
			return c
		}
	}
	return next
}

// hideColumns notes the columns a hidden <col> tag covers.
func (x *xlsxFile) hideColumns(name string, attrs []xmlAttr) {
	if h := attr(attrs, "hidden"); h != "1" && h != "true" {
		return
	}
	lo, _ := strconv.Atoi(attr(attrs, "min"))
	hi, _ := strconv.Atoi(attr(attrs, "max"))
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.hidden[name] == nil {
		x.hidden[name] = map[int]bool{}
	}
	for c := max(lo, 1); c <= min(hi, 16384); c++ {
		x.hidden[name][c] = true
	}
}

func (x *xlsxFile) setCell(row *Row, col, style int, typ string, val []byte) {
	if col < 1 || col > 16384 {
		return
	}
	var s string
	switch typ {
	case "s":
		if i, err := strconv.Atoi(string(val)); err == nil {
			s = x.sharedString(i)
		}
	case "b":
		if string(val) == "1" {
			s = "TRUE"
		} else if len(val) > 0 {
			s = "FALSE"
		}
	default: // n, str, inlineStr, e, d
		s = string(val)
	}
	for len(row.Cells) < col {
		row.Cells = append(row.Cells, "")
		row.Styles = append(row.Styles, 0)
	}
	row.Cells[col-1] = s
	row.Styles[col-1] = style
}

// mergesOf finds a sheet's merged ranges (they follow the rows in the
// sheet's XML) and the text of each range's first cell.
func (x *xlsxFile) mergesOf(name string) ([]mergeRange, error) {
	x.mu.Lock()
	m, ok := x.merges[name]
	x.mu.Unlock()
	if ok {
		return m, nil
	}
	s, err := x.sheet(name)
	if err != nil {
		return nil, err
	}
	rc, err := x.part(s.part)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	sc := &xmlScan{r: bufio.NewReaderSize(rc, 64<<10)}
	var text bytes.Buffer
	for {
		tag, attrs, closing, _, err := sc.nextTag(false, &text)
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if tag == "mergeCell" && !closing {
			a, b, _ := strings.Cut(attr(attrs, "ref"), ":")
			c1, r1 := cellCoords(a)
			c2, r2 := cellCoords(b)
			if c1 > 0 && r1 > 0 && c2 >= c1 && r2 >= r1 {
				m = append(m, mergeRange{c1: c1, r1: r1, c2: c2, r2: r2})
			}
		}
	}
	// The text of each range is its top-left cell's.
	if len(m) > 0 {
		want := map[int]bool{}
		last := 0
		for _, r := range m {
			want[r.r1] = true
			last = max(last, r.r1)
		}
		err := x.eachRow(name, func(row Row) error {
			if want[row.Number] {
				for i := range m {
					if m[i].r1 == row.Number && m[i].c1 <= len(row.Cells) {
						m[i].value = row.Cells[m[i].c1-1]
					}
				}
			}
			if row.Number >= last {
				return io.EOF
			}
			return nil
		})
		if err != nil && err != io.EOF {
			return nil, err
		}
	}
	x.mu.Lock()
	x.merges[name] = m
	x.mu.Unlock()
	return m, nil
}

// columnOf reads the column of a cell reference ("AB12" → 28).
func columnOf(ref string) int {
	c := 0
	for i := 0; i < len(ref); i++ {
		ch := ref[i] | 0x20
		if ch < 'a' || ch > 'z' {
			break
		}
		c = c*26 + int(ch-'a'+1)
		if c > 16384 {
			return 0
		}
	}
	return c
}

func cellCoords(ref string) (int, int) {
	c := columnOf(ref)
	i := strings.IndexFunc(ref, func(r rune) bool { return r >= '0' && r <= '9' })
	if c == 0 || i < 0 {
		return 0, 0
	}
	r, err := strconv.Atoi(ref[i:])
	if err != nil {
		return 0, 0
	}
	return c, r
}

// hiddenColumn reports whether a sheet's column is hidden (known once the
// sheet has been read from its start).
func (x *xlsxFile) hiddenColumn(sheet string, col int) bool {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.hidden[sheet][col]
}
