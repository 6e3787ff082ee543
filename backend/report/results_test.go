package report_test

import (
	"archive/zip"
	"bytes"
	"io"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"mopsdesk/backend/report"
)

// A mail or phone preview shows the workbook's stored values and never
// recalculates: every formula must carry its result (issue 14).
func TestWriteXLSX_FiguresReadWithoutRecalculation(t *testing.T) {
	var buf bytes.Buffer
	if err := report.WriteXLSX(&buf, sample()); err != nil {
		t.Fatal(err)
	}
	// In the sheets' XML: no formula without a value after it.
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	formulaCell := regexp.MustCompile(`<c [^>]*><f>[^<]*</f>(<v>[^<]*</v>)?`)
	formulas := 0
	for _, z := range zr.File {
		if !strings.HasPrefix(z.Name, "xl/worksheets/sheet") {
			continue
		}
		rc, _ := z.Open()
		data, _ := io.ReadAll(rc)
		rc.Close()
		for _, m := range formulaCell.FindAllSubmatch(data, -1) {
			formulas++
			if len(m[1]) == 0 {
				t.Errorf("%s: a formula with no result: %s", z.Name, m[0])
			}
		}
	}
	if formulas == 0 {
		t.Fatal("no formulas: totals should recalculate in Excel")
	}

	// What a viewer shows: the stored values in their number formats.
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ sheet, cell, want string }{
		// Headline figures.
		{"Summary", "B4", "30,000.00 USD"},
		{"Summary", "B5", "5,000.00 USD"},
		{"Summary", "B6", "12,000.00 USD"},
		{"Summary", "B7", "13,000.00 USD"},
		// Budget lines: available and variance, then the totals.
		{"Budget", "F2", "8,000.00 USD"},
		{"Budget", "G2", "40.0%"},
		{"Budget", "F3", "5,000.00 USD"},
		{"Budget", "G3", "50.0%"},
		{"Budget", "C4", "30,000.00 USD"},
		{"Budget", "D4", "5,000.00 USD"},
		{"Budget", "E4", "12,000.00 USD"},
		{"Budget", "F4", "13,000.00 USD"},
		{"Budget", "G4", "43.3%"},
		{"Campaigns", "G4", "4,000.00 USD"},
		{"Campaigns", "H4", "10,000.00 USD"},
		{"Contracts", "F3", "0.00 USD"},
	} {
		got, err := f.GetCellValue(c.sheet, c.cell)
		if err != nil || got != c.want {
			t.Errorf("%s!%s shows %q, want %q (%v)", c.sheet, c.cell, got, c.want, err)
		}
		if formula, _ := f.GetCellFormula(c.sheet, c.cell); formula == "" {
			t.Errorf("%s!%s is no longer a formula", c.sheet, c.cell)
		}
	}
}
