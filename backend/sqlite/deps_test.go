package sqlite_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestStoreKnowsNoSpreadsheet: the store reads and writes the database
// only; workbooks are backend/sheet's, the round trip backend/transfer's.
func TestStoreKnowsNoSpreadsheet(t *testing.T) {
	out, err := exec.Command("go", "list", "-tags", "sqlite_fts5", "-deps", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, pkg := range strings.Fields(string(out)) {
		switch pkg {
		case "mopsdesk/backend/sheet", "mopsdesk/backend/transfer", "mopsdesk/backend/api":
			t.Errorf("backend/sqlite depends on %s", pkg)
		}
	}
}
