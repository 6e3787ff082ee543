package backup_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"mopsdesk/backend"
	"mopsdesk/backend/backup"
	"mopsdesk/backend/sqlite"
)

func backupNames(dir string) []string {
	entries, _ := os.ReadDir(dir)
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	sort.Strings(out)
	return out
}

func newManager(t *testing.T, w *workspace, now *time.Time) *backup.Manager {
	return &backup.Manager{Dir: w.dir, Src: w.source(), Known: sqlite.KnownMigrations(), Now: func() time.Time { return *now }}
}

// TestManager_Retention makes a daily backup for 60 days and checks that
// the newest of the last 7 days and of the last 4 weeks stay, and that a
// backup made by hand is never pruned.
func TestManager_Retention(t *testing.T) {
	w := newWorkspace(t, t.TempDir())
	now := time.Date(2026, 9, 1, 9, 0, 0, 0, time.UTC) // a Tuesday
	m := newManager(t, w, &now)
	if !m.Due() {
		t.Fatal("no backup yet, but none is due")
	}
	if _, err := m.BackUp(context.Background(), backup.KindManual); err != nil {
		t.Fatal(err)
	}
	for day := 0; day < 60; day++ {
		now = now.Add(24 * time.Hour)
		if !m.Due() {
			t.Fatalf("day %d: a backup 24 hours old, but none is due", day)
		}
		if _, err := m.BackUp(context.Background(), backup.KindAuto); err != nil {
			t.Fatal(err)
		}
		if m.Due() {
			t.Fatal("due right after a backup")
		}
	}
	st, _ := m.Status()
	var auto []string
	for _, b := range st.Backups {
		if b.Kind == backup.KindAuto {
			auto = append(auto, b.CreatedAt[:10])
		}
	}
	want := "2026-10-31 2026-10-30 2026-10-29 2026-10-28 2026-10-27 2026-10-26 2026-10-25 2026-10-18 2026-10-11"
	if got := strings.Join(auto, " "); got != want {
		t.Fatalf("kept %s\nwant %s", got, want)
	}
	if last := st.Backups[len(st.Backups)-1]; last.Kind != backup.KindManual {
		t.Fatalf("the backup made by hand was pruned: %+v", st.Backups)
	}
	if st.LastBackupAt != "2026-10-31T09:00:00Z" || st.FolderPath != filepath.Join(w.dir, "backups") {
		t.Fatalf("status %+v", st)
	}
}

// TestManager_FailureShown: a backup that cannot be written is recorded
// and shown until one works.
func TestManager_FailureShown(t *testing.T) {
	w := newWorkspace(t, t.TempDir())
	now := time.Date(2026, 9, 1, 9, 0, 0, 0, time.UTC)
	m := newManager(t, w, &now)
	blocker := filepath.Join(t.TempDir(), "a file")
	os.WriteFile(blocker, nil, 0o600)
	s := backup.DefaultSettings
	s.Folder = filepath.Join(blocker, "backups") // under a file: cannot exist
	if _, err := m.UpdateSettings(s); err != nil {
		t.Fatal(err)
	}
	if _, err := m.BackUp(context.Background(), backup.KindAuto); err == nil {
		t.Fatal("want an error")
	}
	st, _ := m.Status()
	if st.LastError == "" || st.LastErrorAt != "2026-09-01T09:00:00Z" {
		t.Fatalf("the failure is not shown: %+v", st)
	}
	s.Folder = ""
	m.UpdateSettings(s)
	if _, err := m.BackUp(context.Background(), backup.KindAuto); err != nil {
		t.Fatal(err)
	}
	if st, _ = m.Status(); st.LastError != "" {
		t.Fatalf("the failure is still shown after a backup worked: %q", st.LastError)
	}
	t.Run("ErrRelativeFolder", func(t *testing.T) {
		s.Folder = "backups"
		_, err := m.UpdateSettings(s)
		if backend.ErrorCode(err) != backend.EINVALID {
			t.Fatalf("got %v", err)
		}
	})
}

