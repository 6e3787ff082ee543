package backend

import (
	"fmt"
	"math/big"
	"sort"
	"strings"
)

// Money is an amount in the minor units of its currency (cents for USD,
// yen for JPY, fils for KWD) plus the ISO 4217 code. Money is never a float.
type Money struct {
	Amount   int64  `json:"amount"`
	Currency string `json:"currency"`
}

// Currency describes an ISO 4217 currency as far as the app needs it.
type Currency struct {
	Code       string `json:"code"`
	MinorUnits int    `json:"minorUnits"`
}

// minorUnitExceptions lists the active ISO 4217 currencies whose minor unit
// is not 2 (ISO 4217 amendment list, 2024). Every other listed code has 2.
var minorUnitExceptions = map[string]int{
	"BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "ISK": 0, "JPY": 0, "KMF": 0,
	"KRW": 0, "PYG": 0, "RWF": 0, "UGX": 0, "UYI": 0, "VND": 0, "VUV": 0,
	"XAF": 0, "XOF": 0, "XPF": 0,
	"BHD": 3, "IQD": 3, "JOD": 3, "KWD": 3, "LYD": 3, "OMR": 3, "TND": 3,
	"CLF": 4, "UYW": 4,
}

// activeCurrencies is the list of active ISO 4217 codes used for money
// (funds and precious metals excluded, except the units above that are).
var activeCurrencies = strings.Fields(`
AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB
BRL BSD BTN BWP BYN BZD CAD CDF CHF CLF CLP CNY COP CRC CUP CVE CZK DJF DKK
DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG
HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT
LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR
MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB
RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT
TND TOP TRY TTD TWD TZS UAH UGX USD UYI UYU UYW UZS VES VED VND VUV WST XAF
XCD XCG XOF XPF YER ZAR ZMW ZWG`)

var currencies = func() map[string]Currency {
	m := make(map[string]Currency, len(activeCurrencies))
	for _, code := range activeCurrencies {
		units, ok := minorUnitExceptions[code]
		if !ok {
			units = 2
		}
		m[code] = Currency{Code: code, MinorUnits: units}
	}
	return m
}()

// LookupCurrency returns the currency with the given ISO 4217 code.
func LookupCurrency(code string) (Currency, bool) {
	c, ok := currencies[code]
	return c, ok
}

// Currencies returns every known currency, ordered by code.
func Currencies() []Currency {
	out := make([]Currency, 0, len(activeCurrencies))
	seen := make(map[string]bool, len(activeCurrencies))
	for _, code := range activeCurrencies {
		if !seen[code] {
			seen[code] = true
			out = append(out, currencies[code])
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out
}

// MaxMoneyAmount bounds amounts so that sums of many of them, and the
// frontend's integer arithmetic (safe up to 2^53), never overflow.
const MaxMoneyAmount = 1_000_000_000_000_000 // 10^15 minor units

// validate records problems with m under field.
func (m Money) validate(fe FieldErrors, field string) {
	if _, ok := LookupCurrency(m.Currency); !ok {
		fe.Add(field, "money.currency_unknown", map[string]any{"currency": m.Currency})
		return
	}
	if m.Amount > MaxMoneyAmount || m.Amount < -MaxMoneyAmount {
		fe.Add(field, "money.too_large", nil)
	}
}

// pow10 holds 10^k for every number of minor units a currency has (0 to 4).
var pow10 = [...]float64{1, 10, 100, 1_000, 10_000}

// Major returns m in major units (dollars, yen, dinars) as the float64
// nearest to its exact decimal value, for spreadsheet cells and charts
// only: sums and comparisons stay in minor units. It divides by ten to the
// currency's minor units; an unknown currency has none, as in String.
func (m Money) Major() float64 {
	c, ok := LookupCurrency(m.Currency)
	if !ok || c.MinorUnits == 0 {
		return float64(m.Amount)
	}
	// Below 2^53 the amount and the power of ten are exact floats, so one
	// division is correctly rounded; beyond it, divide exactly first.
	const exact = 1 << 53
	if c.MinorUnits < len(pow10) && m.Amount > -exact && m.Amount < exact {
		return float64(m.Amount) / pow10[c.MinorUnits]
	}
	den := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(c.MinorUnits)), nil)
	f, _ := new(big.Rat).SetFrac(big.NewInt(m.Amount), den).Float64()
	return f
}

// String renders m as a plain decimal with its code, for logs and exports
// ("1234.50 USD", "1200 JPY", "-0.125 KWD").
func (m Money) String() string {
	c, ok := LookupCurrency(m.Currency)
	if !ok || c.MinorUnits == 0 {
		return fmt.Sprintf("%d %s", m.Amount, m.Currency)
	}
	neg := m.Amount < 0
	a := m.Amount
	if neg {
		a = -a
	}
	digits := fmt.Sprintf("%0*d", c.MinorUnits+1, a)
	cut := len(digits) - c.MinorUnits
	s := digits[:cut] + "." + digits[cut:]
	if neg {
		s = "-" + s
	}
	return s + " " + m.Currency
}
