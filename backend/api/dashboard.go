package api

import (
	"context"
	"encoding/json"

	"mopsdesk/backend"
	"mopsdesk/backend/chart"
)

// Dashboard is the facade for the dashboard: the numbers an executive asks
// for, for one period, each with the list behind it.
type Dashboard struct{ s Services }

// DashboardLabels are the words the dashboard's charts show.
type DashboardLabels struct {
	Budget    chart.BudgetLabels `json:"budget"`
	ByStatus  string             `json:"byStatus"`
	ByChannel string             `json:"byChannel"`
	Campaigns string             `json:"campaigns"`
	// Statuses are the campaign statuses in the user's language.
	Statuses map[string]string `json:"statuses"`
	// Months and Quarters name the fiscal periods, for a year planned
	// per month or per quarter.
	Months   []string `json:"months"`
	Quarters []string `json:"quarters"`
	// Results names the funnel chart and its stages.
	Results chart.ResultLabels `json:"results"`
}

// DashboardRequest is a period, [From, To], and the words for the charts.
type DashboardRequest struct {
	From   string          `json:"from"`
	To     string          `json:"to"`
	Labels DashboardLabels `json:"labels"`
}

// DashboardBudget is the budget for the periods of one fiscal year that
// the chosen period touches.
type DashboardBudget struct {
	FiscalYear   int                `json:"fiscalYear"`
	FromPeriod   int                `json:"fromPeriod"`
	ToPeriod     int                `json:"toPeriod"`
	From         string             `json:"from"`
	To           string             `json:"to"`
	Currency     string             `json:"currency"`
	Totals       backend.SummaryRow `json:"totals"`
	MissingRates []backend.FXRate   `json:"missingRates"`
	PlanVsActual json.RawMessage    `json:"planVsActual"`
	BurnUp       json.RawMessage    `json:"burnUp"`

	// AssumedRates are the planning rates the totals used (see
	// backend.BudgetSummary).
	AssumedRates []backend.FXRate `json:"assumedRates"`
}

// DashboardData is everything the dashboard draws.
type DashboardData struct {
	From     string                    `json:"from"`
	To       string                    `json:"to"`
	Today    string                    `json:"today"`
	Budget   *DashboardBudget          `json:"budget"` // nil: no budget covers the period
	Planning *backend.PlanningOverview `json:"planning"`
	ByStatus json.RawMessage           `json:"byStatus"`
	// ByChannel counts campaigns per channel (a campaign on two channels
	// counts on each).
	ByChannel json.RawMessage `json:"byChannel"`
	// Renewals are contract dates (cancel-by, renewal) in the next 90
	// days, soonest first; Within counts them for 30, 60 and 90 days.
	Renewals []backend.DigestEntry `json:"renewals"`
	Within   [3]int                `json:"within"`
	// Licences are asset licences expiring in the next 90 days.
	Licences []backend.DigestEntry `json:"licences"`
	// Results are the results data of the period; nil when no fact
	// starts in it (the dashboard then says there are no results yet).
	Results *DashboardResults `json:"results"`
}

// DashboardResults is what results data says about the period: the
// totals with their KPIs, the KPIs by channel (cost per lead and ROAS
// among them, undefined ones shown as "—"), and the funnel.
type DashboardResults struct {
	Total       backend.ResultTotal   `json:"total"`
	ByChannel   []backend.ResultTotal `json:"byChannel"`
	Funnel      []backend.FunnelStage `json:"funnel"`
	FunnelChart json.RawMessage       `json:"funnelChart"`
	// NoRevenue: no fact reports revenue (backend.ResultSummary).
	NoRevenue bool `json:"noRevenue"`
}

