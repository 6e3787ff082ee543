package transfer_test

import (
	"bytes"
	"os"
	"testing"

	"mopsdesk/backend/transfer"
)

// TestFrontendFieldsAreCurrent: the frontend's field and column keys are
// the ones the Go list has; a field added, renamed or removed in
// backend/sheet/kinds.go without `go generate ./backend/transfer` fails.
func TestFrontendFieldsAreCurrent(t *testing.T) {
	got, err := os.ReadFile("../../frontend/src/i18n/fields.generated.ts")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, transfer.FrontendFields()) {
		t.Fatal("frontend/src/i18n/fields.generated.ts is stale: run go generate ./backend/transfer and commit it")
	}
}
