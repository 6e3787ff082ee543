//go:build headless

package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
)

// A build with the headless tag has no desktop window: no Wails, no GTK,
// no WebKit, so it runs on a server with no display. It serves the same
// embedded UI with "mopsdesk host" (and "serve"), and every command of
// the command line works.

// errNoWindow is what the window's dialogs answer in a build without one
// (nothing can call them there: no page is bound to App).
var errNoWindow = errors.New("this build of MOps Desk has no window")

// runDesktop says that this build has no window, and how to start a host.
func runDesktop(data string, log *slog.Logger, stderr io.Writer) int {
	fmt.Fprint(stderr, `mopsdesk: this build of MOps Desk has no window (it was built for a server,
with the headless tag). Start the team host instead:

  mopsdesk host --data DIR [--addr HOST:PORT]

and open the address it prints in a browser, or connect the desktop app to it.
"mopsdesk help" lists every command.
`)
	return 2
}

func openFileDialog(context.Context, string, fileFilter) (string, error) { return "", errNoWindow }

func openFilesDialog(context.Context, string) ([]string, error) { return nil, errNoWindow }

func saveFileDialog(context.Context, string, string, fileFilter) (string, error) {
	return "", errNoWindow
}

// emitEvent has no page to send events to.
func emitEvent(context.Context, string, any) {}
