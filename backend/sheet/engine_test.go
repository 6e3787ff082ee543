package sheet

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// book writes rows (from A1) to sheets of an in-memory workbook and opens
// it with the importer's reader.
func book(t testing.TB, sheets map[string][][]any, edit func(*excelize.File)) *Workbook {
	t.Helper()
	f := excelize.NewFile()
	first := true
	for name, rows := range sheets {
		if first {
			f.SetSheetName("Sheet1", name)
			first = false
		} else {
			f.NewSheet(name)
		}
		for i, r := range rows {
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			f.SetSheetRow(name, cell, &r)
		}
	}
	if edit != nil {
		edit(f)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	wb, err := Open(bytes.NewReader(buf.Bytes()), int64(buf.Len()), "test.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	return wb
}

func records(t *testing.T, im *Importer) []Record {
	t.Helper()
	var out []Record
	err := im.Each(func(r *Record) error {
		c := *r
		c.Values = map[string]Value{}
		for k, v := range r.Values {
			c.Values[k] = v
		}
		out = append(out, c)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestImporter_HeadersInSixLanguages(t *testing.T) {
	cases := []struct {
		lang    string
		headers []any
		row     []any
	}{
		{"fa", []any{"نام کمپین", "تاریخ شروع", "تاریخ پایان", "بودجه", "وضعیت"}, []any{"کمپین نوروز", "۱۴۰۴/۰۱/۰۱", "۱۴۰۴/۰۱/۱۳", "۱۲۳٬۴۵۶ ریال", "فعال"}},
		{"ar", []any{"اسم الحملة", "تاريخ البدء", "تاريخ الانتهاء", "الميزانية", "الحالة"}, []any{"حملة رمضان", "١ مارس ٢٠٢٥", "٣٠ مارس ٢٠٢٥", "٣٫٥٠٠ ر.س", "مخطط"}},
		{"pl", []any{"Nazwa kampanii", "Data rozpoczęcia", "Data zakończenia", "Budżet", "Stan"}, []any{"Wiosna", "1 marca 2025", "31.03.2025", "1.234,56 zł", "zaplanowana"}},
		{"tr", []any{"Kampanya adı", "Başlangıç tarihi", "Bitiş", "Bütçe", "Durum"}, []any{"Bahar", "1 Mart 2025", "31.03.2025", "₺1.250", "planlandı"}},
		{"th", []any{"ชื่อแคมเปญ", "วันที่เริ่ม", "วันสิ้นสุด", "งบประมาณ", "สถานะ"}, []any{"สงกรานต์", "1 เม.ย. 2568", "15 เม.ย. 2568", "฿3,000", "วางแผน"}},
		{"en", []any{"Campaign", "Start date", "End date", "Budget", "Status"}, []any{"Spring", "March 1, 2025", "2025-03-31", "$1,200.50", "Planned"}},
	}
	for _, c := range cases {
		t.Run(c.lang, func(t *testing.T) {
			wb := book(t, map[string][][]any{"Sheet": {c.headers, c.row}}, nil)
			im, err := New(wb, Options{Kind: "campaigns", Currency: "USD"})
			if err != nil {
				t.Fatal(err)
			}
			var mapped []string
			for _, col := range im.Layout.Columns {
				mapped = append(mapped, col.Field)
			}
			if got := strings.Join(mapped, ","); got != "name,startDate,endDate,budget,status" {
				t.Fatalf("mapping %s", got)
			}
			recs := records(t, im)
			if len(recs) != 1 || len(recs[0].Problems) != 0 {
				t.Fatalf("%+v", recs)
			}
			v := recs[0].Values
			if v["budget"].Int <= 0 || v["startDate"].Text > v["endDate"].Text || v["status"].Text == "" {
				t.Fatalf("values %+v", v)
			}
		})
	}
}

func TestImporter_TotalsHiddenAndExcluded(t *testing.T) {
	wb := book(t, map[string][][]any{"Spend": {
		{"Date", "Amount", "Vendor"},
		{"2025-03-01", 100, "Google"},
		{"2025-03-02", 200, "Meta"},
		{"2025-03-03", 300, "Canva"},
		{"Total", 600, ""},
	}}, func(f *excelize.File) {
		f.SetRowVisible("Spend", 3, false)
		f.SetCellValue("Spend", "D1", "Vendor")
		f.SetCellValue("Spend", "D2", "helper")
		f.SetColVisible("Spend", "D", false)
	})
	im, err := New(wb, Options{Kind: "spend", Currency: "EUR", Exclude: []int{4}})
	if err != nil {
		t.Fatal(err)
	}
	// The hidden column D says "Vendor" too, but it is hidden: C is used.
	if d := im.Layout.Columns[3]; !d.Hidden || d.Field != "" || im.Layout.Columns[2].Field != "vendor" {
		t.Fatalf("columns %+v", im.Layout.Columns)
	}
	var skips []string
	for _, r := range records(t, im) {
		skips = append(skips, r.Skip)
	}
	// Row 2 is read; 3 is hidden, 4 left out, 5 a total. Team and category
	// are missing, so nothing can be imported yet: that is said once.
	if got := strings.Join(skips, ","); got != "missing,hidden,excluded,total" || strings.Join(im.Layout.Missing, ",") != "team,category" {
		t.Fatalf("skips %s missing %v", got, im.Layout.Missing)
	}
}

func TestImporter_CalendarGrid(t *testing.T) {
	wb := book(t, map[string][][]any{" May 2026": {
		{"Content plan"},
		{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"},
		{nil, nil, nil, nil, 1, 2, 3},
		{nil, nil, nil, nil, "Launch post", nil, "Recap video"},
		{4, 5, 6, 7, 8, 9, 10},
		{"Newsletter", nil, "12 Webinar invite", nil, nil, nil, nil},
	}}, nil)
	im, err := New(wb, Options{Kind: "deliverables"})
	if err != nil {
		t.Fatal(err)
	}
	if im.Layout.Shape != "calendar" {
		t.Fatalf("shape %q", im.Layout.Shape)
	}
	var got []string
	for _, r := range records(t, im) {
		if len(r.Problems) > 0 {
			t.Fatalf("problems %+v", r.Problems)
		}
		got = append(got, r.Values["publishDate"].Text+" "+r.Values["title"].Text)
	}
	want := "2026-05-01 Launch post|2026-05-03 Recap video|2026-05-04 Newsletter|2026-05-12 Webinar invite"
	if strings.Join(got, "|") != want {
		t.Fatalf("got  %s\nwant %s", strings.Join(got, "|"), want)
	}
}

func TestImporter_WideMonths(t *testing.T) {
	wb := book(t, map[string][][]any{"Plan": {
		{"Team", "Category", "Jan", "Feb", "Mar", "Total"},
		{"Brand", "Events", 1000, 0, 250.5, 1250.5},
		{"Growth", "Paid media", "", 300, 300, 600},
	}}, nil)
	im, err := New(wb, Options{Kind: "budget", Currency: "USD", Year: 2026})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range records(t, im) {
		got = append(got, r.Values["team"].Text+" "+r.Values["month"].Text+" "+r.Values["amount"].Text)
	}
	want := "Brand 2026-01-01 1000|Brand 2026-03-01 250.5|Growth 2026-02-01 300|Growth 2026-03-01 300"
	if im.Layout.Shape != "wide" || strings.Join(got, "|") != want {
		t.Fatalf("shape %s\ngot  %s\nwant %s", im.Layout.Shape, strings.Join(got, "|"), want)
	}
}

func TestImporter_AmbiguousDatesAskOnce(t *testing.T) {
	wb := book(t, map[string][][]any{"Sheet1": {
		{"Title", "Date"},
		{"A", "03/01/2025"},
		{"B", "04/02/2025"},
	}}, nil)
	im, err := New(wb, Options{Kind: "deliverables"})
	if err != nil {
		t.Fatal(err)
	}
	recs := records(t, im)
	if len(im.Layout.Questions) != 1 || im.Layout.Questions[0].Column != "B" || strings.Join(im.Layout.Questions[0].Examples, ",") != "03/01/2025,04/02/2025" ||
		len(recs[0].Problems) != 1 || recs[0].Problems[0].Key != "import.ambiguous_date" {
		t.Fatalf("questions %+v problems %+v", im.Layout.Questions, recs[0].Problems)
	}
	im, _ = New(wb, Options{Kind: "deliverables", Orders: map[string]Order{"B": OrderMonthFirst}})
	recs = records(t, im)
	if recs[0].Values["publishDate"].Text != "2025-03-01" || recs[1].Values["publishDate"].Text != "2025-04-02" {
		t.Fatalf("%+v", recs)
	}
}

func FuzzImport(f *testing.F) {
	f.Add(tinyXLSX(tinyRows), "contracts")
	f.Add(tinyXLSX([][]string{{"Title", "Publish date", "Channel"}, {"Launch post", "03/01/2025", "Blog"}, {"Newsletter", "13/03/2025", "Email"}}), "deliverables")
	f.Add([]byte("Date;Amount;Vendor\n1.3.2025;(1.234,56 zł);Canva\nTotal;5;\n"), "spend")
	f.Add([]byte("Mon,Tue,Wed,Thu,Fri\n1,2,3,4,5\nx,,y,,z\n"), "deliverables")
	f.Add([]byte("Team,Jan,Feb,Mar\nBrand,1,2,3\n"), "budget")
	f.Fuzz(func(t *testing.T, data []byte, kind string) {
		if Kinds[kind] == nil {
			kind = "campaigns"
		}
		wb, err := Open(bytes.NewReader(data), int64(len(data)), "fuzz.csv")
		if err != nil {
			return
		}
		im, err := New(wb, Options{Kind: kind, Currency: "USD", Year: 2026})
		if err != nil {
			return
		}
		im.Each(func(r *Record) error {
			for _, p := range r.Problems {
				if p.Message == "" {
					t.Fatalf("problem without a message: %+v", p)
				}
			}
			return nil
		})
	})
}
