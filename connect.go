package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sync"
	"time"

	"mopsdesk/backend"
	"mopsdesk/backend/remote"
)

// connectTimeout bounds probing a host and signing in on it.
const connectTimeout = 20 * time.Second

// team is the window's connection to a team workspace: while it is set,
// every call, download, upload and file of the window goes to the host.
type team struct {
	ws   remote.Workspace
	host *remote.Host
	link *remote.Link
	stop context.CancelFunc
}

// connections is what App keeps of team workspaces.
type connections struct {
	mu   sync.Mutex
	team *team
	// book remembers the team workspaces (nil: read from the user's
	// configuration folder when first needed).
	book *remote.Book
	// emit sends an event to the page (nil: Wails' runtime, in the window).
	emit func(name string, data any)
	// tune adjusts each new link (the tests shorten its waits).
	tune func(*remote.Link)
}

// teamNow returns the team workspace the window is connected to, or nil
// for this computer's.
func (a *App) teamNow() *team {
	a.conn.mu.Lock()
	defer a.conn.mu.Unlock()
	return a.conn.team
}

// book returns where team workspaces are remembered: the app's folder in
// the user's configuration (~/.config/mopsdesk on Linux), apart from the
// data folder, so that a backup of the workspace never holds a session.
func (a *App) book() (*remote.Book, error) {
	a.conn.mu.Lock()
	defer a.conn.mu.Unlock()
	if a.conn.book == nil {
		dir, err := os.UserConfigDir()
		if err != nil {
			return nil, err
		}
		a.conn.book = &remote.Book{Dir: filepath.Join(dir, "mopsdesk", "team")}
	}
	return a.conn.book, nil
}

// emit sends an event to the page.
func (a *App) emit(name string, data any) {
	if a.conn.emit != nil {
		a.conn.emit(name, data)
	} else if a.ctx != nil {
		emitEvent(a.ctx, name, data)
	}
}

// ProbeHost reads the certificate of the host at address without trusting
// it, so the person can compare its fingerprint with what the host printed.
func (a *App) ProbeHost(address string) (*remote.Certificate, error) {
	ctx, cancel := context.WithTimeout(context.Background(), connectTimeout)
	defer cancel()
	return remote.Probe(ctx, address)
}

// ConnectTeam signs in on the host at address, accepting only the
// certificate with fingerprint, with an invite or a login, remembers the
// workspace and switches the window to it. Signing in again on a
// remembered workspace (an expired session) works the same way; a
// remembered host whose certificate differs is refused, never re-pinned.
func (a *App) ConnectTeam(address, fingerprint string, creds remote.Credentials) (*remote.Workspace, error) {
	book, err := a.book()
	if err != nil {
		return nil, err
	}
	host, err := remote.Dial(address, fingerprint)
	if err != nil {
		return nil, err
	}
	id := remote.WorkspaceID(host.Address)
	if known, err := book.Find(id); err == nil && known.Fingerprint != host.Pin {
		return nil, backend.Errorf(backend.ECERTCHANGED,
			"This computer trusts another certificate for %s (%s, not %s). Forget the workspace first if its admin replaced the certificate.",
			host.Address, known.Fingerprint, host.Pin)
	}
	ctx, cancel := context.WithTimeout(context.Background(), connectTimeout)
	defer cancel()
	actor, err := host.SignIn(ctx, creds)
	if err != nil {
		return nil, err
	}
	ws := remote.Workspace{ID: id, Name: host.Address, Address: host.Address, Fingerprint: host.Pin, Person: actor.Name, Login: creds.Login}
	if st, err := host.Call(ctx, "Workspace.Settings", json.RawMessage("[]"), ""); err == nil {
		var s struct {
			Name string `json:"name"`
		}
		if json.Unmarshal(st, &s) == nil && s.Name != "" {
			ws.Name = s.Name
		}
	}
	if err := book.Put(ws, host.Token()); err != nil {
		return nil, err
	}
	if err := book.SetCurrent(id); err != nil {
		return nil, err
	}
	a.use(ws, host)
	ws.Current = true
	a.log.Info("connected to a team workspace", "address", ws.Address)
	return &ws, nil
}

// Workspaces lists this computer's workspace and the remembered team
// workspaces, the current one marked.
func (a *App) Workspaces() ([]remote.Workspace, error) {
	book, err := a.book()
	if err != nil {
		return nil, err
	}
	list, _, err := book.List()
	if err != nil {
		return nil, err
	}
	current := remote.LocalID
	if t := a.teamNow(); t != nil {
		current = t.ws.ID
	}
	out := []remote.Workspace{{ID: remote.LocalID, Local: true, Current: current == remote.LocalID}}
	for _, w := range list {
		w.Current = w.ID == current
		out = append(out, w)
	}
	return out, nil
}

