package dispatch

import (
	"context"
	"sync"
	"time"

	"mopsdesk/backend"
)

// Jobs keeps the cancel function of each running call that the caller
// named with a job id, so that a later Cancel(id) can stop it. The
// desktop window uses it: Wails gives bound methods no context of their
// own.
type Jobs struct {
	mu      sync.Mutex
	running map[string]context.CancelFunc
}

// Start returns a context for the job id derived from parent, and the
// function to call when the job ends. An empty id makes a context that
// nothing else can cancel.
func (j *Jobs) Start(parent context.Context, id string) (context.Context, func()) {
	ctx, cancel := context.WithCancel(parent)
	if id == "" {
		return ctx, cancel
	}
	j.mu.Lock()
	if j.running == nil {
		j.running = map[string]context.CancelFunc{}
	}
	j.running[id] = cancel
	j.mu.Unlock()
	return ctx, func() {
		j.mu.Lock()
		delete(j.running, id)
		j.mu.Unlock()
		cancel()
	}
}

// Cancel stops the job id if it is running and reports whether it was.
func (j *Jobs) Cancel(id string) bool {
	j.mu.Lock()
	cancel, ok := j.running[id]
	j.mu.Unlock()
	if ok {
		cancel()
	}
	return ok
}

// Throttle passes on at most one step per interval, but always the first
// and the last (Done == Total), so a progress bar moves smoothly without
// flooding the window or the event stream.
func Throttle(p backend.Progress, interval time.Duration) backend.Progress {
	var mu sync.Mutex
	var last time.Time
	return func(s backend.Step) {
		mu.Lock()
		now := time.Now()
		pass := last.IsZero() || now.Sub(last) >= interval || (s.Total > 0 && s.Done >= s.Total)
		if pass {
			last = now
		}
		mu.Unlock()
		if pass {
			p(s)
		}
	}
}
