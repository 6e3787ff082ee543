package sheet_test

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"

	"mopsdesk/backend"
	"mopsdesk/backend/sheet"
)

// exportCampaigns writes cs and opens the result as a workbook again.
func exportCampaigns(t *testing.T, labels sheet.Labels, cs ...*backend.Campaign) (*excelize.File, string) {
	t.Helper()
	e, err := sheet.NewCampaignExport(labels)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		if err := e.Add(c); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if _, err := e.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatalf("exported workbook does not open: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f, f.GetSheetName(0)
}

func TestCampaignExport(t *testing.T) {
	cs := []*backend.Campaign{
		{Name: "Spring launch", TeamName: "Brand", Owner: "Dana", ChannelNames: []string{"Email", "Webinars"}, Tags: []string{"q1", "launch"}, Status: backend.StatusInProgress,
			StartDate: "2026-03-01", EndDate: "2026-03-31", Budget: backend.Money{Amount: 1_250_050, Currency: "USD"}, Notes: "Hero video"},
		{Name: "=HYPERLINK(\"http://x\",\"click\")", Owner: "+1 555", ChannelNames: []string{"-cmd"}, Notes: "@SUM(A1)",
			Status: backend.StatusIdea, StartDate: "2028-02-29", EndDate: "2028-02-29", Budget: backend.Money{Amount: 1500, Currency: "JPY"}},
		{Name: "Kuwait fair", Status: backend.StatusLive, StartDate: "2026-05-01", EndDate: "2026-05-03",
			Budget: backend.Money{Amount: 1_234_567, Currency: "KWD"}},
	}
	f, name := exportCampaigns(t, sheet.Labels{}, cs...)
	if name != "Campaigns" {
		t.Fatalf("sheet = %q", name)
	}
	cell := func(ref string) string {
		v, err := f.GetCellValue(name, ref)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	raw := func(ref string) string {
		v, _ := f.GetCellValue(name, ref, excelize.Options{RawCellValue: true})
		return v
	}

	t.Run("HeaderStyledAndFrozen", func(t *testing.T) {
		if got := cell("A1") + "|" + cell("G1") + "|" + cell("I1"); got != "Campaign|Start date|Planned budget" {
			t.Fatalf("headers = %s", got)
		}
		id, _ := f.GetCellStyle(name, "A1")
		st, err := f.GetStyle(id)
		if err != nil || st.Font == nil || !st.Font.Bold {
			t.Fatalf("header style = %+v, %v; want bold", st, err)
		}
		panes, err := f.GetPanes(name)
		if err != nil || !panes.Freeze || panes.YSplit != 1 {
			t.Fatalf("panes = %+v, %v; want the header row frozen", panes, err)
		}
	})
	t.Run("DatesAreDateCells", func(t *testing.T) {
		if raw("G2") != "46082" || cell("G2") != "2026-03-01" {
			t.Fatalf("G2 raw %q shown %q; want serial 46082 shown as 2026-03-01", raw("G2"), cell("G2"))
		}
		if cell("H3") != "2028-02-29" {
			t.Fatalf("leap day shown as %q", cell("H3"))
		}
		if typ, _ := f.GetCellType(name, "G2"); typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
			t.Fatalf("date written as text")
		}
	})
	t.Run("MoneyIsNumberWithCurrencyFormat", func(t *testing.T) { moneyCells(t, f, name) })
	t.Run("TextNeverBecomesFormula", func(t *testing.T) {
		for ref, want := range map[string]string{"A3": `=HYPERLINK("http://x","click")`, "C3": "+1 555", "D3": "-cmd", "K3": "@SUM(A1)"} {
			if got := cell(ref); got != want {
				t.Errorf("%s = %q, want %q", ref, got, want)
			}
			if formula, _ := f.GetCellFormula(name, ref); formula != "" {
				t.Errorf("%s holds formula %q", ref, formula)
			}
			if typ, _ := f.GetCellType(name, ref); typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
				t.Errorf("%s type = %v, want a string cell", ref, typ)
			}
		}
	})
	t.Run("StatusInWords", func(t *testing.T) {
		if cell("F2") != "In progress" || cell("D2") != "Email, Webinars" || cell("E2") != "q1, launch" {
			t.Fatalf("D2 %q E2 %q F2 %q", cell("D2"), cell("E2"), cell("F2"))
		}
	})
}

// moneyCells checks that the export's budgets are numbers in their
// currency's format, not text.
func moneyCells(t *testing.T, f *excelize.File, name string) {
	for _, tc := range []struct{ ref, raw, format string }{
		{"I2", "12500.5", `#,##0.00 "USD"`},
		{"I3", "1500", `#,##0 "JPY"`},
		{"I4", "1234.567", `#,##0.000 "KWD"`},
	} {
		if got, _ := f.GetCellValue(name, tc.ref, excelize.Options{RawCellValue: true}); got != tc.raw {
			t.Errorf("%s raw = %q, want %q", tc.ref, got, tc.raw)
		}
		if typ, _ := f.GetCellType(name, tc.ref); typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
			t.Errorf("%s: money written as text", tc.ref)
		}
		id, _ := f.GetCellStyle(name, tc.ref)
		st, _ := f.GetStyle(id)
		if st.CustomNumFmt == nil || *st.CustomNumFmt != tc.format {
			t.Errorf("%s number format = %v, want %s", tc.ref, st.CustomNumFmt, tc.format)
		}
	}
}

func TestCampaignExport_Labels(t *testing.T) {
	labels := sheet.Labels{Sheet: "Kampanie: Q1/Q2 [plan]", Headers: map[string]string{"name": "Kampania"},
		Statuses: map[backend.CampaignStatus]string{backend.StatusLive: "Aktywna"}}
	f, name := exportCampaigns(t, labels, &backend.Campaign{Name: "x", Status: backend.StatusLive,
		StartDate: "2026-01-01", EndDate: "2026-01-02", Budget: backend.Money{Currency: "PLN"}})
	if name != "Kampanie  Q1 Q2  plan" {
		t.Fatalf("sheet name = %q", name)
	}
	a1, _ := f.GetCellValue(name, "A1")
	b1, _ := f.GetCellValue(name, "B1")
	f2, _ := f.GetCellValue(name, "F2")
	if a1 != "Kampania" || b1 != "Team" || f2 != "Aktywna" {
		t.Fatalf("A1 %q B1 %q F2 %q", a1, b1, f2)
	}
}

func TestAssetExport(t *testing.T) {
	e, err := sheet.NewAssetExport(map[int64]string{7: "Spring launch"})
	if err != nil {
		t.Fatal(err)
	}
	a := &backend.Asset{Title: "=cmd|'/C calc'!A0", Type: "logo", Tags: []string{"brand", "2026"}, CampaignIDs: []int64{7},
		Licence: backend.Licence{Holder: "Studio North", Expiry: "2027-01-31"}, LicenceState: backend.LicenceValid,
		Versions: []backend.AssetVersion{{Version: 2, FileName: "logo-v2.png", Size: 2048}, {Version: 1}}, CreatedAt: "2026-11-23T09:00:00Z"}
	if err := e.Add(a); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := e.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("Assets")
	if len(rows) != 2 || rows[1][0] != "=cmd|'/C calc'!A0" || rows[1][5] != "logo-v2.png" || rows[1][6] != "2048" ||
		rows[1][7] != "2" || rows[1][12] != "2027-01-31" || rows[1][14] != "Spring launch" {
		t.Fatalf("%q", rows)
	}
	if formula, _ := f.GetCellFormula("Assets", "A2"); formula != "" {
		t.Fatalf("title became a formula: %q", formula)
	}
}
