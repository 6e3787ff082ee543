package api

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"mopsdesk/backend"
	"mopsdesk/backend/report"
)

// ReportRequest is a period and the report's words in the user's language
// (sheet names, headings, statuses, goal metrics); missing words are
// English.
type ReportRequest struct {
	From  string            `json:"from"`
	To    string            `json:"to"`
	Words map[string]string `json:"words"`
	// Format is "xlsx" (the default) or "html".
	Format string `json:"format"`
	// Lang is the user's language, for the HTML report.
	Lang string `json:"lang"`
}

// ReportFormats are the formats the executive report is written in.
var ReportFormats = []string{"xlsx", "html"}

func (r ReportRequest) format() string {
	if r.Format == "" {
		return "xlsx"
	}
	return r.Format
}

// ReportFileName is the suggested name of the executive report.
func (e *Exports) ReportFileName(req ReportRequest) string {
	return fmt.Sprintf("executive-report-%s-to-%s.%s", req.From, req.To, req.format())
}

// Report writes the executive report for a period as an .xlsx workbook or
// a self-contained HTML page.
func (e *Exports) Report(ctx context.Context, req ReportRequest, w io.Writer) error {
	_, err := callWithin(ctx, e.s, "Exports.Report", importTimeout, func(ctx context.Context) (struct{}, error) {
		format := req.format()
		if !slices.Contains(ReportFormats, format) {
			fe := backend.FieldErrors{}
			fe.Add("format", "report.format_unknown", map[string]any{"value": req.Format})
			return struct{}{}, fe.Err("report")
		}
		if len(req.Words) == 0 {
			// Without the window's words: the workspace's language (or the
			// one asked for) from the catalogs built with the app.
			if req.Lang == "" {
				st, err := e.s.Workspace.Settings(ctx)
				if err != nil {
					return struct{}{}, err
				}
				req.Lang = st.Language
			}
			req.Words = e.s.ReportWords[req.Lang]
		}
		// Two steps for the progress bar: gathering the figures, then
		// writing the file; Cancel stops between them.
		backend.ReportProgress(ctx, backend.Step{Unit: "steps", Done: 0, Total: 2})
		d, err := reportData(ctx, e.s, req)
		if err != nil {
			return struct{}{}, err
		}
		backend.ReportProgress(ctx, backend.Step{Unit: "steps", Done: 1, Total: 2})
		if err := ctx.Err(); err != nil {
			return struct{}{}, err
		}
		d.Lang = req.Lang
		if format == "html" {
			err = report.WriteHTML(w, d, report.Library{Script: e.s.ChartScript, Fonts: e.s.ReportFonts})
		} else {
			err = report.WriteXLSX(w, d)
		}
		if err == nil {
			backend.ReportProgress(ctx, backend.Step{Unit: "steps", Done: 2, Total: 2})
		}
		return struct{}{}, err
	})
	return err
}

// reportData gathers the report's figures from the services.
func reportData(ctx context.Context, s Services, req ReportRequest) (*report.Data, error) {
	if err := checkPeriod(req.From, req.To); err != nil {
		return nil, err
	}
	st, err := s.Workspace.Settings(ctx)
	if err != nil {
		return nil, err
	}
	c, _ := backend.LookupCurrency(st.BaseCurrency)
	d := &report.Data{Workspace: st.Name, From: req.From, To: req.To, Currency: st.BaseCurrency, MinorUnits: c.MinorUnits, Words: req.Words}
	word := func(key, fallback string) string {
		if w := strings.TrimSpace(req.Words[key]); w != "" {
			return w
		}
		return fallback
	}
	if err := reportBudget(ctx, s, st, req, d, word); err != nil {
		return nil, err
	}
	if err := reportCampaigns(ctx, s, d, req, word); err != nil {
		return nil, err
	}
	if err := reportContracts(ctx, s, req, d); err != nil {
		return nil, err
	}
	if err := reportResults(ctx, s, st, req, d); err != nil {
		return nil, err
	}
	return d, nil
}

