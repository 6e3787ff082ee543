package main

import (
	"errors"

	"mopsdesk/backend"
	"mopsdesk/backend/datadir"
)

// errorText is what the command line prints for err: an application
// error's message, the holder of a locked data folder, or a short
// apology for the rest (logged, not shown: no SQL or path leaks).
func errorText(err error) string {
	var locked *datadir.LockedError
	if errors.As(err, &locked) {
		return locked.Error()
	}
	return backend.ErrorMessage(err)
}
