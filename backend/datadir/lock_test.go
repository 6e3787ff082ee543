package datadir

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"mopsdesk/backend"
)

func TestAcquire(t *testing.T) {
	dir := t.TempDir()
	since := time.Date(2026, 11, 27, 6, 40, 0, 0, time.UTC)
	first, err := Acquire(dir, "serve", since)
	if err != nil {
		t.Fatal(err)
	}
	t.Run("ErrLocked", func(t *testing.T) {
		_, err := Acquire(dir, "import", since.Add(time.Minute))
		var le *LockedError
		if !errors.As(err, &le) {
			t.Fatalf("a second holder got %v, want a LockedError", err)
		}
		if le.Holder.PID != os.Getpid() || le.Holder.Mode != "serve" || !le.Holder.Since.Equal(since) {
			t.Fatalf("holder %+v", le.Holder)
		}
		for _, want := range []string{"'mopsdesk serve'", "process ", dir} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("%q does not say %q", err, want)
			}
		}
		// The window says it in the user's language, from a message key.
		var app *backend.Error
		if !errors.As(err, &app) || app.Code != backend.EINUSE || app.Fields["workspace"].Key != "workspace.in_use.serve" ||
			app.Fields["workspace"].Params["pid"] != strconv.Itoa(os.Getpid()) {
			t.Fatalf("as an application error: %+v", app)
		}
	})
	t.Run("OKAfterRelease", func(t *testing.T) {
		if err := first.Release(); err != nil {
			t.Fatal(err)
		}
		l, err := Acquire(dir, "import", since)
		if err != nil {
			t.Fatalf("after release: %v", err)
		}
		l.Release()
	})
}

// TestAcquire_OtherProcess holds the folder in a child process (this test
// binary, run again) and checks that this one is told who holds it, and
// that the lock goes when the child is killed.
func TestAcquire_OtherProcess(t *testing.T) {
	if dir := os.Getenv("MOPSDESK_LOCK_CHILD"); dir != "" {
		if _, err := Acquire(dir, "desktop", time.Now()); err != nil {
			os.Exit(3)
		}
		os.Stdout.WriteString("held\n")
		time.Sleep(time.Hour)
		return
	}
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestAcquire_OtherProcess$")
	cmd.Env = append(os.Environ(), "MOPSDESK_LOCK_CHILD="+dir)
	out, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 5)
	if _, err := out.Read(buf); err != nil || string(buf) != "held\n" {
		cmd.Process.Kill()
		t.Fatalf("child: %q %v", buf, err)
	}
	_, err := Acquire(dir, "serve", time.Now())
	var le *LockedError
	if !errors.As(err, &le) || le.Holder.PID != cmd.Process.Pid || le.Holder.Mode != "desktop" {
		cmd.Process.Kill()
		t.Fatalf("got %v (%+v), want the child %d named", err, le, cmd.Process.Pid)
	}
	if !strings.Contains(err.Error(), "the MOps Desk window") {
		t.Errorf("message %q", err)
	}
	cmd.Process.Kill() // like kill -9: the system drops the lock
	cmd.Wait()
	l, err := Acquire(dir, "serve", time.Now())
	if err != nil {
		t.Fatalf("after the holder died: %v", err)
	}
	l.Release()
}

// TestAcquire_CannotWriteHolder: a lock whose holder line cannot be
// written is not taken. The lock file is a link to /dev/full, which can be
// opened and locked but neither truncated nor written.
func TestAcquire_CannotWriteHolder(t *testing.T) {
	if _, err := os.Stat("/dev/full"); err != nil {
		t.Skip("no /dev/full here")
	}
	dir := t.TempDir()
	if err := os.Symlink("/dev/full", filepath.Join(dir, LockFile)); err != nil {
		t.Fatal(err)
	}
	l, err := Acquire(dir, "serve", time.Now())
	if err == nil {
		l.Release()
		t.Fatal("took the lock without writing who holds it")
	}
}
