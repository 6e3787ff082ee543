package backend

import (
	"fmt"
	"time"
)

// Fiscal years are named by the calendar year they start in: with an April
// start, fiscal year 2026 runs from 1 April 2026 to 31 March 2027. With a
// January start a fiscal year is its calendar year.

// FiscalYearOf returns the fiscal year that day (YYYY-MM-DD) falls in.
func FiscalYearOf(day string, startMonth int) (int, bool) {
	t, ok := ParseDay(day)
	if !ok || startMonth < 1 || startMonth > 12 {
		return 0, false
	}
	if int(t.Month()) >= startMonth {
		return t.Year(), true
	}
	return t.Year() - 1, true
}

// FiscalYearRange returns the first and last day of a fiscal year.
func FiscalYearRange(year, startMonth int) (from, to string) {
	start := time.Date(year, time.Month(startMonth), 1, 0, 0, 0, 0, time.UTC)
	return start.Format(DayLayout), start.AddDate(1, 0, -1).Format(DayLayout)
}

// FiscalYearLabel names a fiscal year the way finance teams write it:
// "FY 2026" for a calendar-year budget, "FY 2026/27" otherwise.
func FiscalYearLabel(year, startMonth int) string {
	if startMonth == 1 {
		return fmt.Sprintf("FY %d", year)
	}
	return fmt.Sprintf("FY %d/%02d", year, (year+1)%100)
}

// FiscalMonth returns the 1-based month of day within its fiscal year (1 is
// the start month).
func FiscalMonth(day string, startMonth int) (int, bool) {
	t, ok := ParseDay(day)
	if !ok || startMonth < 1 || startMonth > 12 {
		return 0, false
	}
	return (int(t.Month())-startMonth+12)%12 + 1, true
}

// FiscalPeriodRange returns the days of period p (1-based) of a fiscal year
// whose periods are months (12) or quarters (4).
func FiscalPeriodRange(year, startMonth int, g Granularity, p int) (from, to string) {
	months := g.MonthsPerPeriod()
	start := time.Date(year, time.Month(startMonth)+time.Month((p-1)*months), 1, 0, 0, 0, 0, time.UTC)
	return start.Format(DayLayout), start.AddDate(0, months, -1).Format(DayLayout)
}

// Granularity is how finely a fiscal year's budget is planned.
type Granularity string

// Budget granularities.
const (
	Monthly   Granularity = "month"
	Quarterly Granularity = "quarter"
)

// Periods returns how many periods a fiscal year has at this granularity.
func (g Granularity) Periods() int {
	if g == Quarterly {
		return 4
	}
	return 12
}

// MonthsPerPeriod returns the months in one period.
func (g Granularity) MonthsPerPeriod() int { return 12 / g.Periods() }

// Valid reports whether g is a known granularity.
func (g Granularity) Valid() bool { return g == Monthly || g == Quarterly }
