package sqlite_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"mopsdesk/backend"
	"mopsdesk/backend/sqlite"
)

// importFacts stores facts as one import of file, the way the importer
// does: bulk, record the run, attach. It returns the import id and what
// the bulk did.
func importFacts(tb testing.TB, db *sqlite.DB, file string, facts []backend.ResultFact) (int64, backend.ResultBulkCounts, []backend.ResultOverlap) {
	tb.Helper()
	rs, imports := sqlite.NewResultsService(db), sqlite.NewImportStore(db)
	var id int64
	var counts backend.ResultBulkCounts
	var overlaps []backend.ResultOverlap
	err := db.Batch(context.Background(), func(ctx context.Context) error {
		b, err := rs.BeginBulk(ctx)
		if err != nil {
			return err
		}
		for i := range facts {
			f := facts[i]
			f.SourceFile = file
			if err := b.Add(ctx, &f); err != nil {
				return err
			}
		}
		if counts, err = b.Close(ctx); err != nil {
			return err
		}
		if overlaps, err = rs.Overlaps(ctx); err != nil {
			return err
		}
		if id, err = imports.RecordImport(ctx, &backend.ImportRun{Kind: "results", FileName: file, Created: counts.Added}, nil); err != nil {
			return err
		}
		return rs.AttachImport(ctx, id)
	})
	if err != nil {
		tb.Fatal(err)
	}
	return id, counts, overlaps
}

func day(external, d string, clicks, leads, cost int64) backend.ResultFact {
	return backend.ResultFact{External: external, Source: backend.SourceGoogleAds, Channel: "Paid Search", From: d, To: d,
		Impressions: clicks * 20, Clicks: clicks, Leads: leads, Cost: backend.Money{Amount: cost, Currency: "USD"}}
}

func totalOf(t *testing.T, rs *sqlite.ResultsService, f backend.ResultFilter) backend.ResultTotal {
	t.Helper()
	sums, err := rs.Sums(context.Background(), backend.GroupSource, f)
	if err != nil {
		t.Fatal(err)
	}
	return backend.SumResults(backend.GroupSource, sums, "USD", backend.NewRates("USD", nil, nil)).Total
}

// A file imported twice duplicates nothing: the second import replaces
// the first's facts, and undoing it brings them back.
func TestResults_ImportTwiceReplacesAndUndoRestores(t *testing.T) {
	db := mustOpen(t)
	rs := sqlite.NewResultsService(db)
	file := []backend.ResultFact{day("Q2-Launch", "2026-04-01", 10, 2, 5000), day("Q2-Launch", "2026-04-02", 20, 3, 7000)}
	first, c1, _ := importFacts(t, db, "ads.csv", file)
	if c1.Added != 2 || c1.Replaced != 0 {
		t.Fatalf("first import = %+v", c1)
	}
	corrected := []backend.ResultFact{day("Q2-Launch", "2026-04-01", 11, 2, 5000), day("Q2-Launch", "2026-04-02", 20, 3, 7000)}
	second, c2, _ := importFacts(t, db, "ads.csv", corrected)
	if c2.Added != 0 || c2.Replaced != 2 {
		t.Fatalf("second import = %+v", c2)
	}
	tot := totalOf(t, rs, backend.ResultFilter{})
	if tot.Clicks != 31 || tot.Cost.Amount != 12000 || tot.Facts != 2 {
		t.Fatalf("after the second import: clicks %d cost %d facts %d, want 31 12000 2", tot.Clicks, tot.Cost.Amount, tot.Facts)
	}
	page, err := rs.Find(context.Background(), backend.ResultFilter{})
	if err != nil || page.Total != 2 || page.Facts[0].ImportID != second {
		t.Fatalf("find = %+v, %v", page, err)
	}
	if err := rs.DeleteImport(context.Background(), second); err != nil {
		t.Fatal(err)
	}
	tot = totalOf(t, rs, backend.ResultFilter{})
	if tot.Clicks != 30 || tot.Facts != 2 {
		t.Fatalf("after undo: clicks %d facts %d, want the first import's 30 and 2", tot.Clicks, tot.Facts)
	}
	if page, _ := rs.Find(context.Background(), backend.ResultFilter{}); page.Facts[0].ImportID != first {
		t.Fatalf("after undo the facts are import %d's, want %d", page.Facts[0].ImportID, first)
	}
	if err := rs.DeleteImport(context.Background(), first); err != nil {
		t.Fatal(err)
	}
	if tot := totalOf(t, rs, backend.ResultFilter{}); tot.Facts != 0 || tot.Clicks != 0 {
		t.Fatalf("after undoing both: %+v", tot)
	}
}

