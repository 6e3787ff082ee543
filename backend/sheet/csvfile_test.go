package sheet

import (
	"bytes"
	"fmt"
	"io"
	"sync/atomic"
	"testing"
)

// countingReader counts the bytes read through it.
type countingReader struct {
	r    io.ReaderAt
	read atomic.Int64
}

func (c *countingReader) ReadAt(p []byte, off int64) (int, error) {
	n, err := c.r.ReadAt(p, off)
	c.read.Add(int64(n))
	return n, err
}

// A CSV export is read row by row: opening it and reading its first rows
// reads its first lines, not the whole file (it was read and parsed whole
// into memory at Open, ~8 times its size for a year of daily rows).
func TestCSV_StreamsRows(t *testing.T) {
	var buf bytes.Buffer
	buf.WriteString("Day,Campaign,Cost\n")
	for i := 0; buf.Len() < 24<<20; i++ {
		fmt.Fprintf(&buf, "2025-01-%02d,Campaign %d,%d.25\n", 1+i%28, i%500, i%900)
	}
	data := buf.Bytes()
	cr := &countingReader{r: bytes.NewReader(data)}
	wb, err := Open(cr, int64(len(data)), "ads.csv")
	if err != nil {
		t.Fatal(err)
	}
	var first []Row
	err = wb.EachSheetRow("ads.csv", func(r Row) error {
		first = append(first, r)
		if len(first) == 3 {
			return io.EOF
		}
		return nil
	})
	if err != nil || len(first) != 3 || first[1].Cells[1] != "Campaign 0" || first[2].Number != 3 {
		t.Fatalf("rows %+v, %v", first, err)
	}
	if got := cr.read.Load(); got > 4<<20 {
		t.Fatalf("read %d bytes of a %d-byte file for three rows", got, len(data))
	}
	rows := 0
	if err := wb.EachSheetRow("ads.csv", func(r Row) error { rows++; return nil }); err != nil {
		t.Fatal(err)
	}
	if want := bytes.Count(data, []byte("\n")); rows != want {
		t.Fatalf("%d rows, want %d", rows, want)
	}
}

// A quoted field that spans lines is one record; the rows are numbered
// by record, as before.
func TestCSV_QuotedNewlines(t *testing.T) {
	data := []byte("Campaign;Note\n\"Launch\";\"two\nlines\"\nWebinar;x\n")
	wb, err := Open(bytes.NewReader(data), int64(len(data)), "a.csv")
	if err != nil {
		t.Fatal(err)
	}
	var got []Row
	if err := wb.EachSheetRow("a.csv", func(r Row) error { got = append(got, r); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got[1].Cells[1] != "two\nlines" || got[2].Number != 3 || got[2].Cells[0] != "Webinar" {
		t.Fatalf("%+v", got)
	}
}
