package report_test

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"testing"

	"mopsdesk/backend"
	"mopsdesk/backend/report"
)

// TestRateNotes_EnglishIsTheCatalogs checks that a report written without
// the window's words says what it left out in the very words of the
// Budget summary (the English catalog), not a paraphrase.
func TestRateNotes_EnglishIsTheCatalogs(t *testing.T) {
	src, err := os.ReadFile("../../frontend/src/i18n/en.ts")
	if err != nil {
		t.Fatal(err)
	}
	d := sample()
	d.MissingRates = []backend.FXRate{{Currency: "USD", Month: "2026-12"}}
	d.AssumedRates = []backend.FXRate{{Currency: "GBP", Month: "2027-01", Rate: "1.15"}}
	var buf bytes.Buffer
	if err := report.WriteHTML(&buf, d, report.Library{Script: []byte("window.echarts = null;")}); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"budget.missing_rates", "budget.assumed_rates"} {
		m := regexp.MustCompile(`'` + regexp.QuoteMeta(key) + `':\s*'((?:[^'\\]|\\.)*)'`).FindSubmatch(src)
		if m == nil {
			t.Fatalf("%s is not in the English catalog", key)
		}
		want := strings.ReplaceAll(string(m[1]), `\'`, "'")
		want = strings.ReplaceAll(want, "'", "&#39;")
		if !strings.Contains(buf.String(), want) {
			t.Errorf("the report does not say %q", want)
		}
	}
}
