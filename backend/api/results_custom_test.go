package api_test

import (
	"bytes"
	"context"
	"io"
	"testing"

	"github.com/xuri/excelize/v2"

	"mopsdesk/backend"
	"mopsdesk/backend/api"
	"mopsdesk/backend/sheet"
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

// The exported workbook has a column per custom metric, headed by its
// own name, on the facts sheet and the summary (summed per group).
func TestExports_ResultsCustomMetrics(t *testing.T) {
	a, db := newAPI(t, io.Discard)
	c := resultsCampaign(t, a)
	fact := func(day, views string) backend.ResultFact {
		return backend.ResultFact{CampaignID: c.ID, External: "Q2", Source: backend.SourceOther, From: day, To: day, Clicks: 1,
			Custom: map[string]string{"Video views": views}}
	}
	storeResults(t, db, "pins.csv", fact("2026-04-01", "0.1"), fact("2026-04-02", "0.2"))
	req := api.ResultsExportRequest{Group: backend.GroupCampaign, Labels: sheet.ResultsLabels{Sheet: "Wyniki", SummarySheet: "Podsumowanie"}}
	var buf bytes.Buffer
	if err := a.Exports.Results(context.Background(), req, &buf); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	facts, _ := f.GetRows("Wyniki")
	last := len(sheet.ResultsColumns)
	if len(facts) != 3 || len(facts[0]) != last+1 || facts[0][last] != "Video views" {
		t.Fatalf("facts = %q", facts)
	}
	sum, _ := f.GetRows("Podsumowanie")
	col := len(sheet.ResultsSummaryColumns)
	if sum[0][col] != "Video views" || sum[1][col] != "0.3" || sum[2][col] != "0.3" {
		t.Fatalf("summary = %q", sum)
	}
}
