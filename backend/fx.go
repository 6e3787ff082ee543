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

// PlanningRate is the budget rate of a currency: what the plan assumes
// one unit is worth in the base currency in every month that has no
// monthly rate yet. It carries forward until the month's actual rate is
// set, so future payments and planned foreign spend stay in the budget.
type PlanningRate struct {
	Currency string `json:"currency"`
	Rate     string `json:"rate"`
}

// Normalize trims and upper-cases.
func (r *PlanningRate) Normalize() {
	r.Currency = strings.ToUpper(strings.TrimSpace(r.Currency))
	r.Rate = strings.TrimSpace(r.Rate)
}

// Validate returns an EINVALID error naming each wrong field.
func (r *PlanningRate) Validate() error {
	fe := FieldErrors{}
	if _, ok := LookupCurrency(r.Currency); !ok {
		fe.Add("currency", "money.currency_unknown", map[string]any{"currency": r.Currency})
	}
	if !ratePattern.MatchString(r.Rate) || isZero(r.Rate) {
		fe.Add("rate", "fx.rate_invalid", map[string]any{"value": r.Rate})
	}
	return fe.Err("planning rate")
}

// Rates picks the rate every conversion to the base currency uses, the
// same rule everywhere (budget, contracts, spend list, reports): the
// month's own rate where one is set, else the currency's planning rate,
// which is reported as assumed; with neither, there is no rate.
type Rates struct {
	base     string
	monthly  map[[2]string]string
	planning map[string]string
}

// NewRates builds the rule from the stored monthly and planning rates.
func NewRates(base string, monthly []FXRate, planning []PlanningRate) *Rates {
	r := &Rates{base: base, monthly: make(map[[2]string]string, len(monthly)), planning: make(map[string]string, len(planning))}
	for _, m := range monthly {
		r.monthly[[2]string{m.Currency, m.Month}] = m.Rate
	}
	for _, p := range planning {
		r.planning[p.Currency] = p.Rate
	}
	return r
}

// Rate returns the rate of currency in month (YYYY-MM), whether it is a
// planning rate, and false when no rate applies.
func (r *Rates) Rate(currency, month string) (rate string, assumed, ok bool) {
	if currency == r.base {
		return "1", false, true
	}
	if v, ok := r.monthly[[2]string{currency, month}]; ok {
		return v, false, true
	}
	if v, ok := r.planning[currency]; ok {
		return v, true, true
	}
	return "", false, false
}

// ToBase converts amount (minor units of currency) spent in month to the
// base currency by the rule of Rate.
func (r *Rates) ToBase(amount int64, currency, month string) (v int64, assumed, ok bool) {
	rate, assumed, ok := r.Rate(currency, month)
	if !ok {
		return 0, false, false
	}
	if currency == r.base {
		return amount, false, true
	}
	from, okFrom := LookupCurrency(currency)
	to, okTo := LookupCurrency(r.base)
	if !okFrom || !okTo {
		return 0, false, false
	}
	v, ok = Convert(amount, from, to, rate)
	return v, assumed, ok
}

// InBase is an amount converted to the base currency, with the rate used.
type InBase struct {
	Amount   int64  `json:"amount"`
	Currency string `json:"currency"`
	Rate     string `json:"rate"`
	// Assumed is true when the rate is the currency's planning rate.
	Assumed bool `json:"assumed"`
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
