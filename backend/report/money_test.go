package report_test

import (
	"math"
	"testing"

	"mopsdesk/backend"
	"mopsdesk/backend/report"
)

// The report's money cells are major units converted from minor units by
// the currency's exponent, not read back from a formatted string.
func TestReportMoneyInMajorUnits(t *testing.T) {
	for _, c := range []struct {
		m    backend.Money
		want float64
	}{
		{backend.Money{Amount: 1_200, Currency: "JPY"}, 1200},
		{backend.Money{Amount: 123_456, Currency: "USD"}, 1234.56},
		{backend.Money{Amount: 1_234_567, Currency: "KWD"}, 1234.567},
		{backend.Money{Amount: 999_999_999_999_999, Currency: "USD"}, 9999999999999.99},
		// Its decimal string read "--92233720368547758.08", which parsed to 0.
		{backend.Money{Amount: math.MinInt64, Currency: "USD"}, -92233720368547758.08},
	} {
		if got := report.Money(c.m); got != c.want {
			t.Errorf("%d %s: %v, want %v", c.m.Amount, c.m.Currency, got, c.want)
		}
	}
}
