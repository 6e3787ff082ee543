package shapes

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"unicode/utf16"

	"mopsdesk/backend"
	"mopsdesk/backend/sheet"
)

// Each problem names its sheet, row and column, with the cell's text, a
// message key and an English message; the row adds nothing and the rows
// around it are still read.
func TestProblems_NameTheCell(t *testing.T) {
	cases := []struct {
		name, key, column, text string
		row                     int
		lines                   []string
	}{
		{"bad amount", "results.bad_amount", "Cost", "12..3", 4, []string{"Campaign report", "March 1, 2025 - March 31, 2025",
			"Day,Campaign,Currency code,Impr.,Clicks,Cost", "2025-03-01,A,EUR,1,1,12..3", "2025-03-02,A,EUR,1,1,1.00"}},
		{"bad day", "results.bad_day", "Day", "2025-13-45", 2, []string{
			"Day,Campaign,Currency code,Impr.,Clicks,Cost", "2025-13-45,A,EUR,1,1,1.00", "2025-03-02,A,EUR,1,1,1.00"}},
		{"ambiguous day", "results.ambiguous_day", "Day", "03/04/2025", 2, []string{
			"Day,Campaign,Currency code,Impr.,Clicks,Cost", "03/04/2025,A,EUR,1,1,1.00", "2025-03-02,A,EUR,1,1,1.00"}},
		{"bad count", "results.bad_number", "Clicks", "many", 2, []string{
			"Day,Campaign,Currency code,Impr.,Clicks,Cost", "2025-03-01,A,EUR,1,many,1.00", "2025-03-02,A,EUR,1,1,1.00"}},
		{"no currency", "results.no_currency", "Amount spent", "12.00", 2, []string{
			"Campaign name,Day,Amount spent,Impressions,Reach,Results", "A,2025-03-01,12.00,1,1,1", "A,2025-03-02,€1.00,1,1,1"}},
		{"no period", "results.no_period", "", "", 3, []string{"Campaign report",
			"Campaign,Currency code,Impr.,Clicks,Cost", "A,EUR,1,1,1.00"}},
		{"no campaign", "results.no_campaign", "Campaign", "", 2, []string{
			"Day,Campaign,Currency code,Impr.,Clicks,Cost", "2025-03-01,,EUR,1,1,1.00", "2025-03-02,A,EUR,1,1,1.00"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := read(t, "bad.csv", csvFile(c.lines...), "")[0]
			if len(s.Problems) != 1 {
				t.Fatalf("problems = %v, want one", s.Problems)
			}
			p := s.Problems[0]
			if p.Key != c.key || p.Row != c.row || p.Column != c.column || p.Text != c.text || p.Sheet != "bad.csv" {
				t.Errorf("problem = %+v, want %s at row %d column %q text %q", p, c.key, c.row, c.column, c.text)
			}
			if !strings.Contains(p.Msg, "row ") || p.Err().Fields["file"].Key != c.key || p.Err().Code != backend.EINVALID {
				t.Errorf("message %q / error %+v", p.Msg, p.Err())
			}
			if want := min(1, len(c.lines)-c.row); len(s.Facts) != want {
				t.Errorf("facts = %s, want the one good row", render(s.Facts))
			}
		})
	}
}

// A totals row that does not add up is a warning on the sheet.
func TestTotals_Differ(t *testing.T) {
	s := read(t, "g.csv", csvFile("Day,Campaign,Currency code,Impr.,Clicks,Cost",
		"2025-03-01,A,EUR,1,1,1.00", "Total: Account,,,1,1,2.00"), "")[0]
	if len(s.Warnings) != 1 || s.Warnings[0].Key != "results.totals_differ" || s.Warnings[0].Params["currency"] != "EUR" {
		t.Errorf("warnings = %+v", s.Warnings)
	}
}

// A sheet of no known export is one problem, not a guess: its columns
// are offered for the user to map, its rows are not read.
func TestDetect_Unknown(t *testing.T) {
	s := read(t, "list.csv", csvFile("Name,Owner,Budget", "Spring,Ana,1000"), "")[0]
	if s.Readable() || s.Detection.Shape != Generic || len(s.Facts) != 0 || len(s.Problems) != 1 || s.Problems[0].Key != "results.unknown_shape" {
		t.Errorf("got %+v", s)
	}
}

