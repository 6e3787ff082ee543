package sqlite_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"mopsdesk/backend"
	"mopsdesk/backend/sqlite"
)

// bulkSpend adds n spend lines through the store's bulk insert in one
// Batch; fail, when set, ends the batch with that error after the adds.
func bulkSpend(t *testing.T, f *budgetFixture, n int, fail error) error {
	t.Helper()
	store := sqlite.NewImportStore(f.db)
	return f.db.Batch(context.Background(), func(ctx context.Context) error {
		b, err := store.BeginSpendBulk(ctx)
		if err != nil {
			return err
		}
		for i := 0; i < n; i++ {
			sp := &backend.Spend{Date: fmt.Sprintf("2026-%02d-%02d", 4+i%9, 1+i%28), Amount: backend.Money{Amount: int64(100 + i), Currency: "USD"},
				TeamID: f.demand, CategoryID: f.ads, Status: backend.SpendActual, Vendor: "Acme"}
			if _, err := b.Add(ctx, sp); err != nil {
				return err
			}
		}
		if _, err := b.Close(ctx); err != nil {
			return err
		}
		return fail
	})
}

func pageCache(t *testing.T, db *sqlite.DB) int {
	t.Helper()
	var cache int
	if err := db.QueryRowForTest(context.Background(), `PRAGMA cache_size`).Scan(&cache); err != nil {
		t.Fatal(err)
	}
	return cache
}

func spendIndexDefs(t *testing.T, db *sqlite.DB) string {
	t.Helper()
	var s string
	if err := db.QueryRowForTest(context.Background(), `SELECT group_concat(sql, ';') FROM (SELECT sql FROM sqlite_master
		WHERE type = 'index' AND tbl_name = 'spend' AND sql IS NOT NULL ORDER BY name)`).Scan(&s); err != nil {
		t.Fatal(err)
	}
	return s
}

// A bulk insert large enough to drop the spend indexes puts them and the
// connection's page cache back, whether its batch commits or fails, and
// the monthly totals match a recount.
func TestSpendBulk_LargeBatchRestoresIndexesAndCache(t *testing.T) {
	f := newBudgetFixture(t)
	indexes, cache := spendIndexDefs(t, f.db), pageCache(t, f.db)
	if err := bulkSpend(t, f, 25_000, errors.New("stop")); err == nil {
		t.Fatal("the failing batch succeeded")
	}
	if got := spendIndexDefs(t, f.db); got != indexes {
		t.Fatalf("indexes after a failed bulk:\n%s\nwant\n%s", got, indexes)
	}
	if got := pageCache(t, f.db); got != cache {
		t.Fatalf("page cache after a failed bulk: %d, want %d", got, cache)
	}
	if err := bulkSpend(t, f, 25_000, nil); err != nil {
		t.Fatal(err)
	}
	if got := spendIndexDefs(t, f.db); got != indexes {
		t.Fatalf("indexes after a bulk:\n%s\nwant\n%s", got, indexes)
	}
	if got := pageCache(t, f.db); got != cache {
		t.Fatalf("page cache after a bulk: %d, want %d", got, cache)
	}
	var total, entries int64
	if err := f.db.QueryRowForTest(context.Background(), `SELECT sum(total), sum(entries) FROM spend_monthly`).Scan(&total, &entries); err != nil {
		t.Fatal(err)
	}
	var want int64
	for i := 0; i < 25_000; i++ {
		want += int64(100 + i)
	}
	if total != want || entries != 25_000 {
		t.Fatalf("monthly totals %d over %d entries, want %d over 25000", total, entries, want)
	}
}
