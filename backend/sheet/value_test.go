package sheet

import (
	"encoding/json"
	"errors"
	"math/big"
	"os"
	"testing"
)

func TestParseDate(t *testing.T) {
	cases := []struct {
		in    string
		order Order
		want  string
	}{
		{"2025-03-01", "", "2025-03-01"},
		{"2025/3/1", "", "2025-03-01"},
		{"2025-03-01 10:30", "", "2025-03-01"},
		{"2025-03-01T10:30:00Z", "", "2025-03-01"},
		{"01/03/2025", OrderDayFirst, "2025-03-01"},
		{"03/01/2025", OrderMonthFirst, "2025-03-01"},
		{"1.3.2025", OrderDayFirst, "2025-03-01"},
		{"13/03/2025", "", "2025-03-13"},
		{"03/13/2025", "", "2025-03-13"},
		{"1-Mar-25", "", "2025-03-01"},
		{"11-May-2026", "", "2026-05-11"},
		{"02-08-23", OrderMonthFirst, "2023-02-08"},
		{"March 1, 2025", "", "2025-03-01"},
		{"Saturday, March 1st, 2025", "", "2025-03-01"},
		{"1 marca 2025", "", "2025-03-01"},
		{"1 Mart 2025", "", "2025-03-01"},
		{"۱ مارس ۲۰۲۵", "", "2025-03-01"},
		{"١ مارس ٢٠٢٥", "", "2025-03-01"},
		{"1 آذار 2025", "", "2025-03-01"},
		{"5 كانون الثاني 2025", "", "2025-01-05"},
		{"1 มีนาคม 2568", "", "2025-03-01"},
		{"1 มี.ค. 2568", "", "2025-03-01"},
		{"۱۴۰۳/۱۲/۱۱", "", "2025-03-01"},
		{"1403-01-01", "", "2024-03-20"},
		{"1400/01/01", "", "2021-03-21"},
		{"45717", "", "2025-03-01"},
		{"46153.0", "", "2026-05-11"},
		{"61", "", "1900-03-01"},
		{"59", "", "1900-02-28"},
		{"1", "", "1900-01-01"},
	}
	for _, c := range cases {
		got, err := ParseDate(c.in, c.order, false)
		if err != nil || got != c.want {
			t.Errorf("ParseDate(%q, %q) = %q, %v; want %q", c.in, c.order, got, err, c.want)
		}
	}
	if got, _ := ParseDate("0", "", true); got != "" {
		t.Errorf("serial 0 in 1904 read as %q", got)
	}
	if got, err := ParseDate("43890", "", true); err != nil || got != "2024-03-01" {
		t.Errorf("1904 serial: %q %v", got, err)
	}
	for _, bad := range []string{"", "31/02/2025", "hello", "60", "2025-13-01", "12/13/14/15", "Mar", "1404/12/30", "2025"} {
		if got, err := ParseDate(bad, OrderDayFirst, false); err == nil {
			t.Errorf("ParseDate(%q) = %q, want an error", bad, got)
		}
	}
	if _, err := ParseDate("03/01/2025", "", false); !errors.Is(err, ErrAmbiguous) {
		t.Errorf("03/01/2025 without an order: %v, want ErrAmbiguous", err)
	}
	if d, m := DayMonth("03/01/2025"); !d || !m {
		t.Error("03/01/2025 allows both orders")
	}
	if d, m := DayMonth("13/01/2025"); !d || m {
		t.Error("13/01/2025 is day first only")
	}
	if d, m := DayMonth("2025-01-13"); d || m {
		t.Error("ISO dates say nothing about the order")
	}
}

func TestParseAmount(t *testing.T) {
	cases := []struct{ in, value, cur string }{
		{"1200.5", "2401/2", ""},
		{"$1,200.50", "2401/2", "USD"},
		{"€59,99", "5999/100", "EUR"},
		{"1.234,56 zł", "30864/25", "PLN"},
		{"₺1.250", "1250", "TRY"},
		{"฿3,000", "3000", "THB"},
		{"(1,200)", "-1200", ""},
		{"($5.25)", "-21/4", "USD"},
		{"-5", "-5", ""},
		{"5-", "-5", ""},
		{"۱۲۳٬۴۵۶", "123456", ""},
		{"٣٫٥", "7/2", ""},
		{" PKR 200,000 ", "200000", "PKR"},
		{"1 234,56 €", "30864/25", "EUR"},
		{"USD 10", "10", "USD"},
		{"1.5", "3/2", ""},
		{"1,234,567", "1234567", ""},
		{"12 500 ریال", "12500", "IRR"},
	}
	for _, c := range cases {
		a, err := ParseAmount(c.in)
		if err != nil || a.Value.RatString() != c.value || a.Currency != c.cur {
			t.Errorf("ParseAmount(%q) = %v %q, %v; want %s %q", c.in, a.Value, a.Currency, err, c.value, c.cur)
		}
	}
	for _, bad := range []string{"", "abc", "1,23,4", "$", "12 apples", "€5 $6", "1.2.3,4,5"} {
		if a, err := ParseAmount(bad); err == nil {
			t.Errorf("ParseAmount(%q) = %v, want an error", bad, a.Value)
		}
	}
	a, _ := ParseAmount("1.005")
	if m, ok := Minor(a.Value, "USD"); !ok || m != 100 {
		t.Errorf("1.005 USD = %d minor units, want 100 (half to even)", m)
	}
	a, _ = ParseAmount("-2.5")
	if m, _ := Minor(a.Value, "JPY"); m != -2 {
		t.Errorf("-2.5 JPY = %d, want -2", m)
	}
}

