package sheet

import (
	"archive/zip"
	"bytes"
	"os"
	"testing"

	"mopsdesk/backend"
)

func zipWith(t *testing.T, files map[string]string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range files {
		w, _ := zw.Create(name)
		w.Write([]byte(body))
	}
	zw.Close()
	return buf.Bytes()
}

func TestDetect(t *testing.T) {
	sample, err := os.ReadFile("testdata/subscriptions-minimal.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	ole := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 504)...)
	encrypted := append(append([]byte{}, ole...), []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00i\x00o\x00n\x00I\x00n\x00f\x00o\x00")...)
	for name, tc := range map[string]struct {
		data []byte
		want Format
	}{
		"RealXLSX":    {sample, FormatXLSX},
		"XLS":         {ole, FormatXLS},
		"Encrypted":   {encrypted, FormatEncrypted},
		"XLSB":        {zipWith(t, map[string]string{"xl/workbook.bin": "x"}), FormatXLSB},
		"ODS":         {zipWith(t, map[string]string{"mimetype": "application/vnd.oasis.opendocument.spreadsheet"}), FormatODS},
		"Numbers":     {zipWith(t, map[string]string{"Index/Document.iwa": "x"}), FormatNumbers},
		"OtherZip":    {zipWith(t, map[string]string{"word/document.xml": "x"}), FormatUnknown},
		"CSV":         {[]byte("Name;Budget\nLaunch;1200\n"), FormatCSV},
		"CSVUTF16":    {[]byte{0xFF, 0xFE, 'N', 0, 'a', 0}, FormatCSV},
		"Binary":      {[]byte{0x89, 'P', 'N', 'G', 0, 0, 0, 0}, FormatUnknown},
		"Empty":       {nil, FormatEmpty},
		"TruncatedPK": {[]byte("PK\x03\x04garbage"), FormatUnknown},
	} {
		t.Run(name, func(t *testing.T) {
			if got := Detect(bytes.NewReader(tc.data), int64(len(tc.data))); got != tc.want {
				t.Fatalf("Detect = %s, want %s", got, tc.want)
			}
		})
	}
}

func TestRefusal(t *testing.T) {
	if Refusal(FormatXLSX, "a.xlsx") != nil || Refusal(FormatCSV, "a.csv") != nil {
		t.Fatal("readable formats are not refused")
	}
	err := Refusal(FormatODS, "budget.ods")
	e, ok := err.(*backend.Error)
	if !ok || e.Code != backend.EINVALID || e.Fields["file"].Key != "import.format_ods" ||
		!bytes.Contains([]byte(e.Message), []byte("LibreOffice Calc")) {
		t.Fatalf("%v", err)
	}
}

func FuzzDetect(f *testing.F) {
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1})
	f.Add([]byte("a,b\n1,2"))
	f.Fuzz(func(t *testing.T, data []byte) {
		Detect(bytes.NewReader(data), int64(len(data)))
	})
}
