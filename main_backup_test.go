package main

import (
	"bytes"
	"database/sql"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"mopsdesk/backend/backup"
	"mopsdesk/backend/datadir"
	"mopsdesk/backend/sqlite"
)

// addTeam adds a team straight to the database, as a later change.
func addTeam(t *testing.T, data, name string) {
	t.Helper()
	raw, err := sql.Open("sqlite3", sqlite.DSN(filepath.Join(data, "mopsdesk.db")))
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if _, err := raw.Exec(`INSERT INTO teams (name) VALUES (?)`, name); err != nil {
		t.Fatal(err)
	}
}

func countTeams(t *testing.T, data string) int {
	t.Helper()
	raw, err := sql.Open("sqlite3", sqlite.DSN(filepath.Join(data, "mopsdesk.db")))
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	var n int
	if err := raw.QueryRow(`SELECT count(*) FROM teams WHERE name = 'Later'`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func countContracts(t *testing.T, data string) int { return countRows(t, data, "contracts") }

// countRows counts the rows of table in the workspace in data.
func countRows(t *testing.T, data, table string) int {
	t.Helper()
	raw, err := sql.Open("sqlite3", sqlite.DSN(filepath.Join(data, "mopsdesk.db")))
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	var n int
	if err := raw.QueryRow(`SELECT count(*) FROM ` + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestBackupRestoreCommands backs a workspace up with "mopsdesk backup",
// restores it into an empty folder and over a changed workspace with
// "mopsdesk restore", and is refused while another process holds it.
func TestBackupRestoreCommands(t *testing.T) {
	data := t.TempDir()
	sample := filepath.Join("backend", "sheet", "testdata", "subscriptions-minimal.xlsx")
	var out, errOut bytes.Buffer
	if code := run([]string{"import", sample, "--set", "team=Brand", "--set", "category=Software", "--data", data}, &out, &errOut); code != 0 {
		t.Fatalf("import: %s", errOut.String())
	}
	file := filepath.Join(t.TempDir(), "monday.zip")
	if code := run([]string{"backup", "--out", file, "--data", data}, &out, &errOut); code != 0 {
		t.Fatalf("backup: %s", errOut.String())
	}
	if _, err := backup.Verify(file, sqlite.KnownMigrations()); err != nil {
		t.Fatal(err)
	}

	empty := filepath.Join(t.TempDir(), "new")
	out.Reset()
	if code := run([]string{"restore", file, "--data", empty}, &out, &errOut); code != 0 {
		t.Fatalf("restore into an empty folder: %s", errOut.String())
	}
	if n := countContracts(t, empty); n != 5 {
		t.Fatalf("%d contracts restored, want 5", n)
	}

	// More imported after the backup; the restore takes it back and keeps
	// what it replaced as a backup.
	addTeam(t, data, "Later")
	lock, err := datadir.Acquire(data, "desktop", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	errOut.Reset()
	if code := run([]string{"restore", file, "--data", data}, &out, &errOut); code != 1 || !strings.Contains(errOut.String(), "already open in the MOps Desk window") {
		t.Fatalf("restore while the window is open: exit %d, %q", code, errOut.String())
	}
	lock.Release()
	out.Reset()
	if code := run([]string{"restore", file, "--data", data}, &out, &errOut); code != 0 {
		t.Fatalf("restore: %s", errOut.String())
	}
	if n, m := countContracts(t, data), countTeams(t, data); n != 5 || m != 0 {
		t.Fatalf("%d contracts, %d later teams after the restore, want 5, 0", n, m)
	}
	kept := filepath.Join(data, "backups")
	entries, _ := os.ReadDir(kept)
	if len(entries) != 1 || !strings.HasPrefix(entries[0].Name(), "mopsdesk-before-restore-") || !strings.Contains(out.String(), entries[0].Name()) {
		t.Fatalf("the replaced workspace was not kept: %v, %q", entries, out.String())
	}
	undo := filepath.Join(kept, entries[0].Name())
	errOut.Reset()
	if code := run([]string{"restore", undo, "--data", data}, &out, &errOut); code != 0 || countTeams(t, data) != 1 {
		t.Fatalf("restoring the kept state: exit %d, %d later teams, %s", code, countTeams(t, data), errOut.String())
	}
}

// TestPendingRestore: a restore chosen in Settings happens when the
// workspace next opens.
func TestPendingRestore(t *testing.T) {
	data := t.TempDir()
	sample := filepath.Join("backend", "sheet", "testdata", "subscriptions-minimal.xlsx")
	var out, errOut bytes.Buffer
	run([]string{"import", sample, "--set", "team=Brand", "--set", "category=Software", "--data", data}, &out, &errOut)
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	app, err := openApp(data, "serve", quiet)
	if err != nil {
		t.Fatal(err)
	}
	info, err := app.backups.BackUp(t.Context(), backup.KindManual)
	if err != nil {
		t.Fatal(err)
	}
	app.close()
	addTeam(t, data, "Later")

	app, _ = openApp(data, "serve", quiet)
	if _, err := app.api.Backups.Restore(t.Context(), info.Name); err != nil {
		t.Fatal(err)
	}
	if n := countTeams(t, data); n != 1 {
		t.Fatal("the restore happened while the workspace was open")
	}
	app.close()
	app, err = openApp(data, "serve", quiet)
	if err != nil {
		t.Fatal(err)
	}
	defer app.close()
	st, _ := app.api.Backups.Status(t.Context())
	if n, m := countContracts(t, data), countTeams(t, data); n != 5 || m != 0 || st.PendingRestore != "" || st.LastError != "" {
		t.Fatalf("after reopening: %d contracts, %d later teams, %+v", n, m, st)
	}
}

// TestRefuseUnsafeWorkspace: a database cut to zero bytes next to a
// library, or one written by a newer MOps Desk, is refused with words
// that say what to do, and left as it is; a backup then brings the
// workspace back.
func TestRefuseUnsafeWorkspace(t *testing.T) {
	data := t.TempDir()
	sample := filepath.Join("backend", "sheet", "testdata", "subscriptions-minimal.xlsx")
	var out, errOut bytes.Buffer
	run([]string{"import", sample, "--set", "team=Brand", "--set", "category=Software", "--data", data}, &out, &errOut)
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	app, err := openApp(data, "serve", quiet)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := app.svc.Assets.AddAssetFile(t.Context(), "logo.png", strings.NewReader("not really a png"), ""); err != nil {
		t.Fatal(err)
	}
	info, err := app.backups.BackUp(t.Context(), backup.KindManual)
	if err != nil {
		t.Fatal(err)
	}
	app.close()
	db := filepath.Join(data, "mopsdesk.db")

	t.Run("ErrNewerVersion", func(t *testing.T) {
		raw, _ := sql.Open("sqlite3", db)
		raw.Exec(`PRAGMA user_version = 999`)
		raw.Close()
		errOut.Reset()
		code := run([]string{"import", sample, "--set", "team=Brand", "--set", "category=Software", "--data", data}, &out, &errOut)
		if code != 1 || !strings.Contains(errOut.String(), "made by a newer version of MOps Desk. Update MOps Desk") {
			t.Fatalf("exit %d: %q", code, errOut.String())
		}
		raw, _ = sql.Open("sqlite3", db)
		raw.Exec(`PRAGMA user_version = 0`)
		raw.Close()
	})
	t.Run("ErrZeroBytes", func(t *testing.T) {
		os.Remove(db + "-wal")
		os.Remove(db + "-shm")
		if err := os.Truncate(db, 0); err != nil {
			t.Fatal(err)
		}
		for _, args := range [][]string{
			{"import", sample, "--set", "team=Brand", "--set", "category=Software", "--data", data},
			{"report", "--from", "2026-01-01", "--to", "2026-03-31", "--out", filepath.Join(t.TempDir(), "r.xlsx"), "--data", data},
		} {
			errOut.Reset()
			code := run(args, &out, &errOut)
			if code != 1 || !strings.Contains(errOut.String(), "is empty, although the library next to it holds 1 files") ||
				!strings.Contains(errOut.String(), "mopsdesk restore") {
				t.Fatalf("%s: exit %d: %q", args[0], code, errOut.String())
			}
		}
		if fi, _ := os.Stat(db); fi.Size() != 0 {
			t.Fatal("an empty workspace was started over the lost one")
		}
		if code := run([]string{"restore", filepath.Join(data, "backups", info.Name), "--data", data}, &out, &errOut); code != 0 {
			t.Fatalf("restore: %s", errOut.String())
		}
		if n := countContracts(t, data); n != 5 {
			t.Fatalf("%d contracts after the restore", n)
		}
		kept, _ := filepath.Glob(filepath.Join(data, "replaced-*", "mopsdesk.db"))
		if len(kept) != 1 {
			t.Fatalf("the empty database was not kept aside: %v", kept)
		}
	})
}

// TestCheckDatabaseAtStart: damage the database check finds is shown in
// Settings (Backups.Status), where the restore is.
func TestCheckDatabaseAtStart(t *testing.T) {
	data := t.TempDir()
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	app, err := openApp(data, "serve", quiet)
	if err != nil {
		t.Fatal(err)
	}
	app.checkDatabase(t.Context())
	if st, _ := app.api.Backups.Status(t.Context()); st.Damaged != "" {
		t.Fatalf("a sound database reported as damaged: %q", st.Damaged)
	}
	app.close()
	raw, _ := sql.Open("sqlite3", sqlite.DSN(filepath.Join(data, "mopsdesk.db")))
	_, err = raw.Exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
		INSERT INTO teams (name) SELECT 'Team ' || i || ' with a longer name to fill pages' FROM n`)
	raw.Close()
	if err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(data, "mopsdesk.db")
	b, _ := os.ReadFile(db)
	for i := len(b) - 60_000; i < len(b)-20_000; i++ {
		b[i] = byte(i * 7)
	}
	os.WriteFile(db, b, 0o600)
	app, err = openApp(data, "serve", quiet)
	if err != nil {
		t.Fatalf("the workspace does not open to show the damage: %v", err)
	}
	defer app.close()
	app.checkDatabase(t.Context())
	if st, _ := app.api.Backups.Status(t.Context()); !strings.Contains(st.Damaged, "is damaged") {
		t.Fatalf("damage not shown: %+v", st)
	}
}
