package sqlite_test

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"mopsdesk/backend"
	"mopsdesk/backend/sqlite"
)

// TestSyncBudgetAtStart: the start-up sync drops payments that fell due
// since the last start, puts back a payment row that no longer matches its
// contract, and leaves the rows of a contract whose payments are all as
// they should be untouched (the same rows, not rewritten copies: a start
// on a large workspace must not rewrite every contract's spend).
func TestSyncBudgetAtStart(t *testing.T) {
	ctx := context.Background()
	f := newBudgetFixture(t) // USD, April fiscal year 2026 (Apr 2026 – Mar 2027)
	day := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	f.db.Now = func() time.Time { return day }
	vendors, contracts := sqlite.NewVendorService(f.db), sqlite.NewContractService(f.db)
	v := &backend.Vendor{Name: "Canva", Category: "other"}
	if err := vendors.CreateVendor(ctx, v); err != nil {
		t.Fatal(err)
	}
	add := func(product string) *backend.Contract {
		c := &backend.Contract{VendorID: v.ID, Product: product, TeamID: f.demand, CategoryID: f.ads, Cost: backend.Money{Amount: 10_000, Currency: "USD"},
			BillingCycle: backend.BillMonthly, StartDate: "2026-01-10", TermMonths: 12, RenewalDate: "2027-01-10", AutoRenew: true, NoticeDays: 30, Status: "active"}
		if err := contracts.CreateContract(ctx, c); err != nil {
			t.Fatal(err)
		}
		return c
	}
	teams, pro := add("Teams"), add("Pro")
	rows := func(c *backend.Contract) map[int64]string {
		t.Helper()
		page, err := f.spend.FindSpend(ctx, backend.SpendFilter{Statuses: []backend.SpendStatus{backend.SpendCommitted}, Limit: 500})
		if err != nil {
			t.Fatal(err)
		}
		out := map[int64]string{}
		for _, e := range page.Entries {
			if e.ContractID == c.ID {
				out[e.ID] = e.Date
			}
		}
		return out
	}
	// Monthly on the 10th: Dec 2026 to Mar 2027 are left in fiscal year 2026.
	before := rows(teams)
	if len(before) != 4 {
		t.Fatalf("payments %v", before)
	}
	if err := contracts.SyncBudget(ctx); err != nil {
		t.Fatal(err)
	}
	if got := rows(teams); !same(got, before) {
		t.Fatalf("an unchanged contract's payments were rewritten: %v, were %v", got, before)
	}
	// One payment no longer matches its contract: it is put right.
	raw, err := sql.Open("sqlite3", sqlite.DSN(f.db.Path()))
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if _, err := raw.ExecContext(ctx, `UPDATE spend SET amount = 1 WHERE contract_id = ? AND date = '2027-01-10'`, pro.ID); err != nil {
		t.Fatal(err)
	}
	if err := contracts.SyncBudget(ctx); err != nil {
		t.Fatal(err)
	}
	s, _ := f.budget.Summary(ctx, backend.SummaryFilter{FiscalYear: 2026})
	if s.Totals.Committed != 8*10_000 {
		t.Fatalf("committed %d, want %d", s.Totals.Committed, 8*10_000)
	}
	// Past the 10th of December, that payment is due: no longer a commitment.
	day = time.Date(2026, 12, 11, 9, 0, 0, 0, time.UTC)
	if err := contracts.SyncBudget(ctx); err != nil {
		t.Fatal(err)
	}
	if got := rows(teams); len(got) != 3 {
		t.Fatalf("after the 10th of December: %v", got)
	}
}

func same(a, b map[int64]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}
