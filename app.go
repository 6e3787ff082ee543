package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"mopsdesk/backend"
	"mopsdesk/backend/api"
	"mopsdesk/backend/backup"
	"mopsdesk/backend/datadir"
	"mopsdesk/backend/dispatch"
	"mopsdesk/backend/files"
	"mopsdesk/backend/sqlite"
	"mopsdesk/backend/workspace"
)

// App is one open workspace: the store, the facades wired to it and, in
// the desktop window, the Wails context for native dialogs.
type App struct {
	ctx    context.Context
	db     *sqlite.DB
	api    *api.API
	svc    api.Services
	layout datadir.Layout
	log    *slog.Logger
	// lock is the hold on the data folder; nil for a reader (a dry run,
	// a report, a backup), which may run alongside the holder.
	lock *datadir.Lock
	// backups makes and restores backups; stopBackups ends the automatic
	// ones (nil when they do not run).
	backups     *backup.Manager
	stopBackups func()
	// calls finds the facade methods the window calls by name (see
	// Call); jobs are those of them running under a job id.
	calls *dispatch.Registry
	jobs  dispatch.Jobs
	// dialogs are the native dialogs' words by language (readDialogWords).
	dialogs map[string]map[string]string
	// origin names this window in change notices (LiveOrigin).
	origin     string
	originOnce sync.Once
	// conn is the team workspace the window may be connected to instead
	// (see connect.go).
	conn connections
}

// readerMode marks the commands that only read the workspace: they take
// no lock and change nothing at start.
func readerMode(mode string) bool { return mode == "cli" }

// openApp prepares the data folder, opens the database and wires the
// services. mode is "desktop", "serve", a writing command's verb
// ("import") or "cli" for a command that only reads. Every mode but "cli"
// takes the data folder's lock first, so that two writers never share
// one workspace.
func openApp(dataFlag, mode string, log *slog.Logger) (*App, error) {
	dir, err := datadir.Resolve(dataFlag, os.Getenv)
	if err != nil {
		return nil, err
	}
	layout, err := datadir.Prepare(dir)
	if err != nil {
		return nil, err
	}
	var lock *datadir.Lock
	if !readerMode(mode) {
		if lock, err = datadir.Acquire(layout.Dir, mode, time.Now()); err != nil {
			return nil, err
		}
	}
	fail := func(err error) (*App, error) {
		lock.Release()
		return nil, err
	}
	if lock != nil {
		applyPendingRestore(layout, log)
	}
	if err := datadir.CheckDatabase(layout); err != nil {
		return fail(err)
	}
	db := sqlite.NewDB(layout.Database)
	if err := db.Open(); err != nil {
		return fail(err)
	}
	store, err := files.New(layout.Assets)
	if err != nil {
		db.Close()
		return fail(err)
	}
	services, err := workspace.Services(db, store)
	if err != nil {
		db.Close()
		return fail(err)
	}
	// Contract payments that became due since the last start stop being
	// commitments; a failure here is logged, the app still opens.
	if !readerMode(mode) {
		if err := services.Contracts.SyncBudget(context.Background()); err != nil {
			log.Error("sync contract payments", "err", err)
		}
	}
	// The HTML report inlines the chart library the frontend build
	// copied next to the app (absent from a build without the frontend).
	services.ChartScript, _ = fs.ReadFile(assets, "frontend/dist/report/echarts.min.js")
	services.ReportFonts = reportFonts()
	services.ReportWords = reportWords()
	services.About = api.About{Version: version, DataDir: layout.Dir, Database: layout.Database, Mode: mode}
	services.Log = log
	services.Backups = newBackups(layout, db, log)
	a := &App{db: db, layout: layout, log: log, svc: services, lock: lock, backups: services.Backups, dialogs: readDialogWords()}
	a.api = api.New(services)
	if a.calls, err = a.api.Registry(); err != nil {
		db.Close()
		return fail(err)
	}
	log.Info("workspace open", "data", layout.Dir, "mode", mode)
	return a, nil
}

// close closes the store. It is unexported on purpose: every exported
// method of App is bound and callable from the page.
func (a *App) close() error {
	if a.stopBackups != nil {
		a.stopBackups()
		a.stopBackups = nil
	}
	if a.db == nil {
		return nil // a window opened without its workspace
	}
	err := a.db.Close()
	a.lock.Release()
	return err
}

func (a *App) startup(ctx context.Context) {
	a.ctx = ctx
	a.resumeTeam()
}

// domReady is logged so that the desktop smoke test can see the page load
// before the frontend's first call to the backend.
func (a *App) domReady(ctx context.Context) { a.log.Info("dom ready") }

func (a *App) shutdown(ctx context.Context) {
	a.closeTeam()
	if err := a.close(); err != nil {
		a.log.Error("close database", "err", err)
	}
}

// SaveExport asks where to save an export of the given kind (see
// api.Download) with the system's Save dialog, in the workspace's
// language, and writes the file there. req is the export's request as the
// frontend sends it; job names the work for Cancel and progress. It
// returns the path, or "" when the user cancelled the dialog.
func (a *App) SaveExport(kind string, req json.RawMessage, job string) (string, error) {
	d, ok := a.api.Exports.Download(kind)
	if !ok {
		return "", backend.Errorf(backend.EINVALID, "%q is not a kind of export.", kind)
	}
	if t := a.teamNow(); t != nil {
		return a.saveRemoteExport(t, d, req, job)
	}
	name, write, err := d.Prepare(req)
	if err != nil {
		return "", err
	}
	ctx, done := a.startJob(job)
	defer done()
	words := a.dialogWords(ctx)
	return a.saveAs(words(d.TitleKey), name, words(d.FilterKey), d.Ext,
		func(out *os.File) error { return write(ctx, out) })
}

