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
	out := MonthStatusCounts{Year: year}
	for m := range out.Counts {
		out.Counts[m] = map[CampaignStatus]int{}
	}
	for _, c := range campaigns {
		start, ok1 := ParseDay(c.StartDate)
		end, ok2 := ParseDay(c.EndDate)
		if !ok1 || !ok2 {
			continue
		}
		for m := time.January; m <= time.December; m++ {
			first := time.Date(year, m, 1, 0, 0, 0, 0, time.UTC)
			last := first.AddDate(0, 1, -1)
			if !start.After(last) && !end.Before(first) {
				out.Counts[m-1][c.Status]++
			}
		}
	}
	return out
}
