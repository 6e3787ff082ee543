package sqlite

import (
	"errors"
	"fmt"
	"strings"

	"github.com/mattn/go-sqlite3"

	"mopsdesk/backend"
)

// checkVersion refuses, before anything is written, a database that a
// newer MOps Desk has changed: one with a migration this build does not
// know, or a user_version above the number of migrations it knows. Such
// a file is left exactly as it is.
func (db *DB) checkVersion() error {
	known := KnownMigrations()
	var version int
	if err := db.db.QueryRow(`PRAGMA user_version`).Scan(&version); err != nil {
		return fmt.Errorf("read database version: %w", err)
	}
	var unknown []string
	var n int
	if err := db.db.QueryRow(`SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'migrations'`).Scan(&n); err != nil {
		return fmt.Errorf("read database version: %w", err)
	}
	if n > 0 {
		k := map[string]bool{}
		for _, name := range known {
			k["migration/"+name] = true
		}
		rows, err := db.db.Query(`SELECT name FROM migrations ORDER BY name`)
		if err != nil {
			return fmt.Errorf("read database version: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var name string
			if err := rows.Scan(&name); err != nil {
				return err
			}
			if !k[name] {
				unknown = append(unknown, strings.TrimPrefix(name, "migration/"))
			}
		}
		if err := rows.Err(); err != nil {
			return err
		}
	}
	if len(unknown) > 0 || version > len(known) {
		return backend.Errorf(backend.ENEWER,
			"The workspace database %s was made by a newer version of MOps Desk. Update MOps Desk to open it; nothing was changed.", db.path)
	}
	return nil
}

// setVersion records how many migrations the database has, so that an
// older MOps Desk refuses it (see checkVersion).
func (db *DB) setVersion() error {
	_, err := db.db.Exec(fmt.Sprintf(`PRAGMA user_version = %d`, len(KnownMigrations())))
	return err
}

// damaged turns SQLite's "not a database" and "corrupt" errors into an
// EDAMAGED error that says what to do.
func (db *DB) damaged(err error) error {
	var se sqlite3.Error
	if errors.As(err, &se) && (se.Code == sqlite3.ErrNotADB || se.Code == sqlite3.ErrCorrupt) {
		return &backend.Error{Code: backend.EDAMAGED, Message: fmt.Sprintf(
			"The workspace database %s is damaged (%v). MOps Desk changed nothing; restore a backup with 'mopsdesk restore FILE'.", db.path, se.Code)}
	}
	return err
}
