package api

import (
	"context"
	"strconv"

	"mopsdesk/backend"
)

// fillGoals gives each goal on a metric that results data covers its
// actual from the data (see backend.Goal.FillFromResults): the campaign's
// facts up to the due day, from the sources whose imports carry the
// metric.
func fillGoals(ctx context.Context, s Services, goals []*backend.Goal) error {
	if s.Results == nil || len(goals) == 0 {
		return nil
	}
	today := backend.Today(s.Now())
	// metric → source → when it was last imported.
	sources := map[string]map[string]string{}
	// campaign and due day → its results by source.
	totals := map[[2]string]*backend.ResultSummary{}
	for _, g := range goals {
		metric, ok := g.ResultMetric()
		if !ok {
			continue
		}
		if sources[metric] == nil {
			last, err := s.Results.LastImports(ctx, metric)
			if err != nil {
				return err
			}
			sources[metric] = map[string]string{}
			for _, l := range last {
				sources[metric][string(l.Source)] = l.At
			}
		}
		if g.Metric == backend.MetricCTR {
			// Clicks come with the impressions they were shown on.
			metric = "impressions"
		}
		if len(sources[metric]) == 0 {
			continue
		}
		key := [2]string{strconv.FormatInt(g.CampaignID, 10), g.DueDate}
		bySource := totals[key]
		if bySource == nil {
			var err error
			if bySource, err = summarize(ctx, s, backend.GroupSource, backend.ResultFilter{CampaignID: g.CampaignID, To: g.DueDate}); err != nil {
				return err
			}
			totals[key] = bySource
		}
		var rows []backend.ResultSum
		at := ""
		for _, row := range bySource.Rows {
			if imported, ok := sources[metric][row.Key]; ok {
				rows = append(rows, backend.ResultSum{Key: row.Key, ResultCounts: row.ResultCounts, Cost: row.Cost,
					Pipeline: row.Pipeline, Revenue: row.Revenue, Facts: row.Facts, Month: "0000-00", Custom: row.Custom})
				at = max(at, imported)
			}
		}
		// The rows are in the base currency already: a rule with no
		// other currency adds them up as they are.
		base := bySource.Total.Cost.Currency
		t := backend.SumResults(backend.GroupSource, rows, base, backend.NewRates(base, nil, nil)).Total
		for _, row := range bySource.Rows {
			if _, ok := sources[metric][row.Key]; ok && len(row.Unconverted) > 0 {
				t.Unconverted = row.Unconverted
			}
		}
		g.FillFromResults(t, at, today)
	}
	return nil
}
