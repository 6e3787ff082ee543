package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The systemd unit starts a host the command line accepts, as its own
// user, writing only the data folder it names.
func TestHostUnit(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("build", "linux", "mopsdesk-host.service"))
	if err != nil {
		t.Fatal(err)
	}
	unit := map[string][]string{}
	for _, line := range strings.Split(string(b), "\n") {
		if k, v, ok := strings.Cut(line, "="); ok && !strings.HasPrefix(line, "#") {
			unit[k] = append(unit[k], v)
		}
	}
	one := func(k string) string {
		if len(unit[k]) != 1 {
			t.Fatalf("%s: %q", k, unit[k])
		}
		return unit[k][0]
	}
	exec := strings.Fields(one("ExecStart"))
	if len(exec) < 2 || filepath.Base(exec[0]) != "mopsdesk-host" || exec[1] != "host" {
		t.Fatalf("ExecStart %q", exec)
	}
	h, err := parseHostFlags(exec[2:], io.Discard)
	if err != nil {
		t.Fatalf("ExecStart's flags: %v", err)
	}
	if h.data != "/var/lib/"+one("StateDirectory") || one("ReadWritePaths") != h.data {
		t.Errorf("data %q, StateDirectory %q, ReadWritePaths %q", h.data, one("StateDirectory"), one("ReadWritePaths"))
	}
	if u := one("User"); u == "" || u == "root" {
		t.Errorf("User %q", u)
	}
	for k, want := range map[string]string{"NoNewPrivileges": "yes", "ProtectSystem": "strict", "ProtectHome": "yes", "PrivateTmp": "yes", "KillSignal": "SIGTERM", "UMask": "0077"} {
		if got := one(k); got != want {
			t.Errorf("%s=%s, want %s", k, got, want)
		}
	}
}
