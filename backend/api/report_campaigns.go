package api

import (
	"context"
	"fmt"
	"strings"

	"mopsdesk/backend"
	"mopsdesk/backend/report"
)

// reportCampaigns adds the campaigns of the report's period to d with
// their goals and spend, read for all of them at once (the exchange rates
// once, not once per campaign), in start order.
func reportCampaigns(ctx context.Context, s Services, d *report.Data, req ReportRequest, word func(key, fallback string) string) error {
	list, err := s.Campaigns.AllCampaigns(ctx, backend.CampaignFilter{From: req.From, To: req.To, Sort: backend.SortByStart})
	if err != nil || len(list) == 0 {
		return err
	}
	ids := make([]int64, len(list))
	for i, cp := range list {
		ids[i] = cp.ID
	}
	goals, err := s.Goals.FindGoalsOf(ctx, ids)
	if err != nil {
		return err
	}
	for _, of := range goals {
		if err := fillGoals(ctx, s, of); err != nil {
			return err
		}
	}
	spend, err := s.Budget.CampaignsSpend(ctx, ids)
	if err != nil {
		return err
	}
	for _, cp := range list {
		row := report.Campaign{Name: cp.Name, Team: cp.TeamName, Status: word("status."+string(cp.Status), string(cp.Status)), Start: cp.StartDate, End: cp.EndDate}
		var parts []string
		for _, g := range goals[cp.ID] {
			name := word("goal."+string(g.Metric), string(g.Metric))
			if g.Metric == backend.MetricCustom {
				name = g.CustomMetric
			}
			mark := ""
			if g.OffTrack {
				mark = " ⚠"
			}
			parts = append(parts, fmt.Sprintf("%s %s/%s (%d%%)%s", name, g.Actual, g.Target, g.ProgressPercent, mark))
		}
		row.Goals = strings.Join(parts, "; ")
		sp := spend[cp.ID]
		if sp == nil {
			return backend.Errorf(backend.ENOTFOUND, "That campaign no longer exists.")
		}
		row.Spent, row.Revenue, row.ROIBasisPoints = sp.Committed+sp.Actual, sp.Revenue, sp.ROIBasisPoints
		d.Campaigns = append(d.Campaigns, row)
	}
	return nil
}
