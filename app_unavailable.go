//go:build !headless

package main

import (
	"log/slog"
	"os"

	"mopsdesk/backend/api"
	"mopsdesk/backend/datadir"
)

// unavailableApp is the window's App when the workspace cannot be opened
// (another process holds it, a newer version made it, it is damaged):
// the window still opens and says why, where a user who double-clicked
// the app looks, instead of exiting with a line on a terminal nobody
// sees.
func unavailableApp(dataFlag string, err error, log *slog.Logger) *App {
	dir, _ := datadir.Resolve(dataFlag, os.Getenv)
	services := api.Services{Unavailable: err, Log: log,
		About: api.About{Version: version, DataDir: dir, Mode: "desktop"}}
	a := &App{log: log, svc: services, api: api.New(services), layout: datadir.Layout{Dir: dir}, dialogs: readDialogWords()}
	// The facades are fixed at build time; a registry that cannot index
	// them is a programming error the tests catch.
	calls, regErr := a.api.Registry()
	if regErr != nil {
		panic(regErr)
	}
	a.calls = calls
	return a
}
