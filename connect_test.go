package main

import (
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"mopsdesk/backend"
	"mopsdesk/backend/api"
	"mopsdesk/backend/remote"
)

// wait is how long a test waits for something that happens in the
// background before it gives up (a failure, not a measurement).
const wait = 20 * time.Second

// window is a desktop App (without Wails) whose events are recorded.
type window struct {
	*App
	mu     sync.Mutex
	events []recorded
	notify chan struct{}
}

type recorded struct {
	name string
	data any
}

func quietLog() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

func newWindow(t *testing.T) *window {
	t.Helper()
	app, err := openApp(t.TempDir(), "desktop", quietLog())
	if err != nil {
		t.Fatal(err)
	}
	w := &window{App: app, notify: make(chan struct{}, 1)}
	app.conn.book = &remote.Book{Dir: filepath.Join(t.TempDir(), "config")}
	app.conn.emit = func(name string, data any) {
		w.mu.Lock()
		w.events = append(w.events, recorded{name, data})
		w.mu.Unlock()
		select {
		case w.notify <- struct{}{}:
		default:
		}
	}
	app.conn.tune = func(l *remote.Link) { l.MinDelay, l.MaxDelay = 20*time.Millisecond, 200*time.Millisecond }
	t.Cleanup(func() { app.closeTeam(); app.close() })
	return w
}

// waitFor waits until an event the window sent matches ok.
func (w *window) waitFor(t *testing.T, what string, ok func(recorded) bool) recorded {
	t.Helper()
	deadline := time.After(wait)
	for {
		w.mu.Lock()
		for _, ev := range w.events {
			if ok(ev) {
				w.mu.Unlock()
				return ev
			}
		}
		w.mu.Unlock()
		select {
		case <-w.notify:
		case <-deadline:
			t.Fatalf("no %s event; events: %v", what, w.events)
		}
	}
}

func isState(state string) func(recorded) bool {
	return func(ev recorded) bool {
		st, ok := ev.data.(remote.Connection)
		return ev.name == "connection" && ok && st.State == state
	}
}

// host starts a test host with an invite "JOIN-1" and connects the window
// to it with that invite, after probing its certificate.
func connected(t *testing.T) (*window, *testHost) {
	t.Helper()
	h := newTestHost(t, t.TempDir(), quietLog())
	t.Cleanup(func() { h.stop(); h.app.close() })
	h.start(t, "127.0.0.1:0", selfSigned(t))
	h.invite("JOIN-1")
	w := newWindow(t)
	cert, err := w.ProbeHost(h.addr())
	if err != nil {
		t.Fatal(err)
	}
	if cert.Fingerprint != h.fingerprint() || !strings.Contains(cert.Subject, "MOps Desk test host") {
		t.Fatalf("probe: %+v, want fingerprint %s", cert, h.fingerprint())
	}
	ws, err := w.ConnectTeam("https://"+h.addr()+"/", strings.ToLower(cert.Fingerprint),
		remote.Credentials{Invite: "JOIN-1", Name: "Dana", Login: "dana", Password: "correct horse"})
	if err != nil {
		t.Fatal(err)
	}
	if ws.Address != h.addr() || ws.Fingerprint != h.fingerprint() || ws.Person != "Dana" || !ws.Current {
		t.Fatalf("connected to %+v", ws)
	}
	w.waitFor(t, "online", isState(remote.StateOnline))
	return w, h
}

