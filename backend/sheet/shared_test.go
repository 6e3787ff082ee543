package sheet

import (
	"archive/zip"
	"bytes"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// sharedBook is an .xlsx whose shared strings part is about size bytes of
// distinct texts, with a sheet that uses the first and the last.
func sharedBook(t testing.TB, size int) ([]byte, int) {
	t.Helper()
	var sst bytes.Buffer
	n := 0
	sst.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n")
	sst.WriteString(`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0">`)
	for sst.Len() < size {
		fmt.Fprintf(&sst, `<si><t>Subscription line %08d for Acme &amp; Co, seat licence renewal</t></si>`, n)
		n++
	}
	// A rich-text string with a phonetic hint, as Excel writes them.
	sst.WriteString(`<si><r><t>Figma </t></r><r><rPr><b/></rPr><t>Pro</t></r><rPh sb="0" eb="1"><t>ふぃぐま</t></rPh></si></sst>`)
	n++
	sheetXML := fmt.Sprintf(`<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`+
		`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>%d</v></c></row></sheetData></worksheet>`, n-1)
	parts := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>`,
		"_rels/.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml": `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
			`<sheets><sheet name="Lines" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
		"xl/worksheets/sheet1.xml": sheetXML,
		"xl/sharedStrings.xml":     strings.Replace(sst.String(), `uniqueCount="0"`, fmt.Sprintf(`uniqueCount="%d"`, n), 1),
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for name, body := range parts {
		w, _ := zw.Create(name)
		w.Write([]byte(body))
	}
	zw.Close()
	return out.Bytes(), sst.Len()
}

// openMeasured opens a workbook and returns the bytes allocated while
// opening it and the peak heap in use (sampled every millisecond).
func openMeasured(t testing.TB, data []byte) (wb *Workbook, allocated, peak uint64) {
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	var mu sync.Mutex
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			mu.Lock()
			peak = max(peak, m.HeapAlloc)
			mu.Unlock()
			select {
			case <-stop:
				return
			case <-time.After(time.Millisecond):
			}
		}
	}()
	wb, err := Open(bytes.NewReader(data), int64(len(data)), "lines.xlsx")
	close(stop)
	<-done
	if err != nil {
		t.Fatal(err)
	}
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	return wb, after.TotalAlloc - before.TotalAlloc, max(peak, after.HeapAlloc) - before.HeapAlloc
}

// Shared strings are kept as one text, not a string and a header each:
// opening a workbook allocates little more than its shared strings part.
func TestOpen_SharedStringsMemory(t *testing.T) {
	data, size := sharedBook(t, 8<<20)
	wb, allocated, _ := openMeasured(t, data)
	var cells []string
	wb.eachRawRow("Lines", func(r Row) error { cells = r.Cells; return nil })
	if len(cells) != 2 || cells[0] != "Subscription line 00000000 for Acme & Co, seat licence renewal" || cells[1] != "Figma Pro" {
		t.Fatalf("cells %q", cells)
	}
	if limit := uint64(size) * 3 / 2; allocated > limit {
		t.Fatalf("opening a workbook with %d MB of shared strings allocated %d MB (limit %d MB)", size>>20, allocated>>20, limit>>20)
	}
	runtime.KeepAlive(wb)
}

// BenchmarkOpen_SharedStrings57MB opens a workbook whose shared strings
// unpack to 57 MB and reports the peak heap and the bytes allocated.
func BenchmarkOpen_SharedStrings57MB(b *testing.B) {
	data, size := sharedBook(b, 57<<20)
	b.ResetTimer()
	var allocated, peak uint64
	for range b.N {
		wb, a, p := openMeasured(b, data)
		allocated, peak = max(allocated, a), max(peak, p)
		runtime.KeepAlive(wb)
	}
	b.ReportMetric(float64(size)/(1<<20), "shared-MB")
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
	b.ReportMetric(float64(allocated)/(1<<20), "alloc-MB")
}
