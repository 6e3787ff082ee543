package remote

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"mopsdesk/backend"
)

func TestNormalizeAddress(t *testing.T) {
	for in, want := range map[string]string{
		"desk.example.org":               "desk.example.org:443",
		" 192.168.1.20:8443 ":            "192.168.1.20:8443",
		"https://desk.example.org:8443/": "desk.example.org:8443",
		"HTTPS://desk.example.org":       "desk.example.org:443",
		"[::1]:8443":                     "[::1]:8443",
		"desk.example.org:8443/":         "desk.example.org:8443",
	} {
		got, err := NormalizeAddress(in)
		if err != nil || got != want {
			t.Errorf("%q: %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"", "http://desk.example.org", "https://u:p@desk", "https://desk/path", "desk example"} {
		if _, err := NormalizeAddress(in); backend.ErrorCode(err) != backend.EINVALID {
			t.Errorf("%q: %v, want invalid", in, err)
		}
	}
}

func TestFingerprintAsTyped(t *testing.T) {
	fp := Fingerprint([]byte("certificate"))
	if len(fp) != 95 || strings.ToUpper(fp) != fp {
		t.Fatalf("fingerprint %q", fp)
	}
	for _, typed := range []string{fp, strings.ToLower(fp), strings.ReplaceAll(fp, ":", ""), strings.ReplaceAll(fp, ":", " ")} {
		if got := normalFingerprint(typed); got != fp {
			t.Errorf("%q read as %q", typed, got)
		}
	}
	for _, bad := range []string{"", fp[:50], fp + ":00", strings.Replace(fp, "A", "G", 1) + "ZZ"} {
		if got := normalFingerprint(bad); got != "" {
			t.Errorf("%q read as %q", bad, got)
		}
	}
	if _, err := Dial("127.0.0.1:1", "not a fingerprint"); backend.ErrorCode(err) != backend.EINVALID {
		t.Errorf("dial with a bad fingerprint: %v", err)
	}
}

// The token is kept apart from the list, in a file only its owner reads,
// and forgetting a workspace removes it.
func TestBook(t *testing.T) {
	b := &Book{Dir: filepath.Join(t.TempDir(), "team")}
	w := Workspace{ID: WorkspaceID("desk:443"), Name: "Team", Address: "desk:443", Fingerprint: "AA"}
	if err := b.Put(w, "secret-token"); err != nil {
		t.Fatal(err)
	}
	if err := b.SetCurrent(w.ID); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{b.listPath(), b.tokenPath(w.ID)} {
		fi, err := os.Stat(p)
		if err != nil || fi.Mode().Perm() != 0o600 {
			t.Fatalf("%s: %v %v", p, fi.Mode(), err)
		}
	}
	list, _ := os.ReadFile(b.listPath())
	if strings.Contains(string(list), "secret-token") {
		t.Fatalf("the list holds the token: %s", list)
	}
	if tok, _ := b.Token(w.ID); tok != "secret-token" {
		t.Fatalf("token %q", tok)
	}
	got, current, err := b.List()
	if err != nil || len(got) != 1 || current != w.ID || got[0].Name != "Team" {
		t.Fatalf("list %+v %q %v", got, current, err)
	}
	if err := b.Forget(w.ID); err != nil {
		t.Fatal(err)
	}
	got, current, _ = b.List()
	if tok, _ := b.Token(w.ID); tok != "" || len(got) != 0 || current != "" {
		t.Fatalf("after forgetting: %q %+v %q", tok, got, current)
	}
	if _, err := b.Find(w.ID); backend.ErrorCode(err) != backend.ENOTFOUND {
		t.Fatalf("find a forgotten workspace: %v", err)
	}
}
