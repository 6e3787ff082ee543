package backend

import (
	"errors"
	"syscall"
)

// Error codes for what the computer, not the user or the app, got wrong:
// each comes with words the user can act on.
const (
	// EDISKFULL: the disk holding the workspace is full.
	EDISKFULL = "disk_full"
	// EREADONLY: the workspace folder cannot be written (read-only disk,
	// missing permission).
	EREADONLY = "read_only"
	// EBUSY: another program holds the database's lock.
	EBUSY = "busy"
	// EINUSE: another MOps Desk has the workspace open.
	EINUSE = "in_use"
)

// Messages of the environment errors, for the command line and logs
// (the UI says them from its catalog by code).
var environmentMessages = map[string]string{
	EDISKFULL: "The disk holding the workspace is full. Free some space (delete files you no longer need, empty the trash), then try again. Nothing was changed.",
	EREADONLY: "MOps Desk cannot write to the workspace folder: the folder or its disk is read-only, or this user may not change it. Check its permissions, or choose another folder with --data. Nothing was changed.",
	EBUSY:     "The workspace database is locked by another program (a backup or sync tool, or another MOps Desk). Close that program or wait a moment, then try again. Nothing was changed.",
}

// EnvironmentError returns an *Error with code and its message that
// keeps err as its cause (for the log).
func EnvironmentError(code string, err error) error {
	return &envError{app: &Error{Code: code, Message: environmentMessages[code]}, cause: err}
}

// envError is an environment *Error that still unwraps to its cause.
type envError struct {
	app   *Error
	cause error
}

// Error says what happened and, for the log, the system's words.
func (e *envError) Error() string { return e.app.Message + " (" + e.cause.Error() + ")" }

// As lets errors.As find the *Error inside.
func (e *envError) As(target any) bool {
	if p, ok := target.(**Error); ok {
		*p = e.app
		return true
	}
	return false
}

// Unwrap returns the system's error.
func (e *envError) Unwrap() error { return e.cause }

// ExplainSystem turns the operating system's errors about the disk into
// environment errors: a full disk (ENOSPC), a read-only folder
// (EROFS, EACCES, EPERM). Other errors are returned as they are.
func ExplainSystem(err error) error {
	if err == nil || ErrorCode(err) != EINTERNAL {
		return err
	}
	switch {
	case errors.Is(err, syscall.ENOSPC):
		return EnvironmentError(EDISKFULL, err)
	case errors.Is(err, syscall.EROFS), errors.Is(err, syscall.EACCES), errors.Is(err, syscall.EPERM):
		return EnvironmentError(EREADONLY, err)
	}
	return err
}