// SwitchWorkspace makes the window show the workspace with that id
// (remote.LocalID: this computer's); the page then reloads its data.
func (a *App) SwitchWorkspace(id string) error {
	book, err := a.book()
	if err != nil {
		return err
	}
	if id == remote.LocalID {
		a.use(remote.Workspace{}, nil)
		return book.SetCurrent("")
	}
	ws, err := book.Find(id)
	if err != nil {
		return err
	}
	if err := a.resume(book, ws); err != nil {
		return err
	}
	return book.SetCurrent(id)
}

// resume connects to a remembered workspace with its kept session.
func (a *App) resume(book *remote.Book, ws remote.Workspace) error {
	host, err := remote.Dial(ws.Address, ws.Fingerprint)
	if err != nil {
		return err
	}
	token, err := book.Token(ws.ID)
	if err != nil {
		return err
	}
	host.SetToken(token)
	a.use(ws, host)
	return nil
}

// ForgetWorkspace signs out of a team workspace and forgets it here (the
// window goes back to this computer's when it was the current one).
func (a *App) ForgetWorkspace(id string) error {
	book, err := a.book()
	if err != nil {
		return err
	}
	if id == remote.LocalID {
		return backend.Errorf(backend.EINVALID, "This computer's workspace cannot be forgotten.")
	}
	ws, err := book.Find(id)
	if err != nil {
		return err
	}
	// The session ends on the host too (best effort: a host that is away
	// lets it expire).
	if host, err := remote.Dial(ws.Address, ws.Fingerprint); err == nil {
		if token, _ := book.Token(id); token != "" {
			host.SetToken(token)
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			if err := host.SignOut(ctx); err != nil {
				a.log.Warn("sign out of the team workspace", "address", ws.Address, "err", err)
			}
			cancel()
		}
		host.Close()
	}
	if t := a.teamNow(); t != nil && t.ws.ID == id {
		a.use(remote.Workspace{}, nil)
	}
	return book.Forget(id)
}

// ConnectionState is the connection to the current team workspace
// (state "local" on this computer's).
func (a *App) ConnectionState() remote.Connection {
	if t := a.teamNow(); t != nil {
		return t.link.Status()
	}
	return remote.Connection{Workspace: remote.LocalID, State: "local"}
}

// RetryConnection tries to reach the team host now instead of waiting.
func (a *App) RetryConnection() {
	if t := a.teamNow(); t != nil {
		t.link.RetryNow()
	}
}

// use makes ws (reached through host) the window's workspace; a nil host
// goes back to this computer's. The previous connection ends.
func (a *App) use(ws remote.Workspace, host *remote.Host) {
	var next *team
	if host != nil {
		ctx, stop := context.WithCancel(context.Background())
		next = &team{ws: ws, host: host, stop: stop}
		next.link = &remote.Link{Host: host, Workspace: ws.ID,
			OnStatus: func(st remote.Connection) {
				a.log.Info("team workspace", "address", st.Address, "state", st.State, "code", st.Code)
				a.emit("connection", st)
			},
			// The host's events (progress, teammates' changes) reach the
			// page as the same events the window sends itself.
			OnEvent: func(name string, data json.RawMessage) { a.emit(name, data) },
		}
		if a.conn.tune != nil {
			a.conn.tune(next.link)
		}
		go next.link.Run(ctx)
	}
	a.conn.mu.Lock()
	prev := a.conn.team
	a.conn.team = next
	a.conn.mu.Unlock()
	if prev != nil {
		prev.stop()
		prev.host.Close()
	}
	if next == nil {
		a.emit("connection", a.ConnectionState())
	}
}

// resumeTeam reconnects, at start, to the team workspace the window showed
// last. It fails quietly: the window then opens this computer's.
func (a *App) resumeTeam() {
	book, err := a.book()
	if err != nil {
		a.log.Warn("team workspaces", "err", err)
		return
	}
	list, current, err := book.List()
	if err != nil || current == "" {
		if err != nil {
			a.log.Warn("team workspaces", "err", err)
		}
		return
	}
	for _, ws := range list {
		if ws.ID == current {
			if err := a.resume(book, ws); err != nil {
				a.log.Warn("reconnect to the team workspace", "address", ws.Address, "err", err)
			}
			return
		}
	}
}

// closeTeam ends the connection when the window closes.
func (a *App) closeTeam() {
	a.conn.mu.Lock()
	t := a.conn.team
	a.conn.team = nil
	a.conn.mu.Unlock()
	if t != nil {
		t.stop()
		t.host.Close()
	}
}
