package api

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"mopsdesk/backend"
	"mopsdesk/backend/chart"
)

// Charts is the facade for charts: each method returns an ECharts option.
type Charts struct{ s Services }

// CampaignsByMonth returns, for a calendar year, the campaigns running in
// each month stacked by status. labels carries the words in the user's
// language.
func (c *Charts) CampaignsByMonth(ctx context.Context, year int, labels chart.Labels) (json.RawMessage, error) {
	return call(ctx, c.s, "Charts.CampaignsByMonth", func(ctx context.Context) (json.RawMessage, error) {
		// A year in the calendar the user reads dates in comes with its
		// months' first days; a Gregorian one is counted from its number.
		starts, ok := monthStarts(labels.MonthStarts)
		if !ok && (year < 1900 || year > 9999) {
			return nil, &backend.Error{Code: backend.EINVALID, Message: "The year is out of range.",
				Fields: map[string]backend.FieldError{"year": {Key: "chart.year_range"}}}
		}
		filter := backend.CampaignFilter{From: fmt.Sprintf("%04d-01-01", year), To: fmt.Sprintf("%04d-12-31", year)}
		if ok {
			filter = backend.CampaignFilter{From: starts[0].Format(backend.DayLayout), To: starts[12].AddDate(0, 0, -1).Format(backend.DayLayout)}
		}
		// The chart counts only statuses and dates: one grouped query reads
		// them, not every campaign's row page by page.
		spans, err := c.s.Campaigns.CampaignSpans(ctx, filter)
		if err != nil {
			return nil, err
		}
		if ok {
			return chart.CampaignsByMonth(backend.CountSpansInMonths(spans, year, starts), labels)
		}
		return chart.CampaignsByMonth(backend.CountSpansByMonth(spans, year), labels)
	})
}

// CampaignYear is the year the campaigns-per-month chart opens on: this
// year when it has campaigns, otherwise the year with campaigns nearest
// to today (a workspace planned wholly for next year opens on next year).
func (c *Charts) CampaignYear(ctx context.Context) (int, error) {
	return call(ctx, c.s, "Charts.CampaignYear", func(ctx context.Context) (int, error) {
		// Today's year wins whenever a campaign runs in it: one row answers
		// that, instead of reading every campaign of the workspace.
		year := backend.Today(c.s.Now())[:4]
		if _, n, err := c.s.Campaigns.FindCampaigns(ctx, backend.CampaignFilter{From: year + "-01-01", To: year + "-12-31", Limit: 1}); err != nil {
			return 0, err
		} else if n > 0 {
			return backend.NearestCampaignYear(nil, backend.Today(c.s.Now())), nil
		}
		spans, err := c.s.Campaigns.CampaignSpans(ctx, backend.CampaignFilter{})
		if err != nil {
			return 0, err
		}
		return backend.NearestSpanYear(spans, backend.Today(c.s.Now())), nil
	})
}

// monthStarts reads thirteen ISO days in increasing order, each month
// 29 to 31 days long; ok is false for anything else (no calendar given).
func monthStarts(days []string) (out [13]time.Time, ok bool) {
	if len(days) != 13 {
		return out, false
	}
	for i, d := range days {
		t, good := backend.ParseDay(d)
		if !good || (i > 0 && (t.Sub(out[i-1]).Hours()/24 < 29 || t.Sub(out[i-1]).Hours()/24 > 31)) {
			return out, false
		}
		out[i] = t
	}
	return out, true
}

// BudgetCharts are the budget area's three charts.
type BudgetCharts struct {
	PlanVsActual json.RawMessage `json:"planVsActual"`
	BurnUp       json.RawMessage `json:"burnUp"`
	ByCategory   json.RawMessage `json:"byCategory"`
}

// Budget returns the budget charts for a summary filter: plan vs actual by
// team and spend by category over the filter's periods, and the burn-up
// over the whole fiscal year. periodLabels names the periods in the user's
// language (missing ones are numbered).
func (c *Charts) Budget(ctx context.Context, f backend.SummaryFilter, labels chart.BudgetLabels, periodLabels []string) (*BudgetCharts, error) {
	return call(ctx, c.s, "Charts.Budget", func(ctx context.Context) (*BudgetCharts, error) {
		s, err := c.s.Budget.Summary(ctx, f)
		if err != nil {
			return nil, err
		}
		plan, err := c.s.Budget.BudgetPlan(ctx, f.FiscalYear)
		if err != nil {
			return nil, err
		}
		periods, err := periodTotals(ctx, c.s, f.FiscalYear, plan.Granularity.Periods(), f, periodLabels)
		if err != nil {
			return nil, err
		}
		out := &BudgetCharts{}
		if out.PlanVsActual, err = chart.PlanVsActualByTeam(s, labels); err != nil {
			return nil, err
		}
		if out.ByCategory, err = chart.SpendByCategory(s, labels); err != nil {
			return nil, err
		}
		if out.BurnUp, err = chart.BurnUp(periods, s.Currency, labels); err != nil {
			return nil, err
		}
		return out, nil
	})
}

// periodTotals sums each of a fiscal year's n periods (for the burn-up),
// with the team and category of f; labels name the periods.
func periodTotals(ctx context.Context, s Services, year, n int, f backend.SummaryFilter, labels []string) ([]chart.PeriodTotals, error) {
	periods := make([]chart.PeriodTotals, n)
	for i := range periods {
		ps, err := s.Budget.Summary(ctx, backend.SummaryFilter{FiscalYear: year, FromPeriod: i + 1, ToPeriod: i + 1, TeamID: f.TeamID, CategoryID: f.CategoryID})
		if err != nil {
			return nil, err
		}
		label := fmt.Sprint(i + 1)
		if i < len(labels) && labels[i] != "" {
			label = labels[i]
		}
		periods[i] = chart.PeriodTotals{Label: label, Planned: ps.Totals.Planned, Committed: ps.Totals.Committed, Actual: ps.Totals.Actual}
	}
	return periods, nil
}
