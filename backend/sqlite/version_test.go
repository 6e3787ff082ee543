package sqlite_test

import (
	"bytes"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"mopsdesk/backend"
	"mopsdesk/backend/sqlite"
)

func TestOpen_Version(t *testing.T) {
	// made opens a new database, lets change alter it with plain SQL and
	// returns its path, closed.
	made := func(t *testing.T, change string) string {
		path := filepath.Join(t.TempDir(), "mopsdesk.db")
		db := sqlite.NewDB(path)
		if err := db.Open(); err != nil {
			t.Fatal(err)
		}
		db.Close()
		raw, _ := sql.Open("sqlite3", path)
		if _, err := raw.Exec(change); err != nil {
			t.Fatal(err)
		}
		raw.Close()
		return path
	}
	t.Run("OK", func(t *testing.T) {
		path := made(t, `SELECT 1`)
		raw, _ := sql.Open("sqlite3", path)
		defer raw.Close()
		var v int
		raw.QueryRow(`PRAGMA user_version`).Scan(&v)
		if v != len(sqlite.KnownMigrations()) {
			t.Fatalf("user_version %d, want %d", v, len(sqlite.KnownMigrations()))
		}
	})
	for _, tt := range []struct{ name, change string }{
		{"ErrUnknownMigration", `INSERT INTO migrations (name, applied_at) VALUES ('migration/9999_future.sql', '2030-01-01T00:00:00Z')`},
		{"ErrHigherUserVersion", `PRAGMA user_version = 9999`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			path := made(t, tt.change)
			before, _ := os.ReadFile(path)
			db := sqlite.NewDB(path)
			err := db.Open()
			if backend.ErrorCode(err) != backend.ENEWER {
				db.Close()
				t.Fatalf("got %v, want %s", err, backend.ENEWER)
			}
			if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
				t.Fatal("a database from a newer version was written to")
			}
		})
	}
	t.Run("ErrNotADatabase", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "mopsdesk.db")
		junk := bytes.Repeat([]byte("campaign plan, not a database\n"), 200)
		os.WriteFile(path, junk, 0o600)
		err := sqlite.NewDB(path).Open()
		if backend.ErrorCode(err) != backend.EDAMAGED {
			t.Fatalf("got %v, want %s", err, backend.EDAMAGED)
		}
		if after, _ := os.ReadFile(path); !bytes.Equal(junk, after) {
			t.Fatal("a damaged database was written to")
		}
	})
}

// TestQuickCheck damages pages in the middle of a database file (as a
// failing disk or a copy cut short would) and checks that opening it or
// the check at start says the database is damaged.
func TestQuickCheck(t *testing.T) {
	path := filepath.Join(t.TempDir(), "mopsdesk.db")
	db := sqlite.NewDB(path)
	if err := db.Open(); err != nil {
		t.Fatal(err)
	}
	if err := db.QuickCheck(t.Context()); err != nil {
		t.Fatalf("a sound database: %v", err)
	}
	db.Close()
	raw, _ := sql.Open("sqlite3", path)
	raw.Exec(`CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)`)
	raw.Exec(`CREATE INDEX notes_body ON notes (body)`)
	for i := 0; i < 3000; i++ {
		raw.Exec(`INSERT INTO notes (body) VALUES (?)`, strings.Repeat("campaign note ", 5)+fmt.Sprint(i))
	}
	raw.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`)
	raw.Close()
	b, _ := os.ReadFile(path)
	if len(b) < 200_000 {
		t.Fatalf("database of %d bytes", len(b))
	}
	for i := len(b) - 120_000; i < len(b)-40_000; i++ {
		b[i] = byte(i * 7)
	}
	os.WriteFile(path, b, 0o600)

	db = sqlite.NewDB(path)
	err := db.Open()
	if err == nil {
		err = db.QuickCheck(t.Context())
		db.Close()
	}
	if backend.ErrorCode(err) != backend.EDAMAGED {
		t.Fatalf("got %v, want %s", err, backend.EDAMAGED)
	}
	t.Log(err)
}