// Rows of the same key in one file add up (a file split by device).
func TestResults_SameKeyInOneFileAddsUp(t *testing.T) {
	db := mustOpen(t)
	rs := sqlite.NewResultsService(db)
	_, c, _ := importFacts(t, db, "ga4.csv", []backend.ResultFact{day("W", "2026-05-01", 3, 1, 100), day("W", "2026-05-01", 4, 1, 50)})
	if c.Added != 1 || c.Merged != 1 {
		t.Fatalf("counts = %+v, want 1 added 1 merged", c)
	}
	if tot := totalOf(t, rs, backend.ResultFilter{}); tot.Clicks != 7 || tot.Leads != 2 || tot.Cost.Amount != 150 {
		t.Fatalf("total = %+v", tot)
	}
}

// Two files of one source whose days overlap for a campaign are
// reported; the same days are replaced, not reported.
func TestResults_OverlapsAreReported(t *testing.T) {
	db := mustOpen(t)
	weekly := day("Brand", "2026-06-01", 70, 7, 7000)
	weekly.To = "2026-06-07"
	first, _, ov := importFacts(t, db, "week.csv", []backend.ResultFact{weekly, day("Other", "2026-06-01", 1, 0, 1)})
	if len(ov) != 0 {
		t.Fatalf("first import overlaps = %+v", ov)
	}
	_, _, ov = importFacts(t, db, "days.csv", []backend.ResultFact{day("Brand", "2026-06-03", 10, 1, 1000), day("Other", "2026-06-01", 1, 0, 1)})
	if len(ov) != 1 || ov[0].External != "Brand" || ov[0].ImportID != first || ov[0].From != "2026-06-01" || ov[0].To != "2026-06-07" || ov[0].SourceFile != "week.csv" {
		t.Fatalf("overlaps = %+v, want Brand's week from import %d", ov, first)
	}
}

// Summaries group by campaign, team and period, from the monthly sums
// or (for a filter inside a month) from the facts, with the same totals.
func TestResults_SumsByGroup(t *testing.T) {
	db := mustOpen(t)
	ctx := context.Background()
	team, err := sqlite.NewListService(db).CreateListItem(ctx, backend.ListTeams, "Demand gen")
	if err != nil {
		t.Fatal(err)
	}
	email, err := sqlite.NewListService(db).CreateListItem(ctx, backend.ListChannels, "Email")
	if err != nil {
		t.Fatal(err)
	}
	camp := newCampaign("Spring launch")
	camp.TeamID, camp.ChannelIDs = team.ID, []int64{email.ID}
	if err := sqlite.NewCampaignService(db).CreateCampaign(ctx, camp); err != nil {
		t.Fatal(err)
	}
	rs := sqlite.NewResultsService(db)
	eur := day("B", "2026-04-10", 5, 1, 1000)
	eur.Cost.Currency = "EUR"
	importFacts(t, db, "a.csv", []backend.ResultFact{day("A", "2026-03-30", 10, 2, 2000), day("A", "2026-04-02", 10, 2, 2000), eur})
	if err := rs.Match(ctx, backend.SourceGoogleAds, "A", camp.ID); err != nil {
		t.Fatal(err)
	}
	rates := backend.NewRates("USD", []backend.FXRate{{Month: "2026-04", Currency: "EUR", Rate: "1.1"}}, nil)
	sum := func(g backend.ResultGroup, f backend.ResultFilter) backend.ResultSummary {
		sums, err := rs.Sums(ctx, g, f)
		if err != nil {
			t.Fatal(err)
		}
		return backend.SumResults(g, sums, "USD", rates)
	}
	byCampaign := sum(backend.GroupCampaign, backend.ResultFilter{})
	if len(byCampaign.Rows) != 2 || byCampaign.Rows[1].Label != "Spring launch" || byCampaign.Rows[1].Clicks != 20 ||
		byCampaign.Rows[0].Key != "" || byCampaign.Rows[0].Cost.Amount != 1100 {
		t.Fatalf("by campaign = %+v", byCampaign.Rows)
	}
	if byCampaign.Total.Cost.Amount != 5100 || byCampaign.Total.KPIs.CostPerLead.String() != "10.20 USD" {
		t.Fatalf("total = %+v, cost per lead %s", byCampaign.Total, byCampaign.Total.KPIs.CostPerLead)
	}
	byTeam := sum(backend.GroupTeam, backend.ResultFilter{})
	if len(byTeam.Rows) != 2 || byTeam.Rows[1].Label != "Demand gen" || byTeam.Rows[1].Leads != 4 {
		t.Fatalf("by team = %+v", byTeam.Rows)
	}
	// A fact counts under its campaign's channel, whatever channel the
	// file names; the unmatched one under the file's.
	noChannel := day("A", "2026-04-03", 1, 0, 0)
	noChannel.Channel = ""
	importFacts(t, db, "c.csv", []backend.ResultFact{noChannel})
	if err := rs.Match(ctx, backend.SourceGoogleAds, "A", camp.ID); err != nil {
		t.Fatal(err)
	}
	byChannel := sum(backend.GroupChannel, backend.ResultFilter{})
	if len(byChannel.Rows) != 2 || byChannel.Rows[0].Label != "Email" || byChannel.Rows[0].Clicks != 21 || byChannel.Rows[1].Label != "Paid Search" || byChannel.Rows[1].Clicks != 5 {
		t.Fatalf("by channel = %+v", byChannel.Rows)
	}
	byQuarter := sum(backend.GroupQuarter, backend.ResultFilter{})
	if len(byQuarter.Rows) != 2 || byQuarter.Rows[0].Key != "2026-Q1" || byQuarter.Rows[0].Clicks != 10 || byQuarter.Rows[1].Clicks != 16 {
		t.Fatalf("by quarter = %+v", byQuarter.Rows)
	}
	byWeek := sum(backend.GroupWeek, backend.ResultFilter{CampaignID: camp.ID})
	if len(byWeek.Rows) != 1 || byWeek.Rows[0].Key != "2026-W14" || byWeek.Rows[0].Clicks != 21 {
		t.Fatalf("by week = %+v", byWeek.Rows)
	}
	// A filter inside a month reads the facts.
	inApril := sum(backend.GroupMonth, backend.ResultFilter{From: "2026-04-01", To: "2026-04-05"})
	if len(inApril.Rows) != 1 || inApril.Total.Clicks != 11 {
		t.Fatalf("april 1-5 = %+v", inApril.Rows)
	}
	// No rate for EUR in March: left out and named, money KPIs undefined.
	eur.From, eur.To, eur.External = "2026-03-10", "2026-03-10", "C"
	importFacts(t, db, "b.csv", []backend.ResultFact{eur})
	march := sum(backend.GroupMonth, backend.ResultFilter{From: "2026-03-01", To: "2026-03-31"})
	if len(march.Total.Unconverted) != 1 || march.Total.Unconverted[0] != "EUR" || !march.Total.KPIs.CPC.Undefined || march.Total.KPIs.CTR.Undefined {
		t.Fatalf("march = %+v", march.Total)
	}
}

