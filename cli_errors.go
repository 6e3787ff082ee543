package main

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"

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

// commandLog is a command-line verb's logger: the verb's output is its
// report, so logs reach stderr only when MOPSDESK_LOG asks for them.
func commandLog(log *slog.Logger) *slog.Logger {
	if os.Getenv("MOPSDESK_LOG") == "" {
		return slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	return log
}

// openForCommand opens the workspace for a command-line verb, or says on
// stderr why it cannot and returns nil (the verb then exits 1).
func openForCommand(data, mode string, log *slog.Logger, stderr io.Writer) *App {
	app, err := openApp(data, mode, log)
	if err != nil {
		fmt.Fprintf(stderr, "mopsdesk: %s\n", startupText(err))
		return nil
	}
	return app
}
