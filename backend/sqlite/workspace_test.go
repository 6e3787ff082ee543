package sqlite_test

import (
	"context"
	"reflect"
	"testing"

	"mopsdesk/backend"
	"mopsdesk/backend/sqlite"
)

func TestWorkspaceService_CurrenciesInUse(t *testing.T) {
	ctx := context.Background()
	f := newBudgetFixture(t)
	ws := sqlite.NewWorkspaceService(f.db)
	t.Run("OKNone", func(t *testing.T) {
		got, err := ws.CurrenciesInUse(ctx)
		if err != nil || len(got) != 0 {
			t.Fatalf("got %v, %v; want none", got, err)
		}
	})
	t.Run("OKMostUsedFirst", func(t *testing.T) {
		f.addSpend(t, "2026-04-10", 100, "EUR", f.demand, f.ads, backend.SpendActual)
		f.addSpend(t, "2026-05-10", 100, "EUR", f.demand, f.ads, backend.SpendActual)
		f.addSpend(t, "2026-05-11", 100, "KWD", f.brand, f.events, backend.SpendActual)
		f.addSpend(t, "2026-05-12", 100, "USD", f.brand, f.events, backend.SpendActual)
		if err := f.budget.SetFXRate(ctx, backend.FXRate{Currency: "JPY", Month: "2026-04", Rate: "0.0067"}); err != nil {
			t.Fatal(err)
		}
		if err := f.budget.SetFXRate(ctx, backend.FXRate{Currency: "EUR", Month: "2026-04", Rate: "1.1"}); err != nil {
			t.Fatal(err)
		}
		got, err := ws.CurrenciesInUse(ctx)
		if want := []string{"EUR", "JPY", "KWD", "USD"}; err != nil || !reflect.DeepEqual(got, want) {
			t.Fatalf("got %v, %v; want %v", got, err, want)
		}
	})
}