// Get gathers the dashboard for a period.
func (d *Dashboard) Get(ctx context.Context, req DashboardRequest) (*DashboardData, error) {
	return call(ctx, d.s, "Dashboard.Get", func(ctx context.Context) (*DashboardData, error) {
		if err := checkPeriod(req.From, req.To); err != nil {
			return nil, err
		}
		today := backend.Today(d.s.Now())
		out := &DashboardData{From: req.From, To: req.To, Today: today, Renewals: []backend.DigestEntry{}, Licences: []backend.DigestEntry{}}
		var err error
		if out.Budget, err = d.budget(ctx, req); err != nil {
			return nil, err
		}
		if out.Planning, err = d.s.Dashboard.PlanningOverview(ctx, req.From, req.To, today); err != nil {
			return nil, err
		}
		l := req.Labels
		if out.ByStatus, err = chart.Counts(or(l.ByStatus, "Campaigns by status"), or(l.Campaigns, "Campaigns"), out.Planning.ByStatus, l.Statuses); err != nil {
			return nil, err
		}
		if out.ByChannel, err = chart.Counts(or(l.ByChannel, "Campaigns by channel"), or(l.Campaigns, "Campaigns"), out.Planning.ByChannel, nil); err != nil {
			return nil, err
		}
		if out.Results, err = d.results(ctx, req); err != nil {
			return nil, err
		}
		entries, err := d.s.Contracts.Digest(ctx, 90)
		if err != nil {
			return nil, err
		}
		t, _ := backend.ParseDay(today)
		for _, e := range entries {
			if e.AssetID != 0 {
				out.Licences = append(out.Licences, e)
				continue
			}
			out.Renewals = append(out.Renewals, e)
			for i, days := range []int{30, 60, 90} {
				if e.Date <= t.AddDate(0, 0, days).Format(backend.DayLayout) {
					out.Within[i]++
				}
			}
		}
		return out, nil
	})
}

func or(v, fallback string) string {
	if v != "" {
		return v
	}
	return fallback
}

// budget sums the periods of the fiscal year that From falls in which the
// period touches; nil when that year has no budget.
func (d *Dashboard) budget(ctx context.Context, req DashboardRequest) (*DashboardBudget, error) {
	p, err := periodsOf(ctx, d.s, req.From, req.To)
	if p == nil || err != nil {
		return nil, err
	}
	out := &DashboardBudget{FiscalYear: p.year, FromPeriod: p.from, ToPeriod: p.to, From: p.fromDay, To: p.toDay}
	s, err := d.s.Budget.Summary(ctx, p.filter())
	if err != nil {
		return nil, err
	}
	out.Currency, out.Totals, out.MissingRates = s.Currency, s.Totals, s.MissingRates
	out.AssumedRates = s.AssumedRates
	if len(s.Rows) > 0 {
		if out.PlanVsActual, err = chart.PlanVsActualByTeam(s, req.Labels.Budget); err != nil {
			return nil, err
		}
	}
	names := req.Labels.Months
	if p.plan.Granularity == backend.Quarterly {
		names = req.Labels.Quarters
	}
	periods, err := periodTotals(ctx, d.s, p.year, p.periods, backend.SummaryFilter{}, names)
	if err != nil {
		return nil, err
	}
	if out.BurnUp, err = chart.BurnUp(periods, s.Currency, req.Labels.Budget); err != nil {
		return nil, err
	}
	return out, nil
}

// results sums the facts that start in the period by channel, with the
// funnel of all of them; nil when there are none.
func (d *Dashboard) results(ctx context.Context, req DashboardRequest) (*DashboardResults, error) {
	sum, err := summarize(ctx, d.s, backend.GroupChannel, backend.ResultFilter{From: req.From, To: req.To})
	if err != nil || sum.Total.Facts == 0 {
		return nil, err
	}
	out := &DashboardResults{Total: sum.Total, ByChannel: sum.Rows, Funnel: backend.Funnel(sum.Total.ResultCounts), NoRevenue: sum.NoRevenue}
	if out.FunnelChart, err = chart.Funnel(out.Funnel, req.Labels.Results); err != nil {
		return nil, err
	}
	return out, nil
}