// ChooseImportFile lets the user pick a spreadsheet with the system's
// Open dialog and keeps a copy for the import preview; nil when cancelled.
func (a *App) ChooseImportFile() (*api.PendingImport, error) {
	words := a.dialogWords(a.ctx)
	path, err := openFileDialog(a.ctx, words(api.ImportDialogTitle),
		fileFilter{Name: words(api.ImportDialogFilter), Pattern: "*.xlsx;*.xlsm;*.csv;*.tsv;*.txt;*.xls;*.ods;*.numbers"})
	if err != nil || path == "" {
		return nil, err
	}
	if t := a.teamNow(); t != nil {
		return t.addImportFile(a.jobParent(), path)
	}
	return a.api.ImportFiles.AddPath(a.ctx, path)
}

// AddContractDocuments lets the user pick files with the system's Open
// dialog and keeps them with a contract. It returns what was added (none
// when the user cancelled).
func (a *App) AddContractDocuments(contractID int64) ([]*backend.Document, error) {
	paths, err := openFilesDialog(a.ctx, a.dialogWords(a.ctx)(api.DocumentsDialogTitle))
	if err != nil {
		return nil, err
	}
	if t := a.teamNow(); t != nil {
		return t.addDocuments(a.jobParent(), contractID, paths)
	}
	out := []*backend.Document{}
	defer func() {
		if len(out) > 0 {
			a.notify(a.withOrigin(a.ctx), api.UploadDocuments, []byte("["+strconv.FormatInt(contractID, 10)+"]"), nil)
		}
	}()
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return out, fmt.Errorf("open %s: %w", filepath.Base(p), err)
		}
		d, err := a.api.Files.Add(a.ctx, contractID, filepath.Base(p), f)
		f.Close()
		if err != nil {
			return out, err
		}
		out = append(out, d)
	}
	return out, nil
}

// AddAssets lets the user pick files with the system's Open dialog and
// adds them to the library; choice says what to do with files already in
// it ("" reports them so the user can decide). job names the work for
// Cancel and progress (files done of how many).
func (a *App) AddAssets(choice backend.DuplicateChoice, job string) ([]*backend.AddResult, error) {
	paths, err := openFilesDialog(a.ctx, a.dialogWords(a.ctx)(api.AssetsDialogTitle))
	if err != nil {
		return nil, err
	}
	return a.addAssetPaths(paths, choice, job)
}

// AddAssetPaths adds files dropped on the window (Wails gives their paths)
// to the library, with the same duplicate choice and job as AddAssets.
func (a *App) AddAssetPaths(paths []string, choice backend.DuplicateChoice, job string) ([]*backend.AddResult, error) {
	return a.addAssetPaths(paths, choice, job)
}

func (a *App) addAssetPaths(paths []string, choice backend.DuplicateChoice, job string) ([]*backend.AddResult, error) {
	ctx, done := a.startJob(job)
	defer done()
	if t := a.teamNow(); t != nil {
		return t.addAssets(ctx, paths, choice, job)
	}
	out := []*backend.AddResult{}
	defer func() {
		if len(out) > 0 {
			a.notify(ctx, api.UploadAssets, nil, out)
		}
	}()
	for i, p := range paths {
		backend.ReportProgress(ctx, backend.Step{Unit: "files", Done: int64(i), Total: int64(len(paths))})
		if err := ctx.Err(); err != nil {
			return out, backend.Canceled(err)
		}
		f, err := os.Open(p)
		if err != nil {
			return out, fmt.Errorf("open %s: %w", filepath.Base(p), err)
		}
		res, err := a.api.Files.AddAsset(ctx, filepath.Base(p), f, choice)
		f.Close()
		if err != nil {
			return out, err
		}
		out = append(out, res)
	}
	backend.ReportProgress(ctx, backend.Step{Unit: "files", Done: int64(len(paths)), Total: int64(len(paths))})
	return out, nil
}

// OpenAsset opens a version of an asset with the system's default app.
func (a *App) OpenAsset(id int64, version int) error {
	if t := a.teamNow(); t != nil {
		return a.openRemote(t, fmt.Sprintf("/files/asset/%d/%d", id, version))
	}
	asset, err := a.api.Assets.Get(a.ctx, id)
	if err != nil {
		return err
	}
	for _, v := range asset.Versions {
		if v.Version == version {
			src, err := a.api.Thumbs.Original(v.SHA256)
			if err != nil {
				return err
			}
			return a.openCopy(src, v.FileName)
		}
	}
	return backend.Errorf(backend.ENOTFOUND, "That version no longer exists.")
}

// OpenDocument opens a stored document with the system's default app. The
// bytes are copied out under the document's name first, so the app shows
// a sensible name and cannot change the stored original.
func (a *App) OpenDocument(id int64) error {
	if t := a.teamNow(); t != nil {
		return a.openRemote(t, fmt.Sprintf("/files/document/%d", id))
	}
	doc, path, err := a.api.Files.Path(a.ctx, id)
	if err != nil {
		return err
	}
	return a.openCopy(path, doc.Name)
}

func (a *App) saveAs(title, name, kind, ext string, write func(*os.File) error) (string, error) {
	path, err := saveFileDialog(a.ctx, title, name, fileFilter{Name: kind, Pattern: "*" + ext})
	if err != nil || path == "" {
		return "", err
	}
	if filepath.Ext(path) == "" {
		path += ext
	}
	return path, writeFileAtomic(path, write)
}
