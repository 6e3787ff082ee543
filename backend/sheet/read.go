package sheet

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"mopsdesk/backend"
)

// Limits for reading workbooks: excelize can allocate without bound on
// malformed files, so unzipped sizes are capped and parser panics are
// turned into errors.
const (
	maxUnzipped    = 8 << 30 // the whole workbook, unzipped
	maxUnzippedXML = 4 << 30 // one sheet's XML (streamed, never held whole)
	// A part that unpacks to more than bombSize at more than bombRatio
	// times its packed size is a zip bomb, not a spreadsheet: real sheets
	// pack 5 to 50 times.
	bombSize       = 256 << 20
	bombRatio      = 200
	headerScanRows = 30 // rows searched for the header
)

// Workbook is an opened spreadsheet: an .xlsx/.xlsm workbook or a CSV file
// (one sheet, named after the file).
type Workbook struct {
	name string
	xlsx *xlsxFile
	// ahead reads sheets on another goroutine while rows are used (set
	// for the long passes of an import).
	ahead bool
	csv   *csvFile
	// at is where reading has got to, for Guard (nil: not tracked).
	at *Place
}

// Open reads a spreadsheet from r. Formats MOps Desk does not read are
// refused with a message that says how to convert them; a damaged file is
// an error that names the file, never a crash.
func Open(r io.ReaderAt, size int64, name string) (wb *Workbook, err error) {
	f := Detect(r, size)
	if f == FormatUnknown {
		// A zip that cannot be read at all is a cut-off workbook more
		// often than some other kind of file.
		head := make([]byte, 4)
		if n, _ := r.ReadAt(head, 0); n == 4 && string(head) == "PK\x03\x04" && !zipReadable(r, size) {
			return nil, damaged(name, fmt.Errorf("the zip archive is incomplete"))
		}
	}
	if err := Refusal(f, name); err != nil {
		return nil, err
	}
	defer func() {
		if p := recover(); p != nil {
			wb, err = nil, damaged(name, fmt.Errorf("%v", p))
		}
	}()
	if f == FormatCSV {
		c, err := openCSV(r, size)
		if err != nil {
			return nil, damaged(name, err)
		}
		return &Workbook{name: name, csv: c}, nil
	}
	x, err := openXLSX(r, size)
	if err != nil {
		return nil, damaged(name, err)
	}
	return &Workbook{name: name, xlsx: x}, nil
}

func damaged(name string, err error) error {
	return &backend.Error{Code: backend.EINVALID,
		Message: fmt.Sprintf("%q could not be read: it is damaged or cut off (%v). Open it in Excel or LibreOffice, save it again, and import the new file.", name, err),
		Fields:  map[string]backend.FieldError{"file": {Key: "import.damaged", Params: map[string]any{"name": name}}}}
}

// Close releases the workbook.
func (w *Workbook) Close() error {
	return nil
}

// Sheets lists the sheet names exactly as stored (stray spaces included;
// the UI quotes them).
func (w *Workbook) Sheets() []string {
	if w.xlsx == nil {
		return []string{w.name}
	}
	names := make([]string, len(w.xlsx.sheets))
	for i, sh := range w.xlsx.sheets {
		names[i] = sh.name
	}
	return names
}

// Row is one row of a sheet as the user sees it: formatted cell texts (a
// formula cell gives its cached value), 1-based row number.
type Row struct {
	Number int      `json:"number"`
	Cells  []string `json:"cells"`
	Hidden bool     `json:"hidden"`
	// Styles are the cells' style indexes (xlsx only), for their number
	// formats.
	Styles []int `json:"-"`
}

// callerError carries an error the row callback returned through the
// reader untouched.
type callerError struct{ err error }

func (e callerError) Error() string { return e.err.Error() }

// eachRawRow streams a sheet's rows; fn returning io.EOF stops early.
// A panic in the reader is a damaged file; a panic in fn is not (it is
// checking or storing the row): it goes on up to the import's Guard, with
// the sheet and row noted in the workbook's Place.
func (w *Workbook) eachRawRow(sheet string, fn func(Row) error) (err error) {
	inFn := false
	at := w.at
	if at == nil {
		at = &Place{}
	}
	at.Sheet = sheet
	defer func() {
		if inFn {
			return // not recovered: fn's panic, at still names its row
		}
		at.Row, at.Col = 0, 0
		if p := recover(); p != nil {
			err = damaged(w.name, fmt.Errorf("%v", p))
		}
	}()
	call := func(r Row) error {
		inFn, at.Row, at.Col = true, r.Number, 0
		err := fn(r)
		inFn = false
		return err
	}
	if w.xlsx == nil {
		err := w.csv.each(call)
		var ce csvError
		if errors.As(err, &ce) {
			return damaged(w.name, ce.err)
		}
		return ignoreEOF(err)
	}
	read := w.xlsx.eachRow
	if w.ahead {
		read = w.xlsx.eachRowAhead
	}
	err = read(sheet, func(r Row) error {
		if err := call(r); err != nil {
			return callerError{err}
		}
		return nil
	})
	var ce callerError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &ce):
		return ignoreEOF(ce.err)
	case strings.Contains(err.Error(), "does not exist"):
		return fmt.Errorf("sheet %q: %w", sheet, err)
	}
	return damaged(w.name, err)
}

func ignoreEOF(err error) error {
	if err == io.EOF {
		return nil
	}
	return err
}

// EachRow streams the data rows under a table's header, cells cut to the
// table's columns, with blank rows left out.
func (w *Workbook) EachRow(t *Found, fn func(Row) error) error {
	return w.eachRawRow(t.Sheet, func(r Row) error {
		if r.Number <= t.HeaderRow {
			return nil
		}
		cells := make([]string, len(t.Headers))
		blank := true
		for i := range cells {
			if c := t.FirstCol - 1 + i; c < len(r.Cells) {
				cells[i] = r.Cells[c]
				blank = blank && strings.TrimSpace(cells[i]) == ""
			}
		}
		if blank {
			return nil
		}
		r.Cells = cells
		return fn(r)
	})
}

// sniffDelimiter picks the separator that splits the first lines into the
// most columns, the same number on each line.
func sniffDelimiter(raw []byte) rune {
	lines := strings.SplitN(string(raw[:min(len(raw), sniffBytes)]), "\n", 6)
	if len(lines) > 5 {
		lines = lines[:5]
	}
	best, bestScore := ',', 0
	for _, d := range []rune{',', ';', '\t', '|'} {
		counts := map[int]int{}
		for _, l := range lines {
			if strings.TrimSpace(l) != "" {
				counts[strings.Count(l, string(d))]++
			}
		}
		for n, lines := range counts {
			if score := n * lines * lines; n > 0 && score > bestScore {
				best, bestScore = d, score
			}
		}
	}
	return best
}
