package sheet

import (
	"archive/zip"
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"mopsdesk/backend"
)

func openFile(t *testing.T, path string) *Workbook {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	wb, err := Open(bytes.NewReader(data), int64(len(data)), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { wb.Close() })
	return wb
}

func rowsOf(t *testing.T, wb *Workbook, f *Found) []Row {
	var out []Row
	if err := wb.EachRow(f, func(r Row) error { out = append(out, r); return nil }); err != nil {
		t.Fatal(err)
	}
	return out
}

// The real sample spreadsheets: the table is found under title rows, in
// any column, on sheets whose names end with a space.
func TestFindTable_Samples(t *testing.T) {
	t.Run("ContentCalendarTitleRow", func(t *testing.T) {
		wb := openFile(t, "testdata/content-calendar-internee.xlsx")
		f, err := wb.FindTable("Content Calendar")
		if err != nil {
			t.Fatal(err)
		}
		if f.HeaderRow != 2 || f.FirstCol != 1 || strings.Join(f.Headers, "|") != "Date|Platform|Content Type|Caption|Hashtags|Status" {
			t.Fatalf("%+v", f)
		}
		rows := rowsOf(t, wb, f)
		if len(rows) < 10 || rows[0].Number != 3 || rows[0].Cells[1] != "LinkedIn" {
			t.Fatalf("%d rows, first %+v", len(rows), rows[0])
		}
	})
	t.Run("SubscriptionsTwoColumns", func(t *testing.T) {
		wb := openFile(t, "testdata/subscriptions-minimal.xlsx")
		f, err := wb.FindTable("Sheet1")
		if err != nil || f.HeaderRow != 1 || strings.Join(f.Headers, "|") != "Product|Expiry Date" {
			t.Fatalf("%+v %v", f, err)
		}
		rows := rowsOf(t, wb, f)
		if len(rows) != 5 || rows[0].Cells[1] != "44965" /* 2023-02-08, a date cell */ {
			t.Fatalf("%+v", rows)
		}
	})
	t.Run("WideBudgetStartsAtD5", func(t *testing.T) {
		wb := openFile(t, "testdata/marketing-budget-wide.xlsx")
		if got := strings.Join(wb.Sheets(), "|"); got != "Setting |Tracker |Data Entry" {
			t.Fatalf("sheets %q", got)
		}
		f, err := wb.FindTable("Data Entry")
		if err != nil {
			t.Fatal(err)
		}
		if f.HeaderRow != 5 || f.FirstCol != 4 || f.Headers[0] != "Detail" || f.Headers[4] != "45717" /* 1-Mar-25 */ {
			t.Fatalf("%+v", f.Headers[:6])
		}
		f, err = wb.FindTable("Tracker ")
		if err != nil || f.HeaderRow != 5 || f.FirstCol != 4 {
			t.Fatalf("tracker %+v %v", f, err)
		}
	})
}

