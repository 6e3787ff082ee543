package transfer_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"mopsdesk/backend"
	"mopsdesk/backend/sheet"
	"mopsdesk/backend/sqlite"
	"mopsdesk/backend/transfer"
)

// googleAds is a Google Ads campaign report: title and range rows, a row
// per day, totals below.
const googleAds = "Campaign report\n" +
	"\"March 1, 2026 - March 2, 2026\"\n" +
	"Day,Campaign,Campaign type,Currency code,Impr.,Clicks,Cost,Conversions\n" +
	"2026-03-01,Spring Launch,Search,EUR,\"1,000\",50,100.00,2\n" +
	"2026-03-02,Spring Launch,Search,EUR,800,40,80.00,1\n" +
	"2026-03-01,Q2-Launch DE brand,Search,EUR,500,20,10.00,0\n" +
	"2026-03-01,Old test,Search,EUR,5,1,1.00,0\n" +
	"Total: Account,,,,\"2,305\",111,191.00,3\n"

func writeResults(t *testing.T, name, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func resultsSetup(t *testing.T) (*testDB, *transfer.Service, int64, int64) {
	t.Helper()
	db, svc := newImports(t)
	ctx := context.Background()
	cs := sqlite.NewCampaignService(db.DB)
	var ids []int64
	for _, n := range []string{"Spring launch", "Q2 Launch Germany"} {
		c := &backend.Campaign{Name: n, Status: backend.StatusPlanned, StartDate: "2026-03-01", EndDate: "2026-06-30", Budget: backend.Money{Currency: "USD"}}
		if err := cs.CreateCampaign(ctx, c); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, c.ID)
	}
	return db, svc, ids[0], ids[1]
}

func resultsOpts() sheet.Options { return sheet.Options{Kind: transfer.KindResults} }

// The preview says which export the file is, what it read, which facts
// match and lists each unmatched name once; it keeps nothing.
func TestResultsImport_Preview(t *testing.T) {
	db, svc, _, _ := resultsSetup(t)
	path := writeResults(t, "google.csv", googleAds)
	p, err := svc.Preview(context.Background(), path, "google.csv", resultsOpts())
	if err != nil {
		t.Fatal(err)
	}
	r := p.Results
	if r == nil || len(r.Sheets) != 1 || r.Sheets[0].Shape != "google_ads_campaigns" || r.Sheets[0].Source != backend.SourceGoogleAds {
		t.Fatalf("shape = %+v", r)
	}
	if len(r.Sheets[0].Columns) != 8 || r.Sheets[0].Columns[6].Reads != "cost" {
		t.Errorf("columns = %+v", r.Sheets[0].Columns)
	}
	if r.Facts != 4 || r.Matched != 2 || r.From != "2026-03-01" || r.To != "2026-03-02" || strings.Join(r.Currencies, ",") != "EUR" || len(r.Sources) != 1 {
		t.Errorf("read = %+v", r)
	}
	if len(r.Unmatched) != 2 || p.Create != 4 {
		t.Errorf("unmatched = %+v, create %d", r.Unmatched, p.Create)
	}
	if n := count(t, db, "result_facts"); n != 0 {
		t.Errorf("a preview kept %d facts", n)
	}
}

