package sqlite_test

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"testing"

	"mopsdesk/backend/sqlite"
)

// Migration 0027 tells the CRM facts stored before it apart by what they
// count: a contact always counts a lead, a deal never does; other
// sources' facts have no records.
func TestMigration0027_ResultRecords(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	raw, err := sql.Open("sqlite3", sqlite.DSN(path))
	if err != nil {
		t.Fatal(err)
	}
	names, err := filepath.Glob("migration/*.sql")
	if err != nil {
		t.Fatal(err)
	}
	exec := func(stmt string, args ...any) {
		t.Helper()
		if _, err := raw.Exec(stmt, args...); err != nil {
			t.Fatalf("%.80s: %v", stmt, err)
		}
	}
	exec(`CREATE TABLE migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`)
	for _, name := range names {
		if filepath.Base(name) >= "0027" {
			continue
		}
		body, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		exec(string(body))
		exec(`INSERT INTO migrations VALUES (?, '2026-01-01T00:00:00Z')`, "migration/"+filepath.Base(name))
	}
	for i, f := range []struct {
		source                    string
		leads, opportunities, won int
	}{
		{"hubspot", 1, 1, 0},    // contacts: a lead that became an opportunity
		{"hubspot", 0, 1, 0},    // deals: an opportunity
		{"salesforce", 0, 0, 1}, // deals: won
		{"google_ads", 3, 0, 0}, // an ad platform's leads
	} {
		exec(`INSERT INTO result_facts (source, external, medium, leads, opportunities, won, date_from, date_to, import_id)
			VALUES (?, 'Spring', ?, ?, ?, ?, '2026-03-02', '2026-03-02', 1)`, f.source, string(rune('a'+i)), f.leads, f.opportunities, f.won)
	}
	raw.Close()
	db := sqlite.NewDB(path)
	if err := db.Open(); err != nil {
		t.Fatalf("upgrade: %v", err)
	}
	defer db.Close()
	var got string
	if err := db.QueryRowForTest(context.Background(), `SELECT group_concat(source || ':' || records, ' ') FROM (SELECT source, records FROM result_facts ORDER BY id)`).Scan(&got); err != nil {
		t.Fatal(err)
	}
	if got != "hubspot:contacts hubspot:deals salesforce:deals google_ads:" {
		t.Fatalf("records after the upgrade: %s", got)
	}
}
