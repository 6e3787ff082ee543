package api_test

import (
	"bytes"
	"context"
	"io"
	"testing"

	"github.com/xuri/excelize/v2"

	"mopsdesk/backend"
	"mopsdesk/backend/api"
	"mopsdesk/backend/sheet"
)

// The results list exports in the user's words: the facts, then the
// summary with the KPIs as numbers and "—" where one is undefined.
func TestExports_ResultsInTheUsersWords(t *testing.T) {
	a, db := newAPI(t, io.Discard)
	c := resultsCampaign(t, a)
	storeResults(t, db, "ads.csv",
		backend.ResultFact{CampaignID: c.ID, External: "Q2", Source: backend.SourceGoogleAds, From: "2026-04-01", To: "2026-04-01",
			Impressions: 2000, Clicks: 47, Leads: 4, Cost: backend.Money{Amount: 12345, Currency: "USD"}},
		backend.ResultFact{External: "Stray", Source: backend.SourceMetaAds, From: "2026-04-02", To: "2026-04-02", Impressions: 10})
	req := api.ResultsExportRequest{Group: backend.GroupCampaign, GroupHeader: "Kampania", Total: "Razem",
		Labels: sheet.ResultsLabels{Sheet: "Wyniki", SummarySheet: "Podsumowanie", Unmatched: "Nieprzypisane",
			Headers: map[string]string{"leads": "Leady", "costPerLead": "Koszt leada"}, Sources: map[string]string{"google_ads": "Google Ads"}}}
	var buf bytes.Buffer
	if err := a.Exports.Results(context.Background(), req, &buf); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	facts, err := f.GetRows("Wyniki")
	if err != nil {
		t.Fatal(err)
	}
	if len(facts) != 3 || facts[0][10] != "Leady" || facts[1][2] != "Nieprzypisane" || facts[2][2] != "Spring launch" || facts[2][4] != "Google Ads" {
		t.Fatalf("facts = %q", facts)
	}
	sum, err := f.GetRows("Podsumowanie")
	if err != nil {
		t.Fatal(err)
	}
	if len(sum) != 4 || sum[0][0] != "Kampania" || sum[0][13] != "Koszt leada" || sum[3][0] != "Razem" {
		t.Fatalf("summary = %q", sum)
	}
	// Spring launch: cost per lead 30.86 USD, CTR 2.35; the stray row has
	// no leads and no cost: "—".
	row := 3 // Spring launch sorts after the unmatched ""
	if v, _ := f.GetCellValue("Podsumowanie", "N3", excelize.Options{RawCellValue: true}); v != "30.86" {
		t.Fatalf("cost per lead cell = %q (row %d: %q)", v, row, sum[2])
	}
	if v, _ := f.GetCellValue("Podsumowanie", "K3", excelize.Options{RawCellValue: true}); v != "2.35" {
		t.Fatalf("ctr cell = %q", v)
	}
	if sum[1][13] != backend.KPIDash || sum[1][0] != "Nieprzypisane" {
		t.Fatalf("unmatched row = %q", sum[1])
	}
	if d, ok := a.Exports.Download("results"); !ok || d.Path() != "/export/results.xlsx" {
		t.Fatalf("download = %+v", d)
	}
}
