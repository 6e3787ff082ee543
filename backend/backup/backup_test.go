package backup_test

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"

	"mopsdesk/backend"
	"mopsdesk/backend/backup"
	"mopsdesk/backend/files"
	"mopsdesk/backend/sqlite"
)

// workspace is a data folder with an open store, as the app has it.
type workspace struct {
	dir    string
	db     *sqlite.DB
	assets *sqlite.AssetService
	raw    *sql.DB
}

func newWorkspace(t *testing.T, dir string) *workspace {
	t.Helper()
	w := &workspace{dir: dir, db: sqlite.NewDB(filepath.Join(dir, "mopsdesk.db"))}
	if err := w.db.Open(); err != nil {
		t.Fatal(err)
	}
	store, err := files.New(filepath.Join(dir, "assets"))
	if err != nil {
		t.Fatal(err)
	}
	w.assets = sqlite.NewAssetService(w.db, store)
	w.raw, _ = sql.Open("sqlite3", sqlite.DSN(w.db.Path()))
	t.Cleanup(func() { w.raw.Close(); w.db.Close() })
	return w
}

func (w *workspace) source() backup.Source {
	return backup.Source{DB: w.db, Assets: filepath.Join(w.dir, "assets"), AppVersion: "test"}
}

func (w *workspace) addFiles(t *testing.T, n int) {
	t.Helper()
	buf := make([]byte, 64<<10)
	for i := 0; i < n; i++ {
		rand.Read(buf)
		if _, err := w.assets.AddAssetFile(context.Background(), fmt.Sprintf("logo-%d.bin", i), bytes.NewReader(buf), ""); err != nil {
			t.Fatal(err)
		}
	}
}

// fingerprint is what a user would call "the same data": the row count of
// every table and the hash of every library file.
func fingerprint(t *testing.T, dir string) map[string]string {
	t.Helper()
	raw, err := sql.Open("sqlite3", sqlite.DSN(filepath.Join(dir, "mopsdesk.db")))
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	out := map[string]string{}
	rows, err := raw.Query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		tables = append(tables, n)
	}
	rows.Close()
	for _, tb := range tables {
		var n int
		if err := raw.QueryRow(`SELECT count(*) FROM "` + tb + `"`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		out["table "+tb] = fmt.Sprint(n)
	}
	assets := filepath.Join(dir, "assets")
	filepath.WalkDir(assets, func(p string, d fs.DirEntry, err error) error {
		rel, _ := filepath.Rel(assets, p)
		if d.IsDir() && (rel == "tmp" || rel == "thumbs") {
			return filepath.SkipDir
		}
		if !d.IsDir() {
			b, _ := os.ReadFile(p)
			s := sha256.Sum256(b)
			out["file "+rel] = hex.EncodeToString(s[:])
		}
		return nil
	})
	return out
}

func TestWriteRestore_EmptyFolder(t *testing.T) {
	ctx := context.Background()
	w := newWorkspace(t, t.TempDir())
	w.addFiles(t, 5)
	w.raw.Exec(`INSERT INTO teams (name) VALUES ('Brand'), ('Events')`)
	out := filepath.Join(t.TempDir(), "b.zip")
	m, err := backup.Write(ctx, w.source(), out)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Schema) != len(sqlite.KnownMigrations()) || len(m.Files) != 6 || m.AppVersion != "test" {
		t.Fatalf("manifest %+v", m)
	}
	want := fingerprint(t, w.dir)

	empty := t.TempDir()
	target := backup.Target{Dir: empty, Database: filepath.Join(empty, "mopsdesk.db"), Assets: filepath.Join(empty, "assets")}
	if _, err := backup.Restore(out, target, sqlite.KnownMigrations()); err != nil {
		t.Fatal(err)
	}
	got := fingerprint(t, empty)
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("restored data differs:\n got %v\nwant %v", got, want)
	}
	if want["table teams"] == "0" || len(want) < 20 {
		t.Fatalf("the fingerprint sees too little: %v", want)
	}
	// The restored workspace opens and migrates as usual.
	db := sqlite.NewDB(target.Database)
	if err := db.Open(); err != nil {
		t.Fatal(err)
	}
	db.Close()
}

