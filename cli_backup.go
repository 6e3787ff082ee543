package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"mopsdesk/backend"
	"mopsdesk/backend/backup"
	"mopsdesk/backend/datadir"
	"mopsdesk/backend/sqlite"
)

// autoBackupCheck is how often a running window or serve mode looks
// whether the daily backup is due.
const autoBackupCheck = 10 * time.Minute

// newBackups returns the backup manager of the workspace in layout,
// copying from db (nil until the database is open).
func newBackups(layout datadir.Layout, db *sqlite.DB, log *slog.Logger) *backup.Manager {
	m := &backup.Manager{Dir: layout.Dir, Known: sqlite.KnownMigrations(), Log: log, Explain: sqlite.Explain,
		Src: backup.Source{Assets: layout.Assets, AppVersion: version}}
	if db != nil {
		m.Src.DB = db
	}
	return m
}

// runBackup writes a backup of the workspace: to --out, or into the
// backup folder chosen in Settings. It only reads, so it runs while the
// window or serve mode has the workspace open.
func runBackup(args []string, log *slog.Logger, stdout, stderr io.Writer) int {
	fl := newFlags("mopsdesk backup", stderr)
	data := fl.String("data", "", "")
	out := fl.String("out", "", "")
	if err := fl.Parse(args); err != nil {
		return usageError(stderr, err)
	}
	if fl.NArg() > 0 {
		return usageError(stderr, fmt.Errorf("backup takes no arguments, got %q; name the file with --out", fl.Arg(0)))
	}
	log = commandLog(log)
	app := openForCommand(*data, "cli", log, stderr)
	if app == nil {
		return 1
	}
	defer app.close()
	ctx, endProgress := withTerminalProgress(context.Background(), stderr)
	path := *out
	var err error
	if path != "" {
		if path, err = filepath.Abs(path); err == nil {
			_, err = backup.Write(ctx, app.backups.Src, path)
		}
	} else {
		var info *backup.Info
		if info, err = app.backups.BackUp(ctx, backup.KindManual); err == nil {
			st, _ := app.backups.Status()
			path = filepath.Join(st.FolderPath, info.Name)
		}
	}
	endProgress()
	if err != nil {
		log.Error("backup failed", "err", err)
		fmt.Fprintf(stderr, "mopsdesk: the backup failed: %s\n", errorText(err))
		return 1
	}
	fmt.Fprintf(stdout, "Backed up the workspace in %s to %s\n", app.layout.Dir, path)
	return 0
}

// runRestore replaces the workspace with a backup. It needs the data
// folder to itself: with the window or serve mode open on it, it is
// refused and names that process.
func runRestore(args []string, log *slog.Logger, stdout, stderr io.Writer) int {
	fl := newFlags("mopsdesk restore", stderr)
	data := fl.String("data", "", "")
	pos, err := splitArgs(fl, args)
	if err != nil {
		return usageError(stderr, err)
	}
	if len(pos) != 1 {
		return usageError(stderr, fmt.Errorf("restore takes one backup FILE, got %d", len(pos)))
	}
	log = commandLog(log)
	fail := func(err error) int {
		log.Error("restore failed", "err", err)
		fmt.Fprintf(stderr, "mopsdesk: %s\n", errorText(err))
		return 1
	}
	file, err := filepath.Abs(pos[0])
	if err != nil {
		return fail(err)
	}
	if _, err := os.Stat(file); err != nil {
		return fail(fmt.Errorf("%s cannot be opened: %w", pos[0], err))
	}
	dir, err := datadir.Resolve(*data, os.Getenv)
	if err != nil {
		return fail(err)
	}
	layout, err := datadir.Prepare(dir)
	if err != nil {
		return fail(err)
	}
	lock, err := datadir.Acquire(layout.Dir, "restore", time.Now())
	if err != nil {
		return fail(err)
	}
	defer lock.Release()
	kept, m, err := restoreWorkspace(layout, file, log)
	if err != nil {
		return fail(err)
	}
	backup.ClearPending(layout.Dir)
	fmt.Fprintf(stdout, "Restored the workspace in %s from %s (made %s by MOps Desk %s).\n", layout.Dir, pos[0], m.CreatedAt, m.AppVersion)
	if kept != "" {
		fmt.Fprintf(stdout, "The workspace as it was is kept in %s\n", kept)
	}
	return 0
}

// restoreWorkspace replaces the workspace in layout with the backup in
// file; the caller holds the data folder's lock. The current state is
// backed up first, or, when its database cannot be read, its files are
// moved aside as they are. kept says where it went.
func restoreWorkspace(layout datadir.Layout, file string, log *slog.Logger) (kept string, m *backup.Manifest, err error) {
	known := sqlite.KnownMigrations()
	if _, err := backup.Verify(file, known); err != nil {
		return "", nil, err
	}
	target := backup.Target{Dir: layout.Dir, Database: layout.Database, Assets: layout.Assets}
	var backedUp error = errors.New("no database")
	if fi, err := os.Stat(layout.Database); err == nil && fi.Size() > 0 {
		db := sqlite.NewDB(layout.Database)
		if backedUp = db.Open(); backedUp == nil {
			mgr := newBackups(layout, db, log)
			var info *backup.Info
			if info, backedUp = mgr.BackUp(context.Background(), backup.KindBeforeRestore); backedUp == nil {
				st, _ := mgr.Status()
				kept = filepath.Join(st.FolderPath, info.Name)
			}
			db.Close()
		}
	}
	if backedUp != nil && (fileExists(layout.Database) || datadir.CheckDatabase(layout) != nil) {
		// The current state could not be backed up (a damaged or lost
		// database): its files are moved aside as they are.
		log.Warn("the current workspace could not be backed up before the restore; keeping its files", "err", backedUp)
		target.KeepOld = filepath.Join(layout.Dir, "replaced-"+time.Now().UTC().Format("20060102T150405Z"))
		kept = target.KeepOld
	}
	m, err = backup.Restore(file, target, known)
	if err != nil {
		return "", nil, err
	}
	return kept, m, nil
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// applyPendingRestore finishes a restore chosen in Settings, before the
// workspace opens. A failure is logged and shown in Settings; the
// workspace then opens as it was.
func applyPendingRestore(layout datadir.Layout, log *slog.Logger) {
	file, err := backup.ReadPending(layout.Dir)
	if err != nil {
		return
	}
	backup.ClearPending(layout.Dir)
	kept, m, err := restoreWorkspace(layout, file, log)
	if err != nil {
		log.Error("restore backup", "file", file, "err", err)
		newBackups(layout, nil, log).RecordFailure(backend.ErrorCode(err), fmt.Sprintf("Restoring %s failed: %s", filepath.Base(file), errorText(err)))
		return
	}
	log.Info("workspace restored", "from", file, "made", m.CreatedAt, "kept", kept)
}

// checkDatabase runs the database check and keeps what it found for
// Settings (and the notice at start) to show.
func (a *App) checkDatabase(ctx context.Context) {
	if err := a.db.QuickCheck(ctx); err != nil && ctx.Err() == nil {
		a.log.Error("database check", "err", err)
		a.backups.SetDamage(errorText(err))
	}
}

// startBackground checks the database (quick_check: about a third of a
// second on 100,000 spend entries, so it runs beside the start, not
// before it) and makes the automatic backups while the window or serve
// mode runs; close stops both and waits.
func (a *App) startBackground() {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		a.checkDatabase(ctx)
		a.backups.Run(ctx, autoBackupCheck)
	}()
	a.stopBackups = func() {
		cancel()
		<-done
	}
}
