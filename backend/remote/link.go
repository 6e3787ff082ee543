package remote

import (
	"context"
	"encoding/json"
	"errors"
	"sync"
	"time"

	"mopsdesk/backend"
)

// States of a connection a Link reports.
const (
	StateConnecting = "connecting"
	StateOnline     = "online"
	// StateOffline: the host does not answer; the link tries again after
	// Connection.RetryIn seconds.
	StateOffline = "offline"
	// StateSignedOut: the session expired or was revoked; the person
	// must sign in again (no retries until then).
	StateSignedOut = "signed_out"
	// StateRefused: the host shows another certificate; nothing is sent
	// until the person deals with it.
	StateRefused = "certificate_changed"
)

// Connection is the state of the connection to a team workspace as the window shows it.
type Connection struct {
	Workspace string `json:"workspace"`
	Address   string `json:"address"`
	State     string `json:"state"`
	// RetryIn is how many seconds until the next try, while offline.
	RetryIn int `json:"retryIn"`
	// Code and Message say why the host is not online.
	Code    string `json:"code,omitempty"`
	Message string `json:"message,omitempty"`
	// Pinned and Shown are the trusted and the presented certificate's
	// fingerprints when the host's certificate changed.
	Pinned string `json:"pinned,omitempty"`
	Shown  string `json:"shown,omitempty"`
}

// refused is the state of a host whose certificate changed, with both
// fingerprints for the person to see.
func refused(err error) Connection {
	st := Connection{State: StateRefused, Code: backend.ECERTCHANGED, Message: err.Error()}
	var e *backend.Error
	if errors.As(err, &e) {
		if f, ok := e.Fields["certificate"]; ok {
			st.Pinned, _ = f.Params["pinned"].(string)
			st.Shown, _ = f.Params["shown"].(string)
		}
	}
	return st
}

// Link keeps a window's connection to a host alive: it holds the host's
// event stream open (which is also how it learns the host went away),
// hands each event on, and while the host is away tries again with a
// growing delay, reporting each change of state.
type Link struct {
	Host      *Host
	Workspace string
	// OnStatus gets every change of state; OnEvent every host event.
	OnStatus func(Connection)
	OnEvent  func(name string, data json.RawMessage)
	// MinDelay and MaxDelay bound the wait between tries; Idle is how
	// long a silent stream is trusted (zero values: 1 s, 30 s, 60 s).
	MinDelay, MaxDelay, Idle time.Duration

	mu     sync.Mutex
	status Connection
	wake   chan struct{}
}

// Status returns the current state of the connection.
func (l *Link) Status() Connection {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.status.State == "" {
		return Connection{Workspace: l.Workspace, Address: l.Host.Address, State: StateConnecting}
	}
	return l.status
}

func (l *Link) set(st Connection) {
	st.Workspace, st.Address = l.Workspace, l.Host.Address
	l.mu.Lock()
	same := l.status == st
	l.status = st
	l.mu.Unlock()
	if !same && l.OnStatus != nil {
		l.OnStatus(st)
	}
}

func (l *Link) wakeup() chan struct{} {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.wake == nil {
		l.wake = make(chan struct{}, 1)
	}
	return l.wake
}

// RetryNow ends the wait before the next try.
func (l *Link) RetryNow() {
	select {
	case l.wakeup() <- struct{}{}:
	default:
	}
}

// Report tells the link how a call to the host ended: a host that did not
// answer is checked at once, an ended session asks for sign-in.
func (l *Link) Report(err error) {
	switch backend.ErrorCode(err) {
	case backend.EUNREACHABLE:
		l.RetryNow()
	case backend.EUNAUTHORIZED:
		l.set(Connection{State: StateSignedOut, Code: backend.EUNAUTHORIZED, Message: err.Error()})
	case backend.ECERTCHANGED:
		l.set(refused(err))
	}
}

// Run keeps the link until ctx ends.
func (l *Link) Run(ctx context.Context) {
	minDelay, maxDelay, idle := or(l.MinDelay, time.Second), or(l.MaxDelay, 30*time.Second), or(l.Idle, time.Minute)
	delay := minDelay
	wake := l.wakeup()
	for ctx.Err() == nil {
		err := l.Host.Events(ctx, idle, func() {
			delay = minDelay
			l.set(Connection{State: StateOnline})
		}, func(name string, data json.RawMessage) {
			if l.OnEvent != nil {
				l.OnEvent(name, data)
			}
		})
		if ctx.Err() != nil {
			return
		}
		var wait <-chan time.Time
		var timer *time.Timer
		switch code := backend.ErrorCode(err); code {
		case backend.EUNAUTHORIZED:
			l.set(Connection{State: StateSignedOut, Code: code, Message: err.Error()})
		case backend.ECERTCHANGED:
			l.set(refused(err))
		default:
			l.set(Connection{State: StateOffline, RetryIn: int((delay + time.Second - 1) / time.Second), Code: backend.EUNREACHABLE, Message: err.Error()})
			timer = time.NewTimer(delay)
			wait = timer.C
			delay = min(delay*2, maxDelay)
		}
		select {
		case <-ctx.Done():
		case <-wait:
		case <-wake:
		}
		if timer != nil {
			timer.Stop()
		}
	}
}

func or(d, def time.Duration) time.Duration {
	if d > 0 {
		return d
	}
	return def
}
