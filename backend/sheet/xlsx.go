package sheet

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
	"sync"
	"unsafe"
)

// xlsxFile reads an .xlsx/.xlsm workbook straight from its zip: the
// workbook, styles and shared strings once, then each sheet's XML as a
// stream, row by row. Excelize's row iterator keeps the whole unzipped
// package in memory and its cell lookups load the full sheet model; an
// importer reading 100,000 rows needs neither.
type xlsxFile struct {
	zr     *zip.Reader
	sheets []xlsxSheet
	// sharedText holds the shared strings one after another; sharedEnds
	// where each ends.
	sharedText string
	sharedEnds []uint32
	date1904   bool
	formats    []string // by cell style index: the number format code
	// where the shared strings and styles are, from the workbook's rels
	sharedPart, stylesPart string
	mu                     sync.Mutex
	merges                 map[string][]mergeRange
	hidden                 map[string]map[int]bool // sheet → hidden columns
}

type xlsxSheet struct {
	name, part string
}

type mergeRange struct {
	c1, r1, c2, r2 int
	value          string
}

var errTooBig = errors.New("it unpacks to more than MOps Desk reads")

// open checks the sizes the zip declares, then reads the small parts.
func openXLSX(r io.ReaderAt, size int64) (*xlsxFile, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, err
	}
	var total uint64
	for _, f := range zr.File {
		total += f.UncompressedSize64
		if f.UncompressedSize64 > maxUnzippedXML || total > maxUnzipped ||
			f.UncompressedSize64 > bombSize && f.UncompressedSize64 > bombRatio*max(f.CompressedSize64, 1) {
			return nil, errTooBig
		}
	}
	x := &xlsxFile{zr: zr, merges: map[string][]mergeRange{}, hidden: map[string]map[int]bool{}}
	if err := x.readWorkbook(); err != nil {
		return nil, err
	}
	if err := x.readStyles(); err != nil {
		return nil, err
	}
	if err := x.readShared(); err != nil {
		return nil, err
	}
	return x, nil
}

// part opens a zip member by name (case-insensitively, as Excel does),
// never unpacking more than its declared size allows.
func (x *xlsxFile) part(name string) (io.ReadCloser, error) {
	return x.partLimit(name, maxUnzippedXML)
}

// maxSmallPart bounds the parts read whole into memory: the workbook,
// styles and the shared strings (a million 60-character texts fit).
const maxSmallPart = 128 << 20

func (x *xlsxFile) partLimit(name string, limit int64) (io.ReadCloser, error) {
	name = strings.TrimPrefix(name, "/")
	for _, f := range x.zr.File {
		if strings.EqualFold(f.Name, name) {
			rc, err := f.Open()
			if err != nil {
				return nil, err
			}
			return struct {
				io.Reader
				io.Closer
			}{io.LimitReader(rc, limit), rc}, nil
		}
	}
	return nil, fmt.Errorf("the part %s is missing", name)
}

func (x *xlsxFile) decode(name string, v any) error {
	rc, err := x.partLimit(name, maxSmallPart)
	if err != nil {
		return err
	}
	defer rc.Close()
	return xml.NewDecoder(rc).Decode(v)
}