// reportBudget adds the budget to d: the periods of the fiscal year From
// falls in that the period touches (as on the dashboard), their totals by
// team and category and per period; nothing without a plan for that year.
func reportBudget(ctx context.Context, s Services, st *backend.Settings, req ReportRequest, d *report.Data, word func(key, fallback string) string) error {
	p, err := periodsOf(ctx, s, req.From, req.To)
	if err != nil || p == nil {
		return err
	}
	sum, err := s.Budget.Summary(ctx, p.filter())
	if err != nil {
		return err
	}
	d.Totals, d.Budget = sum.Totals, sum.Rows
	d.MissingRates, d.AssumedRates = sum.MissingRates, sum.AssumedRates
	labels := make([]string, p.periods)
	for i := range labels {
		from, _ := backend.FiscalPeriodRange(p.year, st.FiscalYearStartMonth, p.plan.Granularity, i+1)
		labels[i] = word("period."+from[:7], from[:7])
	}
	periods, err := periodTotals(ctx, s, p.year, p.periods, backend.SummaryFilter{}, labels)
	if err != nil {
		return err
	}
	for _, pt := range periods {
		d.Months = append(d.Months, report.Period{Label: pt.Label, Planned: pt.Planned, Committed: pt.Committed, Actual: pt.Actual})
	}
	return nil
}

// reportContracts adds to d the contracts that have not ended, with their
// figures, and the licences that end before the period is over or within
// 90 days of today, whichever is later.
func reportContracts(ctx context.Context, s Services, req ReportRequest, d *report.Data) error {
	contracts, err := s.Contracts.FindContracts(ctx, 0)
	if err != nil {
		return err
	}
	overview, err := s.Contracts.Overview(ctx)
	if err != nil {
		return err
	}
	figures := map[int64]backend.ContractFigures{}
	for _, f := range overview.Figures {
		figures[f.ContractID] = f
	}
	for _, k := range contracts {
		if k.Status == "ended" {
			continue
		}
		f := figures[k.ID]
		d.Contracts = append(d.Contracts, report.Contract{Vendor: k.VendorName, Product: k.Product, Owner: k.Owner, Cost: k.Cost,
			Annualised: f.Annualised, CostPerSeat: f.CostPerSeat, NextRenewal: k.Schedule.NextRenewal, CancelBy: k.Schedule.CancelBy,
			SeatsBought: k.SeatsBought, SeatsUsed: k.SeatsUsed})
	}
	entries, err := s.Contracts.Digest(ctx, 3650)
	if err != nil {
		return err
	}
	limit := req.To
	if t, ok := backend.ParseDay(backend.Today(s.Now())); ok && t.AddDate(0, 0, 90).Format(backend.DayLayout) > limit {
		limit = t.AddDate(0, 0, 90).Format(backend.DayLayout)
	}
	for _, e := range entries {
		if e.AssetID != 0 && e.Date <= limit {
			d.Licences = append(d.Licences, report.Licence{Asset: e.Product, Holder: e.Vendor, Expiry: e.Date})
		}
	}
	return nil
}

// checkPeriod refuses a period that is not two days in order.
func checkPeriod(from, to string) error {
	fe := backend.FieldErrors{}
	_, okFrom := backend.ParseDay(from)
	_, okTo := backend.ParseDay(to)
	if !okFrom {
		fe.Add("from", "field.date_invalid", map[string]any{"value": from})
	}
	if !okTo {
		fe.Add("to", "field.date_invalid", map[string]any{"value": to})
	}
	if okFrom && okTo && to < from {
		fe.Add("to", "dashboard.to_before_from", nil)
	}
	return fe.Err("period")
}

// fiscalPeriods are the periods of one fiscal year a period touches.
type fiscalPeriods struct {
	year, from, to, periods int
	fromDay, toDay          string
	plan                    *backend.BudgetPlan
}

func (p *fiscalPeriods) filter() backend.SummaryFilter {
	return backend.SummaryFilter{FiscalYear: p.year, FromPeriod: p.from, ToPeriod: p.to}
}

// periodsOf finds the fiscal year From falls in and the periods of it
// that [from, to] touches; nil when that year has no budget.
func periodsOf(ctx context.Context, s Services, from, to string) (*fiscalPeriods, error) {
	st, err := s.Workspace.Settings(ctx)
	if err != nil {
		return nil, err
	}
	year, _ := backend.FiscalYearOf(from, st.FiscalYearStartMonth)
	plan, err := s.Budget.BudgetPlan(ctx, year)
	if backend.ErrorCode(err) == backend.ENOTFOUND {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	p := &fiscalPeriods{year: year, periods: plan.Granularity.Periods(), plan: plan}
	for i := 1; i <= p.periods; i++ {
		pf, pt := backend.FiscalPeriodRange(year, st.FiscalYearStartMonth, plan.Granularity, i)
		if pt >= from && pf <= to {
			if p.from == 0 {
				p.from, p.fromDay = i, pf
			}
			p.to, p.toDay = i, pt
		}
	}
	if p.from == 0 {
		return nil, nil
	}
	return p, nil
}