// TestManager_KilledMidBackup kills (SIGKILL) a process in the middle of
// writing a backup and checks that the backups already there are intact,
// no half backup is listed, and the next backup works.
func TestManager_KilledMidBackup(t *testing.T) {
	if dir := os.Getenv("MOPSDESK_BACKUP_KILL_DIR"); dir != "" {
		backUpSlowly(t, dir)
		return
	}
	w := newWorkspace(t, t.TempDir())
	w.addFiles(t, 4)
	now := time.Now().UTC()
	m := newManager(t, w, &now)
	first, err := m.BackUp(context.Background(), backup.KindManual)
	if err != nil {
		t.Fatal(err)
	}
	folder := filepath.Join(w.dir, "backups")
	before := backupNames(folder)

	cmd := exec.Command(os.Args[0], "-test.run=^TestManager_KilledMidBackup$")
	cmd.Env = append(os.Environ(), "MOPSDESK_BACKUP_KILL_DIR="+w.dir)
	out, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 4)
	if n, err := out.Read(buf); err != nil || string(buf[:n]) != "mid\n" {
		cmd.Process.Kill()
		t.Fatalf("child: %q %v", buf[:n], err)
	}
	cmd.Process.Kill()
	cmd.Wait()

	st, _ := m.Status()
	if len(st.Backups) != 1 || st.Backups[0].Name != first.Name {
		t.Fatalf("after the kill the folder lists %+v", st.Backups)
	}
	if _, err := backup.Verify(filepath.Join(folder, first.Name), sqlite.KnownMigrations()); err != nil {
		t.Fatalf("the earlier backup was harmed: %v", err)
	}
	after := backupNames(folder)
	if len(after) != len(before)+1 || !strings.HasPrefix(after[0], ".mopsdesk-backup-") {
		t.Fatalf("before %v, after %v: want only the killed run's work folder added", before, after)
	}
	now = now.Add(time.Minute)
	if _, err := m.BackUp(context.Background(), backup.KindManual); err != nil {
		t.Fatalf("the next backup: %v", err)
	}
}

// backUpSlowly is the helper process: it backs up dir and stops for good
// after the first library file is in, until it is killed.
func backUpSlowly(t *testing.T, dir string) {
	db := sqlite.NewDB(filepath.Join(dir, "mopsdesk.db"))
	if err := db.Open(); err != nil {
		os.Exit(3)
	}
	now := time.Now().Add(time.Hour)
	m := &backup.Manager{Dir: dir, Known: sqlite.KnownMigrations(), Now: func() time.Time { return now },
		Src: backup.Source{DB: db, Assets: filepath.Join(dir, "assets"), Progress: func(string) {
			os.Stdout.WriteString("mid\n")
			time.Sleep(time.Hour)
		}}}
	m.BackUp(context.Background(), backup.KindAuto)
	os.Exit(4)
}

// TestManager_StageRestore: a restore picked in Settings is checked and
// kept for the next start; a damaged one is refused at once.
func TestManager_StageRestore(t *testing.T) {
	w := newWorkspace(t, t.TempDir())
	now := time.Now().UTC()
	m := newManager(t, w, &now)
	b, err := m.BackUp(context.Background(), backup.KindManual)
	if err != nil {
		t.Fatal(err)
	}
	st, err := m.StageRestore(b.Name)
	if err != nil || st.PendingRestore != b.Name {
		t.Fatalf("%+v %v", st, err)
	}
	if p, _ := backup.ReadPending(w.dir); p != filepath.Join(st.FolderPath, b.Name) {
		t.Fatalf("pending %q", p)
	}
	if st, _ = m.CancelRestore(); st.PendingRestore != "" {
		t.Fatal("cancel kept the restore")
	}
	for _, name := range []string{"../mopsdesk.db", "mopsdesk-auto-20990101T000000Z.zip"} {
		if _, err := m.StageRestore(name); backend.ErrorCode(err) != backend.ENOTFOUND {
			t.Errorf("%s: %v", name, err)
		}
	}
	os.WriteFile(filepath.Join(st.FolderPath, "mopsdesk-auto-20990101T000000Z.zip"), []byte("PK"), 0o600)
	if _, err := m.StageRestore("mopsdesk-auto-20990101T000000Z.zip"); backend.ErrorCode(err) != backend.EDAMAGED {
		t.Errorf("damaged: %v", err)
	}
}

// TestManager_StatusDuringBackup: Settings can be read while a backup
// runs (a large library takes minutes), not only after it.
func TestManager_StatusDuringBackup(t *testing.T) {
	w := newWorkspace(t, t.TempDir())
	w.addFiles(t, 2)
	now := time.Now().UTC()
	m := newManager(t, w, &now)
	var during *backup.Status
	m.Src.Progress = func(string) {
		if during == nil {
			during, _ = m.Status() // blocked until the backup ended, before
		}
	}
	if _, err := m.BackUp(context.Background(), backup.KindManual); err != nil {
		t.Fatal(err)
	}
	if during == nil || during.LastBackupAt != "" {
		t.Fatalf("status during the first backup: %+v", during)
	}
}
