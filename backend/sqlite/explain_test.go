package sqlite_test

import (
	"errors"
	"fmt"
	"os"
	"syscall"
	"testing"

	"github.com/mattn/go-sqlite3"

	"mopsdesk/backend"
	"mopsdesk/backend/sqlite"
)

// TestExplain maps the errors SQLite and the system give (values made
// here, as the driver and the os package make them) to the codes the UI
// and the command line explain.
func TestExplain(t *testing.T) {
	for _, tt := range []struct {
		name string
		err  error
		code string
	}{
		{"SQLiteFull", fmt.Errorf("commit: %w", sqlite3.Error{Code: sqlite3.ErrFull}), backend.EDISKFULL},
		{"IOErrNoSpace", sqlite3.Error{Code: sqlite3.ErrIoErr, SystemErrno: syscall.ENOSPC}, backend.EDISKFULL},
		{"NoSpace", fmt.Errorf("store logo.png: %w", &os.PathError{Op: "write", Path: "x", Err: syscall.ENOSPC}), backend.EDISKFULL},
		{"SQLiteReadonly", sqlite3.Error{Code: sqlite3.ErrReadonly}, backend.EREADONLY},
		{"SQLiteCantOpen", fmt.Errorf("open database: %w", sqlite3.Error{Code: sqlite3.ErrCantOpen}), backend.EREADONLY},
		{"ReadOnlyFS", &os.PathError{Op: "open", Path: "x", Err: syscall.EROFS}, backend.EREADONLY},
		{"Permission", fmt.Errorf("lock data folder: %w", &os.PathError{Op: "open", Path: "x", Err: syscall.EACCES}), backend.EREADONLY},
		{"IOErrReadOnly", sqlite3.Error{Code: sqlite3.ErrIoErr, SystemErrno: syscall.EROFS}, backend.EREADONLY},
		{"SQLiteBusy", fmt.Errorf("begin: %w", sqlite3.Error{Code: sqlite3.ErrBusy}), backend.EBUSY},
		{"SQLiteLocked", sqlite3.Error{Code: sqlite3.ErrLocked}, backend.EBUSY},
		{"OtherStaysInternal", errors.New("no such column"), backend.EINTERNAL},
		{"AppErrorStays", backend.Errorf(backend.ENOTFOUND, "gone"), backend.ENOTFOUND},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := sqlite.Explain(tt.err)
			if code := backend.ErrorCode(got); code != tt.code {
				t.Fatalf("code %s, want %s", code, tt.code)
			}
			if tt.code != backend.EINTERNAL && tt.code != backend.ENOTFOUND {
				if !errors.Is(got, tt.err) && !errors.Is(got, errors.Unwrap(tt.err)) {
					t.Error("the cause is lost (the log needs it)")
				}
				if msg := backend.ErrorMessage(got); msg == backend.ErrorMessage(errors.New("x")) || msg == "" {
					t.Errorf("no words to act on: %q", msg)
				}
			}
		})
	}
}