func TestResults_LastImports(t *testing.T) {
	db := mustOpen(t)
	rs := sqlite.NewResultsService(db)
	crm := backend.ResultFact{External: "A", Source: backend.SourceHubSpot, From: "2026-02-01", To: "2026-02-28", MQLs: 4}
	importFacts(t, db, "hubspot.csv", []backend.ResultFact{crm, day("A", "2026-03-05", 1, 1, 1)})
	last, err := rs.LastImports(context.Background(), "mqls")
	if err != nil || len(last) != 1 || last[0].Source != backend.SourceHubSpot || last[0].Through != "2026-02-28" || last[0].At == "" {
		t.Fatalf("last mqls import = %+v, %v", last, err)
	}
	if all, _ := rs.LastImports(context.Background(), ""); len(all) != 2 {
		t.Fatalf("last imports = %+v", all)
	}
}

// BenchmarkResultsSummary sums a year of daily results of 500 campaigns
// from 5 sources (912,500 facts, a fifth with two custom metrics) by
// campaign, as the Results view does. Nine campaigns in ten have one of
// five channels; the tenth has none, so its facts count under the
// channel the file names.
func BenchmarkResultsSummary(b *testing.B) {
	db := mustOpen(b)
	ctx := context.Background()
	sources := []backend.ResultSource{backend.SourceGoogleAds, backend.SourceMetaAds, backend.SourceLinkedInAds, backend.SourceGA4, backend.SourceHubSpot}
	campaigns := sqlite.NewCampaignService(db)
	var channels []int64
	for _, name := range []string{"Search", "Social", "Email", "Events", "Content"} {
		ch, err := sqlite.NewListService(db).CreateListItem(ctx, backend.ListChannels, name)
		if err != nil {
			b.Fatal(err)
		}
		channels = append(channels, ch.ID)
	}
	facts := make([]backend.ResultFact, 0, 500*5*365)
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	for c := 0; c < 500; c++ {
		camp := newCampaign(fmt.Sprintf("Campaign %03d", c))
		if c%10 != 9 {
			camp.ChannelIDs = []int64{channels[c%5]}
		}
		if err := campaigns.CreateCampaign(ctx, camp); err != nil {
			b.Fatal(err)
		}
		for s, src := range sources {
			for d := 0; d < 365; d++ {
				f := day(fmt.Sprintf("campaign-%03d", c), start.AddDate(0, 0, d).Format("2006-01-02"), int64(c+d), int64(s), int64(100*d))
				f.Source, f.CampaignID = src, camp.ID
				if src == backend.SourceGA4 {
					// GA4 carries sessions and a metric the user named: a fifth
					// of the facts have custom metrics to add up.
					f.Custom = map[string]string{"sessions": fmt.Sprint(c + d), "Engaged sessions": fmt.Sprintf("%d.25", d)}
				}
				facts = append(facts, f)
			}
		}
	}
	began := time.Now()
	importFacts(b, db, "year.csv", facts)
	imported := time.Since(began)
	rs := sqlite.NewResultsService(db)
	rates := backend.NewRates("USD", nil, nil)
	b.Logf("imported %d facts in %v", len(facts), imported)
	first := facts[0].CampaignID
	for _, bench := range []struct {
		name  string
		group backend.ResultGroup
		f     backend.ResultFilter
		rows  int
	}{
		{"ByCampaign", backend.GroupCampaign, backend.ResultFilter{}, 500},
		{"ByChannel", backend.GroupChannel, backend.ResultFilter{}, 6},
		{"ByChannelOneWeekFromFacts", backend.GroupChannel, backend.ResultFilter{From: "2025-06-02", To: "2025-06-08"}, 6},
		{"ByTeam", backend.GroupTeam, backend.ResultFilter{}, 1},
		{"ByQuarter", backend.GroupQuarter, backend.ResultFilter{From: "2025-01-01", To: "2025-12-31"}, 4},
		{"ByCampaignOneWeekFromFacts", backend.GroupCampaign, backend.ResultFilter{From: "2025-06-02", To: "2025-06-08"}, 500},
		{"OneCampaignByWeek", backend.GroupWeek, backend.ResultFilter{CampaignID: first}, 53},
	} {
		b.Run(bench.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				sums, err := rs.Sums(ctx, bench.group, bench.f)
				if err != nil {
					b.Fatal(err)
				}
				if s := backend.SumResults(bench.group, sums, "USD", rates); len(s.Rows) != bench.rows {
					b.Fatalf("rows = %d, want %d", len(s.Rows), bench.rows)
				}
			}
		})
	}
}

