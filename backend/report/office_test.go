package report_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"mopsdesk/backend/report"
)

// office returns the LibreOffice and poppler commands, skipping the test
// where they are missing unless MOPSDESK_TEST_OFFICE asks for them ("make
// test" does, after installing them).
func office(t *testing.T) (soffice string) {
	t.Helper()
	soffice, err := exec.LookPath("soffice")
	if err == nil {
		_, err = exec.LookPath("pdftotext")
	}
	if err != nil {
		if os.Getenv("MOPSDESK_TEST_OFFICE") != "" {
			t.Fatalf("LibreOffice or poppler is missing (scripts/setup.sh test installs them): %v", err)
		}
		t.Skip("LibreOffice or poppler is not installed; make test runs this")
	}
	return soffice
}

// TestXLSX_LibreOffice opens the report workbook in LibreOffice and prints
// it: every sheet starts its own page, in order, and the summary's charts
// are drawn (their titles are on its page).
func TestXLSX_LibreOffice(t *testing.T) {
	soffice := office(t)
	dir := t.TempDir()
	var buf bytes.Buffer
	if err := report.WriteXLSX(&buf, sample()); err != nil {
		t.Fatal(err)
	}
	book := filepath.Join(dir, "report.xlsx")
	if err := os.WriteFile(book, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--headless", "--convert-to", "pdf", "--outdir", dir, book)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	pdf := filepath.Join(dir, "report.pdf")
	info, err := exec.Command("pdfinfo", pdf).Output()
	if err != nil {
		t.Fatal(err)
	}
	pages := 0
	for _, l := range strings.Split(string(info), "\n") {
		if v, ok := strings.CutPrefix(l, "Pages:"); ok {
			pages, _ = strconv.Atoi(strings.TrimSpace(v))
		}
	}
	// What each sheet's first page shows, in sheet order.
	firsts := []struct {
		sheet string
		want  []string
	}{
		{"Summary", []string{"Acme & Co — Executive report", "Plan vs actual by team", "Spend by category", "Spend over time"}},
		{"Budget", []string{"Team", "Category", "Variance %", "Brand", "Total"}},
		{"Campaigns", []string{"Campaign", "Goals", "Spring launch", `=HYPERLINK("http://x","click")`}},
		{"Contracts", []string{"Vendor", "Cost per seat", "Canva"}},
		{"Licences", []string{"Asset", "Hero photo", "Studio Nord"}},
	}
	if pages < len(firsts) {
		t.Fatalf("%d pages for %d sheets", pages, len(firsts))
	}
	next := 1
	for _, f := range firsts {
		found := false
		for ; next <= pages && !found; next++ {
			text, err := exec.Command("pdftotext", "-layout", "-f", strconv.Itoa(next), "-l", strconv.Itoa(next), pdf, "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			found = true
			for _, w := range f.want {
				found = found && strings.Contains(string(text), w)
			}
		}
		if !found {
			t.Errorf("no page after the previous sheet's shows the %s sheet (%q)", f.sheet, f.want)
		}
	}
}
