package sqlite_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"mopsdesk/backend"
	"mopsdesk/backend/files"
	"mopsdesk/backend/sqlite"
)

// smallDisk mounts a tmpfs of size bytes (needs root) and unmounts it when
// the test ends; the test is skipped where mounting is not allowed.
func smallDisk(t *testing.T, size string) string {
	t.Helper()
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a small disk here (needs root): %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", dir).Run() })
	return dir
}

// fill writes a file until the disk is full.
func fill(t *testing.T, dir string) {
	f, err := os.Create(filepath.Join(dir, "filler"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	buf := make([]byte, 4096)
	for {
		if _, err := f.Write(buf); err != nil {
			if !errors.Is(err, syscall.ENOSPC) {
				t.Fatal(err)
			}
			return
		}
	}
}

// TestFullDisk runs the library on a real full disk (a 4 MB tmpfs): adding
// says the disk is full, and deleting assets still works and gives the
// space back.
func TestFullDisk(t *testing.T) {
	dir := smallDisk(t, "4m")
	ctx := context.Background()
	db := sqlite.NewDB(filepath.Join(dir, "mopsdesk.db"))
	if err := db.Open(); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	store, err := files.New(filepath.Join(dir, "assets"))
	if err != nil {
		t.Fatal(err)
	}
	s := sqlite.NewAssetService(db, store)
	var ids []int64
	for i := 0; i < 3; i++ {
		b := make([]byte, 512<<10)
		rand.Read(b)
		res, err := s.AddAssetFile(ctx, "banner.bin", bytes.NewReader(b), "")
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, res.Asset.ID)
	}
	fill(t, dir)

	b := make([]byte, 256<<10)
	rand.Read(b)
	_, err = s.AddAssetFile(ctx, "more.bin", bytes.NewReader(b), "")
	if got := backend.ErrorCode(sqlite.Explain(err)); got != backend.EDISKFULL {
		t.Fatalf("adding to a full disk: %v (code %s), want %s", err, got, backend.EDISKFULL)
	}

	db.Now = func() time.Time { return time.Now().Add(2 * time.Minute) }
	for _, id := range ids[:2] {
		a, err := s.FindAssetByID(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.DeleteAsset(ctx, id, 0); err != nil {
			t.Fatalf("deleting an asset on a full disk: %v", err)
		}
		p, _ := store.Path(a.Versions[0].SHA256)
		if _, err := os.Stat(p); !errors.Is(err, os.ErrNotExist) {
			t.Fatalf("the deleted asset's file still takes space: %v", err)
		}
	}
	if _, err := s.AddAssetFile(ctx, "more.bin", bytes.NewReader(b), ""); err != nil {
		t.Fatalf("adding after space was freed: %v", err)
	}
}

// TestDeleteAsset_FreesFiles: deleting an asset removes its bytes once no
// other asset uses them, and never bytes put a moment ago.
func TestDeleteAsset_FreesFiles(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db := sqlite.NewDB(filepath.Join(dir, "mopsdesk.db"))
	if err := db.Open(); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	store, _ := files.New(filepath.Join(dir, "assets"))
	s := sqlite.NewAssetService(db, store)
	logo := []byte("the brand logo, twice in the library")
	a, err := s.AddAssetFile(ctx, "logo.png", bytes.NewReader(logo), "")
	if err != nil {
		t.Fatal(err)
	}
	b, err := s.AddAssetFile(ctx, "logo copy.png", bytes.NewReader(logo), backend.DuplicateKeepBoth)
	if err != nil || b.Asset == nil {
		t.Fatalf("%+v %v", b, err)
	}
	path, _ := store.Path(a.Asset.Versions[0].SHA256)
	exists := func() bool { _, err := os.Stat(path); return err == nil }

	if err := s.DeleteAsset(ctx, a.Asset.ID, a.Asset.Version); err != nil || !exists() {
		t.Fatalf("bytes another asset uses were removed (%v)", err)
	}
	other, _ := s.AddAssetFile(ctx, "banner.png", bytes.NewReader([]byte("a banner")), "")
	if err := s.DeleteAsset(ctx, other.Asset.ID, other.Asset.Version); err != nil {
		t.Fatal(err)
	}
	if p, _ := store.Path(other.Asset.Versions[0].SHA256); func() bool { _, err := os.Stat(p); return err == nil }() == false {
		t.Fatal("bytes put a moment ago were removed: another action may be adding their row")
	}
	db.Now = func() time.Time { return time.Now().Add(2 * time.Minute) }
	if err := s.DeleteAsset(ctx, b.Asset.ID, b.Asset.Version); err != nil || exists() {
		t.Fatalf("the last asset using the bytes is gone, the bytes stay (%v)", err)
	}
}
