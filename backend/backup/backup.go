// Package backup writes a workspace into one zip file and puts it back:
// a consistent snapshot of the database (VACUUM INTO, safe while the app
// runs), every file of the library, and a manifest with each file's
// SHA-256 and the schema and app version that wrote it.
package backup

import (
	"archive/zip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"mopsdesk/backend"
)

// Format is the version of the backup file's layout this build writes.
const Format = 1

// Names inside a backup file.
const (
	ManifestName = "manifest.json"
	DatabaseName = "mopsdesk.db"
	assetsPrefix = "assets/"
)

// Manifest describes one backup: what wrote it and every file it holds.
type Manifest struct {
	Format     int    `json:"format"`
	AppVersion string `json:"appVersion"`
	// Schema lists the database migrations applied, in order.
	Schema    []string `json:"schema"`
	CreatedAt string   `json:"createdAt"`
	Files     []Entry  `json:"files"`
}

// Entry is one file in a backup.
type Entry struct {
	Path   string `json:"path"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

// Database is what a backup needs of the open store.
type Database interface {
	SnapshotTo(ctx context.Context, path string) error
	Migrations(ctx context.Context) ([]string, error)
}

// Source is the workspace a backup copies.
type Source struct {
	DB Database
	// Assets is the library folder; its tmp and thumbs folders are left
	// out (half-written files and previews made again on demand).
	Assets     string
	AppVersion string
	Now        func() time.Time
	// Progress, when set, is told each file once it is in the backup.
	Progress func(name string)
}

// workPrefix names the temporary folders a backup works in; one left
// behind by a killed run is never taken for a backup.
const workPrefix = ".mopsdesk-backup-"

// Write writes a backup of src to the file out. It is written to a
// temporary file next to out and renamed into place only when complete,
// so a crash or a kill mid-way leaves out, and every other backup, as it
// was.
func Write(ctx context.Context, src Source, out string) (*Manifest, error) {
	dir := filepath.Dir(out)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("backup folder: %w", err)
	}
	removeStale(dir, time.Now())
	work, err := os.MkdirTemp(dir, workPrefix+"*")
	if err != nil {
		return nil, fmt.Errorf("backup folder: %w", err)
	}
	defer os.RemoveAll(work)
	snap := filepath.Join(work, DatabaseName)
	if err := src.DB.SnapshotTo(ctx, snap); err != nil {
		return nil, err
	}
	schema, err := src.DB.Migrations(ctx)
	if err != nil {
		return nil, fmt.Errorf("read schema version: %w", err)
	}
	now := time.Now
	if src.Now != nil {
		now = src.Now
	}
	m := &Manifest{Format: Format, AppVersion: src.AppVersion, Schema: schema, CreatedAt: now().UTC().Format(time.RFC3339)}
	tmp := filepath.Join(work, "backup.zip")
	f, err := os.OpenFile(tmp, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zw := zip.NewWriter(f)
	// Files done of how many (the database and the library's files), for
	// the progress bar; counting is a directory walk, cheap next to the
	// copying.
	step := backend.Step{Unit: "files", Total: 1 + countFiles(src.Assets)}
	backend.ReportProgress(ctx, step)
	if err := addFile(zw, m, DatabaseName, snap, zip.Deflate); err != nil {
		return nil, err
	}
	step.Done++
	backend.ReportProgress(ctx, step)
	if err := addLibrary(ctx, zw, m, src, &step); err != nil {
		return nil, fmt.Errorf("back up library: %w", err)
	}
	w, err := zw.Create(ManifestName)
	if err != nil {
		return nil, err
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", " ")
	if err := enc.Encode(m); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	if err := f.Sync(); err != nil {
		return nil, err
	}
	if err := f.Close(); err != nil {
		return nil, err
	}
	if err := os.Rename(tmp, out); err != nil {
		return nil, err
	}
	syncDir(dir)
	return m, nil
}

// addLibrary adds the files of the asset library to zw, stored as they
// are, leaving out its tmp and thumbs folders and files deleted while it
// walks, counting each file done in step.
func addLibrary(ctx context.Context, zw *zip.Writer, m *Manifest, src Source, step *backend.Step) error {
	return filepath.WalkDir(src.Assets, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil // deleted while we walked
			}
			return err
		}
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		rel, _ := filepath.Rel(src.Assets, p)
		if d.IsDir() {
			if rel == "tmp" || rel == "thumbs" {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		// Library files are images and documents that are already
		// compressed: stored as they are, they back up at disk speed.
		name := assetsPrefix + filepath.ToSlash(rel)
		err = addFile(zw, m, name, p, zip.Store)
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		if err == nil && src.Progress != nil {
			src.Progress(name)
		}
		if err == nil {
			step.Done++
			step.Total = max(step.Total, step.Done)
			backend.ReportProgress(ctx, *step)
		}
		return err
	})
}

// countFiles counts the library files a backup copies (see Write).
func countFiles(root string) int64 {
	var n int64
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		rel, _ := filepath.Rel(root, p)
		if d.IsDir() && (rel == "tmp" || rel == "thumbs") {
			return filepath.SkipDir
		}
		if d.Type().IsRegular() {
			n++
		}
		return nil
	})
	return n
}

// addFile copies the file at src into zw as name and records its entry.
func addFile(zw *zip.Writer, m *Manifest, name, src string, method uint16) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	st, err := in.Stat()
	if err != nil {
		return err
	}
	w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: method, Modified: st.ModTime()})
	if err != nil {
		return err
	}
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(w, h), in)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	m.Files = append(m.Files, Entry{Path: name, Size: n, SHA256: hex.EncodeToString(h.Sum(nil))})
	return nil
}

// removeStale removes work folders that runs killed mid-way left in dir
// more than an hour ago (a younger one may be another process's backup).
func removeStale(dir string, now time.Time) {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), workPrefix) {
			continue
		}
		if fi, err := e.Info(); err == nil && now.Sub(fi.ModTime()) > time.Hour {
			os.RemoveAll(filepath.Join(dir, e.Name()))
		}
	}
}

func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// validPath reports whether name may be extracted: the database, or a
// relative path under assets/ that stays inside it.
func validPath(name string) bool {
	if name == DatabaseName {
		return true
	}
	rest, ok := strings.CutPrefix(name, assetsPrefix)
	return ok && rest != "" && path.Clean(rest) == rest && !strings.HasPrefix(rest, "../") && rest != ".." &&
		!strings.HasPrefix(rest, "/") && !strings.Contains(rest, "\\") && !strings.Contains(rest, ":")
}

// Verify opens the backup at file, checks every file against the
// manifest's SHA-256 and refuses a backup written by a newer version
// (one whose schema has a migration not in known). It returns the
// manifest.
func Verify(file string, known []string) (*Manifest, error) {
	zr, err := zip.OpenReader(file)
	if err != nil {
		return nil, backend.Errorf(backend.EDAMAGED, "%s is not a MOps Desk backup, or it is damaged: %v", filepath.Base(file), err)
	}
	defer zr.Close()
	m, err := readManifest(&zr.Reader, file)
	if err != nil {
		return nil, err
	}
	if err := checkVersion(m, known); err != nil {
		return nil, err
	}
	listed := map[string]Entry{}
	for _, e := range m.Files {
		listed[e.Path] = e
	}
	seen := map[string]bool{}
	for _, zf := range zr.File {
		if zf.Name == ManifestName {
			continue
		}
		e, ok := listed[zf.Name]
		if !ok || !validPath(zf.Name) || seen[zf.Name] {
			return nil, damaged(file, "it holds %q, which its list of files does not", zf.Name)
		}
		seen[zf.Name] = true
		if err := checkEntry(zf, e, io.Discard); err != nil {
			return nil, damaged(file, "%v", err)
		}
	}
	if !seen[DatabaseName] {
		return nil, damaged(file, "it holds no database")
	}
	for _, e := range m.Files {
		if !seen[e.Path] {
			return nil, damaged(file, "%s is missing from it", e.Path)
		}
	}
	return m, nil
}

func damaged(file, format string, args ...any) error {
	return backend.Errorf(backend.EDAMAGED, "The backup %s is damaged: %s.", filepath.Base(file), fmt.Sprintf(format, args...))
}

func readManifest(zr *zip.Reader, file string) (*Manifest, error) {
	for _, zf := range zr.File {
		if zf.Name != ManifestName {
			continue
		}
		r, err := zf.Open()
		if err != nil {
			return nil, damaged(file, "%v", err)
		}
		defer r.Close()
		var m Manifest
		if err := json.NewDecoder(io.LimitReader(r, 64<<20)).Decode(&m); err != nil {
			return nil, damaged(file, "its manifest cannot be read: %v", err)
		}
		return &m, nil
	}
	return nil, backend.Errorf(backend.EDAMAGED, "%s is not a MOps Desk backup: it has no manifest.", filepath.Base(file))
}

// checkVersion refuses a backup from a newer MOps Desk: a newer file
// layout, or database changes this build does not know.
func checkVersion(m *Manifest, known []string) error {
	k := map[string]bool{}
	for _, n := range known {
		k[n] = true
	}
	newer := m.Format > Format
	for _, n := range m.Schema {
		newer = newer || !k[n]
	}
	if newer {
		return backend.Errorf(backend.ENEWER, "This backup was made by a newer MOps Desk (%s). Update MOps Desk to restore it.", m.AppVersion)
	}
	return nil
}

// checkEntry copies zf's content to w and checks it against e.
func checkEntry(zf *zip.File, e Entry, w io.Writer) error {
	r, err := zf.Open()
	if err != nil {
		return fmt.Errorf("%s: %w", zf.Name, err)
	}
	defer r.Close()
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(w, h), r)
	if err != nil {
		return fmt.Errorf("%s: %w", zf.Name, err)
	}
	if n != e.Size || hex.EncodeToString(h.Sum(nil)) != e.SHA256 {
		return fmt.Errorf("%s does not match its checksum", zf.Name)
	}
	return nil
}
