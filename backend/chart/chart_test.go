package chart_test

//lint:file-ignore ST1018 Persian words are spelled with the zero-width non-joiner (U+200C); written as escapes they could not be read.

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"mopsdesk/backend"
	"mopsdesk/backend/chart"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// golden compares got, indented, with testdata/name.golden.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := json.Indent(&buf, got, "", "  "); err != nil {
		t.Fatalf("chart JSON is not valid JSON: %v", err)
	}
	buf.WriteByte('\n')
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./backend/chart -update to create it)", err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("%s differs from golden file:\n%s", name, buf.String())
	}
}

func TestCampaignsByMonth(t *testing.T) {
	cs := []*backend.Campaign{
		{Status: backend.StatusLive, StartDate: "2026-01-10", EndDate: "2026-02-10"},
		{Status: backend.StatusPlanned, StartDate: "2026-02-01", EndDate: "2026-02-28"},
		{Status: backend.StatusPlanned, StartDate: "2026-12-31", EndDate: "2027-01-31"},
	}
	t.Run("OK", func(t *testing.T) {
		got, err := chart.CampaignsByMonth(backend.CountCampaignsByMonth(cs, 2026), chart.Labels{})
		if err != nil {
			t.Fatal(err)
		}
		golden(t, "campaigns_by_month", got)
	})
	t.Run("TranslatedLabelsAndMarkupKeptAsText", func(t *testing.T) {
		labels := chart.Labels{
			Title:    "کمپین‌ها در هر ماه <b>",
			Months:   []string{"ژانویه", "فوریه"},
			Statuses: map[backend.CampaignStatus]string{backend.StatusLive: "<img src=x onerror=alert(1)>"},
		}
		got, err := chart.CampaignsByMonth(backend.CountCampaignsByMonth(cs, 2026), labels)
		if err != nil {
			t.Fatal(err)
		}
		golden(t, "campaigns_by_month_fa", got)
	})
	t.Run("Empty", func(t *testing.T) {
		got, err := chart.CampaignsByMonth(backend.CountCampaignsByMonth(nil, 2026), chart.Labels{})
		if err != nil {
			t.Fatal(err)
		}
		var opt struct {
			Series []any `json:"series"`
		}
		if err := json.Unmarshal(got, &opt); err != nil || len(opt.Series) != 0 {
			t.Fatalf("empty year has series %v (%v)", opt.Series, err)
		}
	})
}
