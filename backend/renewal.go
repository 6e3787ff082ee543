package backend

import "time"

// Renewal dates are calendar days. The rule for adding months: add whole
// months to the contract's renewal date; when the target month is shorter
// than the day, use its last day. Each step counts from the date given,
// not from the previous (clamped) step, so a renewal on 31 January rolls
// monthly to 28 February (29 in a leap year), 31 March, 30 April, 31 May.

// AddMonths adds n months to day with the month-end rule above.
func AddMonths(day time.Time, n int) time.Time {
	y, m, d := day.Date()
	first := time.Date(y, m+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	if d > last {
		d = last
	}
	return time.Date(first.Year(), first.Month(), d, 0, 0, 0, 0, time.UTC)
}

// RenewalSchedule is what a contract's dates mean today.
type RenewalSchedule struct {
	// NextRenewal is the first renewal on or after today: the renewal date
	// given, rolled forward term by term for auto-renewing contracts.
	// Empty for ended contracts and for fixed-term contracts whose renewal
	// date has passed.
	NextRenewal string `json:"nextRenewal"`
	// CancelBy is the last day to give notice so that CancelFor does not
	// happen: the renewal minus the notice period. When the notice for the
	// next renewal has already run out (Late), CancelBy and CancelFor point
	// at the renewal after it.
	CancelBy  string `json:"cancelBy"`
	CancelFor string `json:"cancelFor"`
	// Late is set when the next renewal can no longer be cancelled.
	Late bool `json:"late"`
}

// Schedule computes a contract's schedule as of today. termMonths must be
// at least 1 to roll forward.
func Schedule(renewal string, termMonths, noticeDays int, autoRenew, ended bool, today string) RenewalSchedule {
	r, ok := ParseDay(renewal)
	now, ok2 := ParseDay(today)
	if !ok || !ok2 || ended {
		return RenewalSchedule{}
	}
	step := 0
	next := r
	if autoRenew && termMonths > 0 {
		for next.Before(now) {
			step++
			next = AddMonths(r, step*termMonths)
		}
	} else if next.Before(now) {
		return RenewalSchedule{}
	}
	s := RenewalSchedule{NextRenewal: next.Format(DayLayout)}
	target := next
	cancel := target.AddDate(0, 0, -noticeDays)
	if cancel.Before(now) {
		s.Late = true
		if !autoRenew || termMonths <= 0 {
			return s
		}
		// The notice may be longer than a term: find the first renewal
		// that can still be cancelled.
		for cancel.Before(now) {
			step++
			target = AddMonths(r, step*termMonths)
			cancel = target.AddDate(0, 0, -noticeDays)
		}
	}
	s.CancelBy, s.CancelFor = cancel.Format(DayLayout), target.Format(DayLayout)
	return s
}
