package chart_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"mopsdesk/backend"
	"mopsdesk/backend/chart"
)

var summary = &backend.BudgetSummary{Currency: "JPY", Rows: []backend.SummaryRow{
	{TeamName: "Demand gen", CategoryName: "Ads", Planned: 1_000_000, Committed: 200_000, Actual: 300_000},
	{TeamName: "Brand", CategoryName: "Events", Planned: 400_000, Actual: -5_000},
	{TeamName: "Demand gen", CategoryName: "Events", Planned: 100_000, Actual: 50_000},
}}

func TestBudgetCharts(t *testing.T) {
	got, err := chart.PlanVsActualByTeam(summary, chart.BudgetLabels{})
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "plan_vs_actual", got)
	got, err = chart.SpendByCategory(summary, chart.BudgetLabels{ByCategory: "Wydatki według kategorii"})
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "spend_by_category", got)
	got, err = chart.BurnUp([]chart.PeriodTotals{
		{Label: "Apr", Planned: 100, Actual: 40}, {Label: "May", Planned: 100, Committed: 30, Actual: 60}, {Label: "Jun", Planned: 100},
	}, "KWD", chart.BudgetLabels{})
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "burn_up", got)
	over, err := chart.SpendOverTime([]chart.PeriodTotals{
		{Label: "Apr", Planned: 100, Actual: 40}, {Label: "<b>May</b>", Planned: 100, Committed: 30, Actual: 60},
	}, "EUR", "Wydatki w czasie", chart.BudgetLabels{Actual: "Rzeczywiste"})
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "spend_over_time", over)
	var opt struct {
		MoneyFormat struct {
			Currency   string
			MinorUnits int
		}
		Series []struct{ Data []struct{ Value int64 } }
	}
	if err := json.Unmarshal(got, &opt); err != nil {
		t.Fatal(err)
	}
	if opt.MoneyFormat.Currency != "KWD" || opt.MoneyFormat.MinorUnits != 3 || opt.Series[1].Data[2].Value != 130 {
		t.Fatalf("burn-up %+v", opt)
	}
}

func TestBudgetCharts_Empty(t *testing.T) {
	for name, build := range map[string]func() (json.RawMessage, error){
		"bar": func() (json.RawMessage, error) {
			return chart.PlanVsActualByTeam(&backend.BudgetSummary{Currency: "USD"}, chart.BudgetLabels{})
		},
		"by category": func() (json.RawMessage, error) {
			return chart.SpendByCategory(&backend.BudgetSummary{Currency: "USD"}, chart.BudgetLabels{})
		},
		"line": func() (json.RawMessage, error) {
			return chart.BurnUp([]chart.PeriodTotals{{Label: "Apr"}}, "USD", chart.BudgetLabels{})
		},
		"over time": func() (json.RawMessage, error) {
			return chart.SpendOverTime([]chart.PeriodTotals{{Label: "Apr"}}, "USD", "", chart.BudgetLabels{})
		},
	} {
		got, err := build()
		var opt struct{ Series []any }
		if err != nil || json.Unmarshal(got, &opt) != nil || len(opt.Series) != 0 {
			t.Errorf("%s: an empty budget must give no series (the UI shows its empty state): %s %v", name, got, err)
		}
	}
}

// TestBudgetCharts_ManyLongNames: thirty teams and categories with long
// names each keep a label of their own, wrapped, never skipped or cut.
func TestBudgetCharts_ManyLongNames(t *testing.T) {
	s := &backend.BudgetSummary{Currency: "EUR"}
	for i := range 30 {
		s.Rows = append(s.Rows, backend.SummaryRow{
			TeamName:     fmt.Sprintf("Team %02d paid social and regional field marketing", i),
			CategoryName: fmt.Sprintf("Category %02d sponsorships and trade show booths", i),
			Planned:      int64(1000 + i), Actual: int64(100 * (i%7 + 1)),
		})
	}
	pva, err := chart.PlanVsActualByTeam(s, chart.BudgetLabels{})
	if err != nil {
		t.Fatal(err)
	}
	byCat, err := chart.SpendByCategory(s, chart.BudgetLabels{})
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "spend_by_category_many", byCat)
	for name, got := range map[string]json.RawMessage{"plan vs actual": pva, "by category": byCat} {
		var opt struct {
			YAxis []struct {
				Type      string
				Data      []string
				AxisLabel struct {
					Interval *int
					Overflow string
					Width    int
				}
			}
			Series []struct{ Type string }
		}
		if err := json.Unmarshal(got, &opt); err != nil {
			t.Fatal(err)
		}
		if len(opt.YAxis) != 1 || opt.YAxis[0].Type != "category" || len(opt.YAxis[0].Data) != 30 {
			t.Fatalf("%s: want the 30 names down the vertical axis, got %+v", name, opt.YAxis)
		}
		l := opt.YAxis[0].AxisLabel
		if l.Interval == nil || *l.Interval != 0 || l.Overflow != "break" || l.Width <= 0 {
			t.Errorf("%s: every name must show, wrapped: %+v", name, l)
		}
		if opt.Series[0].Type != "bar" {
			t.Errorf("%s: want bars, got %s", name, opt.Series[0].Type)
		}
	}
}
