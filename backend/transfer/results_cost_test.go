package transfer_test

import (
	"context"
	"strings"
	"testing"

	"mopsdesk/backend"
	"mopsdesk/backend/sheet"
	"mopsdesk/backend/sqlite"
	"mopsdesk/backend/transfer"
)

// Cost booked as actual spend is in the budget's actual spend once: a
// second import of the same facts changes nothing, a corrected file sets
// the amount instead of adding to it, undo takes it back; cost compared
// with the budget (the default) books nothing.
func TestResultsImport_CostBookedOnce(t *testing.T) {
	db, svc, spring, _ := resultsSetup(t)
	ctx := context.Background()
	budget, lists := sqlite.NewBudgetService(db.DB), sqlite.NewListService(db.DB)
	for k, n := range map[backend.ListKind]string{backend.ListTeams: "Growth", backend.ListCategories: "Paid media"} {
		if _, err := lists.CreateListItem(ctx, k, n); err != nil {
			t.Fatal(err)
		}
	}
	actual := func() int64 {
		t.Helper()
		cs, err := budget.CampaignSpend(ctx, spring)
		if err != nil {
			t.Fatal(err)
		}
		return cs.Actual
	}
	usd := strings.ReplaceAll(googleAds, "EUR", "USD")
	path := writeResults(t, "google.csv", usd)

	compare, err := svc.Commit(ctx, path, "google.csv", resultsOpts())
	if err != nil {
		t.Fatal(err)
	}
	if actual() != 0 || compare.Results.Booked != 0 {
		t.Fatalf("cost compared with the budget was booked: actual %d", actual())
	}
	book := sheet.Options{Kind: transfer.KindResults, BookCost: []string{string(backend.SourceGoogleAds)}}
	first, err := svc.Commit(ctx, path, "google.csv", book)
	if err != nil {
		t.Fatal(err)
	}
	if actual() != 18000 || first.Results.Booked != 1 {
		t.Fatalf("booked actual = %d (%d entries), want 18000", actual(), first.Results.Booked)
	}
	again, err := svc.Commit(ctx, path, "google.csv", book)
	if err != nil {
		t.Fatal(err)
	}
	if actual() != 18000 || again.Results.Booked != 0 {
		t.Errorf("the same file booked again: actual %d", actual())
	}
	fixed := writeResults(t, "google.csv", strings.Replace(usd, "80.00", "90.00", 1))
	corrected, err := svc.Commit(ctx, fixed, "google.csv", book)
	if err != nil {
		t.Fatal(err)
	}
	if actual() != 19000 || count(t, db, "spend") != 1 {
		t.Errorf("corrected file: actual %d in %d entries, want 19000 in 1", actual(), count(t, db, "spend"))
	}
	if err := svc.Undo(ctx, corrected.RunID); err != nil {
		t.Fatal(err)
	}
	if actual() != 18000 {
		t.Errorf("undoing the correction: actual %d, want 18000", actual())
	}
	for _, id := range []int64{again.RunID, first.RunID} {
		if err := svc.Undo(ctx, id); err != nil {
			t.Fatal(err)
		}
	}
	if actual() != 0 || count(t, db, "spend") != 0 {
		t.Errorf("after undo: actual %d", actual())
	}
}
