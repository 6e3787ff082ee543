package report_test

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"mopsdesk/backend"
	"mopsdesk/backend/report"
)

func sample() *report.Data {
	roi := int64(15_000)
	seat := int64(2_500)
	return &report.Data{
		Workspace: "Acme & Co", From: "2026-04-01", To: "2027-03-31", Currency: "USD", MinorUnits: 2,
		Totals: backend.SummaryRow{Planned: 3_000_000, Committed: 500_000, Actual: 1_200_000, Available: 1_300_000},
		Budget: []backend.SummaryRow{
			{TeamName: "Brand", CategoryName: "Events", Planned: 2_000_000, Committed: 500_000, Actual: 700_000},
			{TeamName: "Growth", CategoryName: "Paid media", Planned: 1_000_000, Actual: 500_000},
		},
		Months: []report.Period{{Label: "Apr", Planned: 250_000, Actual: 100_000}, {Label: "May", Planned: 250_000, Committed: 50_000, Actual: 300_000}},
		Campaigns: []report.Campaign{
			{Name: "Spring launch", Team: "Brand", Status: "Live", Start: "2026-04-01", End: "2026-05-31", Goals: "Leads 120/100", Spent: 400_000, Revenue: 1_000_000, ROIBasisPoints: &roi},
			{Name: `=HYPERLINK("http://x","click")`, Team: "+1 555", Status: "@SUM(A1)", Start: "2026-06-01", End: "2026-06-30"},
		},
		Contracts: []report.Contract{{Vendor: "Canva", Product: "Teams", Cost: backend.Money{Amount: 1_200_00, Currency: "EUR"}, CostPerSeat: &seat,
			NextRenewal: "2027-01-15", CancelBy: "2026-12-16", SeatsBought: 10, SeatsUsed: 7}},
		Licences: []report.Licence{{Asset: "Hero photo", Holder: "Studio Nord", Type: "Rights managed", Expiry: "2026-12-31"}},
	}
}

func TestWriteXLSX(t *testing.T) {
	var buf bytes.Buffer
	if err := report.WriteXLSX(&buf, sample()); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(f.GetSheetList(), ","); got != "Summary,Budget,Campaigns,Results,Contracts,Licences" {
		t.Fatalf("sheets %s", got)
	}
	get := func(sheet, cell string) string {
		v, _ := f.GetCellValue(sheet, cell)
		return v
	}
	formula := func(sheet, cell string) string {
		v, _ := f.GetCellFormula(sheet, cell)
		return v
	}
	if get("Summary", "A1") != "Acme & Co — Executive report" || formula("Summary", "B4") != "'Budget'!C4" {
		t.Fatalf("summary: %q %q", get("Summary", "A1"), formula("Summary", "B4"))
	}
	// Totals are formulas Excel recalculates; figures are numbers with a
	// number format, dates are dates.
	if formula("Budget", "C4") != "SUM(C2:C3)" || formula("Budget", "F2") != "C2-D2-E2" || formula("Campaigns", "G4") != "SUM(G2:G3)" {
		t.Fatalf("totals %q %q %q", formula("Budget", "C4"), formula("Budget", "F2"), formula("Campaigns", "G4"))
	}
	raw, _ := f.GetCellValue("Budget", "C2", excelize.Options{RawCellValue: true})
	if raw != "20000" || get("Budget", "C2") != "20,000.00 USD" {
		t.Fatalf("money cell %q shown %q", raw, get("Budget", "C2"))
	}
	if get("Campaigns", "D2") != "2026-04-01" {
		t.Fatalf("date cell %q", get("Campaigns", "D2"))
	}
	// No user text is ever a formula.
	for _, cell := range []string{"A3", "B3", "C3"} {
		if formula("Campaigns", cell) != "" {
			t.Fatalf("Campaigns!%s became a formula", cell)
		}
	}
	if get("Campaigns", "A3") != `=HYPERLINK("http://x","click")` {
		t.Fatalf("text lost: %q", get("Campaigns", "A3"))
	}
	for _, s := range []string{"Budget", "Campaigns", "Contracts", "Licences", "Summary"} {
		lay, err := f.GetPageLayout(s)
		if err != nil || lay.Orientation == nil || *lay.Orientation != "landscape" || lay.FitToWidth == nil || *lay.FitToWidth != 1 {
			t.Fatalf("%s page layout %+v %v", s, lay, err)
		}
		hf, _ := f.GetHeaderFooter(s)
		if !strings.Contains(hf.OddHeader, "Acme && Co") || !strings.Contains(hf.OddHeader, "2026-04-01 – 2027-03-31") {
			t.Fatalf("%s header %q", s, hf.OddHeader)
		}
	}
	panes, _ := f.GetPanes("Campaigns")
	if !panes.Freeze || panes.YSplit != 1 {
		t.Fatalf("header row not frozen: %+v", panes)
	}
	// Three native charts on the summary sheet.
	zr, _ := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	charts := 0
	for _, z := range zr.File {
		if strings.HasPrefix(z.Name, "xl/charts/chart") {
			charts++
		}
	}
	if charts != 3 {
		t.Fatalf("%d charts, want 3", charts)
	}
}

func TestWriteXLSX_RightToLeft(t *testing.T) {
	d := sample()
	d.Lang = "ar"
	d.Words = map[string]string{"summary": "الملخص", "budget": "الميزانية"}
	var buf bytes.Buffer
	if err := report.WriteXLSX(&buf, d); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if got := f.GetSheetList()[0]; got != "الملخص" {
		t.Fatalf("first sheet %q", got)
	}
	for _, name := range f.GetSheetList() {
		v, err := f.GetSheetView(name, -1)
		if err != nil || v.RightToLeft == nil || !*v.RightToLeft {
			t.Errorf("%s does not run right to left: %+v %v", name, v, err)
		}
	}
}
