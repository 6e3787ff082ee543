package api

import (
	"context"

	"mopsdesk/backend"
)

// Workspace is the facade for workspace settings and facts about the app.
type Workspace struct{ s Services }

// Settings returns the workspace settings.
func (w *Workspace) Settings(ctx context.Context) (*backend.Settings, error) {
	return call(ctx, w.s, "Workspace.Settings", func(ctx context.Context) (*backend.Settings, error) { return w.s.Workspace.Settings(ctx) })
}

// UpdateSettings validates and saves the workspace settings.
func (w *Workspace) UpdateSettings(ctx context.Context, st backend.Settings) (*backend.Settings, error) {
	return call(ctx, w.s, "Workspace.UpdateSettings", func(ctx context.Context) (*backend.Settings, error) {
		return w.s.Workspace.UpdateSettings(ctx, st)
	})
}

// Currencies lists the ISO 4217 currencies money can be kept in.
func (w *Workspace) Currencies(ctx context.Context) []backend.Currency {
	return backend.Currencies()
}

// CurrenciesInUse lists the currencies the workspace already keeps money in, most used first.
func (w *Workspace) CurrenciesInUse(ctx context.Context) ([]string, error) {
	return call(ctx, w.s, "Workspace.CurrenciesInUse", func(ctx context.Context) ([]string, error) {
		return w.s.Workspace.CurrenciesInUse(ctx)
	})
}

// About returns the version and where the data lives.
func (w *Workspace) About(ctx context.Context) About {
	return w.s.About
}

// Today returns the user's calendar day, so the UI and the backend agree
// on "today" even when the browser runs elsewhere.
func (w *Workspace) Today(ctx context.Context) string {
	return backend.Today(w.s.Now())
}
