package sqlite_test

//lint:file-ignore ST1018 Persian words are spelled with the zero-width non-joiner (U+200C); written as escapes they could not be read.

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"mopsdesk/backend"
	"mopsdesk/backend/sqlite"
)

// Any folder name the OS accepts holds the database: the DSN is a URI, so
// '?', '#' and '%' in the path must not cut it or be decoded twice.
func TestDSN_AnyFolderName(t *testing.T) {
	folders := []string{"a?b", "c#d", "50%", "x%20y", "%3F", "with space", "plus+and&amp=1;x", "داده‌ها", "ข้อมูล", "İş planı", "tab\tand'quote\"", "~home", "a:b"}
	for _, name := range folders {
		t.Run(name, func(t *testing.T) {
			parent := t.TempDir()
			dir := filepath.Join(parent, name)
			if err := os.Mkdir(dir, 0o700); err != nil {
				t.Skipf("the file system refuses %q: %v", name, err)
			}
			openWriteReopen(t, filepath.Join(dir, "mopsdesk.db"))
			entries, _ := os.ReadDir(parent)
			if len(entries) != 1 || entries[0].Name() != name {
				t.Fatalf("the parent holds %v, want only %q", entryNames(entries), name)
			}
			files, _ := os.ReadDir(dir)
			if got := entryNames(files); len(got) == 0 || got[0] != "mopsdesk.db" {
				t.Fatalf("%q holds %v", name, got)
			}
		})
	}
	t.Run("Relative", func(t *testing.T) {
		t.Chdir(t.TempDir())
		os.Mkdir("r?#%", 0o700)
		openWriteReopen(t, filepath.Join("r?#%", "mopsdesk.db"))
		if _, err := os.Stat(filepath.Join("r?#%", "mopsdesk.db")); err != nil {
			t.Fatal(err)
		}
	})
}

func entryNames(entries []os.DirEntry) []string {
	out := []string{}
	for _, e := range entries {
		out = append(out, e.Name())
	}
	sort.Strings(out)
	return out
}

// openWriteReopen opens a database at path, stores a team, closes it and
// finds the team again after opening it anew.
func openWriteReopen(t *testing.T, path string) {
	t.Helper()
	ctx := context.Background()
	db := sqlite.NewDB(path)
	if err := db.Open(); err != nil {
		t.Fatal(err)
	}
	if _, err := sqlite.NewListService(db).CreateListItem(ctx, backend.ListTeams, "Brand"); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(path); err != nil || fi.Size() == 0 {
		t.Fatalf("%s: %v", path, err)
	}
	db = sqlite.NewDB(path)
	if err := db.Open(); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	items, err := sqlite.NewListService(db).ListItems(ctx, backend.ListTeams)
	if err != nil || len(items) != 1 || items[0].Name != "Brand" {
		t.Fatalf("after reopening: %v %v", items, err)
	}
	if !strings.HasPrefix(sqlite.DSN(path), "file:") {
		t.Fatalf("DSN %q", sqlite.DSN(path))
	}
}
