package sheet

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"

	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// csvFile is comma-, semicolon- or tab-separated text in UTF-8 (with or
// without a byte order mark) or UTF-16 (with one), read row by row each
// time its rows are wanted: a file of any length takes the memory of one
// row, not of the whole file.
type csvFile struct {
	r     io.ReaderAt
	size  int64
	utf16 bool
	skip  int64 // a UTF-8 byte order mark
	comma rune
}

// sniffBytes is how much of the file's start the delimiter is guessed
// from (its first lines).
const sniffBytes = 1 << 20

func openCSV(r io.ReaderAt, size int64) (*csvFile, error) {
	c := &csvFile{r: r, size: size}
	head := make([]byte, 3)
	n, err := r.ReadAt(head, 0)
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, err
	}
	head = head[:n]
	switch {
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		c.utf16 = true
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		c.skip = 3
	}
	br := bufio.NewReaderSize(c.text(), sniffBytes)
	start, err := br.Peek(sniffBytes)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, err
	}
	if len(start) == sniffBytes {
		// Only whole lines say how many columns a line has.
		if i := bytes.LastIndexByte(start, '\n'); i > 0 {
			start = start[:i]
		}
	}
	c.comma = sniffDelimiter(start)
	return c, nil
}

// text is the file's text from its start, in UTF-8.
func (c *csvFile) text() io.Reader {
	sr := io.NewSectionReader(c.r, c.skip, c.size-c.skip)
	if c.utf16 {
		return transform.NewReader(sr, xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM).NewDecoder())
	}
	return sr
}

// csvError is text the CSV reader could not read: the file is damaged.
type csvError struct{ err error }

func (e csvError) Error() string { return e.err.Error() }

// each reads the rows in order (numbered from 1, one per record); fn's
// error ends the reading and is returned as it is.
func (c *csvFile) each(fn func(Row) error) error {
	cr := csv.NewReader(bufio.NewReaderSize(c.text(), 64<<10))
	cr.Comma = c.comma
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	for n := 1; ; n++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return csvError{err}
		}
		if err := fn(Row{Number: n, Cells: rec}); err != nil {
			return err
		}
	}
}
