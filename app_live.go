package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"

	"mopsdesk/backend/api"
	"mopsdesk/backend/live"
)

// changeEvent is the name of the window's event that carries change
// notices (live.Change), the same ones serve mode and a host send on
// their event stream: the page handles both alike.
const changeEvent = "change"

// LiveOrigin names this window in the change notices its own calls
// cause, so that the page can tell them from other people's (which, in
// a window connected to a team host, arrive as the same event).
func (a *App) LiveOrigin() string {
	a.originOnce.Do(func() {
		b := make([]byte, 8)
		rand.Read(b)
		a.origin = "window-" + hex.EncodeToString(b)
	})
	return a.origin
}

// withOrigin marks ctx as a call from this window.
func (a *App) withOrigin(ctx context.Context) context.Context {
	return live.WithOrigin(ctx, a.LiveOrigin())
}

// notify sends the page the change a successful call (or file dialog)
// made, if it made one.
func (a *App) notify(ctx context.Context, method string, args []byte, result any) {
	c := api.Notice(ctx, method, args, result)
	if c == nil || a.ctx == nil {
		return
	}
	emitEvent(a.ctx, changeEvent, c)
}
