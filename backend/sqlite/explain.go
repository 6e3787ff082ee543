package sqlite

import (
	"errors"
	"syscall"

	"github.com/mattn/go-sqlite3"

	"mopsdesk/backend"
)

// Explain turns SQLite's and the system's errors about the disk and
// locks into environment errors with words the user can act on: a full
// disk (SQLITE_FULL, ENOSPC), a folder that cannot be written
// (SQLITE_READONLY, SQLITE_CANTOPEN, SQLITE_PERM, EROFS, EACCES) and a
// database another program holds (SQLITE_BUSY, SQLITE_LOCKED). Any other
// error is returned as it is.
func Explain(err error) error {
	if err == nil || backend.ErrorCode(err) != backend.EINTERNAL {
		return err
	}
	var se sqlite3.Error
	if errors.As(err, &se) {
		switch se.Code {
		case sqlite3.ErrFull:
			return backend.EnvironmentError(backend.EDISKFULL, err)
		case sqlite3.ErrReadonly, sqlite3.ErrCantOpen, sqlite3.ErrPerm:
			return backend.EnvironmentError(backend.EREADONLY, err)
		case sqlite3.ErrBusy, sqlite3.ErrLocked:
			return backend.EnvironmentError(backend.EBUSY, err)
		case sqlite3.ErrIoErr:
			switch se.SystemErrno {
			case syscall.ENOSPC:
				return backend.EnvironmentError(backend.EDISKFULL, err)
			case syscall.EROFS, syscall.EACCES, syscall.EPERM:
				return backend.EnvironmentError(backend.EREADONLY, err)
			}
		}
	}
	return backend.ExplainSystem(err)
}