// A commit stores the facts as one import; the same file again replaces
// them (nothing doubles); undoing the second brings the first back and
// undoing the first removes them all.
func TestResultsImport_CommitReimportUndo(t *testing.T) {
	db, svc, spring, _ := resultsSetup(t)
	ctx := context.Background()
	path := writeResults(t, "google.csv", googleAds)
	first, err := svc.Commit(ctx, path, "google.csv", resultsOpts())
	if err != nil {
		t.Fatal(err)
	}
	if first.RunID == 0 || first.Results.Counts.Added != 4 || count(t, db, "result_facts WHERE import_id > 0") != 4 {
		t.Fatalf("first commit = %+v", first.Results)
	}
	clicks := func() int64 {
		var n int64
		if err := db.QueryRowForTest(ctx, "SELECT coalesce(sum(clicks), 0) FROM result_facts WHERE campaign_id = ? AND superseded_by IS NULL", spring).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if clicks() != 90 {
		t.Errorf("Spring launch clicks = %d, want 90", clicks())
	}
	again, err := svc.Commit(ctx, path, "google.csv", resultsOpts())
	if err != nil {
		t.Fatal(err)
	}
	if again.Results.Counts.Replaced != 4 || again.Results.Counts.Added != 0 || clicks() != 90 {
		t.Errorf("re-import = %+v, clicks %d", again.Results.Counts, clicks())
	}
	if err := svc.Undo(ctx, again.RunID); err != nil {
		t.Fatal(err)
	}
	if clicks() != 90 {
		t.Errorf("after undoing the re-import clicks = %d, want the first import's 90", clicks())
	}
	if err := svc.Undo(ctx, first.RunID); err != nil {
		t.Fatal(err)
	}
	if clicks() != 0 {
		t.Errorf("after undoing both clicks = %d", clicks())
	}
}

// A saved rule matches names the campaign's name does not, another
// leaves names out; both apply at the next preview.
func TestResultsImport_RuleApplied(t *testing.T) {
	db, svc, _, q2 := resultsSetup(t)
	ctx := context.Background()
	rules := sqlite.NewResultRuleService(db.DB)
	for _, r := range []backend.ResultRule{
		{Kind: backend.RuleStartsWith, Text: "q2 launch de", Source: backend.SourceGoogleAds, CampaignID: q2},
		{Kind: backend.RuleContains, Text: "test"},
	} {
		if err := rules.SaveResultRule(ctx, &r); err != nil {
			t.Fatal(err)
		}
	}
	path := writeResults(t, "google.csv", googleAds)
	p, err := svc.Commit(ctx, path, "google.csv", resultsOpts())
	if err != nil {
		t.Fatal(err)
	}
	if p.Results.Matched != 3 || p.Results.Ignored != 1 || len(p.Results.Unmatched) != 0 {
		t.Errorf("with rules = %+v", p.Results)
	}
	var n int
	if err := db.QueryRowForTest(ctx, "SELECT count(*) FROM result_facts WHERE campaign_id = ? AND external = 'Q2-Launch DE brand' AND superseded_by IS NULL", q2).Scan(&n); err != nil || n != 1 {
		t.Errorf("facts matched by the rule = %d (%v)", n, err)
	}
}

// A results export dropped with no kind chosen is read as results; a
// campaign list with a cost column is not.
func TestResultsImport_KindFromTheShape(t *testing.T) {
	_, svc, _, _ := resultsSetup(t)
	ctx := context.Background()
	p, err := svc.Preview(ctx, writeResults(t, "google.csv", googleAds), "google.csv", sheet.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if p.Kind != transfer.KindResults || p.Results == nil || p.Results.Facts != 4 {
		t.Errorf("kind %q, results %+v", p.Kind, p.Results)
	}
	list := "Campaign,Cost,Start date,End date,Status\nSpring,100,2026-03-01,2026-03-31,planned\n"
	p, err = svc.Preview(ctx, writeResults(t, "campaigns.csv", list), "campaigns.csv", sheet.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if p.Kind == transfer.KindResults {
		t.Errorf("a campaign list was read as results")
	}
}

// A second file whose days overlap the first's without being the same
// days says so in its preview, naming the earlier import.
func TestResultsImport_OverlapsReported(t *testing.T) {
	_, svc, _, _ := resultsSetup(t)
	ctx := context.Background()
	first, err := svc.Commit(ctx, writeResults(t, "daily.csv", googleAds), "daily.csv", resultsOpts())
	if err != nil {
		t.Fatal(err)
	}
	month := "Campaign report\n\"March 1, 2026 - March 31, 2026\"\nCampaign,Currency code,Impr.,Clicks,Cost\nSpring Launch,EUR,\"5,000\",200,400.00\n"
	p, err := svc.Preview(ctx, writeResults(t, "march.csv", month), "march.csv", resultsOpts())
	if err != nil {
		t.Fatal(err)
	}
	o := p.Results.Overlaps
	if len(o) == 0 || o[0].ImportID != first.RunID || o[0].External != "Spring Launch" || o[0].SourceFile != "daily.csv" {
		t.Errorf("overlaps = %+v", o)
	}
}
