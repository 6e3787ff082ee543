package transfer_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"mopsdesk/backend"
	"mopsdesk/backend/sheet"
	"mopsdesk/backend/sqlite"
	"mopsdesk/backend/transfer"
)

// bookingSetup is resultsSetup with a team and three spend categories
// (their ids), and a function adding up the spend entries by category.
func bookingSetup(t *testing.T) (*testDB, *transfer.Service, []int64, func() map[int64]int64) {
	t.Helper()
	db, svc, _, _ := resultsSetup(t)
	ctx := context.Background()
	lists, spend := sqlite.NewListService(db.DB), sqlite.NewSpendService(db.DB)
	if _, err := lists.CreateListItem(ctx, backend.ListTeams, "Growth"); err != nil {
		t.Fatal(err)
	}
	var cats []int64
	for _, n := range []string{"Events", "Paid media", "Search ads"} {
		it, err := lists.CreateListItem(ctx, backend.ListCategories, n)
		if err != nil {
			t.Fatal(err)
		}
		cats = append(cats, it.ID)
	}
	categories := func() map[int64]int64 {
		t.Helper()
		page, err := spend.FindSpend(ctx, backend.SpendFilter{Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		out := map[int64]int64{}
		for _, e := range page.Entries {
			out[e.CategoryID] += e.Amount.Amount
		}
		return out
	}
	return db, svc, cats, categories
}

// Booked cost lands in the spend category chosen for its source, not in
// the workspace's first; the choice is remembered, so the next import of
// the source (no choice given) books into the same category; choosing
// another moves the booked entry (set, not added); undo takes it all back.
func TestResultsImport_CostBookedInTheChosenCategory(t *testing.T) {
	db, svc, cats, categories := bookingSetup(t)
	ctx := context.Background()
	usd := strings.ReplaceAll(googleAds, "EUR", "USD")
	path := writeResults(t, "google.csv", usd)
	google := string(backend.SourceGoogleAds)

	chosen := sheet.Options{Kind: transfer.KindResults, BookCost: []string{google}, BookCategories: map[string]int64{google: cats[1]}}
	first, err := svc.Commit(ctx, path, "google.csv", chosen)
	if err != nil {
		t.Fatal(err)
	}
	if got := categories(); got[cats[1]] != 18000 || got[cats[0]] != 0 {
		t.Fatalf("booked by category = %v, want 18000 in %q", got, "Paid media")
	}

	// The next import gives no choice: it starts from the remembered one.
	p, err := svc.Preview(ctx, path, "google.csv", resultsOpts())
	if err != nil {
		t.Fatal(err)
	}
	b := p.Results.Bookings
	if len(b) != 1 || !b[0].Book || b[0].CategoryID != cats[1] || b[0].CategoryName != "Paid media" || b[0].Problem != nil {
		t.Fatalf("remembered booking = %+v", b)
	}
	fixed := writeResults(t, "google.csv", strings.Replace(usd, "80.00", "90.00", 1))
	again, err := svc.Commit(ctx, fixed, "google.csv", resultsOpts())
	if err != nil {
		t.Fatal(err)
	}
	if got := categories(); got[cats[1]] != 19000 || count(t, db, "spend") != 1 {
		t.Errorf("re-import with the remembered choice: %v in %d entries, want 19000 in one", got, count(t, db, "spend"))
	}

	// Moved to another category: the booked entry moves with it (set, not added).
	moved := sheet.Options{Kind: transfer.KindResults, BookCost: []string{google}, BookCategories: map[string]int64{google: cats[2]}}
	third, err := svc.Commit(ctx, fixed, "google.csv", moved)
	if err != nil {
		t.Fatal(err)
	}
	if got := categories(); got[cats[2]] != 19000 || got[cats[1]] != 0 {
		t.Errorf("after choosing %q: %v", "Search ads", got)
	}
	for _, id := range []int64{third.RunID, again.RunID, first.RunID} {
		if err := svc.Undo(ctx, id); err != nil {
			t.Fatal(err)
		}
	}
	if count(t, db, "spend") != 0 {
		t.Fatalf("after undo: %d spend entries", count(t, db, "spend"))
	}

}

// A remembered category deleted since is named in the preview, and the
// commit that would book into it is refused, booking nothing.
func TestResultsImport_BookedCategoryDeleted(t *testing.T) {
	db, svc, cats, _ := bookingSetup(t)
	ctx := context.Background()
	path := writeResults(t, "google.csv", strings.ReplaceAll(googleAds, "EUR", "USD"))
	google := string(backend.SourceGoogleAds)
	chosen := sheet.Options{Kind: transfer.KindResults, BookCost: []string{google}, BookCategories: map[string]int64{google: cats[2]}}
	first, err := svc.Commit(ctx, path, "google.csv", chosen)
	if err != nil {
		t.Fatal(err)
	}
	if err := svc.Undo(ctx, first.RunID); err != nil {
		t.Fatal(err)
	}
	if err := sqlite.NewListService(db.DB).DeleteListItem(ctx, backend.ListCategories, cats[2]); err != nil {
		t.Fatal(err)
	}
	p, err := svc.Preview(ctx, path, "google.csv", resultsOpts())
	if err != nil {
		t.Fatal(err)
	}
	if b := p.Results.Bookings; len(b) != 1 || b[0].Problem == nil || b[0].Problem.Key != "results.book_category_gone" || b[0].Problem.Params["category"] != "Search ads" {
		t.Fatalf("booking into a deleted category = %+v", b)
	}
	_, err = svc.Commit(ctx, path, "google.csv", resultsOpts())
	var e *backend.Error
	if !errors.As(err, &e) || e.Fields["bookCategory"].Key != "results.book_category_gone" {
		t.Errorf("commit into a deleted category: %v", err)
	}
	if count(t, db, "spend") != 0 {
		t.Errorf("the refused commit booked %d entries", count(t, db, "spend"))
	}
	// Comparing instead is still possible.
	if _, err := svc.Commit(ctx, path, "google.csv", sheet.Options{Kind: transfer.KindResults, BookCost: []string{}}); err != nil {
		t.Errorf("comparing the cost instead: %v", err)
	}
}
