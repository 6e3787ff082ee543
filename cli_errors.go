package main

import (
	"errors"

	"mopsdesk/backend"
	"mopsdesk/backend/datadir"
	"mopsdesk/backend/sqlite"
)

// errorText is what the command line prints for err: an application
// error's message, the holder of a locked data folder, what to do about
// a full disk, a read-only folder or a database another program holds,
// or a short apology for the rest (logged, not shown: no SQL leaks).
func errorText(err error) string {
	var locked *datadir.LockedError
	if errors.As(err, &locked) {
		return locked.Error()
	}
	return backend.ErrorMessage(sqlite.Explain(err))
}

// startupText is what the command line prints when a workspace cannot be
// opened: the words for what it knows, the system's own for the rest
// (the user needs them to fix a folder).
func startupText(err error) string {
	if e := sqlite.Explain(err); backend.ErrorCode(e) != backend.EINTERNAL {
		return errorText(e)
	}
	var locked *datadir.LockedError
	if errors.As(err, &locked) {
		return locked.Error()
	}
	return err.Error()
}
