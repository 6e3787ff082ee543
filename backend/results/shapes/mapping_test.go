package shapes

import (
	"bytes"
	"reflect"
	"testing"

	"mopsdesk/backend"
)

// readWith reads a file with the user's options, a sheet at a time.
func readWith(t *testing.T, name string, data []byte, opts Options) []Sheet {
	t.Helper()
	var out []Sheet
	var facts []backend.ResultFact
	err := StreamWith(bytes.NewReader(data), int64(len(data)), name, "USD", opts, 0, func(s *Sheet, block []backend.ResultFact) error {
		if len(block) > 0 {
			facts = append(facts, block...)
			return nil
		}
		done := *s
		done.Facts, facts = facts, nil
		out = append(out, done)
		return nil
	})
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return out
}

// pinterest is a hand-made export of no known shape: its columns are
// what the user maps them to.
var pinterest = csvFile(
	"Pin promotion,Date,Spend in account currency,Paid impressions,Outbound clicks,Video views,Engaged sessions,Notes",
	"Spring pins,2026-03-01,12.50,1000,40,300.5,7,first",
	"Spring pins,2026-03-01,7.50,500,10,0.25,3,",
	"Spring pins,2026-03-02,5.00,200,4,1.1,1,")

var pinterestMap = map[string]string{"A": "campaign", "B": "day", "C": "cost", "D": "impressions", "E": "clicks",
	"F": CustomPrefix + "Video views", "G": CustomPrefix + " Engaged   sessions ", "H": ""}

