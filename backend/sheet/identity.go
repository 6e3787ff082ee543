package sheet

// Identifiers: columns of IDs, e-mail addresses and phone numbers that
// exports carry by the dozen. They are never guessed into a field that
// holds money, a name or a list name, by content or by a near header.

import (
	"strings"
	"unicode"
)

// idWords end a header that names an identifier ("Subscription ID",
// "Account No", "Order #"); contactWords name an address or a number.
var (
	idWords      = map[string]bool{"id": true, "ids": true, "no": true, "nr": true, "num": true, "number": true, "code": true, "key": true, "uuid": true, "guid": true, "sku": true, "ref": true, "#": true, "شناسه": true, "رقم": true, "numer": true, "numara": true, "kodu": true, "รหัส": true}
	contactWords = map[string]bool{"email": true, "e-mail": true, "mail": true, "phone": true, "tel": true, "telephone": true, "mobile": true, "fax": true, "ایمیل": true, "تلفن": true, "هاتف": true, "البريد": true, "telefon": true, "e-posta": true, "อีเมล": true, "โทรศัพท์": true}
)

// identHeader reports whether a header names an identifier or a contact
// address: its last word is one of idWords, or any word one of
// contactWords.
func identHeader(header string) bool {
	words := strings.FieldsFunc(strings.ToLower(header), func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '#' || r == '-')
	})
	if len(words) == 0 {
		return false
	}
	for _, w := range words {
		if contactWords[w] {
			return true
		}
	}
	return idWords[words[len(words)-1]] || strings.HasSuffix(header, "#")
}

// identCells reports whether most non-empty cells are e-mail addresses,
// phone numbers or codes ("SUB-000123", "00417").
func identCells(sample []string) bool {
	n, ids := 0, 0
	for _, s := range sample {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		n++
		if isEmail(s) || isPhone(s) || isCode(s) {
			ids++
		}
	}
	return n > 0 && ids*10 >= n*8
}

func isEmail(s string) bool {
	at := strings.IndexByte(s, '@')
	return at > 0 && strings.IndexByte(s[at:], '.') > 1 && !strings.ContainsAny(s, " ,;")
}

// isPhone: seven or more digits written with a leading + or with the
// spaces, dashes, dots or brackets of a phone number ("+1 (555) 123-4567").
func isPhone(s string) bool {
	digits, marks := 0, 0
	for _, r := range digitsASCII(s) {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == ' ' || r == '-' || r == '(' || r == ')' || r == '.' || r == '/':
			marks++
		case r == '+':
			marks += 2
		default:
			return false
		}
	}
	if digits < 7 || digits > 15 {
		return false
	}
	if _, err := ParseDate(s, OrderDayFirst, false); err == nil && !strings.HasPrefix(s, "+") {
		return false
	}
	return strings.HasPrefix(s, "+") || strings.HasPrefix(s, "(") || marks >= 2
}

// isCode: one word mixing letters and digits ("SUB-000123", "A1B2"), or
// digits with a leading zero ("00417"). Amounts and dates are not codes.
func isCode(s string) bool {
	if strings.ContainsAny(s, " \t") {
		return false
	}
	letters, digits := 0, 0
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			letters++
		case unicode.IsDigit(r):
			digits++
		}
	}
	if digits == 0 {
		return false
	}
	if letters == 0 {
		return len(s) > 1 && s[0] == '0' && digits == len(s)
	}
	if _, err := ParseAmount(s); err == nil {
		return false
	}
	if _, err := ParseDate(s, OrderDayFirst, false); err == nil {
		return false
	}
	return true
}

// guardedField reports whether a field must not take an identifier
// column: money, and the text fields that name things (product, name,
// title, team, category, vendor, owner, campaign, channel).
func guardedField(f *Field) bool {
	switch f.Type {
	case TypeMoney, TypeInt, TypeList:
		return true
	case TypeText:
		return f.Key != "notes" && f.Key != "note" && f.Key != "contacts" && f.Key != "reference" && f.Key != "lineId" && f.Key != "website"
	}
	return false
}

// fits reports whether a column's cells can be read as the field: a date
// field's as dates, an amount's or count's as numbers. Used for near
// header matches ("Term End" is not the term in months).
func fits(f *Field, sample []string, date1904 bool) bool {
	n, ok := 0, 0
	for _, s := range sample {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		n++
		var err error
		switch f.Type {
		case TypeDate:
			_, err = ParseDate(s, OrderUnknown, date1904)
			if err != nil {
				_, err = ParseDate(s, OrderDayFirst, date1904)
			}
		case TypeMoney:
			_, err = ParseAmount(s)
		case TypeInt:
			_, err = ParseInt(s)
		}
		if err == nil {
			ok++
		}
	}
	return n == 0 || ok*10 >= n*8
}

// nearFits reports whether a near header match may stand: the cells read
// as the field, and a column of identifiers goes into no guarded field.
func nearFits(f *Field, header string, sample []string, date1904 bool) bool {
	if f == nil || !fits(f, sample, date1904) {
		return false
	}
	return !guardedField(f) || !(identHeader(header) || identCells(sample))
}
