package backend

import "unicode/utf8"

// validateName checks a required name or title.
func validateName(fe FieldErrors, field, v string) {
	switch n := utf8.RuneCountInString(v); {
	case n == 0:
		fe.Add(field, "field.required", nil)
	case n > MaxNameLength:
		fe.Add(field, "field.too_long", map[string]any{"max": MaxNameLength})
	}
}

// validateText checks an optional text against its length limit.
func validateText(fe FieldErrors, field, v string, max int) {
	if utf8.RuneCountInString(v) > max {
		fe.Add(field, "field.too_long", map[string]any{"max": max})
	}
}

// validateDay checks a required calendar day.
func validateDay(fe FieldErrors, field, v string) {
	if v == "" {
		fe.Add(field, "field.required", nil)
	} else if _, ok := ParseDay(v); !ok {
		fe.Add(field, "field.date_invalid", map[string]any{"value": v})
	}
}

func oneOf[T comparable](v T, list []T) bool {
	for _, x := range list {
		if v == x {
			return true
		}
	}
	return false
}
