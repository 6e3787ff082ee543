package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// mountOrSkip runs mount with args (needs root) and unmounts dir when the
// test ends; the test is skipped where mounting is not allowed.
func mountOrSkip(t *testing.T, dir string, args ...string) {
	t.Helper()
	if out, err := exec.Command("mount", append(args, dir)...).CombinedOutput(); err != nil {
		t.Skipf("cannot mount here (needs root): %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", dir).Run() })
}

// TestImportOnFullDisk imports 100,000 spend entries into a workspace on a
// 3 MB disk (a real tmpfs): the import stops at the first write the disk
// refuses, says the disk is full, changes nothing and leaves no write-ahead
// log filling the disk.
func TestImportOnFullDisk(t *testing.T) {
	disk := t.TempDir()
	mountOrSkip(t, disk, "-t", "tmpfs", "-o", "size=3m", "tmpfs")
	var csv strings.Builder
	csv.WriteString("Date,Amount,Currency,Team,Category,Vendor,Reference\n")
	for i := 0; i < 100_000; i++ {
		fmt.Fprintf(&csv, "2026-%02d-%02d,%d.%02d,USD,Team %d,Category %d,Vendor %d,R%d\n", i%12+1, i%28+1, i%5000+1, i%100, i%4, (i/4)%4, i%50, i)
	}
	file := filepath.Join(t.TempDir(), "spend.csv")
	os.WriteFile(file, []byte(csv.String()), 0o600)
	data := filepath.Join(disk, "ws")
	var out, errOut bytes.Buffer
	code := run([]string{"import", file, "--kind", "spend", "--data", data}, &out, &errOut)
	if code != 1 || !strings.Contains(errOut.String(), "The disk holding the workspace is full. Free some space") {
		t.Fatalf("exit %d, %q", code, errOut.String())
	}
	if n := countRows(t, data, "spend"); n != 0 {
		t.Fatalf("%d spend entries stored by a failed import", n)
	}
	var st syscall.Statfs_t
	syscall.Statfs(disk, &st)
	if free := int64(st.Bavail) * int64(st.Bsize); free < 1<<20 {
		t.Fatalf("the failed import left the disk full (%d bytes free)", free)
	}
}

// TestReadOnlyFolder opens a workspace through a read-only view of its
// folder (a read-only bind mount: root ignores file permissions, a
// read-only mount it cannot): the window's start, serve and an import are
// refused with words that say the folder cannot be written.
func TestReadOnlyFolder(t *testing.T) {
	data := t.TempDir()
	var out, errOut bytes.Buffer
	sample := filepath.Join("backend", "sheet", "testdata", "subscriptions-minimal.xlsx")
	if code := run([]string{"import", sample, "--set", "team=Brand", "--set", "category=Software", "--data", data}, &out, &errOut); code != 0 {
		t.Fatal(errOut.String())
	}
	view := t.TempDir()
	mountOrSkip(t, view, "--bind", data)
	if out, err := exec.Command("mount", "-o", "remount,bind,ro", view).CombinedOutput(); err != nil {
		t.Skipf("cannot remount read-only: %v %s", err, out)
	}
	errOut.Reset()
	code := run([]string{"import", sample, "--set", "team=Brand", "--set", "category=Software", "--data", view}, &out, &errOut)
	if code != 1 || !strings.Contains(errOut.String(), "MOps Desk cannot write to the workspace folder") {
		t.Fatalf("import into a read-only folder: exit %d, %q", code, errOut.String())
	}
	if strings.Contains(errOut.String(), "no such file or directory") {
		t.Errorf("says a file is missing although it exists: %q", errOut.String())
	}
}
