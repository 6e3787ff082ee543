package backup

import (
	"archive/zip"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Target is where a restore puts a workspace back: the database file and
// the library folder of one data folder.
type Target struct {
	Dir      string
	Database string
	Assets   string
	// KeepOld, when set, is where the replaced database and library are
	// moved and kept (when the current state could not be backed up
	// first, say because its database is damaged); otherwise they are
	// removed.
	KeepOld string
}

// Restore replaces the workspace at t with the backup in file. It checks
// every checksum and the version first, unpacks into a folder beside the
// workspace, then swaps the database and library in and removes the old
// ones. The caller holds the data folder's lock, has closed the database
// and has kept the current state as a backup.
func Restore(file string, t Target, known []string) (*Manifest, error) {
	m, err := Verify(file, known)
	if err != nil {
		return nil, err
	}
	stage, err := os.MkdirTemp(t.Dir, ".restore-*")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(stage)
	if err := extract(file, m, stage); err != nil {
		return nil, fmt.Errorf("unpack backup: %w", err)
	}
	aside, err := os.MkdirTemp(t.Dir, ".replaced-*")
	if err != nil {
		return nil, err
	}
	// Move the current workspace aside (the write-ahead log with it: it
	// belongs to the old database), then the restored one in. A failure
	// half-way moves the old one back.
	current := []string{t.Database, t.Database + "-wal", t.Database + "-shm", t.Assets}
	var moved []string
	undo := func() {
		os.RemoveAll(t.Assets + ".restoring")
		for _, p := range moved {
			os.RemoveAll(p)
			os.Rename(filepath.Join(aside, filepath.Base(p)), p)
		}
	}
	for _, p := range current {
		if err := os.Rename(p, filepath.Join(aside, filepath.Base(p))); err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			undo()
			return nil, fmt.Errorf("move the current workspace aside: %w", err)
		}
		moved = append(moved, p)
	}
	if err := os.Rename(filepath.Join(stage, DatabaseName), t.Database); err != nil {
		undo()
		return nil, fmt.Errorf("put the restored database in place: %w", err)
	}
	if err := os.Rename(filepath.Join(stage, "assets"), t.Assets); err != nil {
		os.Remove(t.Database)
		undo()
		return nil, fmt.Errorf("put the restored library in place: %w", err)
	}
	syncDir(t.Dir)
	if t.KeepOld != "" && os.Rename(aside, t.KeepOld) == nil {
		return m, nil
	}
	os.RemoveAll(aside)
	return m, nil
}

// extract writes every file of the backup under dir, checking each
// checksum again as it is written.
func extract(file string, m *Manifest, dir string) error {
	zr, err := zip.OpenReader(file)
	if err != nil {
		return err
	}
	defer zr.Close()
	listed := map[string]Entry{}
	for _, e := range m.Files {
		listed[e.Path] = e
	}
	if err := os.MkdirAll(filepath.Join(dir, "assets"), 0o700); err != nil {
		return err
	}
	for _, zf := range zr.File {
		e, ok := listed[zf.Name]
		if !ok || !validPath(zf.Name) {
			continue
		}
		dst := filepath.Join(dir, filepath.FromSlash(zf.Name))
		if err := os.MkdirAll(filepath.Dir(dst), 0o700); err != nil {
			return err
		}
		out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if err != nil {
			return err
		}
		err = checkEntry(zf, e, out)
		if err == nil {
			err = out.Sync()
		}
		if cerr := out.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
	}
	return nil
}
