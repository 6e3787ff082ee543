package datadir

import (
	"os"
	"path/filepath"
	"testing"
)

func env(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestResolve(t *testing.T) {
	abs, _ := filepath.Abs("rel/data")
	tests := []struct {
		name string
		flag string
		env  map[string]string
		want string
	}{
		{"FlagWins", "/srv/mops", map[string]string{EnvVar: "/env/mops"}, "/srv/mops"},
		{"FlagMadeAbsolute", "rel/data", nil, abs},
		{"EnvOverride", "", map[string]string{EnvVar: "/env/mops", "HOME": "/home/a"}, "/env/mops"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Resolve(tt.flag, env(tt.env))
			if err != nil || got != tt.want {
				t.Fatalf("Resolve = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

func TestPlatformDir(t *testing.T) {
	tests := []struct {
		goos string
		env  map[string]string
		want string
	}{
		{"linux", map[string]string{"HOME": "/home/a"}, "/home/a/.local/share/mopsdesk"},
		{"linux", map[string]string{"HOME": "/home/a", "XDG_DATA_HOME": "/xdg"}, "/xdg/mopsdesk"},
		{"linux", map[string]string{"HOME": "/home/a", "XDG_DATA_HOME": "relative"}, "/home/a/.local/share/mopsdesk"},
		{"darwin", map[string]string{"HOME": "/Users/a"}, "/Users/a/Library/Application Support/MOpsDesk"},
		{"windows", map[string]string{"AppData": "/AppData/Roaming"}, filepath.Join("/AppData/Roaming", "MOpsDesk")},
	}
	for _, tt := range tests {
		got, err := platformDir(tt.goos, env(tt.env))
		if err != nil || got != tt.want {
			t.Errorf("%s %v: %q, %v; want %q", tt.goos, tt.env, got, err, tt.want)
		}
	}
	if _, err := platformDir("linux", env(nil)); err == nil {
		t.Error("no HOME and no XDG_DATA_HOME must be an error that asks for --data")
	}
}

func TestPrepare(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "a", "b")
	l, err := Prepare(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{l.Dir, l.Assets} {
		if fi, err := os.Stat(d); err != nil || !fi.IsDir() || fi.Mode().Perm() != 0o700 {
			t.Fatalf("%s: %v %v", d, fi, err)
		}
	}
	if l.Database != filepath.Join(dir, "mopsdesk.db") {
		t.Fatalf("database at %s", l.Database)
	}
}