func TestFindTable_MergedHiddenAndTotals(t *testing.T) {
	x := excelize.NewFile()
	s := "Sheet1"
	x.SetCellValue(s, "B1", "Q1 plan")
	x.SetCellValue(s, "B3", "Team")
	x.SetCellValue(s, "C3", "Budget")
	x.MergeCell(s, "C3", "D3")
	x.SetCellValue(s, "E3", "Owner")
	x.SetSheetRow(s, "B4", &[]any{"Brand", 100, 200, "Dana"})
	x.SetSheetRow(s, "B5", &[]any{"Events", 50, 70, "Arif"})
	x.SetRowVisible(s, 5, false)
	x.SetSheetRow(s, "B6", &[]any{"Total", 150, 270})
	var buf bytes.Buffer
	x.Write(&buf)
	wb, err := Open(bytes.NewReader(buf.Bytes()), int64(buf.Len()), "plan.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	f, err := wb.FindTable(s)
	if err != nil {
		t.Fatal(err)
	}
	if f.HeaderRow != 3 || f.FirstCol != 2 || strings.Join(f.Headers, "|") != "Team|Budget|Budget|Owner" {
		t.Fatalf("%+v", f)
	}
	rows := rowsOf(t, wb, f)
	if len(rows) != 3 || !rows[1].Hidden || !IsTotalRow(rows[2].Cells) || IsTotalRow(rows[0].Cells) {
		t.Fatalf("%+v", rows)
	}
}

func TestIsTotalRow(t *testing.T) {
	for _, c := range [][]string{{"Total"}, {"", "Grand total"}, {"Razem:"}, {"Toplam"}, {"المجموع"}, {"جمع کل"}, {"รวม"}, {"SUBTOTAL", "5"}} {
		if !IsTotalRow(c) {
			t.Errorf("%q is a total row", c)
		}
	}
	for _, c := range [][]string{{"Totally new campaign"}, {"Brand"}, {}, {"", ""}} {
		if IsTotalRow(c) {
			t.Errorf("%q is not a total row", c)
		}
	}
}

func TestCSV(t *testing.T) {
	for name, data := range map[string][]byte{
		"Semicolon": []byte("Campaign;Budget;Owner\nLaunch;1.234,56;Dana\nWebinar;99;Arif\n"),
		"TabBOM":    append([]byte{0xEF, 0xBB, 0xBF}, []byte("Campaign\tBudget\tOwner\nLaunch\t1.234,56\tDana\nWebinar\t99\tArif\n")...),
		"UTF16":     utf16le("Campaign,Budget,Owner\r\nLaunch,\"1.234,56\",Dana\r\nWebinar,99,Arif\r\n"),
	} {
		t.Run(name, func(t *testing.T) {
			wb, err := Open(bytes.NewReader(data), int64(len(data)), "campaigns.csv")
			if err != nil {
				t.Fatal(err)
			}
			f, err := wb.FindTable(wb.Sheets()[0])
			if err != nil || strings.Join(f.Headers, "|") != "Campaign|Budget|Owner" {
				t.Fatalf("%+v %v", f, err)
			}
			rows := rowsOf(t, wb, f)
			if len(rows) != 2 || rows[0].Cells[1] != "1.234,56" {
				t.Fatalf("%+v", rows)
			}
		})
	}
}

func utf16le(s string) []byte {
	out := []byte{0xFF, 0xFE}
	for _, r := range s {
		out = append(out, byte(r), byte(r>>8))
	}
	return out
}

func TestOpen_Damaged(t *testing.T) {
	sample, _ := os.ReadFile("testdata/subscriptions-minimal.xlsx")
	// A zip bomb shape: a sheet whose XML inflates far past the limit.
	var bomb bytes.Buffer
	zw := zip.NewWriter(&bomb)
	for _, n := range []string{"[Content_Types].xml", "xl/workbook.xml"} {
		w, _ := zw.Create(n)
		w.Write([]byte("<x/>"))
	}
	w, _ := zw.Create("xl/worksheets/sheet1.xml")
	chunk := bytes.Repeat([]byte("<row/>"), 1<<16)
	for i := 0; i < 3000; i++ { // about 1.1 GiB unzipped
		w.Write(chunk)
	}
	zw.Close()
	for name, data := range map[string][]byte{
		"Truncated": sample[:len(sample)/2],
		"ZipBomb":   bomb.Bytes(),
	} {
		t.Run(name, func(t *testing.T) {
			wb, err := Open(bytes.NewReader(data), int64(len(data)), "broken.xlsx")
			if err == nil {
				defer wb.Close()
				for _, s := range wb.Sheets() {
					if _, err = wb.FindTable(s); err != nil {
						break
					}
				}
			}
			if err == nil {
				t.Fatal("a damaged workbook must give an error")
			}
			if backend.ErrorCode(err) != backend.EINVALID || !strings.Contains(err.Error(), "damaged or cut off") {
				t.Fatalf("want a clear invalid-file error, got %v", err)
			}
		})
	}
}

func FuzzOpen(f *testing.F) {
	f.Add(tinyXLSX(tinyRows))
	f.Add([]byte("a;b\n1;2\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		wb, err := Open(bytes.NewReader(data), int64(len(data)), "fuzz")
		if err != nil {
			return
		}
		defer wb.Close()
		for _, s := range wb.Sheets() {
			if found, err := wb.FindTable(s); err == nil {
				wb.EachRow(found, func(Row) error { return nil })
			}
		}
	})
}
