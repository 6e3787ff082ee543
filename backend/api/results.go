package api

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"strings"

	"mopsdesk/backend"
	"mopsdesk/backend/chart"
	"mopsdesk/backend/sheet"
)

// Results is the facade for results data: the facts imported from ad
// platforms, web analytics and CRMs, summed with their KPIs. It only
// reads; facts are written by imports.
type Results struct{ s Services }

// Find returns a page of facts matching f, newest day first.
func (r *Results) Find(ctx context.Context, f backend.ResultFilter) (*backend.ResultPage, error) {
	return call(ctx, r.s, "Results.Find", func(ctx context.Context) (*backend.ResultPage, error) {
		return r.s.Results.Find(ctx, f)
	})
}

// ResultsRequest asks for a summary of the facts of Filter (paging
// ignored) grouped by Group.
type ResultsRequest struct {
	Group  backend.ResultGroup  `json:"group"`
	Filter backend.ResultFilter `json:"filter"`
}

// Summary adds results up by campaign, channel, team, source or period,
// with each group's KPIs and the grand total, money in the base currency.
func (r *Results) Summary(ctx context.Context, req ResultsRequest) (*backend.ResultSummary, error) {
	return call(ctx, r.s, "Results.Summary", func(ctx context.Context) (*backend.ResultSummary, error) {
		return summarize(ctx, r.s, req.Group, req.Filter)
	})
}

// summarize asks the store for the sums and converts them with the
// budget's rates.
func summarize(ctx context.Context, s Services, g backend.ResultGroup, f backend.ResultFilter) (*backend.ResultSummary, error) {
	settings, err := s.Workspace.Settings(ctx)
	if err != nil {
		return nil, err
	}
	monthly, err := s.Budget.FXRates(ctx)
	if err != nil {
		return nil, err
	}
	planning, err := s.Budget.PlanningRates(ctx)
	if err != nil {
		return nil, err
	}
	sums, err := s.Results.Sums(ctx, g, f)
	if err != nil {
		return nil, err
	}
	sum := backend.SumResults(g, sums, settings.BaseCurrency, backend.NewRates(settings.BaseCurrency, monthly, planning))
	return &sum, nil
}

// CampaignResults is one campaign's results: its totals and KPIs, the
// trend by Period, the funnel, and the totals per source with the date of
// each source's last import.
type CampaignResults struct {
	CampaignID int64                 `json:"campaignId"`
	Name       string                `json:"name"`
	Total      backend.ResultTotal   `json:"total"`
	Period     backend.ResultGroup   `json:"period"`
	Trend      []backend.ResultTotal `json:"trend"`
	Funnel     []backend.FunnelStage `json:"funnel"`
	Sources    []backend.ResultTotal `json:"sources"`
	// LastImports says when each source was last imported.
	LastImports []backend.ResultLastImport `json:"lastImports"`
	// TrendChart and FunnelChart are the ECharts options of the trend
	// and the funnel (no series when there is nothing to draw).
	TrendChart  json.RawMessage `json:"trendChart"`
	FunnelChart json.RawMessage `json:"funnelChart"`
}

// Campaign returns one campaign's results, its trend by day, week or
// month (period; month when empty), its charts in the words of labels.
func (r *Results) Campaign(ctx context.Context, id int64, period backend.ResultGroup, labels chart.ResultLabels) (*CampaignResults, error) {
	return call(ctx, r.s, "Results.Campaign", func(ctx context.Context) (*CampaignResults, error) {
		if period == "" {
			period = backend.GroupMonth
		}
		if period != backend.GroupDay && period != backend.GroupWeek && period != backend.GroupMonth && period != backend.GroupQuarter {
			return nil, backend.Errorf(backend.EINVALID, "A campaign's trend is by day, week, month or quarter.")
		}
		c, err := r.s.Campaigns.FindCampaignByID(ctx, id)
		if err != nil {
			return nil, err
		}
		f := backend.ResultFilter{CampaignID: id}
		trend, err := summarize(ctx, r.s, period, f)
		if err != nil {
			return nil, err
		}
		sources, err := summarize(ctx, r.s, backend.GroupSource, f)
		if err != nil {
			return nil, err
		}
		last, err := r.s.Results.LastImports(ctx, "")
		if err != nil {
			return nil, err
		}
		out := &CampaignResults{CampaignID: id, Name: c.Name, Total: trend.Total, Period: period, Trend: trend.Rows,
			Funnel: backend.Funnel(trend.Total.ResultCounts), Sources: sources.Rows, LastImports: last}
		if out.TrendChart, err = chart.ResultsTrend(out.Trend, labels); err != nil {
			return nil, err
		}
		if out.FunnelChart, err = chart.Funnel(out.Funnel, labels); err != nil {
			return nil, err
		}
		return out, nil
	})
}

// ResultsExportRequest is what the Results view sends to export its list:
// the filter (paging ignored), the grouping of the summary sheet and the
// words of the file in the user's language.
type ResultsExportRequest struct {
	Filter backend.ResultFilter `json:"filter"`
	Group  backend.ResultGroup  `json:"group"`
	Labels sheet.ResultsLabels  `json:"labels"`
	// GroupHeader names the summary's first column ("Channel"); Total
	// its last row.
	GroupHeader string `json:"groupHeader"`
	Total       string `json:"total"`
}

// ResultsFileName is the suggested name of a results export.
func (e *Exports) ResultsFileName(ResultsExportRequest) string {
	return "results-" + backend.Today(e.s.Now()) + ".xlsx"
}

