//go:build !headless

package main

import (
	"context"
	_ "embed"
	"fmt"
	"io"
	"log/slog"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"
	"github.com/wailsapp/wails/v2/pkg/runtime"

	"mopsdesk/backend/sqlite"
)

// The desktop window: everything that needs Wails, and through it GTK and
// WebKit, lives in this file. A build with the headless tag (the host for
// a server with no display, see window_headless.go) leaves it out.

//go:embed build/appicon.png
var icon []byte

func runDesktop(data string, log *slog.Logger, stderr io.Writer) int {
	dist, err := frontend(log)
	if err != nil {
		fmt.Fprintf(stderr, "mopsdesk: %v\n", err)
		return 1
	}
	app, err := openApp(data, "desktop", log)
	if err != nil {
		fmt.Fprintf(stderr, "mopsdesk: %s\n", startupText(err))
		app = unavailableApp(data, sqlite.Explain(err), log)
	} else {
		app.startBackground()
	}
	err = wails.Run(&options.App{
		Title:            "MOps Desk",
		Width:            1280,
		Height:           820,
		MinWidth:         900,
		MinHeight:        600,
		AssetServer:      &assetserver.Options{Assets: dist, Handler: app.filesHandler()},
		BackgroundColour: &options.RGBA{R: 248, G: 249, B: 251, A: 255},
		OnStartup:        app.startup,
		OnDomReady:       app.domReady,
		OnShutdown:       app.shutdown,
		// The page reaches every facade through App.Call (see app_calls.go).
		Bind:           []any{app},
		ErrorFormatter: errorPayload,
		Linux:          &linux.Options{Icon: icon, ProgramName: "mopsdesk"},
		// Files dropped on an element marked as a drop target arrive as
		// paths (see the asset library); elsewhere the webview ignores drops.
		DragAndDrop: &options.DragAndDrop{EnableFileDrop: true, DisableWebViewDrop: true},
	})
	if err != nil {
		app.close()
		fmt.Fprintf(stderr, "mopsdesk: %v\n", err)
		return 1
	}
	return 0
}

// openFileDialog asks for one file with the system's Open dialog; "" when
// the user cancelled.
func openFileDialog(ctx context.Context, title string, filter fileFilter) (string, error) {
	return runtime.OpenFileDialog(ctx, runtime.OpenDialogOptions{Title: title,
		Filters: []runtime.FileFilter{{DisplayName: filter.Name, Pattern: filter.Pattern}}})
}

// openFilesDialog asks for any number of files with the system's Open
// dialog; none when the user cancelled.
func openFilesDialog(ctx context.Context, title string) ([]string, error) {
	return runtime.OpenMultipleFilesDialog(ctx, runtime.OpenDialogOptions{Title: title})
}

// saveFileDialog asks where to save a file named name with the system's
// Save dialog; "" when the user cancelled.
func saveFileDialog(ctx context.Context, title, name string, filter fileFilter) (string, error) {
	return runtime.SaveFileDialog(ctx, runtime.SaveDialogOptions{Title: title, DefaultFilename: name,
		Filters: []runtime.FileFilter{{DisplayName: filter.Name, Pattern: filter.Pattern}}})
}

// emitEvent sends the page in the window an event.
func emitEvent(ctx context.Context, name string, data any) {
	runtime.EventsEmit(ctx, name, data)
}
