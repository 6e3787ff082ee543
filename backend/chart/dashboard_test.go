package chart_test

import (
	"strings"
	"testing"

	"mopsdesk/backend"
	"mopsdesk/backend/chart"
)

func TestCounts(t *testing.T) {
	items := []backend.NamedCount{{Key: "live", Name: "live", Count: 5}, {Key: "planned", Name: "planned", Count: 2}, {Key: "x", Name: `<img src=x onerror=alert(1)>`, Count: 1}}
	got, err := chart.Counts("Campaigns by status", "Campaigns", items, map[string]string{"live": "Live", "planned": "Planned"})
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "counts", got)
	// Labels are data for ECharts, never markup; the frontend draws them
	// as text (its EChart component sets no rich HTML tooltips from names).
	if !strings.Contains(string(got), `\u003cimg src=x onerror=alert(1)\u003e`) {
		t.Fatalf("the label is not kept as an escaped string: %s", got)
	}
	empty, err := chart.Counts("Campaigns by channel", "Campaigns", nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(empty), `"series":[{`) {
		t.Fatalf("no data must give no series (the empty state): %s", empty)
	}
}
