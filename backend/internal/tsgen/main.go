// Command tsgen writes the TypeScript contract between the Go facades and
// the frontend: an interface for every Go value that crosses the seam and
// a map from each callable method ("Campaigns.Find", "App.SaveReport") to
// its argument and result types. The frontend's call() is typed by that
// map, so renaming a Go method or json field breaks `npm run check`.
//
// It reads the facades the way the transports bind them: the values
// api.(*API).Bindings returns (Wails' "api" package and serve mode's
// /api routes) and the exported methods of App in the main package
// (Wails' "main" package). A leading context.Context parameter is not
// part of the contract: the transports supply it.
//
// It also writes the frontend's copy of the access tables (api.Access and
// api.RouteAccess, sorted) to frontend/src/lib/access.ts.
//
// Run it with `go generate ./backend/internal/tsgen`; its test fails when
// a committed file is stale.
package main

//go:generate go run .

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Output is where the contract is written, relative to the module root.
const Output = "frontend/src/lib/api/generated.ts"

// RegenerateCommand is what a developer runs when the contract is stale.
const RegenerateCommand = "go generate ./backend/internal/tsgen"

func main() {
	out := flag.String("o", "", "write the files under this folder instead of the module root")
	flag.Parse()
	root, err := moduleRoot()
	if err != nil {
		fail(err)
	}
	files, err := Generate(root)
	if err != nil {
		fail(err)
	}
	dir := root
	if *out != "" {
		dir = *out
	}
	for name, src := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			fail(err)
		}
		if err := writeIfChanged(path, src); err != nil {
			fail(err)
		}
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "tsgen:", err)
	os.Exit(1)
}

// writeIfChanged leaves an up-to-date file alone, so that its time stamp
// does not make Vite or svelte-check do work for nothing.
func writeIfChanged(path string, src []byte) error {
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, src) {
		return nil
	}
	return os.WriteFile(path, src, 0o644)
}

// moduleRoot is the main module's folder, as the go command finds it
// from the working directory (go generate runs in this package's folder).
func moduleRoot() (string, error) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}").Output()
	if err != nil {
		return "", fmt.Errorf("find the module: %w", err)
	}
	return strings.TrimSpace(string(out)), nil
}