// The pinned certificate is accepted, calls go to the host with the
// session cookie and the host's Origin, and the result is the host's.
func TestConnect_CallsGoToTheHostWithTheSession(t *testing.T) {
	w, h := connected(t)
	if _, err := h.app.api.Workspace.UpdateSettings(t.Context(), mustSettings(t, h.app, "Host team")); err != nil {
		t.Fatal(err)
	}
	out, err := w.Call("Workspace.Settings", json.RawMessage(`[]`), "")
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := json.Marshal(out)
	if !strings.Contains(string(raw), `"name":"Host team"`) {
		t.Fatalf("settings came from elsewhere: %s", raw)
	}
	var found bool
	for _, c := range h.calls() {
		if c.Method == "Workspace.Settings" {
			found = true
			if !c.Session || !c.Origin {
				t.Fatalf("call without the session or the host's origin: %+v", c)
			}
		}
	}
	if !found {
		t.Fatal("the host saw no call")
	}
	// The host's errors arrive as the host sent them.
	if _, err := w.Call("Campaigns.Get", json.RawMessage(`[999]`), ""); backend.ErrorCode(err) != backend.ENOTFOUND {
		t.Fatalf("a missing campaign: %v", err)
	}
	if p, ok := errorPayload(func() error { _, err := w.Call("Campaigns.Get", json.RawMessage(`[999]`), ""); return err }()).(json.RawMessage); !ok || !strings.Contains(string(p), `"not_found"`) {
		t.Fatalf("the page gets %v", p)
	}
	// Switching back to this computer's workspace calls it, not the host.
	if err := w.SwitchWorkspace(remote.LocalID); err != nil {
		t.Fatal(err)
	}
	out, _ = w.Call("Workspace.Settings", json.RawMessage(`[]`), "")
	if raw, _ := json.Marshal(out); strings.Contains(string(raw), "Host team") {
		t.Fatalf("still on the host: %s", raw)
	}
}

func mustSettings(t *testing.T, a *App, name string) backend.Settings {
	t.Helper()
	st, err := a.api.Workspace.Settings(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	st.Name = name
	return *st
}

// The token lives in a file only its owner reads, and nothing the page
// can ask for carries it.
func TestConnect_TokenStaysInAPrivateFile(t *testing.T) {
	w, h := connected(t)
	token := ""
	h.mu.Lock()
	for tok := range h.sessions {
		token = tok
	}
	h.mu.Unlock()
	id := remote.WorkspaceID(h.addr())
	fi, err := os.Stat(filepath.Join(w.conn.book.Dir, "sessions", id))
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Fatalf("token file mode %v", fi.Mode().Perm())
	}
	list, err := w.Workspaces()
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || !list[0].Local || list[0].Current || list[1].ID != id || !list[1].Current {
		t.Fatalf("workspaces: %+v", list)
	}
	for name, v := range map[string]any{"Workspaces": list, "ConnectionState": w.ConnectionState()} {
		raw, _ := json.Marshal(v)
		if strings.Contains(string(raw), token) {
			t.Fatalf("%s shows the session token: %s", name, raw)
		}
	}
	list2, _, _ := w.conn.book.List()
	if raw, _ := json.Marshal(list2); strings.Contains(string(raw), token) {
		t.Fatalf("the list of workspaces holds the token: %s", raw)
	}
	// Forgetting the workspace signs out there and removes the token,
	// also when the window shows another one.
	if err := w.SwitchWorkspace(remote.LocalID); err != nil {
		t.Fatal(err)
	}
	if err := w.ForgetWorkspace(id); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(w.conn.book.Dir, "sessions", id)); !os.IsNotExist(err) {
		t.Fatalf("the token file is still there: %v", err)
	}
	h.mu.Lock()
	left := len(h.sessions)
	h.mu.Unlock()
	if left != 0 || w.teamNow() != nil {
		t.Fatalf("after forgetting: %d sessions on the host, team %v", left, w.teamNow())
	}
}

