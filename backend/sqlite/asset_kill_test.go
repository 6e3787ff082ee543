package sqlite_test

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"mopsdesk/backend/files"
	"mopsdesk/backend/sqlite"
)

// TestAssetAdd_KilledMidImport kills a process that is adding files (with
// SIGKILL, no chance to clean up) and checks what it leaves: every row has
// its whole file, every asset has a version and a search row, and no
// temporary file survives the next start.
func TestAssetAdd_KilledMidImport(t *testing.T) {
	if dir := os.Getenv("MOPSDESK_KILL_DIR"); dir != "" {
		addForever(dir)
		return
	}
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestAssetAdd_KilledMidImport$")
	cmd.Env = append(os.Environ(), "MOPSDESK_KILL_DIR="+dir)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	dbPath := filepath.Join(dir, "lib.db")
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		if n := countRows(dbPath, "asset_versions"); n >= 20 {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()

	store, err := files.New(filepath.Join(dir, "assets"))
	if err != nil {
		t.Fatal(err)
	}
	if left, _ := os.ReadDir(filepath.Join(dir, "assets", "tmp")); len(left) != 0 {
		t.Fatalf("temporary files survived a restart: %d", len(left))
	}
	db := sqlite.NewDB(dbPath)
	if err := db.Open(); err != nil {
		t.Fatalf("the database does not open after the kill: %v", err)
	}
	defer db.Close()
	raw, _ := sql.Open("sqlite3", sqlite.DSN(dbPath))
	defer raw.Close()
	rows, err := raw.Query(`SELECT sha256, size FROM asset_versions`)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for rows.Next() {
		var sum string
		var size int64
		rows.Scan(&sum, &size)
		f, err := store.Open(sum)
		if err != nil {
			t.Fatalf("row %s has no file: %v", sum, err)
		}
		h := sha256.New()
		got, _ := io.Copy(h, f)
		f.Close()
		if got != size || hex.EncodeToString(h.Sum(nil)) != sum {
			t.Fatalf("file %s is not whole: %d of %d bytes", sum, got, size)
		}
		n++
	}
	rows.Close()
	if n < 20 {
		t.Fatalf("only %d files were added before the kill", n)
	}
	var orphans, unindexed int
	raw.QueryRow(`SELECT count(*) FROM assets a WHERE NOT EXISTS (SELECT 1 FROM asset_versions v WHERE v.asset_id = a.id)`).Scan(&orphans)
	raw.QueryRow(`SELECT count(*) FROM assets a WHERE a.id NOT IN (SELECT rowid FROM asset_search)`).Scan(&unindexed)
	if orphans != 0 || unindexed != 0 {
		t.Fatalf("%d assets without a version, %d without a search row", orphans, unindexed)
	}
	t.Logf("%d files added before the kill, all whole", n)
}

func countRows(path, table string) int {
	raw, err := sql.Open("sqlite3", sqlite.DSN(path))
	if err != nil {
		return 0
	}
	defer raw.Close()
	var n int
	raw.QueryRow(`SELECT count(*) FROM ` + table).Scan(&n)
	return n
}

// addForever is the helper process: it adds 256 KiB files until killed.
func addForever(dir string) {
	db := sqlite.NewDB(filepath.Join(dir, "lib.db"))
	if err := db.Open(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	store, _ := files.New(filepath.Join(dir, "assets"))
	s := sqlite.NewAssetService(db, store)
	buf := make([]byte, 256<<10)
	for i := 0; ; i++ {
		rand.Read(buf)
		if _, err := s.AddAssetFile(context.Background(), fmt.Sprintf("file-%05d.bin", i), bytesReader(buf), ""); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}

type sliceReader struct {
	b []byte
	i int
}

func (r *sliceReader) Read(p []byte) (int, error) {
	if r.i >= len(r.b) {
		return 0, io.EOF
	}
	n := copy(p, r.b[r.i:])
	r.i += n
	return n, nil
}

func bytesReader(b []byte) io.Reader { return &sliceReader{b: b} }
