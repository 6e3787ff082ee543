package main

import (
	"bytes"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
)

// A tree with only the committed placeholder in frontend/dist (a fresh
// clone, no Node) builds a binary that serves a page saying what is
// missing, and warns, instead of refusing to start or serving nothing.
func TestFrontendNotBuilt(t *testing.T) {
	var logged bytes.Buffer
	tree := fstest.MapFS{"frontend/dist/.gitkeep": &fstest.MapFile{}}
	dist, err := frontendIn(tree, slog.New(slog.NewTextHandler(&logged, nil)))
	if err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	http.FileServerFS(dist).ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil))
	body, _ := io.ReadAll(rec.Body)
	if rec.Code != http.StatusOK || !strings.Contains(string(body), "frontend not built") || !strings.Contains(string(body), "make build") {
		t.Errorf("GET / = %d %q, want the not-built page", rec.Code, body)
	}
	if !strings.Contains(logged.String(), "built without its frontend") {
		t.Errorf("log = %q, want a warning", logged.String())
	}
}

// A built frontend is served as it is, with no warning.
func TestFrontendBuilt(t *testing.T) {
	var logged bytes.Buffer
	tree := fstest.MapFS{
		"frontend/dist/.gitkeep":   &fstest.MapFile{},
		"frontend/dist/index.html": &fstest.MapFile{Data: []byte("<!doctype html><title>MOps Desk</title>")},
	}
	dist, err := frontendIn(tree, slog.New(slog.NewTextHandler(&logged, nil)))
	if err != nil {
		t.Fatal(err)
	}
	page, err := fs.ReadFile(dist, "index.html")
	if err != nil || string(page) != "<!doctype html><title>MOps Desk</title>" {
		t.Errorf("index.html = %q, %v; want the built page", page, err)
	}
	if logged.Len() != 0 {
		t.Errorf("log = %q, want nothing", logged.String())
	}
}