func (x *xlsxFile) readWorkbook() error {
	var rels struct {
		Rel []struct {
			ID     string `xml:"Id,attr"`
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	// The workbook is named by the package's own relationships.
	wbPath := "xl/workbook.xml"
	var root struct {
		Rel []struct {
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := x.decode("_rels/.rels", &root); err == nil {
		for _, r := range root.Rel {
			if strings.HasSuffix(r.Type, "/officeDocument") {
				wbPath = strings.TrimPrefix(r.Target, "/")
			}
		}
	}
	dir := path.Dir(wbPath)
	if err := x.decode(path.Join(dir, "_rels", path.Base(wbPath)+".rels"), &rels); err != nil {
		return err
	}
	var wb struct {
		Pr struct {
			Date1904 string `xml:"date1904,attr"`
		} `xml:"workbookPr"`
		Sheets []struct {
			Name string `xml:"name,attr"`
			// r:id, in the Transitional or the Strict relationships
			// namespace (no other attribute of <sheet> is called id).
			RID string `xml:"id,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := x.decode(wbPath, &wb); err != nil {
		return err
	}
	x.date1904 = wb.Pr.Date1904 == "1" || wb.Pr.Date1904 == "true"
	x.sharedPart, x.stylesPart = "xl/sharedStrings.xml", "xl/styles.xml"
	for _, r := range rels.Rel {
		target := path.Join(dir, r.Target)
		if strings.HasPrefix(r.Target, "/") {
			target = strings.TrimPrefix(r.Target, "/")
		}
		switch {
		case strings.HasSuffix(r.Type, "/sharedStrings"):
			x.sharedPart = target
		case strings.HasSuffix(r.Type, "/styles"):
			x.stylesPart = target
		}
	}
	for _, s := range wb.Sheets {
		for _, r := range rels.Rel {
			if r.ID == s.RID {
				p := r.Target
				if strings.HasPrefix(p, "/") {
					p = strings.TrimPrefix(p, "/")
				} else {
					p = path.Join(dir, p)
				}
				x.sheets = append(x.sheets, xlsxSheet{name: s.Name, part: p})
			}
		}
	}
	if len(x.sheets) == 0 {
		return errors.New("it has no sheets")
	}
	return nil
}

// builtinFormats are the number formats Excel does not write out.
var builtinFormats = map[int]string{14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 22: "m/d/yy h:mm", 5: `"$"#,##0_);("$"#,##0)`, 6: `"$"#,##0_);[Red]("$"#,##0)`, 7: `"$"#,##0.00_);("$"#,##0.00)`, 8: `"$"#,##0.00_);[Red]("$"#,##0.00)`}

func (x *xlsxFile) readStyles() error {
	var st struct {
		NumFmts []struct {
			ID   int    `xml:"numFmtId,attr"`
			Code string `xml:"formatCode,attr"`
		} `xml:"numFmts>numFmt"`
		Xfs []struct {
			NumFmt int `xml:"numFmtId,attr"`
		} `xml:"cellXfs>xf"`
	}
	if err := x.decode(x.stylesPart, &st); err != nil {
		return nil // no styles: every cell plain
	}
	codes := map[int]string{}
	for k, v := range builtinFormats {
		codes[k] = v
	}
	for _, f := range st.NumFmts {
		codes[f.ID] = f.Code
	}
	for _, xf := range st.Xfs {
		x.formats = append(x.formats, codes[xf.NumFmt])
	}
	return nil
}

// readShared reads the shared string table: each item's text runs joined.
// readShared reads the shared strings into one text (sharedText) and
// where each ends (sharedEnds): a workbook of a million strings holds its
// text once, not a string header and an allocation per string.
func (x *xlsxFile) readShared() error {
	rc, err := x.partLimit(x.sharedPart, maxSmallPart)
	if err != nil {
		return nil // a workbook without text
	}
	defer rc.Close()
	// The text is at most the part's size: room for it once, no regrowth.
	var all bytes.Buffer
	for _, f := range x.zr.File {
		if strings.EqualFold(f.Name, strings.TrimPrefix(x.sharedPart, "/")) {
			all.Grow(int(min(f.UncompressedSize64, maxSmallPart)))
		}
	}
	sc := &xmlScan{r: bufio.NewReaderSize(rc, 64<<10)}
	var ends []uint32
	inT, inRPh := false, false
	for {
		name, attrs, closing, self, err := sc.nextTag(inT && !inRPh, &all)
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		switch {
		case name == "sst" && !closing:
			if n, err := strconv.Atoi(attr(attrs, "uniqueCount")); err == nil && n > 0 {
				ends = make([]uint32, 0, min(n, all.Cap()/8+1))
			}
		case name == "si" && closing:
			ends = append(ends, uint32(all.Len()))
		case name == "si" && self:
			ends = append(ends, uint32(all.Len()))
		case name == "t":
			inT = !closing && !self
		case name == "rPh":
			inRPh = !closing && !self // phonetic hints are not the cell's text
		}
	}
	if b := all.Bytes(); len(b) > 0 {
		// The buffer is never written again: the text can share it.
		x.sharedText = unsafe.String(&b[0], len(b))
	}
	x.sharedEnds = ends
	return nil
}

// sharedString is shared string i ("" when there is none).
func (x *xlsxFile) sharedString(i int) string {
	if i < 0 || i >= len(x.sharedEnds) {
		return ""
	}
	start := uint32(0)
	if i > 0 {
		start = x.sharedEnds[i-1]
	}
	return x.sharedText[start:x.sharedEnds[i]]
}

func (x *xlsxFile) sheet(name string) (xlsxSheet, error) {
	for _, s := range x.sheets {
		if s.name == name {
			return s, nil
		}
	}
	return xlsxSheet{}, fmt.Errorf("sheet %q does not exist", name)
}

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
			row = Row{Number: next}
			if v := attr(attrs, "r"); v != "" {
				if n, err := strconv.Atoi(v); err == nil && n > 0 && n < 1<<21 {
					row.Number = n
				}
			}
			hidden := attr(attrs, "hidden")
			row.Hidden = hidden == "1" || hidden == "true"
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
			cell.col = len(row.Cells) + 1
			if ref := attr(attrs, "r"); ref != "" {
				if c := columnOf(ref); c > 0 {
					cell.col = c
				}
			}
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
			if !closing && (attr(attrs, "hidden") == "1" || attr(attrs, "hidden") == "true") {
				lo, _ := strconv.Atoi(attr(attrs, "min"))
				hi, _ := strconv.Atoi(attr(attrs, "max"))
				x.mu.Lock()
				if x.hidden[name] == nil {
					x.hidden[name] = map[int]bool{}
				}
				for c := max(lo, 1); c <= min(hi, 16384); c++ {
					x.hidden[name][c] = true
				}
				x.mu.Unlock()
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

// format is the number format of a cell style ("" when plain).
func (x *xlsxFile) format(style int) string {
	if style >= 0 && style < len(x.formats) {
		return x.formats[style]
	}
	return ""
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
