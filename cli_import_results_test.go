package main

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"mopsdesk/backend"
	"mopsdesk/backend/api"
	"mopsdesk/backend/sheet"
	"mopsdesk/backend/transfer"
)

// resultsWorkspace is a data folder with the campaign Spring launch whose
// Google Ads cost was booked as actual spend in "Paid media" from the
// Import page (a week's report, so the source's choice is remembered).
func resultsWorkspace(t *testing.T) string {
	t.Helper()
	data := t.TempDir()
	app, err := openApp(data, "import", newLogger(io.Discard))
	if err != nil {
		t.Fatal(err)
	}
	defer app.close()
	ctx := t.Context()
	if _, err := app.api.Lists.Create(ctx, backend.ListTeams, "Growth"); err != nil {
		t.Fatal(err)
	}
	cat, err := app.api.Lists.Create(ctx, backend.ListCategories, "Paid media")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := app.api.Campaigns.Create(ctx, backend.Campaign{Name: "Spring launch", Status: backend.StatusPlanned, StartDate: "2026-03-01",
		EndDate: "2026-03-31", Budget: backend.Money{Currency: "USD"}}); err != nil {
		t.Fatal(err)
	}
	week, err := app.api.ImportFiles.Add(ctx, "google-week.csv", strings.NewReader("Campaign report\n\"March 1, 2026 - March 7, 2026\"\n"+
		"Campaign,Currency code,Impr.,Clicks,Cost\nSpring launch,USD,\"7,000\",300,700.00\n"))
	if err != nil {
		t.Fatal(err)
	}
	google := string(backend.SourceGoogleAds)
	if _, err := app.api.Imports.Commit(ctx, api.ImportRequest{Token: week.Token, Options: sheet.Options{Kind: transfer.KindResults,
		BookCost: []string{google}, BookCategories: map[string]int64{google: cat.ID}}}); err != nil {
		t.Fatal(err)
	}
	return data
}

// "mopsdesk import FILE --kind results" says what the Import page shows
// of a results file: the names no campaign matched, the CRM stages no
// vendor documents (held out until mapped), the earlier imports whose
// days overlap, and whether each ad platform's cost was booked as actual
// spend (the source's remembered choice); a section only when it has
// something, in the text and in --json.
func TestImportCommand_ResultsSections(t *testing.T) {
	data := resultsWorkspace(t)
	dir := t.TempDir()
	days := filepath.Join(dir, "google-days.csv")
	os.WriteFile(days, []byte("Campaign report\n\"March 2, 2026 - March 3, 2026\"\n"+
		"Day,Campaign,Currency code,Impr.,Clicks,Cost\n"+
		"2026-03-02,Spring launch,USD,800,40,80.00\n"+
		"2026-03-03,Old test,USD,5,1,1.00\n"), 0o600)
	var out, errOut bytes.Buffer
	if code := run([]string{"import", days, "--kind", "results", "--data", data}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	text := out.String()
	for _, want := range []string{
		"Not matched to a campaign (map each on the Import page, or save a rule):\n  Google Ads \"Old test\": 1 fact, 2026-03-03 to 2026-03-03\n",
		"Days that overlap earlier imports (counted in both):\n  Google Ads \"Spring launch\": import ",
		"(google-week.csv), 2026-03-01 to 2026-03-07\n",
		"Ad platforms' cost:\n  Google Ads: booked as actual spend in \"Paid media\"\n",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the text lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "CRM stages") {
		t.Errorf("a stages section without a stage:\n%s", text)
	}

	contacts := filepath.Join(dir, "hubspot-contacts.csv")
	os.WriteFile(contacts, []byte("Record ID,First Name,Lifecycle Stage,Create Date,Original Source,Original Source Drill-Down 2\n"+
		"101,Ana,Lead,2026-03-02,Paid Search,Spring launch\n"+
		"102,Ben,Webinar Attendee,2026-03-02,Paid Search,Spring launch\n"+
		"103,Cem,Webinar Attendee,2026-03-03,Paid Search,Spring launch\n"), 0o600)
	out.Reset()
	if code := run([]string{"import", contacts, "--kind", "results", "--data", data, "--dry-run"}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if text := out.String(); !strings.Contains(text, "CRM stages no vendor documents (held out until mapped on the Import page):\n  HubSpot contacts \"Webinar Attendee\": 2 rows, held out\n") ||
		strings.Contains(text, "Not matched") || strings.Contains(text, "overlap") || strings.Contains(text, "cost:") {
		t.Errorf("contacts, as text:\n%s", text)
	}
	out.Reset()
	if code := run([]string{"import", days, "--kind", "results", "--data", data, "--dry-run", "--json"}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	var rep struct {
		Results *struct {
			Unmatched []struct {
				Source, External string
				Facts            int
			} `json:"unmatched"`
			Stages   []transfer.ResultsStage `json:"stages"`
			Overlaps []backend.ResultOverlap `json:"overlaps"`
			Bookings []backend.ResultBooking `json:"bookings"`
		} `json:"results"`
	}
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil || rep.Results == nil {
		t.Fatalf("%v: %s", err, out.String())
	}
	r := rep.Results
	if len(r.Unmatched) != 1 || r.Unmatched[0].External != "Old test" || len(r.Overlaps) != 1 || r.Overlaps[0].SourceFile != "google-week.csv" ||
		len(r.Bookings) != 1 || !r.Bookings[0].Book || r.Bookings[0].CategoryName != "Paid media" || r.Stages == nil || len(r.Stages) != 0 {
		t.Errorf("--json results: %s", out.String())
	}
}
