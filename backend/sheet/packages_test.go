package sheet

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// repack rewrites an excelize workbook's zip: rename moves parts, edit
// changes each XML part's text.
func repack(t *testing.T, rows [][]any, rename func(string) string, edit func(name, body string) string) []byte {
	t.Helper()
	f := excelize.NewFile()
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("Sheet1", cell, &r)
	}
	var src bytes.Buffer
	if err := f.Write(&src); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(src.Bytes()), int64(src.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, zf := range zr.File {
		rc, _ := zf.Open()
		body, _ := io.ReadAll(rc)
		rc.Close()
		w, _ := zw.Create(rename(zf.Name))
		w.Write([]byte(edit(zf.Name, string(body))))
	}
	zw.Close()
	return out.Bytes()
}

func TestOpen_StrictAndPartsElsewhere(t *testing.T) {
	rows := [][]any{{"Product", "Team", "Renewal date"}, {"Figma", "Design", "2027-02-01"}, {"Slack", "Ops", "2027-03-01"}}
	same := func(s string) string { return s }
	strict := func(_, body string) string {
		body = strings.ReplaceAll(body, "http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main")
		return strings.ReplaceAll(body, "http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships")
	}
	// Parts under "content/" instead of "xl/", found through _rels.
	moved := func(s string) string {
		if strings.HasPrefix(s, "xl/") {
			return "content/" + strings.TrimPrefix(s, "xl/")
		}
		return s
	}
	movedRefs := func(name, body string) string {
		if strings.HasSuffix(name, ".rels") || name == "[Content_Types].xml" {
			return strings.ReplaceAll(body, "xl/", "content/")
		}
		return body
	}
	for name, data := range map[string][]byte{
		"Strict":    repack(t, rows, same, strict),
		"Elsewhere": repack(t, rows, moved, movedRefs),
		"Both":      repack(t, rows, moved, func(n, b string) string { return strict(n, movedRefs(n, b)) }),
	} {
		t.Run(name, func(t *testing.T) {
			wb, err := Open(bytes.NewReader(data), int64(len(data)), "strict.xlsx")
			if err != nil {
				t.Fatal(err)
			}
			im, err := New(wb, Options{Kind: "contracts"})
			if err != nil {
				t.Fatal(err)
			}
			recs := records(t, im)
			if len(recs) != 2 || recs[1].Text("product") != "Slack" || recs[1].Text("renewalDate") != "2027-03-01" {
				t.Fatalf("records %+v", recs)
			}
		})
	}
}