// TestWrite_WhileWriting backs up while another goroutine keeps adding
// files and teams: the backup is consistent (every asset row has its file
// in the backup) and what was committed before the backup is in it.
func TestWrite_WhileWriting(t *testing.T) {
	ctx := context.Background()
	w := newWorkspace(t, t.TempDir())
	w.addFiles(t, 3)
	var stop atomic.Bool
	errc := make(chan error, 1)
	go func() {
		buf := make([]byte, 32<<10)
		var err error
		for i := 0; !stop.Load() && err == nil; i++ {
			rand.Read(buf)
			_, err = w.assets.AddAssetFile(ctx, fmt.Sprintf("during-%d.bin", i), bytes.NewReader(buf), "")
			if err == nil {
				_, err = w.raw.Exec(`INSERT INTO teams (name) VALUES (?)`, fmt.Sprintf("team %d", i))
			}
		}
		errc <- err
	}()
	out := filepath.Join(t.TempDir(), "b.zip")
	var m *backup.Manifest
	var err error
	for i := 0; i < 3 && err == nil; i++ { // several rounds, all under writes
		m, err = backup.Write(ctx, w.source(), out)
	}
	stop.Store(true)
	if werr := <-errc; werr != nil {
		t.Fatalf("a write failed during the backup: %v", werr)
	}
	if err != nil {
		t.Fatal(err)
	}
	if _, err := backup.Verify(out, sqlite.KnownMigrations()); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	target := backup.Target{Dir: dir, Database: filepath.Join(dir, "mopsdesk.db"), Assets: filepath.Join(dir, "assets")}
	if _, err := backup.Restore(out, target, sqlite.KnownMigrations()); err != nil {
		t.Fatal(err)
	}
	raw, _ := sql.Open("sqlite3", sqlite.DSN(target.Database))
	defer raw.Close()
	var check string
	raw.QueryRow(`PRAGMA integrity_check`).Scan(&check)
	rows, _ := raw.Query(`SELECT sha256 FROM asset_versions`)
	n := 0
	for rows.Next() {
		var sum string
		rows.Scan(&sum)
		if _, err := os.Stat(filepath.Join(target.Assets, sum[:2], sum)); err != nil {
			t.Errorf("asset %s is in the backed-up database but its file is not in the backup", sum)
		}
		n++
	}
	rows.Close()
	if check != "ok" || n < 3 || len(m.Files) < n+1 {
		t.Fatalf("integrity %q, %d asset versions, %d files", check, n, len(m.Files))
	}
}

func TestVerify(t *testing.T) {
	ctx := context.Background()
	w := newWorkspace(t, t.TempDir())
	w.addFiles(t, 2)
	out := filepath.Join(t.TempDir(), "b.zip")
	m, err := backup.Write(ctx, w.source(), out)
	if err != nil {
		t.Fatal(err)
	}
	known := sqlite.KnownMigrations()
	t.Run("OK", func(t *testing.T) {
		if _, err := backup.Verify(out, known); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("ErrNewer", func(t *testing.T) {
		_, err := backup.Verify(out, known[:len(known)-1])
		if backend.ErrorCode(err) != backend.ENEWER {
			t.Fatalf("got %v, want %s", err, backend.ENEWER)
		}
	})
	t.Run("ErrChangedFile", func(t *testing.T) {
		bad := rewrite(t, out, func(name string, b []byte) []byte {
			if name == m.Files[1].Path {
				b[100] ^= 1
			}
			return b
		})
		_, err := backup.Verify(bad, known)
		if backend.ErrorCode(err) != backend.EDAMAGED {
			t.Fatalf("got %v", err)
		}
		// and a restore of it leaves the workspace as it was
		before := fingerprint(t, w.dir)
		w.db.Close()
		target := backup.Target{Dir: w.dir, Database: w.db.Path(), Assets: filepath.Join(w.dir, "assets")}
		if _, err := backup.Restore(bad, target, known); err == nil {
			t.Fatal("a damaged backup was restored")
		}
		if after := fingerprint(t, w.dir); fmt.Sprint(after) != fmt.Sprint(before) {
			t.Fatal("a refused restore changed the workspace")
		}
	})
	t.Run("ErrMissingFile", func(t *testing.T) {
		bad := rewrite(t, out, func(name string, b []byte) []byte {
			if name == m.Files[2].Path {
				return nil
			}
			return b
		})
		if _, err := backup.Verify(bad, known); backend.ErrorCode(err) != backend.EDAMAGED {
			t.Fatalf("got %v", err)
		}
	})
	t.Run("ErrNotABackup", func(t *testing.T) {
		p := filepath.Join(t.TempDir(), "x.zip")
		os.WriteFile(p, []byte("campaigns"), 0o600)
		if _, err := backup.Verify(p, known); backend.ErrorCode(err) != backend.EDAMAGED {
			t.Fatalf("got %v", err)
		}
	})
}

// rewrite copies the backup at out, changing each file's bytes with edit
// (leaving the file out where edit returns nil), and returns the copy's path.
func rewrite(t *testing.T, out string, edit func(name string, b []byte) []byte) string {
	zr, _ := zip.OpenReader(out)
	defer zr.Close()
	bad := filepath.Join(t.TempDir(), "bad.zip")
	f, _ := os.Create(bad)
	zw := zip.NewWriter(f)
	for _, zf := range zr.File {
		r, _ := zf.Open()
		b, _ := io.ReadAll(r)
		r.Close()
		if b = edit(zf.Name, b); b == nil {
			continue
		}
		wr, _ := zw.Create(zf.Name)
		wr.Write(b)
	}
	zw.Close()
	f.Close()
	return bad
}