func resultIndexNames(t *testing.T, db *sqlite.DB) string {
	t.Helper()
	var s string
	if err := db.QueryRowForTest(context.Background(), `SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master
		WHERE type = 'index' AND tbl_name = 'result_facts' AND sql IS NOT NULL ORDER BY name)`).Scan(&s); err != nil {
		t.Fatal(err)
	}
	return s
}

// A large bulk leaves every index in place and puts the page cache back,
// whether its batch commits or fails.
func TestResults_LargeBulkRestoresIndexesAndCache(t *testing.T) {
	db := mustOpen(t)
	indexes, cache := resultIndexNames(t, db), pageCache(t, db)
	facts := make([]backend.ResultFact, 0, 25_000)
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < 25_000; i++ {
		facts = append(facts, day(fmt.Sprintf("c%d", i%100), start.AddDate(0, 0, i/100).Format("2006-01-02"), 1, 0, 0))
	}
	id, _, _ := importFacts(t, db, "big.csv", facts)
	if got := resultIndexNames(t, db); got != indexes || pageCache(t, db) != cache {
		t.Fatalf("after a large bulk: indexes %s cache %d, want %s and %d", got, pageCache(t, db), indexes, cache)
	}
	page, err := sqlite.NewResultsService(db).Find(context.Background(), backend.ResultFilter{Limit: 1})
	if err != nil || page.Total != 25_000 || page.Facts[0].ImportID != id {
		t.Fatalf("find = %d facts, %v", page.Total, err)
	}
	rs := sqlite.NewResultsService(db)
	boom := errors.New("boom")
	err = db.Batch(context.Background(), func(ctx context.Context) error {
		b, err := rs.BeginBulk(ctx)
		if err != nil {
			return err
		}
		for i := range facts {
			f := facts[i]
			f.Source = backend.SourceMetaAds
			if err := b.Add(ctx, &f); err != nil {
				return err
			}
		}
		if _, err := b.Close(ctx); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) || resultIndexNames(t, db) != indexes || pageCache(t, db) != cache {
		t.Fatalf("after a failed bulk (%v): indexes %s cache %d", err, resultIndexNames(t, db), pageCache(t, db))
	}
	if tot := totalOf(t, rs, backend.ResultFilter{}); tot.Facts != 25_000 {
		t.Fatalf("after a failed bulk %d facts", tot.Facts)
	}
}
