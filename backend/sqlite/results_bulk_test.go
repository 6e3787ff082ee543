package sqlite_test

import (
	"context"
	"fmt"
	"testing"

	"mopsdesk/backend"
	"mopsdesk/backend/sqlite"
)

// checkMonths fails when the monthly sums differ from the live facts'
// or hold a group twice.
func checkMonths(t *testing.T, db *sqlite.DB, step string) {
	t.Helper()
	checkMonthSums(t, db, step, false)
}

// checkMonthSums is checkMonths, a group held twice allowed or not.
func checkMonthSums(t *testing.T, db *sqlite.DB, step string, twice bool) {
	t.Helper()
	drift, doubled, err := db.ResultMonthsDriftForTest(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if twice {
		doubled = 0
	}
	if drift != 0 || doubled != 0 {
		t.Fatalf("%s: %d monthly groups differ from the facts, %d held twice", step, drift, doubled)
	}
}

// The monthly sums a bulk brings up to date by adding its own facts
// (and taking away those it replaces) equal a count from the facts
// after every kind of import: new facts, replaced facts matched to
// another campaign, rows of one key added up, a replaced month left
// with no fact, an undo, a rematch.
func TestResults_MonthlySumsFollowEveryBulk(t *testing.T) {
	db := mustOpen(t)
	ctx := context.Background()
	rs := sqlite.NewResultsService(db)
	c1, c2 := campaignID(t, db, "Spring launch"), campaignID(t, db, "Summer")
	var year []backend.ResultFact
	for m := 1; m <= 14; m++ {
		d := fmt.Sprintf("%d-%02d-03", 2025+(m-1)/12, (m-1)%12+1)
		f := day("Spring", d, int64(m), 1, 100*int64(m))
		f.CampaignID = c1
		g := day("Summer", d, 2, 0, 50)
		g.Source, g.Channel = backend.SourceMetaAds, ""
		year = append(year, f, g)
	}
	first, _, _ := importFacts(t, db, "a.csv", year)
	checkMonths(t, db, "first import (14 months, two sources)")

	again := []backend.ResultFact{day("Spring", "2025-03-03", 9, 9, 900), day("Spring", "2025-03-03", 1, 0, 100), day("New", "2025-03-04", 1, 0, 1)}
	again[0].CampaignID, again[1].CampaignID = c2, c2 // matched to another campaign now
	_, counts, _ := importFacts(t, db, "b.csv", again)
	if counts.Replaced != 1 || counts.Merged != 1 {
		t.Fatalf("counts = %+v", counts)
	}
	checkMonths(t, db, "a replacing import, rows added up")

	eur := day("Spring", "2025-04-03", 4, 4, 400)
	eur.Cost.Currency = "EUR" // the same key in another currency replaces the USD fact
	second, _, _ := importFacts(t, db, "c.csv", []backend.ResultFact{eur})
	checkMonths(t, db, "a fact replaced in another currency")

	if err := rs.DeleteImport(ctx, second); err != nil {
		t.Fatal(err)
	}
	checkMonths(t, db, "undo")
	if err := rs.Match(ctx, backend.SourceMetaAds, "Summer", c2); err != nil {
		t.Fatal(err)
	}
	checkMonths(t, db, "rematch")
	if err := rs.DeleteImport(ctx, first); err != nil {
		t.Fatal(err)
	}
	checkMonths(t, db, "undo of the first import")

	// A campaign deleted: its facts become unmatched, and so do its
	// monthly sums (they named the deleted campaign, and the next import
	// took away the replaced facts' figures under no campaign: a
	// negative unmatched row). A new campaign taking its id gets nothing.
	c3 := campaignID(t, db, "Autumn")
	autumn := day("Autumn", "2025-05-03", 3, 1, 300)
	autumn.CampaignID = c3
	importFacts(t, db, "d.csv", []backend.ResultFact{autumn})
	cs := sqlite.NewCampaignService(db)
	autumnCampaign, err := cs.FindCampaignByID(ctx, c3)
	if err != nil {
		t.Fatal(err)
	}
	if err := cs.DeleteCampaign(ctx, c3, autumnCampaign.Version); err != nil {
		t.Fatal(err)
	}
	checkMonthSums(t, db, "a campaign deleted", true)
	importFacts(t, db, "e.csv", []backend.ResultFact{day("Autumn", "2025-05-03", 4, 1, 400)})
	checkMonths(t, db, "the deleted campaign's name imported again")
	c4 := campaignID(t, db, "Winter")
	sums, err := rs.Sums(ctx, backend.GroupCampaign, backend.ResultFilter{From: "2025-05-01", To: "2025-05-31"})
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range sums {
		if x.Key == fmt.Sprint(c3) || x.Key == fmt.Sprint(c4) || x.Facts < 0 {
			t.Fatalf("May after the delete: %+v", sums)
		}
	}
}

// A fact whose rows come in two blocks of a large file (two Adds of one
// key) adds up, custom metrics too, exactly.
func TestResults_SplitFactAddsUpCustomMetrics(t *testing.T) {
	// 300 facts apart the rows are written together; 5,000 apart (more
	// than the bulk queues) the first is stored before the second comes.
	for _, apart := range []int{300, 5000} {
		t.Run(fmt.Sprint(apart), func(t *testing.T) { splitFactAddsUp(t, apart) })
	}
}

func splitFactAddsUp(t *testing.T, apart int) {
	db := mustOpen(t)
	rs := sqlite.NewResultsService(db)
	a := day("Webinar", "2026-05-01", 10, 1, 1000)
	a.Custom = map[string]string{"sessions": "120", "conversion_value": "10.25"}
	filler := make([]backend.ResultFact, 0, apart)
	for i := range apart {
		filler = append(filler, day(fmt.Sprintf("Other %d", i), "2026-05-01", 1, 0, 1))
	}
	b := day("Webinar", "2026-05-01", 5, 0, 500)
	b.Custom = map[string]string{"sessions": "30", "conversion_value": "0.5", "video_views": "7"}
	c := day("Webinar", "2026-05-01", 1, 0, 0) // no custom metrics: keeps them
	facts := append(append(append([]backend.ResultFact{a}, filler...), b), c)
	_, counts, _ := importFacts(t, db, "ga4.csv", facts)
	if counts.Added != apart+1 || counts.Merged != 2 {
		t.Fatalf("counts = %+v", counts)
	}
	got := findFact(t, rs, "Webinar", "2026-05-01")
	if got == nil || got.Clicks != 16 || got.Cost.Amount != 1500 {
		t.Fatalf("Webinar = %+v", got)
	}
	want := map[string]string{"sessions": "150", "conversion_value": "10.75", "video_views": "7"}
	for k, v := range want {
		if got.Custom[k] != v {
			t.Errorf("custom %s = %q, want %q (all: %v)", k, got.Custom[k], v, got.Custom)
		}
	}
	checkMonths(t, db, "split fact")
}

func campaignID(t *testing.T, db *sqlite.DB, name string) int64 {
	t.Helper()
	c := newCampaign(name)
	if err := sqlite.NewCampaignService(db).CreateCampaign(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	return c.ID
}

// findFact finds the live fact of a name and day.
func findFact(t *testing.T, rs *sqlite.ResultsService, external, d string) *backend.ResultFact {
	t.Helper()
	for offset := 0; ; offset += 1000 {
		page, err := rs.Find(context.Background(), backend.ResultFilter{From: d, To: d, Offset: offset, Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		for i := range page.Facts {
			if page.Facts[i].External == external {
				return &page.Facts[i]
			}
		}
		if offset+1000 >= page.Total {
			return nil
		}
	}
}

// A deal opened and a deal won on one day of one campaign are one fact:
// pipeline from the first row, revenue from the second, each naming only
// its own currency. Written apart (more than the bulk queues between
// them) the revenue was lost: the store added money only in the same
// currency, and "" is not "USD".
func TestResults_SplitFactAddsUpMoneyOfEitherRow(t *testing.T) {
	db := mustOpen(t)
	open := backend.ResultFact{External: "Spring", Source: backend.SourceHubSpot, From: "2026-03-02", To: "2026-03-02", Opportunities: 1,
		Pipeline: backend.Money{Amount: 10000, Currency: "USD"}}
	won := backend.ResultFact{External: "Spring", Source: backend.SourceHubSpot, From: "2026-03-02", To: "2026-03-02", Won: 1,
		Revenue: backend.Money{Amount: 50000, Currency: "USD"}}
	facts := []backend.ResultFact{open}
	for i := range 5000 {
		facts = append(facts, backend.ResultFact{External: fmt.Sprintf("Filler %d", i), Source: backend.SourceHubSpot, From: "2026-03-02", To: "2026-03-02", Leads: 1})
	}
	importFacts(t, db, "deals.csv", append(facts, won))
	got := findFact(t, sqlite.NewResultsService(db), "Spring", "2026-03-02")
	if got == nil || got.Pipeline != (backend.Money{Amount: 10000, Currency: "USD"}) || got.Revenue != (backend.Money{Amount: 50000, Currency: "USD"}) || got.Won != 1 {
		t.Fatalf("Spring = %+v", got)
	}
	checkMonths(t, db, "split deal")
}

// BenchmarkResultsBulkSplitFacts stores 20,000 facts whose rows come
// twice, the second rows after all the first (a GA4 export sorted by
// sessions, say), with and without custom metrics: the custom metrics of
// a fact stored already are read back a statement per 512 keys, not one
// per fact.
func BenchmarkResultsBulkSplitFacts(b *testing.B) {
	for _, custom := range []bool{false, true} {
		b.Run(fmt.Sprintf("custom=%v", custom), func(b *testing.B) {
			facts := make([]backend.ResultFact, 0, 40_000)
			for pass := range 2 {
				for i := range 20_000 {
					f := day(fmt.Sprintf("Campaign %d", i%500), fmt.Sprintf("2025-%02d-%02d", 1+i/500%12, 1+i/6000), 1, 0, 100)
					if custom {
						f.Custom = map[string]string{"sessions": fmt.Sprint(10 + pass)}
					}
					facts = append(facts, f)
				}
			}
			for range b.N {
				db := mustOpen(b)
				importFacts(b, db, "ga4.csv", facts)
			}
		})
	}
}
