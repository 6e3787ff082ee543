package backend_test

import (
	"math"
	"math/rand"
	"strconv"
	"strings"
	"testing"

	"mopsdesk/backend"
)

// majorCases are amounts in minor units and the decimal each stands for.
var majorCases = []struct {
	m    backend.Money
	want string
}{
	{backend.Money{Amount: 1_200, Currency: "JPY"}, "1200"},
	{backend.Money{Amount: -7, Currency: "JPY"}, "-7"},
	{backend.Money{Amount: 123_456, Currency: "USD"}, "1234.56"},
	{backend.Money{Amount: 10, Currency: "USD"}, "0.1"},
	{backend.Money{Amount: -125, Currency: "KWD"}, "-0.125"},
	{backend.Money{Amount: 1_234_567, Currency: "KWD"}, "1234.567"},
	{backend.Money{Amount: 12_345, Currency: "CLF"}, "1.2345"},
	{backend.Money{Amount: 999_999_999_999_999, Currency: "USD"}, "9999999999999.99"},
	{backend.Money{Amount: backend.MaxMoneyAmount, Currency: "KWD"}, "1000000000000"},
	// Past 2^53 (sums, never a stored amount) the division is still exact.
	{backend.Money{Amount: 9_007_199_254_740_993, Currency: "USD"}, "90071992547409.93"},
	{backend.Money{Amount: math.MaxInt64, Currency: "KWD"}, "9223372036854775.807"},
	{backend.Money{Amount: math.MinInt64, Currency: "USD"}, "-92233720368547758.08"},
	// An unknown code has no minor unit, as in String.
	{backend.Money{Amount: 5, Currency: "XYZ"}, "5"},
}

func TestMajorIsTheNearestFloatToTheDecimal(t *testing.T) {
	for _, c := range majorCases {
		want, err := strconv.ParseFloat(c.want, 64)
		if err != nil {
			t.Fatal(err)
		}
		if got := c.m.Major(); got != want {
			t.Errorf("%d %s: Major() = %v, want %v", c.m.Amount, c.m.Currency, got, want)
		}
	}
}

// The division gives the same float as reading the decimal String writes,
// for any stored amount of a 0-, 2-, 3- or 4-decimal currency.
func TestMajorMatchesTheDecimalString(t *testing.T) {
	r := rand.New(rand.NewSource(17))
	for i := 0; i < 20_000; i++ {
		code := []string{"JPY", "USD", "EUR", "KWD", "BHD", "CLF"}[i%6]
		amount := r.Int63n(2*backend.MaxMoneyAmount+1) - backend.MaxMoneyAmount
		if i%3 == 0 {
			amount /= int64(math.Pow10(r.Intn(12)))
		}
		m := backend.Money{Amount: amount, Currency: code}
		want, err := strconv.ParseFloat(strings.Fields(m.String())[0], 64)
		if err != nil {
			t.Fatal(err)
		}
		if got := m.Major(); got != want {
			t.Fatalf("%s: Major() = %v, String parses to %v", m, got, want)
		}
	}
}
