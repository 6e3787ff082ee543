package backend

import (
	"math/big"
	"regexp"
	"strings"
)

// An exchange rate says how many units of the base currency one unit of a
// currency was worth in a month ("1 EUR = 4.2816 PLN"). Rates are exact
// decimal strings; money never passes through a float.

// FXRate is the rate of one currency against the base currency for one
// month (YYYY-MM).
type FXRate struct {
	Currency string `json:"currency"`
	Month    string `json:"month"`
	Rate     string `json:"rate"`
}

var (
	ratePattern  = regexp.MustCompile(`^\d{1,9}(\.\d{1,10})?$`)
	monthPattern = regexp.MustCompile(`^\d{4}-(0[1-9]|1[0-2])$`)
)

// Normalize trims and upper-cases.
func (r *FXRate) Normalize() {
	r.Currency = strings.ToUpper(strings.TrimSpace(r.Currency))
	r.Month = strings.TrimSpace(r.Month)
	r.Rate = strings.TrimSpace(r.Rate)
}

// Validate returns an EINVALID error naming each wrong field.
func (r *FXRate) Validate() error {
	fe := FieldErrors{}
	if _, ok := LookupCurrency(r.Currency); !ok {
		fe.Add("currency", "money.currency_unknown", map[string]any{"currency": r.Currency})
	}
	if !monthPattern.MatchString(r.Month) {
		fe.Add("month", "fx.month_invalid", map[string]any{"value": r.Month})
	}
	if !ratePattern.MatchString(r.Rate) || isZero(r.Rate) {
		fe.Add("rate", "fx.rate_invalid", map[string]any{"value": r.Rate})
	}
	return fe.Err("exchange rate")
}

// Convert turns amount (minor units of from) into minor units of to at
// rate (units of to per unit of from). This is the one place where money
// is rounded: exactly once, half to even ("banker's rounding"), so that
// many conversions do not drift in one direction.
func Convert(amount int64, from, to Currency, rate string) (int64, bool) {
	r, ok := new(big.Rat).SetString(rate)
	if !ok || r.Sign() <= 0 {
		return 0, false
	}
	v := new(big.Rat).SetInt64(amount)
	v.Mul(v, r)
	v.Mul(v, pow10Rat(to.MinorUnits-from.MinorUnits))
	return roundHalfEven(v), true
}

func pow10Rat(n int) *big.Rat {
	p := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(abs(n))), nil)
	if n >= 0 {
		return new(big.Rat).SetInt(p)
	}
	return new(big.Rat).SetFrac(big.NewInt(1), p)
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// roundHalfEven rounds a rational to the nearest integer, ties to even.
func roundHalfEven(v *big.Rat) int64 {
	num, den := v.Num(), v.Denom()
	q, r := new(big.Int).QuoRem(num, den, new(big.Int)) // truncates toward zero
	twice := new(big.Int).Mul(new(big.Int).Abs(r), big.NewInt(2))
	switch twice.Cmp(den) {
	case 1:
		q.Add(q, big.NewInt(int64(num.Sign())))
	case 0:
		if q.Bit(0) == 1 {
			q.Add(q, big.NewInt(int64(num.Sign())))
		}
	}
	return q.Int64()
}

// MulDivRound returns amount × num / den rounded half to even, for
// prorating money (run-rate forecasts, percentages) without floats.
func MulDivRound(amount, num, den int64) int64 {
	if den == 0 {
		return 0
	}
	v := new(big.Rat).SetFrac(new(big.Int).Mul(big.NewInt(amount), big.NewInt(num)), big.NewInt(den))
	return roundHalfEven(v)
}
