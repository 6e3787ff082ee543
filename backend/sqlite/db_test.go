package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"mopsdesk/backend"
	"mopsdesk/backend/sqlite"
)

// fixedNow is the clock every test database runs on.
var fixedNow = time.Date(2026, 3, 14, 9, 30, 0, 0, time.UTC)

// mustOpen opens a fresh database in a temp dir and closes it at the end.
func mustOpen(tb testing.TB) *sqlite.DB {
	tb.Helper()
	db := sqlite.NewDB(filepath.Join(tb.TempDir(), "mopsdesk.db"))
	db.Now = func() time.Time { return fixedNow }
	if err := db.Open(); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

func TestDB_Migrations(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		db := mustOpen(t)
		names, err := db.Migrations(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if len(names) == 0 || names[0] != "0001_initial.sql" {
			t.Fatalf("migrations = %v, want 0001_initial.sql first", names)
		}
	})
	t.Run("ReopenKeepsDataAndAppliesOnce", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "m.db")
		db := sqlite.NewDB(path)
		if err := db.Open(); err != nil {
			t.Fatal(err)
		}
		ctx := context.Background()
		if _, err := sqlite.NewListService(db).CreateListItem(ctx, backend.ListTeams, "Brand"); err != nil {
			t.Fatal(err)
		}
		first, _ := db.Migrations(ctx)
		db.Close()

		db2 := sqlite.NewDB(path)
		if err := db2.Open(); err != nil {
			t.Fatalf("reopen: %v", err)
		}
		defer db2.Close()
		second, _ := db2.Migrations(ctx)
		if len(first) != len(second) {
			t.Fatalf("migrations changed on reopen: %v -> %v", first, second)
		}
		items, err := sqlite.NewListService(db2).ListItems(ctx, backend.ListTeams)
		if err != nil || len(items) != 1 || items[0].Name != "Brand" {
			t.Fatalf("items after reopen = %v, %v", items, err)
		}
	})
	t.Run("ErrUnwritablePath", func(t *testing.T) {
		db := sqlite.NewDB(filepath.Join(t.TempDir(), "missing-dir", "x.db"))
		if err := db.Open(); err == nil {
			db.Close()
			t.Fatal("want an error for a database in a folder that does not exist")
		}
	})
}

func TestDSN(t *testing.T) {
	dsn := sqlite.DSN("/tmp/a b.db")
	for _, want := range []string{"_journal_mode=WAL", "_foreign_keys=on", "_busy_timeout=5000", "_txlock=immediate"} {
		if !contains(dsn, want) {
			t.Errorf("DSN %q lacks %s", dsn, want)
		}
	}
}

func contains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}

func TestWorkspaceService(t *testing.T) {
	ctx := context.Background()
	t.Run("DefaultsThenUpdate", func(t *testing.T) {
		s := sqlite.NewWorkspaceService(mustOpen(t))
		st, err := s.Settings(ctx)
		if err != nil || st.BaseCurrency != "USD" || st.FiscalYearStartMonth != 1 || st.Calendar != "gregory" || st.WeekStart != 1 || st.UpdatedAt != "" {
			t.Fatalf("defaults = %+v, %v", st, err)
		}
		got, err := s.UpdateSettings(ctx, backend.Settings{Name: " Acme MOps ", BaseCurrency: "eur", FiscalYearStartMonth: 4, Language: "fa", Calendar: "persian", WeekStart: 6})
		if err != nil {
			t.Fatal(err)
		}
		again, _ := s.Settings(ctx)
		if *again != *got || again.Name != "Acme MOps" || again.BaseCurrency != "EUR" || again.Calendar != "persian" || again.WeekStart != 6 || again.UpdatedAt != "2026-03-14T09:30:00Z" {
			t.Fatalf("stored %+v, returned %+v", again, got)
		}
	})
	t.Run("ErrInvalidKeepsStored", func(t *testing.T) {
		s := sqlite.NewWorkspaceService(mustOpen(t))
		if _, err := s.UpdateSettings(ctx, backend.Settings{Name: "A", BaseCurrency: "JPY", FiscalYearStartMonth: 7, Language: "en"}); err != nil {
			t.Fatal(err)
		}
		_, err := s.UpdateSettings(ctx, backend.Settings{Name: "", BaseCurrency: "XXX", FiscalYearStartMonth: 13, Language: "de", Calendar: "hebrew", WeekStart: 7})
		var e *backend.Error
		if !asError(err, &e) || e.Code != backend.EINVALID {
			t.Fatalf("err = %v, want invalid", err)
		}
		for _, f := range []string{"name", "baseCurrency", "fiscalYearStartMonth", "language", "calendar", "weekStart"} {
			if _, ok := e.Fields[f]; !ok {
				t.Errorf("no field error for %s in %v", f, e.Fields)
			}
		}
		st, _ := s.Settings(ctx)
		if st.BaseCurrency != "JPY" || st.FiscalYearStartMonth != 7 {
			t.Fatalf("settings changed by a rejected update: %+v", st)
		}
	})
}