// Detection picks each export's own shape, surely, over the others.
func TestDetect_Confidence(t *testing.T) {
	headers := map[string]string{
		"google_ads_campaigns":     "Day,Campaign,Campaign type,Currency code,Impr.,Clicks,Cost,Conversions",
		"microsoft_ads_campaigns":  "Gregorian date,Campaign name,Currency code,Impr.,Clicks,Spend,Conv.",
		"meta_ads_campaigns":       "Campaign name,Reporting starts,Reporting ends,Amount spent (USD),Impressions,Reach,Results,Link clicks",
		"linkedin_campaigns":       "Campaign Name,Campaign ID,Start Date (in UTC),Currency,Total Spent,Impressions,Clicks,Leads",
		"tiktok_campaigns":         "Campaign name,By Day,Currency,Cost,Impressions,Clicks (destination),Conversions",
		"ga4_acquisition":          "Session campaign,Session source / medium,Session default channel group,Sessions,Key events",
		"hubspot_contacts":         "Record ID,First Name,Last Name,Email,Lifecycle Stage,Create Date,Original Source",
		"hubspot_deals":            "Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Pipeline",
		"salesforce_leads":         "First Name,Last Name,Company / Account,Lead Status,Lead Source,Created Date",
		"salesforce_opportunities": "Opportunity Name,Account Name,Stage,Amount,Close Date,Created Date,Primary Campaign Source",
	}
	for want, h := range headers {
		d, err := Detect("s", []sheet.Row{{Number: 1, Cells: strings.Split(h, ",")}}, true)
		if err != nil {
			t.Fatalf("%s: %v", want, err)
		}
		if d.Shape.Name != want || d.Confidence < 0.8 {
			t.Errorf("%s detected as %s (%.2f)", want, d.Shape.Name, d.Confidence)
		}
		for _, o := range d.Others {
			if o.Confidence >= d.Confidence {
				t.Errorf("%s: %s is as likely (%.2f)", want, o.Shape.Name, o.Confidence)
			}
		}
	}
}

// Google Ads' "CSV" download is UTF-16 with tabs.
func TestGoogleAds_UTF16Tabs(t *testing.T) {
	text := "Campaign report\r\n1 March 2025 - 31 March 2025\r\nCampaign\tCurrency code\tImpr.\tClicks\tCost\r\nSpring\tUSD\t1,000\t10\t5.50\r\n"
	u := utf16.Encode([]rune(text))
	data := []byte{0xFF, 0xFE}
	for _, c := range u {
		data = append(data, byte(c), byte(c>>8))
	}
	golden(t, read(t, "google.csv", data, "")[0], "google_ads_campaigns",
		`2025-03-01..2025-03-31 google_ads "Spring" impr=1000 clicks=10 cost=550 USD`)
}

// Garbage never panics: random rows through Detect and the reader, and
// cut or scrambled exports through ReadFile.
func TestGarbage_NeverPanics(t *testing.T) {
	rng := rand.New(rand.NewSource(21))
	words := []string{"Campaign", "Cost", "Day", "Impr.", "Clicks", "Total", "Razem", "#", "1.234,56", "1,234.56", "--",
		"(12)", "€", "zł", "₺", "2025-02-30", "31/31/2025", "1 marca 2025 - ", "۱۲۳", "Lifecycle Stage", "Create Date",
		"Stage", "Amount", "Close Date", "Closed Won", "Start date: 2025", "", " ", "\x00", "1e999", "-", "Amount spent (XXX)"}
	for i := 0; i < 300; i++ {
		var rows []sheet.Row
		for r := 0; r < 1+rng.Intn(12); r++ {
			cells := make([]string, rng.Intn(8))
			for c := range cells {
				cells[c] = words[rng.Intn(len(words))]
			}
			rows = append(rows, sheet.Row{Number: r + 1, Cells: cells})
		}
		d, err := Detect("g", rows, rng.Intn(2) == 0)
		if err != nil {
			continue
		}
		rd := NewReader(d, "g", "", false)
		for _, r := range rows {
			if err := rd.Row(r); err != nil {
				if _, ok := err.(*Problem); !ok {
					t.Fatalf("not a *Problem: %v", err)
				}
			}
		}
		rd.Facts()
	}
	seed := csvFile("Campaign report", "1 marca 2025 - 2 marca 2025", "Dzień;Kampania;Kod waluty;Wyśw.;Kliknięcia;Koszt",
		"01.03.2025;Wiosna;PLN;1 234;56;1.234,56", "Razem;;;1 234;56;1.234,56")
	xl := xlsxFile(t, "S", []any{"Campaign", "Cost", "Day"}, []any{"A", 1.5, 45717.0})
	for i := 0; i < 300; i++ {
		for _, base := range [][]byte{seed, xl} {
			data := bytes.Clone(base[:rng.Intn(len(base)+1)])
			for j := 0; j < rng.Intn(4) && len(data) > 0; j++ {
				data[rng.Intn(len(data))] = byte(rng.Intn(256))
			}
			if _, err := ReadFile(bytes.NewReader(data), int64(len(data)), "x.csv", "EUR"); isCrash(err) {
				t.Fatalf("%q: %v", data, err)
			}
		}
	}
}

