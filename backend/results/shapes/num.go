package shapes

import (
	"math/big"
	"strconv"
)

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// decimal writes an exact number as decimal text: "12", "12.5".
func decimal(v *big.Rat) string {
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

// addDecimal adds two custom metrics written as decimal text ("" is 0).
func addDecimal(a, b string) string {
	x, ok1 := new(big.Rat).SetString(or0(a))
	y, ok2 := new(big.Rat).SetString(or0(b))
	if !ok1 || !ok2 {
		return a
	}
	return decimal(x.Add(x, y))
}

func or0(s string) string {
	if s == "" {
		return "0"
	}
	return s
}
