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
	drift, doubled, err := db.ResultMonthsDriftForTest(context.Background())
	if err != nil {
		t.Fatal(err)
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
}

// A fact whose rows come in two blocks of a large file (two Adds of one
// key) adds up, custom metrics too, exactly.
func TestResults_SplitFactAddsUpCustomMetrics(t *testing.T) {
	db := mustOpen(t)
	rs := sqlite.NewResultsService(db)
	a := day("Webinar", "2026-05-01", 10, 1, 1000)
	a.Custom = map[string]string{"sessions": "120", "conversion_value": "10.25"}
	filler := make([]backend.ResultFact, 0, 300)
	for i := range 300 {
		filler = append(filler, day(fmt.Sprintf("Other %d", i), "2026-05-01", 1, 0, 1))
	}
	b := day("Webinar", "2026-05-01", 5, 0, 500)
	b.Custom = map[string]string{"sessions": "30", "conversion_value": "0.5", "video_views": "7"}
	c := day("Webinar", "2026-05-01", 1, 0, 0) // no custom metrics: keeps them
	facts := append(append(append([]backend.ResultFact{a}, filler...), b), c)
	_, counts, _ := importFacts(t, db, "ga4.csv", facts)
	if counts.Added != 301 || counts.Merged != 2 {
		t.Fatalf("counts = %+v", counts)
	}
	page, err := rs.Find(context.Background(), backend.ResultFilter{Source: backend.SourceGoogleAds, From: "2026-05-01", To: "2026-05-01", Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	var got *backend.ResultFact
	for i := range page.Facts {
		if page.Facts[i].External == "Webinar" {
			got = &page.Facts[i]
		}
	}
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
