package backend

import "math/big"

// AddUp adds o's figures to f: two rows of one fact (a report per ad
// group, a contact each, or the same fact read in two blocks of a large
// file). Money adds up in f's currency only; o's money in another
// currency leaves f's figure as it is (readers keep currencies apart in
// their own facts). Custom metrics add up exactly (AddDecimal).
func (f *ResultFact) AddUp(o *ResultFact) {
	c := f.Counts()
	c.Add(o.Counts())
	f.Impressions, f.Clicks, f.Conversions, f.Leads = c.Impressions, c.Clicks, c.Conversions, c.Leads
	f.MQLs, f.SQLs, f.Opportunities, f.Won = c.MQLs, c.SQLs, c.Opportunities, c.Won
	f.Cost = addMoney(f.Cost, o.Cost)
	f.Pipeline = addMoney(f.Pipeline, o.Pipeline)
	f.Revenue = addMoney(f.Revenue, o.Revenue)
	f.Custom = AddCustom(f.Custom, o.Custom)
}

func addMoney(a, b Money) Money {
	if a.Currency == "" {
		return Money{Amount: a.Amount + b.Amount, Currency: b.Currency}
	}
	if b.Currency == a.Currency || b.Currency == "" {
		a.Amount += b.Amount
	}
	return a
}

// AddCustom adds custom metrics b into a, name by name, and returns a
// (a new map when a is nil and b is not empty).
func AddCustom(a, b map[string]string) map[string]string {
	for name, v := range b {
		if a == nil {
			a = make(map[string]string, len(b))
		}
		a[name] = AddDecimal(a[name], v)
	}
	return a
}

// AddDecimal adds two custom metrics written as decimal text ("" is 0)
// exactly; a text that is not a number leaves a as it is.
func AddDecimal(a, b string) string {
	x, ok1 := new(big.Rat).SetString(or0(a))
	y, ok2 := new(big.Rat).SetString(or0(b))
	if !ok1 || !ok2 {
		return a
	}
	return DecimalText(x.Add(x, y))
}

// DecimalText writes an exact number as decimal text: "12", "12.5".
func DecimalText(v *big.Rat) string {
	if v.IsInt() {
		return v.Num().String()
	}
	// Cells hold at most a few decimals; 12 keep any exactly enough.
	s := v.FloatString(12)
	for s[len(s)-1] == '0' {
		s = s[:len(s)-1]
	}
	return s
}

func or0(s string) string {
	if s == "" {
		return "0"
	}
	return s
}
