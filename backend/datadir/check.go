package datadir

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"mopsdesk/backend"
)

// CheckDatabase refuses to start an empty workspace over a lost one: when
// the database file is missing or empty but the library folder holds
// files, the database was lost or cut short (a full disk, a copy that
// stopped half-way), and opening it would silently show an empty
// workspace. The user is told, and pointed to their backups.
func CheckDatabase(l Layout) error {
	fi, err := os.Stat(l.Database)
	if err == nil && fi.Size() > 0 {
		return nil
	}
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil // the open that follows says what is wrong
	}
	n := libraryFiles(l.Assets)
	if n == 0 {
		return nil // a new workspace
	}
	state := "is empty"
	if err != nil {
		state = "is missing"
	}
	return &backend.Error{Code: backend.EDAMAGED, Message: fmt.Sprintf(
		"The workspace database %s %s, although the library next to it holds %d files: it was lost or damaged. "+
			"MOps Desk did not start an empty workspace over it. Restore a backup with 'mopsdesk restore FILE' "+
			"(backups are in %s unless you chose another folder).",
		l.Database, state, n, filepath.Join(l.Dir, "backups"))}
}

// libraryFiles counts the stored files of the library (previews and
// half-written files aside), stopping early: any is enough.
func libraryFiles(assets string) int {
	n := 0
	filepath.WalkDir(assets, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		rel, _ := filepath.Rel(assets, p)
		if d.IsDir() && (rel == "tmp" || rel == "thumbs") {
			return filepath.SkipDir
		}
		if d.Type().IsRegular() {
			n++
			if n >= 1000 {
				return filepath.SkipAll
			}
		}
		return nil
	})
	return n
}