// Results writes every fact matching the request's filter, then their
// summary with KPIs, to w as an .xlsx workbook. Downloads bypass the
// dispatcher, so Results.Find's rule is checked here.
func (e *Exports) Results(ctx context.Context, req ResultsExportRequest, w io.Writer) error {
	_, err := call(ctx, e.s, "Exports.Results", func(ctx context.Context) (struct{}, error) {
		if a := backend.ActorFrom(ctx); a != nil && !a.Role.Allows(Access["Results.Find"]) {
			return struct{}{}, backend.Errorf(backend.EFORBIDDEN, "Your role may not read results.")
		}
		if req.Group == "" {
			req.Group = backend.GroupCampaign
		}
		summary, err := summarize(ctx, e.s, req.Group, req.Filter)
		if err != nil {
			return struct{}{}, err
		}
		x, err := sheet.NewResultsExportOf(req.Labels, summary.Metrics)
		if err != nil {
			return struct{}{}, err
		}
		f := req.Filter
		f.Offset, f.Limit = 0, 1000
		for {
			page, err := e.s.Results.Find(ctx, f)
			if err != nil {
				return struct{}{}, err
			}
			for i := range page.Facts {
				if err := x.Add(&page.Facts[i]); err != nil {
					return struct{}{}, err
				}
			}
			if len(page.Facts) < f.Limit {
				break
			}
			f.Offset += len(page.Facts)
		}
		if err := x.Summary(summary, req.GroupHeader, req.Total); err != nil {
			return struct{}{}, err
		}
		_, err = x.WriteTo(w)
		return struct{}{}, err
	})
	return err
}

// Rules lists the matching rules of results imports, oldest first.
func (r *Results) Rules(ctx context.Context) ([]backend.ResultRule, error) {
	return call(ctx, r.s, "Results.Rules", func(ctx context.Context) ([]backend.ResultRule, error) {
		return r.s.ResultRules.ResultRules(ctx)
	})
}

// SaveRule saves a matching rule ("starts with Q2-Launch" → a campaign,
// or → ignore with campaign 0); it applies at the next preview or commit.
func (r *Results) SaveRule(ctx context.Context, rule backend.ResultRule) (*backend.ResultRule, error) {
	return call(ctx, r.s, "Results.SaveRule", func(ctx context.Context) (*backend.ResultRule, error) {
		if err := r.s.ResultRules.SaveResultRule(ctx, &rule); err != nil {
			return nil, err
		}
		return &rule, nil
	})
}

// CreateRule adds a matching rule from the rules screen: a rule of the
// same kind, text and source is a field error on its text (SaveRule,
// from an import's preview, changes that rule instead).
func (r *Results) CreateRule(ctx context.Context, rule backend.ResultRule) (*backend.ResultRule, error) {
	return call(ctx, r.s, "Results.CreateRule", func(ctx context.Context) (*backend.ResultRule, error) {
		if err := r.s.ResultRules.CreateResultRule(ctx, &rule); err != nil {
			return nil, err
		}
		return &rule, nil
	})
}

// UpdateRule gives a matching rule another campaign (0: its names are
// ignored); it applies at the next preview or commit.
func (r *Results) UpdateRule(ctx context.Context, id, campaignID int64) (*backend.ResultRule, error) {
	return call(ctx, r.s, "Results.UpdateRule", func(ctx context.Context) (*backend.ResultRule, error) {
		return r.s.ResultRules.UpdateResultRule(ctx, id, campaignID)
	})
}

// NewCampaignRequest is an unmatched name of a results import to make a
// campaign of: named as the file names it, over the days of its facts.
type NewCampaignRequest struct {
	External string               `json:"external"`
	Source   backend.ResultSource `json:"source"`
	From     string               `json:"from"`
	To       string               `json:"to"`
}

// NewCampaign makes a new campaign of an unmatched name (planned, no
// budget, in the workspace's currency) and saves the rule that sends the
// name to it; the rule applies at the next preview or commit.
func (r *Results) NewCampaign(ctx context.Context, req NewCampaignRequest) (*backend.Campaign, error) {
	return call(ctx, r.s, "Results.NewCampaign", func(ctx context.Context) (*backend.Campaign, error) {
		settings, err := r.s.Workspace.Settings(ctx)
		if err != nil {
			return nil, err
		}
		c := backend.Campaign{Name: strings.TrimSpace(req.External), Status: backend.StatusPlanned, StartDate: req.From, EndDate: req.To,
			Budget: backend.Money{Currency: settings.BaseCurrency}}
		if err := r.s.Campaigns.CreateCampaign(ctx, &c); err != nil {
			return nil, err
		}
		rule := backend.ResultRule{Kind: backend.RuleEquals, Text: req.External, Source: req.Source, CampaignID: c.ID}
		if err := r.s.ResultRules.SaveResultRule(ctx, &rule); err != nil {
			// No campaign without the rule that brought it.
			if derr := r.s.Campaigns.DeleteCampaign(ctx, c.ID, c.Version); derr != nil {
				return nil, errors.Join(err, derr)
			}
			return nil, err
		}
		return &c, nil
	})
}

// DeleteRule removes a matching rule.
func (r *Results) DeleteRule(ctx context.Context, id int64) error {
	_, err := call(ctx, r.s, "Results.DeleteRule", func(ctx context.Context) (struct{}, error) {
		return struct{}{}, r.s.ResultRules.DeleteResultRule(ctx, id)
	})
	return err
}
