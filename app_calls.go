package main

import (
	"context"
	"encoding/json"
	"time"

	"mopsdesk/backend"
	"mopsdesk/backend/dispatch"
)

// progressEvery is the shortest time between two progress events a job
// sends to the page: ten a second is smooth enough for a bar.
const progressEvery = 100 * time.Millisecond

// progressEvent is the payload of the window's "progress" event.
type progressEvent struct {
	Job  string       `json:"job"`
	Step backend.Step `json:"step"`
}

// Call runs the facade method named method ("Campaigns.Find") with args,
// a JSON array, through the same registry serve mode uses. job, when not
// empty, names the call: Cancel(job) stops it, and its progress reaches
// the page as "progress" events. Wails gives bound methods no context of
// their own, so this is where each call gets one.
func (a *App) Call(method string, args json.RawMessage, job string) (any, error) {
	ctx, done := a.startJob(job)
	defer done()
	if t := a.teamNow(); t != nil {
		// The host tells every window of the change on its event stream.
		return t.call(ctx, a.log, method, args, job)
	}
	result, err := a.calls.Call(ctx, method, args)
	if err == nil {
		a.notify(ctx, method, args, result)
	}
	return result, err
}

// Cancel stops the running call or export named job; the work ends with
// ECANCELED and leaves nothing half-done. Unknown jobs (already over) are
// ignored.
func (a *App) Cancel(job string) {
	a.jobs.Cancel(job)
}

// startJob returns the context of one call from the window: cancelled by
// Cancel(job) or when the window closes, reporting progress as events.
func (a *App) startJob(job string) (context.Context, func()) {
	parent := a.ctx
	if parent == nil {
		parent = context.Background()
	}
	ctx, done := a.jobs.Start(a.withOrigin(parent), job)
	if job != "" && a.ctx != nil {
		wails := a.ctx
		ctx = backend.WithProgress(ctx, dispatch.Throttle(func(s backend.Step) {
			emitEvent(wails, "progress", progressEvent{Job: job, Step: s})
		}, progressEvery))
	}
	return ctx, done
}

// dialogWords returns the words of the native dialogs in the workspace's
// language, from the catalogs the frontend build wrote (see vite.config.ts);
// English where a word is missing, the key itself where even that is.
func (a *App) dialogWords(ctx context.Context) func(key string) string {
	lang := "en"
	if ctx == nil {
		ctx = context.Background()
	}
	if l := a.remoteLanguage(ctx); l != "" {
		lang = l
	} else if st, err := a.api.Workspace.Settings(ctx); err == nil && st.Language != "" {
		lang = st.Language
	}
	return func(key string) string {
		if w := a.dialogs[lang][key]; w != "" {
			return w
		}
		if w := a.dialogs["en"][key]; w != "" {
			return w
		}
		return key
	}
}

// readDialogWords reads the dialog words of each language from the
// embedded frontend build.
func readDialogWords() map[string]map[string]string { return readWords("frontend/dist/dialog/words-") }
