package sheet

// Days in a calendar grid: day numbers, a day and its entry in one cell,
// a day worked out from its neighbours, the month's last week.

import (
	"regexp"
	"strconv"
	"strings"
)

// leadingDayOf reads the day a cell starts with: "5", "5. Webinar", or 0.
func leadingDayOf(v string) int {
	if d := dayNumber(v); d > 0 {
		return d
	}
	if m := leadingDay.FindStringSubmatch(digitsASCII(v)); m != nil {
		if d, _ := strconv.Atoi(m[1]); d >= 1 && d <= 31 {
			return d
		}
	}
	return 0
}

// inferDay works out a day from the nearest numbered column of the same
// week: Wednesday is two days after Monday's 5.
func (st *gridState) inferDay(c int) int {
	best, dist := 0, 99
	for c2, d := range st.days {
		if c2 == c || d == 0 {
			continue
		}
		if k := abs(c2 - c); k < dist {
			best, dist = d+st.dayCols[c]-st.dayCols[c2], k
		}
	}
	if best < 1 || best > 31 {
		return 0
	}
	return best
}

// isLastWeek tells whether the next week of the grid would start after
// the month's last day.
func (st *gridState) isLastWeek(year int) bool {
	cols := sortedCols(st.dayCols)
	first := st.dayCols[cols[0]]
	max, maxCol := 0, 0
	for c, d := range st.days {
		if d > max {
			max, maxCol = d, c
		}
	}
	if max == 0 {
		return false
	}
	gap := (first - st.dayCols[maxCol] + 7) % 7
	if gap == 0 {
		gap = 7
	}
	return max+gap > daysIn(year, st.month)
}

func daysIn(year, month int) int {
	for d := 31; d >= 28; d-- {
		if _, err := civil(year, month, d); err == nil {
			return d
		}
	}
	return 28
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// dayNumber reads a bare day number (1–31), or 0.
func dayNumber(v string) int {
	v = strings.TrimSuffix(strings.TrimSpace(digitsASCII(v)), ".0")
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > 31 {
		return 0
	}
	return n
}

var leadingDay = regexp.MustCompile(`^(\d{1,2})(?:[\s.:)\-–]+|\.?\s*\n)(\S[\s\S]*)$`)
