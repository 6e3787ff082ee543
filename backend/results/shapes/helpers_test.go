package shapes

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"mopsdesk/backend"
)

// csvFile joins lines as a CSV export writes them.
func csvFile(lines ...string) []byte { return []byte(strings.Join(lines, "\r\n") + "\r\n") }

// xlsxFile writes rows to a one-sheet workbook: a float64 is a number
// cell, anything else text.
func xlsxFile(t *testing.T, sheetName string, rows ...[]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	if err := f.SetSheetName("Sheet1", sheetName); err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sheetName, cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// read reads a file's bytes and fails the test on an error.
func read(t *testing.T, name string, data []byte, currency string) []Sheet {
	t.Helper()
	out, err := ReadFile(bytes.NewReader(data), int64(len(data)), name, currency)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return out
}

// render writes facts one a line, leaving out what is zero: the golden
// form the tests compare.
func render(facts []backend.ResultFact) string {
	var lines []string
	for _, f := range facts {
		var b strings.Builder
		fmt.Fprintf(&b, "%s..%s %s %q", f.From, f.To, f.Source, f.External)
		str := func(name, v string) {
			if v != "" {
				fmt.Fprintf(&b, " %s=%s", name, v)
			}
		}
		num := func(name string, v int64) {
			if v != 0 {
				fmt.Fprintf(&b, " %s=%d", name, v)
			}
		}
		mon := func(name string, m backend.Money) {
			if m.Amount != 0 {
				fmt.Fprintf(&b, " %s=%d %s", name, m.Amount, m.Currency)
			}
		}
		str("utm", f.UTMCampaign)
		str("ch", f.Channel)
		str("med", f.Medium)
		num("impr", f.Impressions)
		num("clicks", f.Clicks)
		num("conv", f.Conversions)
		num("leads", f.Leads)
		num("mql", f.MQLs)
		num("sql", f.SQLs)
		num("opp", f.Opportunities)
		num("won", f.Won)
		mon("cost", f.Cost)
		mon("pipe", f.Pipeline)
		mon("rev", f.Revenue)
		keys := make([]string, 0, len(f.Custom))
		for k := range f.Custom {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			str(k, f.Custom[k])
		}
		lines = append(lines, b.String())
	}
	return strings.Join(lines, "\n")
}

// golden compares a file's one sheet with the expected shape and facts
// and checks it read without problems or warnings.
func golden(t *testing.T, s Sheet, shape string, want ...string) {
	t.Helper()
	if s.Detection == nil {
		t.Fatalf("not detected: %v", s.Problems)
	}
	if s.Detection.Shape.Name != shape {
		t.Errorf("shape = %s (%.2f), want %s; others %v", s.Detection.Shape.Name, s.Detection.Confidence, shape, s.Detection.Others)
	}
	for _, p := range append(s.Problems, s.Warnings...) {
		t.Errorf("problem: %s [%s]", p.Msg, p.Key)
	}
	if got, w := render(s.Facts), strings.Join(want, "\n"); got != w {
		t.Errorf("facts:\n%s\nwant:\n%s", got, w)
	}
}
