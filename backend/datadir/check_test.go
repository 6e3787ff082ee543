package datadir

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"mopsdesk/backend"
)

func TestCheckDatabase(t *testing.T) {
	setup := func(t *testing.T, db []byte, files int) Layout {
		l, err := Prepare(t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		if db != nil {
			os.WriteFile(l.Database, db, 0o600)
		}
		for i := 0; i < files; i++ {
			d := filepath.Join(l.Assets, "ab")
			os.MkdirAll(d, 0o700)
			os.WriteFile(filepath.Join(d, strings.Repeat("ab", 31)+string(rune('a'+i))+"0"), []byte("logo"), 0o600)
		}
		os.MkdirAll(filepath.Join(l.Assets, "thumbs"), 0o700)
		os.WriteFile(filepath.Join(l.Assets, "thumbs", "x.jpg"), []byte("preview"), 0o600)
		return l
	}
	for _, tt := range []struct {
		name  string
		db    []byte
		files int
		want  string
	}{
		{"OKNewWorkspace", nil, 0, ""},
		{"OKExisting", []byte("SQLite format 3\x00"), 3, ""},
		{"OKEmptyWithoutFiles", []byte{}, 0, ""},
		{"ErrEmptyDatabaseNextToFiles", []byte{}, 3, "is empty, although the library next to it holds 3 files"},
		{"ErrMissingDatabaseNextToFiles", nil, 2, "is missing, although the library next to it holds 2 files"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckDatabase(setup(t, tt.db, tt.files))
			if tt.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if backend.ErrorCode(err) != backend.EDAMAGED || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "mopsdesk restore") {
				t.Fatalf("got %v", err)
			}
		})
	}
}
