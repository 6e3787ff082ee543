package api_test

import (
	"context"
	"io"
	"testing"

	"mopsdesk/backend"
	"mopsdesk/backend/api"
)

// A goal on a custom metric results files carry ("Video views", named
// in any case) takes its actual from them, summed exactly up to the due
// day; the summary lists the metric as a column of its own.
func TestGoals_ActualFromCustomMetric(t *testing.T) {
	a, db := newAPI(t, io.Discard)
	ctx := context.Background()
	c := resultsCampaign(t, a)
	fact := func(day, views string) backend.ResultFact {
		return backend.ResultFact{CampaignID: c.ID, External: "Q2", Source: backend.SourceOther, From: day, To: day, Clicks: 1,
			Custom: map[string]string{"Video views": views}}
	}
	storeResults(t, db, "pins.csv", fact("2026-04-01", "0.1"), fact("2026-04-02", "0.2"), fact("2026-05-20", "100"))
	g, err := a.Goals.Create(ctx, backend.Goal{CampaignID: c.ID, Metric: backend.MetricCustom, CustomMetric: "video VIEWS", Target: "0.6",
		Actual: "0", DueDate: "2026-04-30"})
	if err != nil {
		t.Fatal(err)
	}
	if !g.FromResults || g.Actual != "0.3" || g.ProgressPercent != 50 {
		t.Fatalf("goal = %+v, want 0.3 from the data", g)
	}
	s, err := a.Results.Summary(ctx, api.ResultsRequest{Group: backend.GroupCampaign})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Metrics) != 1 || s.Metrics[0] != "Video views" || s.Total.Custom["Video views"] != "100.3" {
		t.Fatalf("summary metrics %v total %v", s.Metrics, s.Total.Custom)
	}
}
