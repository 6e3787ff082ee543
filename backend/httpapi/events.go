package httpapi

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"mopsdesk/backend"
	"mopsdesk/backend/api"
	"mopsdesk/backend/dispatch"
	"mopsdesk/backend/live"
)

// jobHeader names the job a call belongs to; its progress goes out on the
// event stream under that id.
const jobHeader = "X-MOpsDesk-Job"

// tabHeader names the tab a call comes from; the change notices it
// causes carry it, so that the tab can tell its own changes apart.
const tabHeader = "X-MOpsDesk-Tab"

// Event is a progress message on the event stream (kind "progress"). The
// stream's other messages are change notices (live.Change, type
// "change"), sent after a call that changes the workspace commits.
type Event struct {
	Kind string        `json:"kind"`
	Job  string        `json:"job,omitempty"`
	Step *backend.Step `json:"step,omitempty"`
}

// Hub is where the server publishes its events; a host or a test may
// listen to it directly.
func (s *Server) Hub() *live.Hub { return s.hub }

// progress returns the receiver for a call's job (nil without one).
func (s *Server) progress(job string) backend.Progress {
	if job == "" || len(job) > 100 {
		return nil
	}
	return func(st backend.Step) {
		step := st
		s.hub.Send("progress", Event{Kind: "progress", Job: job, Step: &step})
	}
}

// notify publishes the change a successful call (or upload) made, if it
// made one.
func (s *Server) notify(ctx context.Context, method string, args []byte, result any) {
	if c := api.Notice(ctx, method, args, result); c != nil {
		s.hub.Publish(*c)
	}
}

// progressEvery is the shortest time between two progress events of one
// job: ten a second is smooth enough for a bar.
const progressEvery = 100 * time.Millisecond

// jobContext is the context of one call: the request's, with the tab it
// comes from and a progress receiver when the page named the call's job.
func (s *Server) jobContext(r *http.Request) context.Context {
	ctx := live.WithOrigin(r.Context(), r.Header.Get(tabHeader))
	if p := s.progress(r.Header.Get(jobHeader)); p != nil {
		ctx = backend.WithProgress(ctx, dispatch.Throttle(p, progressEvery))
	}
	return ctx
}

// keepAlive is how often an idle stream sends a comment, so that proxies
// and the browser do not take it for dead, and a client that went away
// is noticed.
var keepAlive = 15 * time.Second

// writeWithin bounds each write to a stream: a client that stops reading
// (its connection's buffers full) is cut off rather than holding on to a
// server goroutine for ever.
const writeWithin = 10 * time.Second

// retryAfter is how long the browser waits before it reconnects.
const retryAfter = 2 * time.Second

// serveEvents streams events to the page as server-sent events until the
// page goes away. Reading is checked like a change (see crossSite): the
// progress of an import is nobody else's business. Change notices are
// numbered: a browser that reconnects sends the last number it saw
// (Last-Event-ID) and gets what it missed, or a "reset" event when that
// is no longer known, after which it reloads what it shows. A client
// that stops reading is dropped (its buffer filled) and never holds up
// the others.
func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		w.Header().Set("Allow", http.MethodGet)
		writeError(w, http.StatusMethodNotAllowed, backend.Errorf(backend.EINVALID, "Use GET."))
		return
	}
	if why := foreignOrigin(r); why != "" {
		writeError(w, http.StatusForbidden, backend.Errorf(backend.EINVALID, "MOps Desk does not stream its events to another web site (%s).", why))
		return
	}
	flusher, ok := w.(http.Flusher)
	if !ok {
		writeError(w, http.StatusInternalServerError, backend.Errorf(backend.EINTERNAL, "Streaming is not supported here."))
		return
	}
	sub, caughtUp := s.hub.Since(r.Header.Get("Last-Event-ID"))
	defer s.hub.Unsubscribe(sub)
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	fmt.Fprintf(w, ": open\nretry: %d\n\n", retryAfter.Milliseconds())
	if !caughtUp {
		fmt.Fprint(w, "event: reset\ndata: {\"type\":\"reset\"}\n\n")
	}
	flusher.Flush()
	tick := time.NewTicker(keepAlive)
	defer tick.Stop()
	rc := http.NewResponseController(w)
	for {
		select {
		case <-r.Context().Done():
			return
		case <-sub.Gone:
			// Too slow: end the stream; the browser reconnects and
			// catches up from its Last-Event-ID.
			return
		case <-tick.C:
			rc.SetWriteDeadline(time.Now().Add(writeWithin))
			fmt.Fprint(w, ": keep-alive\n\n")
		case m := <-sub.C:
			rc.SetWriteDeadline(time.Now().Add(writeWithin))
			data, _ := json.Marshal(m.Data)
			if m.ID != "" {
				fmt.Fprintf(w, "id: %s\n", m.ID)
			}
			fmt.Fprintf(w, "event: %s\ndata: %s\n\n", m.Kind, data)
		}
		if err := rc.Flush(); err != nil {
			return
		}
	}
}
