package httpapi

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"time"

	"mopsdesk/backend"
	"mopsdesk/backend/dispatch"
)

// jobHeader names the job a call belongs to; its progress goes out on the
// event stream under that id.
const jobHeader = "X-MOpsDesk-Job"

// Event is one message on the event stream: for now the progress of a
// job. Later kinds (a teammate's change) add their own fields.
type Event struct {
	Kind string        `json:"kind"`
	Job  string        `json:"job,omitempty"`
	Step *backend.Step `json:"step,omitempty"`
}

// events hands each published event to every open stream. A stream too
// slow to keep up loses events rather than slowing the work down: a
// progress step is soon superseded by the next one.
type events struct {
	mu   sync.Mutex
	subs map[chan Event]struct{}
}

func (e *events) subscribe() chan Event {
	ch := make(chan Event, 64)
	e.mu.Lock()
	if e.subs == nil {
		e.subs = map[chan Event]struct{}{}
	}
	e.subs[ch] = struct{}{}
	e.mu.Unlock()
	return ch
}

func (e *events) unsubscribe(ch chan Event) {
	e.mu.Lock()
	delete(e.subs, ch)
	e.mu.Unlock()
}

func (e *events) publish(ev Event) {
	e.mu.Lock()
	defer e.mu.Unlock()
	for ch := range e.subs {
		select {
		case ch <- ev:
		default:
		}
	}
}

// progress returns the receiver for a call's job (nil without one).
func (e *events) progress(job string) backend.Progress {
	if job == "" || len(job) > 100 {
		return nil
	}
	return func(s backend.Step) {
		step := s
		e.publish(Event{Kind: "progress", Job: job, Step: &step})
	}
}

// progressEvery is the shortest time between two progress events of one
// job: ten a second is smooth enough for a bar.
const progressEvery = 100 * time.Millisecond

// jobContext is the context of one call: the request's, with a progress
// receiver when the page named the call's job.
func (s *Server) jobContext(r *http.Request) context.Context {
	ctx := r.Context()
	if p := s.events.progress(r.Header.Get(jobHeader)); p != nil {
		ctx = backend.WithProgress(ctx, dispatch.Throttle(p, progressEvery))
	}
	return ctx
}

// keepAlive is how often an idle stream sends a comment, so that proxies
// and the browser do not take it for dead.
const keepAlive = 25 * time.Second

// serveEvents streams events to the page as server-sent events until the
// page goes away. Reading is checked like a change (see crossSite): the
// progress of an import is nobody else's business.
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
	ch := s.events.subscribe()
	defer s.events.unsubscribe(ch)
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	fmt.Fprint(w, ": open\n\n")
	flusher.Flush()
	tick := time.NewTicker(keepAlive)
	defer tick.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-tick.C:
			fmt.Fprint(w, ": keep-alive\n\n")
		case ev := <-ch:
			data, _ := json.Marshal(ev)
			fmt.Fprintf(w, "event: %s\ndata: %s\n\n", ev.Kind, data)
		}
		flusher.Flush()
	}
}