// A host that comes back with another certificate is refused, and both
// fingerprints are named; connecting again with the new one is refused
// too while the old pin is remembered.
func TestConnect_ChangedCertificateIsRefused(t *testing.T) {
	w, h := connected(t)
	addr, old := h.addr(), h.fingerprint()
	h.stop()
	h.start(t, addr, selfSigned(t))
	h.mu.Lock()
	h.seen = nil
	h.mu.Unlock()
	_, err := w.Call("Workspace.Settings", json.RawMessage(`[]`), "")
	if backend.ErrorCode(err) != backend.ECERTCHANGED || !strings.Contains(err.Error(), old) || !strings.Contains(err.Error(), h.fingerprint()) {
		t.Fatalf("call to a host with another certificate: %v", err)
	}
	ev := w.waitFor(t, "certificate_changed", isState(remote.StateRefused))
	if st := ev.data.(remote.Connection); st.Pinned != old || st.Shown != h.fingerprint() {
		t.Fatalf("the refused state names %q and %q", st.Pinned, st.Shown)
	}
	for _, c := range h.calls() {
		if c.Method == "Workspace.Settings" {
			t.Fatalf("the call reached the host: %+v", c)
		}
	}
	h.invite("JOIN-2")
	_, err = w.ConnectTeam(addr, h.fingerprint(), remote.Credentials{Invite: "JOIN-2", Name: "Dana", Login: "dana2", Password: "x"})
	if backend.ErrorCode(err) != backend.ECERTCHANGED {
		t.Fatalf("re-pinning without forgetting: %v", err)
	}
	// The old fingerprint does not fit the new certificate either.
	if _, err := w.ConnectTeam(addr, old, remote.Credentials{Login: "dana", Password: "correct horse"}); backend.ErrorCode(err) != backend.ECERTCHANGED {
		t.Fatalf("signing in with the old pin: %v", err)
	}
}

// Cancel(job) aborts the forwarded request: the host sees it end.
func TestConnect_CancelAbortsTheRequest(t *testing.T) {
	w, h := connected(t)
	held := &heldCall{entered: make(chan struct{}, 1), ended: make(chan error, 1)}
	h.mu.Lock()
	h.hold["Campaigns.Find"] = held
	h.mu.Unlock()
	done := make(chan error, 1)
	go func() {
		_, err := w.Call("Campaigns.Find", json.RawMessage(`[{}]`), "job-slow")
		done <- err
	}()
	select {
	case <-held.entered:
	case <-time.After(wait):
		t.Fatal("the call never reached the host")
	}
	if !w.jobs.Cancel("job-slow") {
		t.Fatal("no job to cancel")
	}
	select {
	case err := <-done:
		if backend.ErrorCode(err) != backend.ECANCELED {
			t.Fatalf("cancelled call: %v", err)
		}
	case <-time.After(wait):
		t.Fatal("the call did not end")
	}
	select {
	case <-held.ended:
	case <-time.After(wait):
		t.Fatal("the host's request did not end")
	}
}