func TestPlainMinor(t *testing.T) {
	for _, c := range []struct {
		in    string
		units int
		want  int64
	}{{"1234.5", 2, 123450}, {"-0.125", 2, -12}, {"0.135", 2, 14}, {"2.5", 0, 2}, {"3.5", 0, 4}, {"1.0051", 2, 101}, {"7", 3, 7000}} {
		got, ok := plainMinor(c.in, c.units)
		if !ok || got != c.want {
			t.Errorf("plainMinor(%q, %d) = %d, %v; want %d", c.in, c.units, got, ok, c.want)
		}
		// The same as the exact path.
		a, _ := ParseAmount(c.in)
		cur := map[int]string{0: "JPY", 2: "USD", 3: "KWD"}[c.units]
		if m, _ := Minor(a.Value, cur); m != got {
			t.Errorf("%q: fast %d, exact %d", c.in, got, m)
		}
	}
}

func FuzzParseValues(f *testing.F) {
	for _, s := range []string{"2025-03-01", "1-Mar-25", "۱۴۰۳/۱۲/۱۱", "$1,200.50", "(1.234,56 zł)", "45717", "1e308", "9999999999999999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, o := range []Order{OrderUnknown, OrderDayFirst, OrderMonthFirst} {
			if d, err := ParseDate(s, o, false); err == nil && len(d) != 10 {
				t.Fatalf("ParseDate(%q) = %q", s, d)
			}
		}
		if a, err := ParseAmount(s); err == nil {
			exact, ok := Minor(a.Value, "USD")
			if fast, ok2 := plainMinor(s, 2); ok && ok2 && fast != exact {
				t.Fatalf("%q: fast %d, exact %d", s, fast, exact)
			}
		}
		ParseBool(s)
		ParseInt(s)
		DayMonth(s)
	})
}

// Letters whose lower case is shorter (Turkish İ) or longer (Ⱥ) than the
// letter must not shift where the amount's digits are cut out.
func TestParseAmount_LowerCaseOfOtherLength(t *testing.T) {
	for _, s := range []string{"İ0", "İlkbahar 2025", "İptal 500", "500 İptal", "Ⱥ5", "5 Ⱥ", "ȺȺȺ 5 ȺȺȺ"} {
		if a, err := ParseAmount(s); err == nil {
			t.Errorf("ParseAmount(%q) = %v %s, want not an amount", s, a.Value, a.Currency)
		}
	}
	for s, want := range map[string]string{"1.250 TL": "1250 TRY", "TL 1.250": "1250 TRY", "₺1.250": "1250 TRY", "(İ) 5": ""} {
		a, err := ParseAmount(s)
		got := ""
		if err == nil {
			got = a.Value.RatString() + " " + a.Currency
		}
		if got != want {
			t.Errorf("ParseAmount(%q) = %q, want %q", s, got, want)
		}
	}
}

// The other parsers lower-case whole strings and never mix indexes of the
// two: dotted capitals read as their words, and nothing is cut short.
func TestParsers_LowerCaseOfOtherLength(t *testing.T) {
	if m := MonthOf("NİSAN"); m != 4 {
		t.Errorf("MonthOf(NİSAN) = %d", m)
	}
	if d, err := ParseDate("1 NİSAN 2025", "", false); err != nil || d != "2025-04-01" {
		t.Errorf("ParseDate(1 NİSAN 2025) = %q, %v", d, err)
	}
	if w := Weekday("PAZARTESİ"); w != 0 {
		t.Errorf("Weekday(PAZARTESİ) = %d", w)
	}
	if !IsTotalRow([]string{"GENEL TOPLAM", "5"}) || IsTotalRow([]string{"İlkbahar 2025"}) {
		t.Error("IsTotalRow")
	}
	for _, s := range []string{"İ0", "İlkbahar 2025", "Ⱥ 1/2/2025", "1 İ 2025 Ⱥ"} {
		ParseDate(s, OrderDayFirst, false)
		ParseBool(s)
		DayMonth(s)
		normHeader(s)
	}
}

// TestParseAmountShared holds the importer to the table the app's money
// fields are tested against too, so paste, forms and import read the same
// text as the same amount.
func TestParseAmountShared(t *testing.T) {
	raw, err := os.ReadFile("testdata/amounts.json")
	if err != nil {
		t.Fatal(err)
	}
	var table struct {
		Cases []struct {
			Text     string `json:"text"`
			Value    string `json:"value"`
			Currency string `json:"currency"`
			Error    bool   `json:"error"`
		} `json:"cases"`
	}
	if err := json.Unmarshal(raw, &table); err != nil {
		t.Fatal(err)
	}
	for _, c := range table.Cases {
		a, err := ParseAmount(c.Text)
		if c.Error {
			if err == nil {
				t.Errorf("ParseAmount(%q) = %s %q, want an error", c.Text, a.Value.RatString(), a.Currency)
			}
			continue
		}
		want, ok := new(big.Rat).SetString(c.Value)
		if !ok {
			t.Fatalf("bad value %q in the table", c.Value)
		}
		if err != nil || a.Value.Cmp(want) != 0 || a.Currency != c.Currency {
			t.Errorf("ParseAmount(%q) = %v %q, %v; want %s %q", c.Text, a.Value, a.Currency, err, c.Value, c.Currency)
		}
	}
}
