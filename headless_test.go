package main

import (
	"os/exec"
	"strings"
	"testing"
)

// depsWith lists the packages the main package needs under tags.
func depsWith(t *testing.T, tags string) []string {
	t.Helper()
	out, err := exec.Command("go", "list", "-deps", "-tags", tags, ".").Output()
	if err != nil {
		t.Fatalf("go list -tags %s: %v", tags, err)
	}
	return strings.Fields(string(out))
}

// The headless build (make build-host) must link no Wails at all, so no
// GTK and no WebKit either: a server with no display runs it. The Wails
// build adds its desktop,production tags, under which Wails pulls in its
// cgo WebKit frontend; the window's build shows that the check sees it.
func TestHeadlessBuild_NoWebKit(t *testing.T) {
	const webkit = "github.com/wailsapp/wails/v2/internal/frontend/desktop/linux"
	for _, tags := range []string{"sqlite_fts5,headless", "sqlite_fts5,headless,desktop,production"} {
		for _, p := range depsWith(t, tags) {
			if strings.HasPrefix(p, "github.com/wailsapp/wails/") {
				t.Errorf("-tags %s: the headless build needs %s", tags, p)
			}
		}
	}
	window := strings.Join(depsWith(t, "sqlite_fts5,desktop,production"), "\n")
	if !strings.Contains(window, "\n"+webkit+"\n") {
		t.Fatalf("the window's build does not list %s: the check above cannot see WebKit", webkit)
	}
}
