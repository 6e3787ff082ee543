package backend

import "time"

// MonthStatusCounts counts, for each month of a year, the campaigns that
// run during that month, by status. Counts[m][s] is month m (0 = January).
type MonthStatusCounts struct {
	Year   int                        `json:"year"`
	Counts [12]map[CampaignStatus]int `json:"counts"`
}

// CountCampaignsByMonth counts each campaign once in every month of year
// that its date range touches. Campaigns with unparsable dates are skipped;
// Validate keeps them out of the store.
func CountCampaignsByMonth(campaigns []*Campaign, year int) MonthStatusCounts {
	var starts [13]time.Time
	for m := range starts {
		starts[m] = time.Date(year, time.Month(m+1), 1, 0, 0, 0, 0, time.UTC)
	}
	return CountCampaignsInMonths(campaigns, year, starts)
}

// CountCampaignsInMonths counts like CountCampaignsByMonth, for the twelve
// months of a year in any calendar (a Solar Hijri year's Farvardin to
// Esfand): starts holds the first day of each month and, last, the day
// after the year.
func CountCampaignsInMonths(campaigns []*Campaign, year int, starts [13]time.Time) MonthStatusCounts {
	return CountSpansInMonths(spansOf(campaigns), year, starts)
}

// CampaignSpan is what the campaigns-per-month chart reads of campaigns:
// Count campaigns have this status and these dates.
type CampaignSpan struct {
	Status    CampaignStatus
	StartDate string
	EndDate   string
	Count     int
}

// spansOf is one span for each campaign.
func spansOf(campaigns []*Campaign) []CampaignSpan {
	out := make([]CampaignSpan, len(campaigns))
	for i, c := range campaigns {
		out[i] = CampaignSpan{Status: c.Status, StartDate: c.StartDate, EndDate: c.EndDate, Count: 1}
	}
	return out
}

// CountSpansByMonth counts like CountCampaignsByMonth, from spans.
func CountSpansByMonth(spans []CampaignSpan, year int) MonthStatusCounts {
	var starts [13]time.Time
	for m := range starts {
		starts[m] = time.Date(year, time.Month(m+1), 1, 0, 0, 0, 0, time.UTC)
	}
	return CountSpansInMonths(spans, year, starts)
}

// CountSpansInMonths counts like CountCampaignsInMonths, from spans: each
// span adds its Count to every month its dates touch.
func CountSpansInMonths(spans []CampaignSpan, year int, starts [13]time.Time) MonthStatusCounts {
	out := MonthStatusCounts{Year: year}
	for m := range out.Counts {
		out.Counts[m] = map[CampaignStatus]int{}
	}
	for _, c := range spans {
		start, ok1 := ParseDay(c.StartDate)
		end, ok2 := ParseDay(c.EndDate)
		if !ok1 || !ok2 {
			continue
		}
		for m := 0; m < 12; m++ {
			first, last := starts[m], starts[m+1].AddDate(0, 0, -1)
			if !start.After(last) && !end.Before(first) {
				out.Counts[m][c.Status] += c.Count
			}
		}
	}
	return out
}

// NearestCampaignYear is the calendar year a campaigns-per-month chart
// opens on: today's year when a campaign runs in it (or there is no
// campaign at all), otherwise the year with campaigns closest to today's,
// the later one on a tie, since plans look ahead.
func NearestCampaignYear(campaigns []*Campaign, today string) int {
	return NearestSpanYear(spansOf(campaigns), today)
}

// NearestSpanYear is NearestCampaignYear from spans.
func NearestSpanYear(spans []CampaignSpan, today string) int {
	now, ok := ParseDay(today)
	if !ok {
		return 0
	}
	year := now.Year()
	best, bestGap := year, -1
	for _, c := range spans {
		start, ok1 := ParseDay(c.StartDate)
		end, ok2 := ParseDay(c.EndDate)
		if !ok1 || !ok2 {
			continue
		}
		// The campaign's year nearest today's (its years run start..end).
		y := min(max(year, start.Year()), end.Year())
		gap := y - year
		if gap < 0 {
			gap = -gap
		}
		if bestGap < 0 || gap < bestGap || gap == bestGap && y > best {
			best, bestGap = y, gap
		}
	}
	return best
}
