package sqlite_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"mopsdesk/backend"
	"mopsdesk/backend/sqlite"
)

// The use counts of teams and categories count spend lines (from the
// running monthly totals since the per-team and per-category indexes
// went) as lines are added, moved and deleted; an item in use cannot be
// deleted, one no longer in use can.
func TestListItems_SpendUses(t *testing.T) {
	ctx := context.Background()
	f := newBudgetFixture(t)
	lists := sqlite.NewListService(f.db)
	f.addSpend(t, "2026-05-02", 100, "USD", f.demand, f.ads, backend.SpendActual)
	f.addSpend(t, "2026-05-03", 200, "EUR", f.demand, f.ads, backend.SpendCommitted)
	f.addSpend(t, "2026-06-01", 300, "USD", f.brand, f.events, backend.SpendActual)
	uses := func(kind backend.ListKind) string {
		t.Helper()
		items, err := lists.ListItems(ctx, kind)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, it := range items {
			out = append(out, fmt.Sprintf("%s=%d", it.Name, it.Uses))
		}
		return strings.Join(out, ",")
	}
	if got := uses(backend.ListTeams) + " " + uses(backend.ListCategories); got != "Brand=1,Demand gen=2 Ads=2,Events=1" {
		t.Fatalf("uses: %s", got)
	}
	page, err := f.spend.FindSpend(ctx, backend.SpendFilter{TeamID: f.demand})
	if err != nil || page.Total != 2 {
		t.Fatalf("find by team: %v %v", page, err)
	}
	moved := page.Entries[0].ID
	if _, err := f.spend.UpdateSpend(ctx, moved, backend.SpendUpdate{TeamID: &f.brand, CategoryID: &f.events}); err != nil {
		t.Fatal(err)
	}
	if err := f.spend.DeleteSpend(ctx, page.Entries[1].ID, page.Entries[1].Version); err != nil {
		t.Fatal(err)
	}
	if got := uses(backend.ListTeams) + " " + uses(backend.ListCategories); got != "Brand=2,Demand gen=0 Ads=0,Events=2" {
		t.Fatalf("uses after a move and a delete: %s", got)
	}
	wantCode(t, lists.DeleteListItem(ctx, backend.ListTeams, f.brand), backend.ECONFLICT)
	if err := lists.DeleteListItem(ctx, backend.ListTeams, f.demand); err != nil {
		t.Fatal(err)
	}
	if err := lists.DeleteListItem(ctx, backend.ListCategories, f.ads); err != nil {
		t.Fatal(err)
	}
}
