package sheet

import (
	"bytes"
	"encoding/binary"
	"strings"
	"testing"

	"mopsdesk/backend"
)

// fieldKey is the message key an error carries for the UI.
func fieldKey(err error) string {
	var e *backend.Error
	if !asError(err, &e) {
		return ""
	}
	for _, f := range e.Fields {
		return f.Key
	}
	return ""
}

func asError(err error, out **backend.Error) bool {
	e, ok := err.(*backend.Error)
	*out = e
	return ok
}

// protectedXLS is a minimal compound file whose Workbook stream starts
// with a BOF record and then FILEPASS: an .xls saved with a password.
func protectedXLS(filepass bool) []byte {
	b := make([]byte, 512*3)
	copy(b, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1})
	binary.LittleEndian.PutUint16(b[0x1E:], 9) // 512-byte sectors
	binary.LittleEndian.PutUint32(b[0x30:], 0) // directory in sector 0
	dir := b[512:1024]
	name := "Workbook"
	for i, r := range name {
		binary.LittleEndian.PutUint16(dir[128+2*i:], uint16(r))
	}
	binary.LittleEndian.PutUint16(dir[128+0x40:], uint16(2*len(name)+2))
	dir[128+0x42] = 2                                // a stream
	binary.LittleEndian.PutUint32(dir[128+0x74:], 1) // starting in sector 1
	binary.LittleEndian.PutUint32(dir[128+0x78:], 8192)
	wb := b[1024:]
	binary.LittleEndian.PutUint16(wb[0:], 0x0809) // BOF
	binary.LittleEndian.PutUint16(wb[2:], 16)
	next := uint16(0x0042) // CODEPAGE
	if filepass {
		next = 0x002F
	}
	binary.LittleEndian.PutUint16(wb[20:], next)
	return b
}

func TestOpen_MessagesSayWhatTheFileIs(t *testing.T) {
	for name, tc := range map[string]struct {
		data []byte
		key  string
	}{
		"Empty":         {nil, "import.format_empty"},
		"ProtectedXLS":  {protectedXLS(true), "import.format_xls_protected"},
		"PlainXLS":      {protectedXLS(false), "import.format_xls"},
		"ZippedXLSB":    {zipWith(t, map[string]string{"Q3 report.xlsb": "x"}), "import.format_zipped_xlsb"},
		"ZippedNumbers": {zipWith(t, map[string]string{"Budget.numbers/Index/Document.iwa": "x", "Budget.numbers/Metadata/Properties.plist": "x"}), "import.format_zipped_numbers"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := Open(bytes.NewReader(tc.data), int64(len(tc.data)), "in.file")
			if got := fieldKey(err); got != tc.key {
				t.Fatalf("key %q, want %q (%v)", got, tc.key, err)
			}
		})
	}
}

// A readable sheet with no header row says so, and shows what it found.
func TestFindTable_NoHeaderShowsWhatItFound(t *testing.T) {
	wb := book(t, map[string][][]any{"Data": {
		{1200, "2025-01-01", 3},
		{1300, "2025-02-01", 4},
	}}, nil)
	_, err := wb.FindTable("Data")
	if fieldKey(err) != "import.no_header" {
		t.Fatalf("key %q: %v", fieldKey(err), err)
	}
	msg := backend.ErrorMessage(err)
	if !strings.Contains(msg, "1200") || !strings.Contains(msg, "row 1") {
		t.Fatalf("the message does not show the first row: %s", msg)
	}
	e := err.(*backend.Error)
	if p := e.Fields["sheet"].Params; p["found"] == "" || p["row"] != 1 {
		t.Fatalf("params %v", p)
	}
	wb = book(t, map[string][][]any{"Blank": {}}, nil)
	if _, err := wb.FindTable("Blank"); fieldKey(err) != "import.sheet_empty" {
		t.Fatalf("an empty sheet: key %q: %v", fieldKey(err), err)
	}
}
