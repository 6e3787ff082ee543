package backend_test

import (
	"testing"

	"mopsdesk/backend"
)

func cur(code string) backend.Currency {
	c, _ := backend.LookupCurrency(code)
	return c
}

func TestConvert(t *testing.T) {
	tests := []struct {
		name     string
		amount   int64
		from, to string
		rate     string
		want     int64
	}{
		{"Same", 12345, "USD", "USD", "1", 12345},
		{"EURtoPLN", 10000, "EUR", "PLN", "4.2816", 42816},      // 100.00 EUR = 428.16 PLN
		{"JPYtoUSD", 1500, "JPY", "USD", "0.0066", 990},         // ¥1,500 = $9.90
		{"USDtoJPY", 999, "USD", "JPY", "151.37", 1512},         // $9.99 = ¥1,512.1863 → 1,512
		{"KWDtoUSD", 1234, "KWD", "USD", "3.25", 401},           // 1.234 KWD = 4.0105 USD → 4.01
		{"USDtoBHD", 100, "USD", "BHD", "0.376", 376},           // $1.00 = 0.376 BHD
		{"HalfEvenDown", 5, "EUR", "USD", "0.5", 2},             // 2.5 cents → 2
		{"HalfEvenUp", 15, "EUR", "USD", "0.5", 8},              // 7.5 cents → 8
		{"NegativeRefundHalfEven", -5, "EUR", "USD", "0.5", -2}, // -2.5 → -2
		{"NegativeRefund", -10000, "EUR", "PLN", "4.2816", -42816},
		{"ThreeToZero", 1500, "KWD", "JPY", "490.5", 736}, // 1.500 KWD = 735.75 JPY → 736
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := backend.Convert(tt.amount, cur(tt.from), cur(tt.to), tt.rate)
			if !ok || got != tt.want {
				t.Fatalf("Convert(%d %s→%s @%s) = %d, %v; want %d", tt.amount, tt.from, tt.to, tt.rate, got, ok, tt.want)
			}
		})
	}
	if _, ok := backend.Convert(1, cur("EUR"), cur("USD"), "abc"); ok {
		t.Error("a rate that is not a number must fail")
	}
}

func TestFXRate_Validate(t *testing.T) {
	for _, tt := range []struct {
		r     backend.FXRate
		field string
	}{
		{backend.FXRate{Currency: "EUR", Month: "2026-04", Rate: "1.0842"}, ""},
		{backend.FXRate{Currency: "EURO", Month: "2026-04", Rate: "1.08"}, "currency"},
		{backend.FXRate{Currency: "EUR", Month: "2026-13", Rate: "1.08"}, "month"},
		{backend.FXRate{Currency: "EUR", Month: "2026-04", Rate: "0"}, "rate"},
		{backend.FXRate{Currency: "EUR", Month: "2026-04", Rate: "-1.2"}, "rate"},
		{backend.FXRate{Currency: "EUR", Month: "2026-04", Rate: "1,08"}, "rate"},
	} {
		err := tt.r.Validate()
		if tt.field == "" {
			if err != nil {
				t.Errorf("%+v: %v", tt.r, err)
			}
			continue
		}
		e, ok := err.(*backend.Error)
		if !ok || e.Fields[tt.field].Key == "" {
			t.Errorf("%+v: err %v, want a problem with %s", tt.r, err, tt.field)
		}
	}
}

func TestFiscalYears(t *testing.T) {
	tests := []struct {
		day        string
		startMonth int
		year, fm   int
		from, to   string
		label      string
	}{
		{"2026-01-01", 1, 2026, 1, "2026-01-01", "2026-12-31", "FY 2026"},
		{"2026-12-31", 1, 2026, 12, "2026-01-01", "2026-12-31", "FY 2026"},
		{"2026-03-31", 4, 2025, 12, "2025-04-01", "2026-03-31", "FY 2025/26"},
		{"2026-04-01", 4, 2026, 1, "2026-04-01", "2027-03-31", "FY 2026/27"},
		{"2028-02-29", 4, 2027, 11, "2027-04-01", "2028-03-31", "FY 2027/28"}, // leap day
		{"2026-06-30", 7, 2025, 12, "2025-07-01", "2026-06-30", "FY 2025/26"},
		{"2026-07-01", 7, 2026, 1, "2026-07-01", "2027-06-30", "FY 2026/27"},
		{"2099-12-31", 7, 2099, 6, "2099-07-01", "2100-06-30", "FY 2099/00"},
	}
	for _, tt := range tests {
		y, ok := backend.FiscalYearOf(tt.day, tt.startMonth)
		fm, _ := backend.FiscalMonth(tt.day, tt.startMonth)
		from, to := backend.FiscalYearRange(y, tt.startMonth)
		label := backend.FiscalYearLabel(y, tt.startMonth)
		if !ok || y != tt.year || fm != tt.fm || from != tt.from || to != tt.to || label != tt.label {
			t.Errorf("%s start %d: FY %d month %d %s..%s %q; want %d %d %s..%s %q",
				tt.day, tt.startMonth, y, fm, from, to, label, tt.year, tt.fm, tt.from, tt.to, tt.label)
		}
	}
	// The leap-year February of FY 2027/28 (April start) is its 11th period.
	from, to := backend.FiscalPeriodRange(2027, 4, backend.Monthly, 11)
	if from != "2028-02-01" || to != "2028-02-29" {
		t.Errorf("period 11 = %s..%s", from, to)
	}
	from, to = backend.FiscalPeriodRange(2026, 7, backend.Quarterly, 3)
	if from != "2027-01-01" || to != "2027-03-31" {
		t.Errorf("Q3 of FY 2026/27 (July start) = %s..%s", from, to)
	}
}

func TestRates(t *testing.T) {
	r := backend.NewRates("EUR",
		[]backend.FXRate{{Currency: "USD", Month: "2026-11", Rate: "0.95"}},
		[]backend.PlanningRate{{Currency: "USD", Rate: "0.9"}})
	for _, tt := range []struct {
		name, currency, month string
		amount, want          int64
		assumed, ok           bool
	}{
		{"MonthlyRateWins", "USD", "2026-11", 100_000, 95_000, false, true},
		{"PlanningRateCarriesForward", "USD", "2027-02", 100_000, 90_000, true, true},
		{"PlanningRateForAnEarlierMonthToo", "USD", "2026-04", 100_000, 90_000, true, true},
		{"BaseNeedsNoRate", "EUR", "2027-02", 100_000, 100_000, false, true},
		{"NeitherIsMissing", "GBP", "2026-11", 100_000, 0, false, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			v, assumed, ok := r.ToBase(tt.amount, tt.currency, tt.month)
			if v != tt.want || assumed != tt.assumed || ok != tt.ok {
				t.Fatalf("ToBase = %d, %v, %v; want %d, %v, %v", v, assumed, ok, tt.want, tt.assumed, tt.ok)
			}
		})
	}
}

func TestPlanningRate_Validate(t *testing.T) {
	if err := (&backend.PlanningRate{Currency: "USD", Rate: "0.92"}).Validate(); err != nil {
		t.Fatal(err)
	}
	for _, r := range []backend.PlanningRate{{Currency: "USD", Rate: "0"}, {Currency: "USD", Rate: "0,92"}, {Currency: "XYZ1", Rate: "1"}} {
		if err := r.Validate(); backend.ErrorCode(err) != backend.EINVALID {
			t.Errorf("%+v: %v", r, err)
		}
	}
}
