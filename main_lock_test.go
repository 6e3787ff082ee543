package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// buildBinary builds the real mopsdesk into a temporary folder; process
// tests skip without the frontend, as TestServe does.
func buildBinary(t *testing.T) string {
	t.Helper()
	if _, err := os.Stat("frontend/dist/index.html"); err != nil {
		t.Skip("frontend/dist is not built; 'make test' builds it before the Go tests")
	}
	bin := filepath.Join(t.TempDir(), "mopsdesk")
	build := exec.Command("go", "build", "-tags", "sqlite_fts5", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	return bin
}

// startServe starts "mopsdesk serve" on data and waits for its start-up
// line; the process is killed when the test ends.
func startServe(t *testing.T, bin, data string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(bin, "serve", "--addr", "127.0.0.1:0", "--data", data)
	stdout, _ := cmd.StdoutPipe()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	if line, err := bufio.NewReader(stdout).ReadString('\n'); err != nil || !strings.Contains(line, "http://") {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("serve did not start: %q %v\n%s", line, err, stderr.String())
	}
	return cmd
}

// TestDataFolderLock runs two real processes on one data folder: while
// serve has it, a second serve and an import are refused with the
// holder's process id, and a dry run still reads alongside.
func TestDataFolderLock(t *testing.T) {
	bin := buildBinary(t)
	data := filepath.Join(t.TempDir(), "data")
	serve := startServe(t, bin, data)
	sample := filepath.Join("backend", "sheet", "testdata", "subscriptions-minimal.xlsx")
	holder := fmt.Sprintf("'mopsdesk serve' (process %d, since ", serve.Process.Pid)

	for _, args := range [][]string{
		{"serve", "--addr", "127.0.0.1:0", "--data", data},
		{"import", sample, "--set", "team=Brand", "--set", "category=Software", "--data", data},
	} {
		cmd := exec.Command(bin, args...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		done := make(chan error, 1)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		go func() { done <- cmd.Wait() }()
		select {
		case err := <-done:
			if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
				t.Errorf("%s: %v, want exit 1", args[0], err)
			}
		case <-time.After(time.Minute):
			cmd.Process.Kill()
			t.Fatalf("%s was not refused: it runs alongside serve", args[0])
		}
		if !strings.Contains(stderr.String(), holder) || !strings.Contains(stderr.String(), "already open in") {
			t.Errorf("%s said %q; want it to name %s", args[0], stderr.String(), holder)
		}
	}

	out, err := exec.Command(bin, "import", sample, "--dry-run", "--data", data).CombinedOutput()
	if err != nil {
		t.Fatalf("a dry run must read alongside serve: %v\n%s", err, out)
	}
	zip := filepath.Join(t.TempDir(), "backup.zip")
	if out, err := exec.Command(bin, "backup", "--out", zip, "--data", data).CombinedOutput(); err != nil {
		t.Fatalf("a backup must run alongside serve: %v\n%s", err, out)
	}

	serve.Process.Kill() // the lock goes with the process, even on kill -9
	serve.Wait()
	out, err = exec.Command(bin, "import", sample, "--set", "team=Brand", "--set", "category=Software", "--data", data).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "Imported contracts") {
		t.Fatalf("import after serve ended: %v\n%s", err, out)
	}
}
