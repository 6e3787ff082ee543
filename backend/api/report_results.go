package api

import (
	"context"

	"mopsdesk/backend"
	"mopsdesk/backend/report"
)

// reportResults adds to d what results data says about the period: the
// totals and funnel of the facts starting in it, the totals per campaign
// (with the KPIs the app shows), and the cost the files report per fiscal
// period beside the budget's (pacing). Nothing without a fact.
func reportResults(ctx context.Context, s Services, st *backend.Settings, req ReportRequest, d *report.Data) error {
	f := backend.ResultFilter{From: req.From, To: req.To}
	byCampaign, err := summarize(ctx, s, backend.GroupCampaign, f)
	if err != nil || byCampaign.Total.Facts == 0 {
		return err
	}
	r := &report.Results{Total: byCampaign.Total, Funnel: backend.Funnel(byCampaign.Total.ResultCounts), NoRevenue: byCampaign.NoRevenue}
	for _, c := range byCampaign.Rows {
		if c.Key != "" && c.Key != "0" { // facts not matched to a campaign rank nowhere
			r.Campaigns = append(r.Campaigns, c)
		}
	}
	if p, err := periodsOf(ctx, s, req.From, req.To); err != nil {
		return err
	} else if p != nil && len(d.Months) == p.periods {
		first, _ := backend.FiscalPeriodRange(p.year, st.FiscalYearStartMonth, p.plan.Granularity, 1)
		_, last := backend.FiscalPeriodRange(p.year, st.FiscalYearStartMonth, p.plan.Granularity, p.periods)
		months, err := summarize(ctx, s, backend.GroupMonth, backend.ResultFilter{From: first, To: last})
		if err != nil {
			return err
		}
		r.Reported, r.FromPeriod, r.ToPeriod = make([]int64, p.periods), p.from, p.to
		for _, m := range months.Rows {
			for i := 1; i <= p.periods; i++ {
				from, to := backend.FiscalPeriodRange(p.year, st.FiscalYearStartMonth, p.plan.Granularity, i)
				if day := m.Key + "-01"; day >= from && day <= to {
					r.Reported[i-1] += m.Cost.Amount
				}
			}
		}
	}
	d.Results = r
	return nil
}
