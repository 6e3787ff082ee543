package chart_test

import (
	"strings"
	"testing"

	"mopsdesk/backend"
	"mopsdesk/backend/chart"
)

func TestFunnel(t *testing.T) {
	stages := backend.Funnel(backend.ResultCounts{Leads: 200, MQLs: 80, SQLs: 30, Opportunities: 12, Won: 4})
	got, err := chart.Funnel(stages, chart.ResultLabels{Funnel: "قیف", Stages: map[string]string{"leads": "سرنخ"}})
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "funnel", got)
	s := string(got)
	// In stage order, not sorted by size; words from the labels, English otherwise.
	if !strings.Contains(s, `"sort":"none"`) || !strings.Contains(s, `{"name":"سرنخ","value":200}`) || !strings.Contains(s, `{"name":"Won","value":4}`) {
		t.Fatalf("funnel = %s", s)
	}
}

// No results: no series (the frontend's empty state), never a funnel or
// a trend of zeros.
func TestResultsCharts_Empty(t *testing.T) {
	f, err := chart.Funnel(backend.Funnel(backend.ResultCounts{Impressions: 100}), chart.ResultLabels{})
	if err != nil {
		t.Fatal(err)
	}
	tr, err := chart.ResultsTrend(nil, chart.ResultLabels{})
	if err != nil {
		t.Fatal(err)
	}
	for _, raw := range []string{string(f), string(tr)} {
		if strings.Contains(raw, `"series":[{`) {
			t.Errorf("an empty chart has a series: %s", raw)
		}
	}
}

func TestResultsTrend(t *testing.T) {
	rows := []backend.ResultTotal{
		{Key: "2026-W14", ResultCounts: backend.ResultCounts{Leads: 10, MQLs: 4, Won: 1}},
		{Key: "2026-W15", Label: "W15", ResultCounts: backend.ResultCounts{Leads: 12, MQLs: 5}},
	}
	got, err := chart.ResultsTrend(rows, chart.ResultLabels{Trend: "Leads by week"})
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "results_trend", got)
	// Stages with no count (SQLs, opportunities) get no line.
	if s := string(got); strings.Count(s, `"type":"line"`) != 3 || strings.Contains(s, "SQLs") || !strings.Contains(s, `"2026-W14","W15"`) {
		t.Fatalf("trend = %s", s)
	}
}
