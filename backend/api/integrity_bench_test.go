package api_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"mopsdesk/backend/api"
	"mopsdesk/backend/backup"
	"mopsdesk/backend/sheet"
	"mopsdesk/backend/sqlite"
)

// seedSpend fills a workspace with 100,000 spend entries.
func seedSpend(b *testing.B) *sqlite.DB {
	b.Helper()
	a, db := newAPIWith(b, nilWriter{}, func(*api.Services) {})
	var csv strings.Builder
	csv.WriteString("Date,Amount,Currency,Team,Category,Vendor,Reference\n")
	for i := 0; i < 100_000; i++ {
		fmt.Fprintf(&csv, "2026-%02d-%02d,%d.%02d,USD,Team %d,Category %d,Vendor %d,R%d\n", i%12+1, i%28+1, i%5000+1, i%100, i%4, (i/4)%4, i%50, i)
	}
	pending, err := a.ImportFiles.Add(context.Background(), "spend.csv", strings.NewReader(csv.String()))
	if err != nil {
		b.Fatal(err)
	}
	if out, err := a.Imports.Commit(context.Background(), api.ImportRequest{Token: pending.Token, Options: sheet.Options{Kind: "spend"}}); err != nil || out.Create != 100_000 {
		b.Fatalf("seed spend: %v %+v", err, out)
	}
	return db
}

type nilWriter struct{}

func (nilWriter) Write(p []byte) (int, error) { return len(p), nil }

// BenchmarkQuickCheck is the check every start runs, on 100,000 spend
// entries.
func BenchmarkQuickCheck(b *testing.B) {
	db := seedSpend(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := db.QuickCheck(context.Background()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBackup is "Back up now" on 100,000 spend entries.
func BenchmarkBackup(b *testing.B) {
	db := seedSpend(b)
	out := filepath.Join(b.TempDir(), "b.zip")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := backup.Write(context.Background(), backup.Source{DB: db, Assets: b.TempDir()}, out); err != nil {
			b.Fatal(err)
		}
	}
}
