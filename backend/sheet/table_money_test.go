package sheet_test

import (
	"math"
	"testing"

	"mopsdesk/backend"
	"mopsdesk/backend/sheet"
)

// A money cell holds the amount in major units, converted from minor
// units by the currency's exponent: no detour through a formatted string.
func TestTableMoneyCellsInMajorUnits(t *testing.T) {
	tb, err := sheet.NewTable("Money", []string{"Amount"}, []float64{12})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		m    backend.Money
		want float64
	}{
		{backend.Money{Amount: 1_200, Currency: "JPY"}, 1200},
		{backend.Money{Amount: 123_456, Currency: "USD"}, 1234.56},
		{backend.Money{Amount: -125, Currency: "KWD"}, -0.125},
		{backend.Money{Amount: 999_999_999_999_999, Currency: "EUR"}, 9999999999999.99},
		// The decimal string of this one read "--92233720368547758.08" and did not parse.
		{backend.Money{Amount: math.MinInt64, Currency: "USD"}, -92233720368547758.08},
	} {
		cell, err := tb.Money(c.m)
		if err != nil {
			t.Fatalf("%d %s: %v", c.m.Amount, c.m.Currency, err)
		}
		if cell.Value != c.want {
			t.Errorf("%d %s: cell %v, want %v", c.m.Amount, c.m.Currency, cell.Value, c.want)
		}
	}
}