// FuzzReadFile runs its seeds in every test run; `go test -fuzz` goes on.
func FuzzReadFile(f *testing.F) {
	f.Add(csvFile("# Start date: 20250301", "Session campaign,Sessions,Key events", "a,1,1"))
	f.Add(csvFile("Opportunity Name,Stage,Amount,Close Date", "x,Closed Won,EUR 1,00,01.02.2025"))
	f.Add(csvFile("اسم الحملة,بداية التقارير,نهاية التقارير,المبلغ المنفق (SAR),النتائج", "أ,٠١/٠٣/٢٠٢٥,٣١/٠٣/٢٠٢٥,١٬٢٣٤٫٥٦,٣", "المجموع,,,١٬٢٣٤٫٥٦,٣"))
	f.Add(csvFile("1 มี.ค. 2568 - 31 มี.ค. 2568", "แคมเปญ,ค่าใช้จ่าย,การแสดงผล", `ก,"1,234.56",๑๒`, "รวม,1234.56,12"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if _, err := ReadFile(bytes.NewReader(data), int64(len(data)), "f.csv", "USD"); isCrash(err) {
			t.Fatal(err)
		}
	})
}

// isCrash is a panic ReadFile caught: a fault of the readers.
func isCrash(err error) bool {
	var c *sheet.Crash
	return errors.As(err, &c)
}

// Numbers in the locales the app speaks, with their decimal separator.
func TestNumbers_Locales(t *testing.T) {
	cases := []struct {
		text string
		dec  byte
		want int64 // minor units of EUR
	}{
		{"1,234.56", '.', 123456}, {"1.234,56", ',', 123456}, {"1 234,56", ',', 123456}, {"1\u00a0234,56", ',', 123456},
		{"1\u202f234,56", ',', 123456}, {"۱۲٬۳۴۵٫۶۷", ',', 1234567}, {"١٢٣٫٤", ',', 12340}, {"๑,๒๓๔.๕", '.', 123450},
		{"(12.00)", '.', -1200}, {"-0,5", ',', -50}, {"€1,234.56", '.', 123456}, {"1.234,56 €", ',', 123456}, {"1'234.50", '.', 123450},
	}
	for _, c := range cases {
		m, err := money(c.text, c.dec, "EUR")
		if err != nil || m.Amount != c.want || m.Currency != "EUR" {
			t.Errorf("money(%q, %c) = %+v, %v; want %d", c.text, c.dec, m, err, c.want)
		}
	}
	for _, bad := range []string{"1,2,3.4.5", "12 apples", "EUR 1 USD", "1.2.3,4,5"} {
		if _, err := money(bad, ',', "EUR"); err == nil {
			t.Errorf("money(%q) read", bad)
		}
	}
}

// One export with several currencies (a manager account): a fact per
// campaign, day and currency; money is never added across currencies.
func TestSeveralCurrencies(t *testing.T) {
	s := read(t, "mcc.csv", csvFile(
		"Day,Campaign,Currency code,Impr.,Clicks,Cost",
		"2025-03-01,Spring,EUR,10,1,1.50",
		"2025-03-01,Spring,USD,20,2,2.50",
		"2025-03-01,Spring,EUR,5,1,0.50",
		"Total: Account,,,35,4,4.50",
	), "")
	golden(t, s[0], "google_ads_campaigns",
		`2025-03-01..2025-03-01 google_ads "Spring" impr=15 clicks=2 cost=200 EUR`,
		`2025-03-01..2025-03-01 google_ads "Spring" impr=20 clicks=2 cost=250 USD`)
}

// The preview can show what each column was read as.
func TestDetect_Columns(t *testing.T) {
	d, err := Detect("s", []sheet.Row{{Number: 1, Cells: []string{"Campaign name", "Amount spent (USD)", "Reach", "Reporting starts"}}}, true)
	if err != nil {
		t.Fatal(err)
	}
	got := fmt.Sprint(d.Columns())
	if want := "[{A Campaign name campaign  } {B Amount spent (USD) cost USD } {C Reach   } {D Reporting starts from  }]"; got != want {
		t.Errorf("columns = %s, want %s", got, want)
	}
}