// Uploads by path reach the host, its progress comes back on the event
// stream as the window's "progress" events, and /files/ is the host's.
func TestConnect_UploadsEventsAndFiles(t *testing.T) {
	w, _ := connected(t)
	path := filepath.Join(t.TempDir(), "brief.txt")
	if err := os.WriteFile(path, []byte("the spring brief"), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := w.AddAssetPaths([]string{path}, backend.DuplicateAsk, "job-up")
	if err != nil || len(res) != 1 || res[0].Asset == nil {
		t.Fatalf("upload: %+v, %v", res, err)
	}
	w.waitFor(t, "progress", func(ev recorded) bool {
		raw, _ := ev.data.(json.RawMessage)
		return ev.name == "progress" && strings.Contains(string(raw), `"job":"job-up"`)
	})
	rec := httptest.NewRecorder()
	w.filesHandler().ServeHTTP(rec, httptest.NewRequest("GET", "/files/asset/"+strconv.FormatInt(res[0].Asset.ID, 10)+"/1", nil))
	if rec.Code != 200 || rec.Body.String() != "the spring brief" {
		t.Fatalf("file through the window: %d %q", rec.Code, rec.Body.String())
	}
	// The window's own workspace does not have it.
	if list, _ := w.api.Assets.Find(t.Context(), backend.AssetFilter{}); list.Total != 0 {
		t.Fatalf("the asset landed on this computer: %+v", list)
	}
}

// A host that goes away: the window says offline, calls fail as
// unreachable, and when the host is back it says online again.
func TestConnect_UnreachableAndBack(t *testing.T) {
	w, h := connected(t)
	addr := h.addr()
	h.stop()
	w.waitFor(t, "offline", isState(remote.StateOffline))
	if _, err := w.Call("Workspace.Settings", json.RawMessage(`[]`), ""); backend.ErrorCode(err) != backend.EUNREACHABLE {
		t.Fatalf("call to a host that is down: %v", err)
	}
	if st := w.ConnectionState(); st.State != remote.StateOffline || st.RetryIn < 1 {
		t.Fatalf("state while down: %+v", st)
	}
	w.mu.Lock()
	w.events = nil
	w.mu.Unlock()
	h.start(t, addr, h.cert)
	w.RetryConnection()
	w.waitFor(t, "online", isState(remote.StateOnline))
	if _, err := w.Call("Workspace.Settings", json.RawMessage(`[]`), ""); err != nil {
		t.Fatalf("call after the host came back: %v", err)
	}
}

// An ended session asks for sign-in again, and signing in on the same
// workspace (same pin) brings it back.
func TestConnect_ExpiredSessionAsksForSignIn(t *testing.T) {
	w, h := connected(t)
	h.revokeAll()
	if _, err := w.Call("Workspace.Settings", json.RawMessage(`[]`), ""); backend.ErrorCode(err) != backend.EUNAUTHORIZED {
		t.Fatalf("call with an ended session: %v", err)
	}
	w.waitFor(t, "signed_out", isState(remote.StateSignedOut))
	_, err := w.ConnectTeam(h.addr(), h.fingerprint(), remote.Credentials{Login: "dana", Password: "wrong"})
	var e *backend.Error
	if !errors.As(err, &e) || e.Code != backend.EUNAUTHORIZED || e.Fields["password"].Key != "connect.wrong_credentials" {
		t.Fatalf("a wrong password: %v", err)
	}
	if _, err := w.ConnectTeam(h.addr(), h.fingerprint(), remote.Credentials{Login: "dana", Password: "correct horse"}); err != nil {
		t.Fatal(err)
	}
	if _, err := w.Call("Workspace.Settings", json.RawMessage(`[]`), ""); err != nil {
		t.Fatalf("call after signing in again: %v", err)
	}
}

// Exports download from the host (the Save dialog then writes them), and
// a spreadsheet chosen by path is uploaded for the host's import preview.
func TestConnect_ExportsAndImportFiles(t *testing.T) {
	w, h := connected(t)
	tm := w.teamNow()
	d, ok := w.api.Exports.Download("campaigns")
	if !ok {
		t.Fatal("no campaigns export")
	}
	name, data, err := tm.host.Download(t.Context(), d.Path(), json.RawMessage(`{}`), "")
	if err != nil || !strings.HasSuffix(name, ".xlsx") || len(data) < 100 || string(data[:2]) != "PK" {
		t.Fatalf("export: %q, %d bytes, %v", name, len(data), err)
	}
	path := filepath.Join(t.TempDir(), "spend.csv")
	if err := os.WriteFile(path, []byte("Date,Amount,Team\n2026-01-05,120,Brand\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := tm.addImportFile(t.Context(), path)
	if err != nil || p == nil || p.Name != "spend.csv" {
		t.Fatalf("import file: %+v, %v", p, err)
	}
	req, _ := json.Marshal([]any{map[string]any{"token": p.Token, "options": map[string]any{}}})
	if _, err := w.Call("Imports.Preview", req, ""); err != nil {
		t.Fatalf("the host cannot preview the file: %v", err)
	}
	if _, err := h.app.api.Imports.Preview(t.Context(), api.ImportRequest{Token: p.Token}); err != nil {
		t.Fatalf("the file is not the host's: %v", err)
	}
}
