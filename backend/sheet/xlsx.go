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

// format is the number format of a cell style ("" when plain).
func (x *xlsxFile) format(style int) string {
	if style >= 0 && style < len(x.formats) {
		return x.formats[style]
	}
	return ""
}
