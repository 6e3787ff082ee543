package sheet

// Values as exports from other systems write them: "Monthly Billing",
// "Billed annually", "Annual (prepaid)", "12 months" for a billing cycle;
// "12.0" or "1 year" for a term; a vendor portal's status words.

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// fillerWords say nothing about the choice: "Billed annually" is annual.
var fillerWords = map[string]bool{"billing": true, "billed": true, "bill": true, "paid": true, "prepaid": true, "pay": true, "payment": true,
	"payments": true, "subscription": true, "plan": true, "contract": true, "cycle": true, "term": true, "per": true, "every": true, "charged": true,
	"renews": true, "rozliczenie": true, "płatne": true, "platne": true, "fatura": true, "faturalı": true, "ödeme": true}

var (
	parens    = regexp.MustCompile(`\([^)]*\)|\[[^\]]*\]`)
	countUnit = regexp.MustCompile(`^(?:every\s+|per\s+)?(\d+)(?:[.,]0+)?\s*(months?|mos?\.?|m|years?|yrs?\.?|y|days?|d|weeks?|wks?|seats?|users?|licen[cs]es?)?$`)
)

// looseChoice reads an enum cell that names its choice among other
// words: parentheses and filler words are dropped, then the words that
// are left must name one choice. A billing cycle may be a length ("12
// months", "every 3 months").
func looseChoice(f *Field, text string) (string, bool) {
	t := strings.ToLower(strings.TrimSpace(digitsASCII(text)))
	t = strings.TrimSpace(parens.ReplaceAllString(t, " "))
	if c, ok := f.Words[normHeader(t)]; ok && t != "" {
		return c, true
	}
	if f.Key == "billingCycle" {
		if months, ok := lengthIn(t, "months"); ok {
			switch {
			case months == 1:
				return "monthly", true
			case months == 3:
				return "quarterly", true
			case months == 12:
				return "annual", true
			case months > 12 && months%12 == 0:
				return "multi_year", true
			}
			return "", false
		}
	}
	var kept []string
	for _, w := range strings.FieldsFunc(t, func(r rune) bool { return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-') }) {
		if !fillerWords[w] {
			kept = append(kept, w)
		}
	}
	if len(kept) == 0 {
		return "", false
	}
	if c, ok := f.Words[normHeader(strings.Join(kept, " "))]; ok {
		return c, true
	}
	choice := ""
	for _, w := range kept {
		c, ok := f.Words[normHeader(w)]
		if !ok || choice != "" && c != choice {
			return "", false
		}
		choice = c
	}
	return choice, choice != ""
}

// lengthIn reads "12", "12.0", "12 months", "1 year", "30 days", "2 weeks"
// as a count of the unit wanted (months or days); a bare number is
// already in that unit.
func lengthIn(text, unit string) (int64, bool) {
	m := countUnit.FindStringSubmatch(strings.ToLower(strings.TrimSpace(digitsASCII(text))))
	if m == nil {
		return 0, false
	}
	n, err := strconv.ParseInt(m[1], 10, 64)
	if err != nil || n > 1_000_000 {
		return 0, false
	}
	u := strings.TrimSuffix(m[2], ".")
	switch {
	case u == "" || strings.HasPrefix(u, "seat") || strings.HasPrefix(u, "user") || strings.HasPrefix(u, "licen"):
		return n, u == "" || unit == "count"
	case strings.HasPrefix(u, "m"):
		switch unit {
		case "months":
			return n, true
		case "days":
			return n * 30, true
		}
	case strings.HasPrefix(u, "y"):
		switch unit {
		case "months":
			return n * 12, true
		case "days":
			return n * 365, true
		}
	case strings.HasPrefix(u, "w"):
		return n * 7, unit == "days"
	case strings.HasPrefix(u, "d"):
		return n, unit == "days"
	}
	return 0, false
}

// intUnit is the unit a whole-number field is counted in.
func intUnit(key string) string {
	switch key {
	case "termMonths":
		return "months"
	case "noticeDays":
		return "days"
	}
	return "count"
}
