package files

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestStore(t *testing.T) {
	dir := t.TempDir()
	s, err := New(dir)
	if err != nil {
		t.Fatal(err)
	}
	sum, size, err := s.Put(strings.NewReader("Master services agreement"), 1<<20)
	if err != nil || size != 25 || len(sum) != 64 {
		t.Fatalf("%s %d %v", sum, size, err)
	}
	again, _, err := s.Put(strings.NewReader("Master services agreement"), 1<<20)
	if err != nil || again != sum {
		t.Fatalf("the same bytes got another hash: %s", again)
	}
	f, err := s.Open(sum)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(f)
	f.Close()
	if string(b) != "Master services agreement" {
		t.Fatalf("read back %q", b)
	}
	if _, _, err := s.Put(bytes.NewReader(make([]byte, 2048)), 1024); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("over the limit: %v", err)
	}
	tmp, _ := os.ReadDir(filepath.Join(dir, "tmp"))
	if len(tmp) != 0 {
		t.Fatalf("temporary files left: %v", tmp)
	}
	for _, bad := range []string{"../../etc/passwd", "/etc/passwd", strings.Repeat("a", 63), strings.Repeat("A", 64), sum + "/.."} {
		if _, err := s.Open(bad); err == nil {
			t.Errorf("Open(%q) must be refused", bad)
		}
	}
}

func TestCleanName(t *testing.T) {
	for in, want := range map[string]string{
		"contract.pdf":                    "contract.pdf",
		"../../etc/passwd":                "passwd",
		`C:\Users\dana\DPA signed.pdf`:    "DPA signed.pdf",
		"evil\x00name\n.pdf":              "evilname.pdf",
		"...":                             "document",
		"":                                "document",
		"Umowa – podpisana.docx":          "Umowa – podpisana.docx",
		strings.Repeat("x", 300) + ".pdf": strings.Repeat("x", 200),
	} {
		if got := CleanName(in); got != want {
			t.Errorf("CleanName(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzCleanName(f *testing.F) {
	for _, s := range []string{"a.pdf", "../x", `C:\a\b`, "\x00", "..."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		got := CleanName(name)
		if got == "" || strings.ContainsAny(got, "/\\\x00") || got == "." || got == ".." || len([]rune(got)) > 200 {
			t.Fatalf("CleanName(%q) = %q is not a safe display name", name, got)
		}
	})
}
