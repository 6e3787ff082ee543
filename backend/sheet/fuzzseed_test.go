package sheet

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// tinyXLSX is the smallest workbook the reader opens: one sheet of shared
// and number cells, stored uncompressed. It seeds the fuzz targets instead
// of the 7 KB samples, whose every new path the fuzzer spent minutes
// minimising (five executions a minute); stored parts also let mutations
// reach the XML instead of the deflate stream.
func tinyXLSX(rows [][]string) []byte {
	var shared []string
	var sheet strings.Builder
	sheet.WriteString(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	for r, row := range rows {
		fmt.Fprintf(&sheet, `<row r="%d">`, r+1)
		for c, v := range row {
			ref := string(rune('A'+c)) + fmt.Sprint(r+1)
			if isPlainNumber(v) {
				fmt.Fprintf(&sheet, `<c r="%s"><v>%s</v></c>`, ref, v)
				continue
			}
			fmt.Fprintf(&sheet, `<c r="%s" t="s"><v>%d</v></c>`, ref, len(shared))
			shared = append(shared, v)
		}
		sheet.WriteString(`</row>`)
	}
	sheet.WriteString(`</sheetData></worksheet>`)
	var sst strings.Builder
	sst.WriteString(`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`)
	for _, s := range shared {
		fmt.Fprintf(&sst, `<si><t>%s</t></si>`, s)
	}
	sst.WriteString(`</sst>`)
	parts := []struct{ name, body string }{
		{"xl/workbook.xml", `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Plan" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`},
		{"xl/worksheets/sheet1.xml", sheet.String()},
		{"xl/sharedStrings.xml", sst.String()},
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, _ := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Store})
		w.Write([]byte(p.body))
	}
	zw.Close()
	return buf.Bytes()
}

var tinyRows = [][]string{{"Product", "Renewal date", "Cost"}, {"Canva", "45717", "1.250 TL"}, {"Figma", "2025-04-01", "$1,200.50"}}

func TestTinyXLSX_OpensAsAWorkbook(t *testing.T) {
	data := tinyXLSX(tinyRows)
	if len(data) > 2048 {
		t.Fatalf("the seed is %d bytes", len(data))
	}
	wb, err := Open(bytes.NewReader(data), int64(len(data)), "tiny.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	found, err := wb.FindTable("Plan")
	if err != nil || strings.Join(found.Headers, "|") != "Product|Renewal date|Cost" {
		t.Fatalf("%+v %v", found, err)
	}
	var cells []string
	wb.EachRow(found, func(r Row) error { cells = append(cells, r.Cells...); return nil })
	if strings.Join(cells, "|") != "Canva|45717|1.250 TL|Figma|2025-04-01|$1,200.50" {
		t.Fatalf("rows %q", cells)
	}
}
