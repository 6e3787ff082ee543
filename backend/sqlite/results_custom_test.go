package sqlite_test

import (
	"context"
	"testing"

	"mopsdesk/backend"
	"mopsdesk/backend/sqlite"
)

// Custom metrics add up exactly by group, from the monthly path and the
// facts' alike: tenths that a float would not sum, negatives, twelve
// decimals, and figures past a float's 53 bits.
func TestResults_CustomSumsExact(t *testing.T) {
	db := mustOpen(t)
	rs := sqlite.NewResultsService(db)
	var facts []backend.ResultFact
	days := []string{"2026-03-01", "2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06", "2026-03-07", "2026-03-08", "2026-03-09", "2026-03-10"}
	for _, d := range days {
		f := day("Webinar", d, 1, 0, 0)
		f.Custom = map[string]string{"Video views": "0.1", "Score": "-0.000000000001"}
		facts = append(facts, f)
	}
	big := day("Webinar", "2026-04-01", 1, 0, 0)
	big.Custom = map[string]string{"Video views": "9007199254740993.7", "Score": "-2.5"}
	other := day("Brand", "2026-03-01", 1, 0, 0)
	other.Custom = map[string]string{"Engaged sessions": "3"}
	importFacts(t, db, "views.csv", append(facts, big, other))

	for _, c := range []struct {
		name string
		f    backend.ResultFilter
		want map[string]string
	}{
		{"MonthlyPath", backend.ResultFilter{From: "2026-03-01", To: "2026-04-30"},
			map[string]string{"Video views": "9007199254740994.7", "Score": "-2.50000000001", "Engaged sessions": "3"}},
		{"FactsPath", backend.ResultFilter{From: "2026-03-02", To: "2026-03-05"},
			map[string]string{"Video views": "0.4", "Score": "-0.000000000004"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			sums, err := rs.Sums(context.Background(), backend.GroupSource, c.f)
			if err != nil {
				t.Fatal(err)
			}
			s := backend.SumResults(backend.GroupSource, sums, "USD", backend.NewRates("USD", nil, nil))
			if len(s.Total.Custom) != len(c.want) {
				t.Fatalf("custom = %v, want %v", s.Total.Custom, c.want)
			}
			for k, v := range c.want {
				if s.Total.Custom[k] != v {
					t.Errorf("%s = %q, want %q", k, s.Total.Custom[k], v)
				}
			}
			if len(s.Rows) != 1 || s.Rows[0].Custom["Video views"] != c.want["Video views"] || s.Total.Clicks == 0 {
				t.Errorf("rows = %+v", s.Rows)
			}
		})
	}
	t.Run("ByCampaignAndMonth", func(t *testing.T) {
		sums, err := rs.Sums(context.Background(), backend.GroupMonth, backend.ResultFilter{})
		if err != nil {
			t.Fatal(err)
		}
		s := backend.SumResults(backend.GroupMonth, sums, "USD", backend.NewRates("USD", nil, nil))
		if len(s.Rows) != 2 || s.Rows[0].Custom["Video views"] != "1" || s.Rows[1].Custom["Video views"] != "9007199254740993.7" {
			t.Fatalf("rows = %+v", s.Rows)
		}
		if len(s.Metrics) != 3 || s.Metrics[0] != "Engaged sessions" {
			t.Errorf("metrics = %v", s.Metrics)
		}
	})
}

// The monthly custom sums follow a re-import (replaced, not doubled), its
// undo and a match, as the facts do.
func TestResults_CustomSumsFollowImports(t *testing.T) {
	db := mustOpen(t)
	rs := sqlite.NewResultsService(db)
	f := day("Webinar", "2026-03-01", 1, 0, 0)
	f.Custom = map[string]string{"Video views": "1.5"}
	g := day("Webinar", "2026-03-02", 1, 0, 0)
	g.Custom = map[string]string{"Video views": "0.7"}
	importFacts(t, db, "a.csv", []backend.ResultFact{f, g})
	views := func() string {
		t.Helper()
		sums, err := rs.Sums(context.Background(), backend.GroupCampaign, backend.ResultFilter{From: "2026-03-01", To: "2026-03-31"})
		if err != nil {
			t.Fatal(err)
		}
		return backend.SumResults(backend.GroupCampaign, sums, "USD", backend.NewRates("USD", nil, nil)).Total.Custom["Video views"]
	}
	if v := views(); v != "2.2" {
		t.Fatalf("views = %q", v)
	}
	f.Custom["Video views"] = "2.25"
	second, _, _ := importFacts(t, db, "b.csv", []backend.ResultFact{f})
	if v := views(); v != "2.95" {
		t.Fatalf("after re-import views = %q, want 2.95", v)
	}
	if err := rs.DeleteImport(context.Background(), second); err != nil {
		t.Fatal(err)
	}
	if v := views(); v != "2.2" {
		t.Fatalf("after undo views = %q, want 2.2", v)
	}
	if err := rs.Match(context.Background(), backend.SourceGoogleAds, "Webinar", 0); err != nil {
		t.Fatal(err)
	}
	if v := views(); v != "2.2" {
		t.Fatalf("after match views = %q, want 2.2", v)
	}
}
