package api_test

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"mopsdesk/backend"
	"mopsdesk/backend/api"
)

// TestReport_SaysWhatItLeftOut guards issue 14, item 2: the reports showed
// a smaller committed total than the data holds, with no word of the
// spend they left out for want of an exchange rate; and now also say when
// a total used a planning rate. The words are the catalog's, in the
// report's language (here Polish, as the frontend build writes them).
func TestReport_SaysWhatItLeftOut(t *testing.T) {
	missing := "Część wydatków pominięto w tych sumach, bo brakuje dla nich kursu walut. Ustaw te kursy na karcie Kursy walut:"
	assumed := "Część wydatków w tych sumach przeliczono po kursie planowym."
	a, _ := newAPIWith(t, io.Discard, func(s *api.Services) {
		s.ChartScript = []byte("window.echarts = null;")
		s.ReportWords = map[string]map[string]string{"pl": {"budget.missing_rates": missing, "budget.assumed_rates": assumed}}
	})
	if _, err := a.Workspace.UpdateSettings(context.Background(), backend.Settings{Name: "Acme", BaseCurrency: "EUR", FiscalYearStartMonth: 4, Language: "pl"}); err != nil {
		t.Fatal(err)
	}
	team, _ := a.Lists.Create(context.Background(), backend.ListTeams, "Brand")
	cat, _ := a.Lists.Create(context.Background(), backend.ListCategories, "Events")
	if _, err := a.Budget.CreateFiscalYear(context.Background(), 2026, backend.Monthly); err != nil {
		t.Fatal(err)
	}
	for _, sp := range []backend.Spend{
		{Date: "2026-12-01", Amount: backend.Money{Amount: 100_000, Currency: "USD"}, Status: backend.SpendCommitted},
		{Date: "2027-01-12", Amount: backend.Money{Amount: 50_000, Currency: "GBP"}, Status: backend.SpendCommitted},
	} {
		sp.TeamID, sp.CategoryID = team.ID, cat.ID
		if _, err := a.Spend.Create(context.Background(), sp); err != nil {
			t.Fatal(err)
		}
	}
	if err := a.Budget.SetPlanningRate(context.Background(), backend.PlanningRate{Currency: "GBP", Rate: "1.15"}); err != nil {
		t.Fatal(err)
	}
	req := api.ReportRequest{From: "2026-12-01", To: "2027-01-31", Lang: "pl"}

	var buf bytes.Buffer
	if err := a.Exports.Report(context.Background(), req, &buf); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	wantMissing, wantAssumed := missing+" USD — 2026-12", assumed+" GBP — 2027-01 (1.15)"
	for _, sheet := range []string{"Summary", "Budget"} {
		rows, _ := f.GetRows(sheet)
		var text []string
		for _, r := range rows {
			text = append(text, strings.Join(r, " "))
		}
		all := strings.Join(text, "\n")
		if !strings.Contains(all, wantMissing) || !strings.Contains(all, wantAssumed) {
			t.Errorf("the %s sheet does not say what it left out or assumed:\n%s", sheet, all)
		}
	}

	req.Format = "html"
	buf.Reset()
	if err := a.Exports.Report(context.Background(), req, &buf); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	for _, want := range []string{missing, `USD — <time datetime="2026-12" data-month>2026-12</time>`, assumed,
		`GBP — <time datetime="2027-01" data-month>2027-01</time> (<data class="rate" value="1.15">1.15</data>)`} {
		if !strings.Contains(page, want) {
			t.Errorf("HTML report lacks %q", want)
		}
	}

	// The dashboard carries the same two lists for its budget tile.
	d, err := a.Dashboard.Get(context.Background(), api.DashboardRequest{From: "2026-12-01", To: "2027-01-31"})
	if err != nil {
		t.Fatal(err)
	}
	if b := d.Budget; b == nil || len(b.MissingRates) != 1 || len(b.AssumedRates) != 1 || b.AssumedRates[0].Rate != "1.15" {
		t.Fatalf("dashboard budget %+v", d.Budget)
	}
}
