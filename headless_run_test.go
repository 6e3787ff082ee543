//go:build headless

package main

import (
	"bytes"
	"strings"
	"testing"
)

// Started without a command, the headless build says it has no window
// and how to start a host instead.
func TestHeadless_NoWindow(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run(nil, &out, &errb); code != 2 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if !strings.Contains(errb.String(), "has no window") || !strings.Contains(errb.String(), "mopsdesk host --data DIR") {
		t.Fatalf("stderr %q", errb.String())
	}
}
