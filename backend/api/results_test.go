package api_test

import (
	"context"
	"io"
	"strings"
	"testing"

	"mopsdesk/backend"
	"mopsdesk/backend/api"
	"mopsdesk/backend/chart"
	"mopsdesk/backend/sqlite"
)

// storeResults stores facts as one recorded import, as the importer does.
func storeResults(t *testing.T, db *sqlite.DB, file string, facts ...backend.ResultFact) int64 {
	t.Helper()
	rs, imports := sqlite.NewResultsService(db), sqlite.NewImportStore(db)
	var id int64
	err := db.Batch(context.Background(), func(ctx context.Context) error {
		b, err := rs.BeginBulk(ctx)
		if err != nil {
			return err
		}
		for i := range facts {
			if err := b.Add(ctx, &facts[i]); err != nil {
				return err
			}
		}
		counts, err := b.Close(ctx)
		if err != nil {
			return err
		}
		if id, err = imports.RecordImport(ctx, &backend.ImportRun{Kind: "results", FileName: file, Created: counts.Added}, nil); err != nil {
			return err
		}
		return rs.AttachImport(ctx, id)
	})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func resultsCampaign(t *testing.T, a *api.API) *backend.Campaign {
	t.Helper()
	c, err := a.Campaigns.Create(context.Background(), backend.Campaign{Name: "Spring launch", Status: backend.StatusPlanned,
		StartDate: "2026-03-01", EndDate: "2026-06-30", Budget: backend.Money{Currency: "USD"}})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// A goal on leads shows the leads the files report for its campaign up
// to its due day, with the date of the last import; a goal no file
// covers keeps its typed actual; undoing the import brings it back.
func TestGoals_ActualFromResults(t *testing.T) {
	a, db := newAPI(t, io.Discard)
	ctx := context.Background()
	c := resultsCampaign(t, a)
	ads := backend.ResultFact{CampaignID: c.ID, External: "Q2", Source: backend.SourceGoogleAds, From: "2026-04-01", To: "2026-04-01",
		Impressions: 1000, Clicks: 50, Leads: 7, Cost: backend.Money{Amount: 10000, Currency: "USD"}}
	late := ads
	late.From, late.To, late.Leads = "2026-05-20", "2026-05-20", 100 // after the due day
	crm := backend.ResultFact{CampaignID: c.ID, External: "Q2", Source: backend.SourceHubSpot, From: "2026-04-01", To: "2026-04-30",
		Leads: 5, MQLs: 4, Revenue: backend.Money{Amount: 250000, Currency: "USD"}}
	id := storeResults(t, db, "ads.csv", ads, late, crm)
	leads, err := a.Goals.Create(ctx, backend.Goal{CampaignID: c.ID, Metric: backend.MetricLeads, Target: "24", Actual: "3", DueDate: "2026-04-30"})
	if err != nil {
		t.Fatal(err)
	}
	if !leads.FromResults || leads.Actual != "12" || leads.TypedActual != "3" || leads.ProgressPercent != 50 || leads.ResultsImportedAt == "" {
		t.Fatalf("leads goal = %+v, want 12 from the data (7 + 5 before the due day)", leads)
	}
	for _, g := range []backend.Goal{
		{CampaignID: c.ID, Metric: backend.MetricRevenue, Target: "5000", Actual: "1", DueDate: "2026-06-30"},
		{CampaignID: c.ID, Metric: backend.MetricCTR, Target: "10", Actual: "1", DueDate: "2026-04-30"},
		{CampaignID: c.ID, Metric: backend.MetricCustom, CustomMetric: "Brand lift", Target: "10", Actual: "4", DueDate: "2026-06-30"},
	} {
		if _, err := a.Goals.Create(ctx, g); err != nil {
			t.Fatal(err)
		}
	}
	goals, err := a.Goals.Find(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := map[backend.GoalMetric]string{backend.MetricLeads: "12", backend.MetricRevenue: "2500.00", backend.MetricCTR: "5.00", backend.MetricCustom: "4"}
	for _, g := range goals {
		if g.Actual != want[g.Metric] || g.FromResults == (g.Metric == backend.MetricCustom) {
			t.Errorf("%s goal actual = %s (from results %v), want %s", g.Metric, g.Actual, g.FromResults, want[g.Metric])
		}
	}
	if err := sqlite.NewResultsService(db).DeleteImport(ctx, id); err != nil {
		t.Fatal(err)
	}
	goals, _ = a.Goals.Find(ctx, c.ID)
	for _, g := range goals {
		if g.FromResults || g.Actual == want[g.Metric] && g.Metric != backend.MetricCustom {
			t.Errorf("after undo %s goal = %s from results %v, want its typed actual", g.Metric, g.Actual, g.FromResults)
		}
	}
}

// The facade sums by campaign with KPIs and gives one campaign's trend
// and funnel.
func TestResults_SummaryAndCampaign(t *testing.T) {
	a, db := newAPI(t, io.Discard)
	ctx := context.Background()
	c := resultsCampaign(t, a)
	day := func(d string, leads, mqls, won int64) backend.ResultFact {
		return backend.ResultFact{CampaignID: c.ID, External: "Q2", Source: backend.SourceSalesforce, From: d, To: d,
			Leads: leads, MQLs: mqls, Won: won, Cost: backend.Money{Amount: 30000, Currency: "USD"}}
	}
	storeResults(t, db, "crm.csv", day("2026-04-01", 10, 4, 1), day("2026-04-08", 10, 0, 0), day("2026-05-02", 0, 0, 0))
	sum, err := a.Results.Summary(ctx, api.ResultsRequest{Group: backend.GroupCampaign})
	if err != nil {
		t.Fatal(err)
	}
	if len(sum.Rows) != 1 || sum.Rows[0].Label != "Spring launch" || sum.Total.KPIs.CostPerLead.String() != "45.00 USD" ||
		sum.Total.KPIs.CAC.String() != "900.00 USD" || !sum.Total.KPIs.CTR.Undefined {
		t.Fatalf("summary = %+v", sum)
	}
	got, err := a.Results.Campaign(ctx, c.ID, backend.GroupWeek, chart.ResultLabels{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Trend) != 3 || got.Trend[0].Key != "2026-W14" || got.Funnel[1].Count != 4 || got.Funnel[1].Rate.String() != "20.00%" ||
		!got.Funnel[0].Rate.Undefined || len(got.Sources) != 1 || len(got.LastImports) != 1 ||
		!strings.Contains(string(got.TrendChart), `"2026-W14"`) || !strings.Contains(string(got.FunnelChart), `"type":"funnel"`) {
		t.Fatalf("campaign = %+v", got)
	}
	if page, err := a.Results.Find(ctx, backend.ResultFilter{CampaignID: c.ID, Limit: 2}); err != nil || page.Total != 3 || len(page.Facts) != 2 || page.Facts[0].From != "2026-05-02" {
		t.Fatalf("find = %+v, %v", page, err)
	}
	if _, err := a.Results.Campaign(ctx, c.ID, "year", chart.ResultLabels{}); backend.ErrorCode(err) != backend.EINVALID {
		t.Fatalf("trend by year: %v", err)
	}
}

// Results data is audited like an import: one entry for the run, none
// per fact (its table has no audit triggers).
func TestResults_AuditedOncePerImport(t *testing.T) {
	a, db := newAPI(t, io.Discard)
	ctx := context.Background()
	before, err := a.Audit.Log(ctx, backend.ChangeFilter{})
	if err != nil {
		t.Fatal(err)
	}
	fact := func(d string) backend.ResultFact {
		return backend.ResultFact{External: "Q2", Source: backend.SourceTikTokAds, From: d, To: d, Clicks: 1}
	}
	storeResults(t, db, "tiktok.csv", fact("2026-04-01"), fact("2026-04-02"), fact("2026-04-03"))
	after, err := a.Audit.Log(ctx, backend.ChangeFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if after.Total != before.Total+1 || after.Changes[0].Kind != backend.AuditImport || after.Changes[0].Label != "tiktok.csv" {
		t.Fatalf("audit log after a results import: %d entries (was %d), newest %+v", after.Total, before.Total, after.Changes[0])
	}
}