func TestMapping_GenericFile(t *testing.T) {
	t.Run("UnmappedAsksForColumns", func(t *testing.T) {
		s := readWith(t, "pins.csv", pinterest, Options{})
		if len(s) != 1 || s[0].Readable() || len(s[0].Facts) != 0 {
			t.Fatalf("an unmapped file of no shape was read: %+v", s)
		}
		if p := s[0].Problems; len(p) != 1 || p[0].Key != "results.unknown_shape" {
			t.Fatalf("problems = %+v", p)
		}
		cols := s[0].Detection.Columns()
		if len(cols) != 8 || cols[5].Key != "F" || cols[5].Name != "Video views" {
			t.Fatalf("columns to map = %+v", cols)
		}
		if cols[1].Reads != "day" { // the header's own word is offered
			t.Errorf("Date reads %q, want day", cols[1].Reads)
		}
	})
	t.Run("OK", func(t *testing.T) {
		s := readWith(t, "pins.csv", pinterest, Options{Mapping: &Mapping{Columns: pinterestMap}})
		golden(t, s[0], "generic",
			`2026-03-01..2026-03-01 other "Spring pins" impr=1500 clicks=50 cost=2000 USD Engaged sessions=10 Video views=300.75`,
			`2026-03-02..2026-03-02 other "Spring pins" impr=200 clicks=4 cost=500 USD Engaged sessions=1 Video views=1.1`)
	})
	t.Run("SourcePicked", func(t *testing.T) {
		s := readWith(t, "pins.csv", pinterest, Options{Mapping: &Mapping{Columns: pinterestMap, Source: backend.SourceMetaAds}})
		if s[0].Facts[0].Source != backend.SourceMetaAds {
			t.Errorf("source = %s", s[0].Facts[0].Source)
		}
	})
	for _, c := range []struct {
		name    string
		drop    []string
		missing []string
	}{
		{"ErrCampaignMissing", []string{"A"}, []string{"campaign"}},
		{"ErrDayMissing", []string{"B"}, []string{"day"}},
		{"ErrMetricMissing", []string{"C", "D", "E", "F", "G"}, []string{"metric"}},
		{"ErrAllMissing", []string{"A", "B", "C", "D", "E", "F", "G"}, []string{"campaign", "day", "metric"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			m := map[string]string{}
			for k, v := range pinterestMap {
				m[k] = v
			}
			for _, k := range c.drop {
				m[k] = ""
			}
			s := readWith(t, "pins.csv", pinterest, Options{Mapping: &Mapping{Columns: m}})
			if s[0].Readable() || len(s[0].Facts) != 0 || !reflect.DeepEqual(s[0].Missing, c.missing) {
				t.Fatalf("missing = %v, want %v (facts %d)", s[0].Missing, c.missing, len(s[0].Facts))
			}
			if p := s[0].Problems; len(p) != 1 || p[0].Key != "results.mapping_needs" {
				t.Fatalf("problems = %+v", p)
			}
		})
	}
	t.Run("ErrCustomWithoutName", func(t *testing.T) {
		err := StreamWith(bytes.NewReader(pinterest), int64(len(pinterest)), "pins.csv", "USD",
			Options{Mapping: &Mapping{Columns: map[string]string{"F": CustomPrefix + "  "}}}, 0, func(*Sheet, []backend.ResultFact) error { return nil })
		if backend.ErrorCode(err) != backend.EINVALID {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("ProfileApplied", func(t *testing.T) {
		var asked string
		s := readWith(t, "pins.csv", pinterest, Options{Profile: func(key string) *Mapping {
			asked = key
			return &Mapping{Columns: pinterestMap}
		}})
		if !s[0].Profile || len(s[0].Facts) != 2 || asked != s[0].Detection.HeaderKey() {
			t.Fatalf("profile not applied: %+v (asked %q)", s[0], asked)
		}
	})
}

// A known export's columns can be read otherwise: a role changed, a
// column left out, one read as a custom metric.
func TestMapping_KnownShape(t *testing.T) {
	file := csvFile(
		"Day,Campaign,Currency code,Impr.,Clicks,Cost,Conversions,Video views",
		"2026-03-01,Spring Launch,EUR,1000,50,100.00,2,12",
		"2026-03-02,Spring Launch,EUR,800,40,80.00,1,3")
	plain := readWith(t, "g.csv", file, Options{})
	if plain[0].Detection.Shape.Name != "google_ads_campaigns" {
		t.Fatalf("shape = %s", plain[0].Detection.Shape.Name)
	}
	if cols := plain[0].Detection.Columns(); cols[7].Reads != "" {
		t.Fatalf("Video views reads %q before mapping", cols[7].Reads)
	}
	s := readWith(t, "g.csv", file, Options{Mapping: &Mapping{Columns: map[string]string{
		"G": "leads", // Conversions are leads in this account
		"D": "",      // impressions left out
		"H": CustomPrefix + "Video views",
	}}})
	golden(t, s[0], "google_ads_campaigns",
		`2026-03-01..2026-03-01 google_ads "Spring Launch" clicks=50 leads=2 cost=10000 EUR Video views=12`,
		`2026-03-02..2026-03-02 google_ads "Spring Launch" clicks=40 leads=1 cost=8000 EUR Video views=3`)
	cols := s[0].Detection.Columns()
	if cols[3].Reads != "" || cols[6].Reads != "leads" || cols[7].Reads != "custom" || cols[7].Custom != "Video views" {
		t.Errorf("columns = %+v", cols)
	}
	t.Run("ErrUnknownRole", func(t *testing.T) {
		err := StreamWith(bytes.NewReader(file), int64(len(file)), "g.csv", "USD",
			Options{Mapping: &Mapping{Columns: map[string]string{"A": "weather"}}}, 0, func(*Sheet, []backend.ResultFact) error { return nil })
		if backend.ErrorCode(err) != backend.EINVALID {
			t.Fatalf("err = %v", err)
		}
	})
}

// FuzzMapping reads a file with any mapping the preview could send: an
// error or problems, never a panic.
func FuzzMapping(f *testing.F) {
	f.Add(pinterest, "A", "campaign", "F", CustomPrefix+"Video views")
	f.Add(pinterest, "ZZZ", "day", "B", "")
	f.Add([]byte("a,b\n1,2\n"), "B", CustomPrefix, "A", "weather")
	f.Fuzz(func(t *testing.T, data []byte, k1, v1, k2, v2 string) {
		m := &Mapping{Columns: map[string]string{k1: v1, k2: v2}}
		err := StreamWith(bytes.NewReader(data), int64(len(data)), "f.csv", "USD", Options{Mapping: m}, 0, func(*Sheet, []backend.ResultFact) error { return nil })
		if isCrash(err) {
			t.Fatalf("crash: %v", err)
		}
	})
}
