package backend

import "time"

// DayLayout is how calendar days are written everywhere: in the database,
// over the API and in exports. A day has no time and no time zone.
const DayLayout = "2006-01-02"

// ParseDay parses a YYYY-MM-DD calendar day. The result is midnight UTC,
// which is only a carrier: never convert it to a local time.
func ParseDay(s string) (time.Time, bool) {
	if len(s) != len(DayLayout) {
		return time.Time{}, false
	}
	t, err := time.Parse(DayLayout, s)
	if err != nil {
		return time.Time{}, false
	}
	return t, true
}

// Today returns the calendar day of now in the local time zone of the
// machine, the day the user sees on their own clock.
func Today(now time.Time) string {
	return now.Local().Format(DayLayout)
}
