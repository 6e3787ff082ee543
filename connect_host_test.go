package main

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/json"
	"io"
	"log/slog"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"mopsdesk/backend"
	"mopsdesk/backend/httpapi"
	"mopsdesk/backend/remote"
)

// testHost stands in for `mopsdesk host` in the tests (the real one is
// built elsewhere): serve mode's handler over TLS with a certificate of
// its own, behind a small fake of the team protocol's /auth endpoints and
// its session cookie check.
type testHost struct {
	app  *App
	api  http.Handler
	cert tls.Certificate
	srv  *httptest.Server

	mu       sync.Mutex
	setup    string            // the one-time setup code ("" once used)
	invites  map[string]bool   // unused invite codes
	logins   map[string]string // login → password
	names    map[string]string // login → name
	sessions map[string]string // token → login
	// seen records each /api call's method and whether it came with a
	// valid session and the host's own Origin.
	seen []seenCall
	// hold makes calls of that method wait until their request ends.
	hold map[string]*heldCall
}

// heldCall reports when a held call reached the host and when its
// request ended.
type heldCall struct {
	entered chan struct{}
	ended   chan error
}

type seenCall struct {
	Method  string
	Session bool
	Origin  bool
}

// selfSigned makes a certificate for 127.0.0.1, as a host makes its own.
func selfSigned(t testing.TB) tls.Certificate {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	serial, _ := rand.Int(rand.Reader, big.NewInt(1<<62))
	tmpl := &x509.Certificate{SerialNumber: serial, Subject: pkix.Name{CommonName: "MOps Desk test host"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour),
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, DNSNames: []string{"localhost"},
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}
}

// newTestHost opens a workspace in a folder of its own and serves it.
func newTestHost(t testing.TB, data string, log *slog.Logger) *testHost {
	t.Helper()
	app, err := openApp(data, "serve", log)
	if err != nil {
		t.Fatal(err)
	}
	handler, err := httpapi.New(app.api, fstest.MapFS{"index.html": {Data: []byte("<!doctype html><title>host</title>")}}, log, httpapi.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return &testHost{app: app, api: handler, invites: map[string]bool{}, logins: map[string]string{},
		names: map[string]string{}, sessions: map[string]string{}, hold: map[string]*heldCall{}}
}

// start serves the host on addr ("127.0.0.1:0" for any port) with cert.
func (h *testHost) start(t testing.TB, addr string, cert tls.Certificate) {
	t.Helper()
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	h.cert = cert
	h.srv = httptest.NewUnstartedServer(h)
	h.srv.Listener.Close()
	h.srv.Listener = ln
	h.srv.TLS = &tls.Config{Certificates: []tls.Certificate{cert}}
	h.srv.StartTLS()
}

func (h *testHost) addr() string        { return h.srv.Listener.Addr().String() }
func (h *testHost) fingerprint() string { return remote.Fingerprint(h.cert.Certificate[0]) }

// stop closes the server (its streams too) but keeps the workspace.
func (h *testHost) stop() {
	h.srv.CloseClientConnections()
	h.srv.Close()
}

func (h *testHost) invite(code string) {
	h.mu.Lock()
	h.invites[code] = true
	h.mu.Unlock()
}

// revokeAll ends every session, as an admin deactivating someone does.
func (h *testHost) revokeAll() {
	h.mu.Lock()
	h.sessions = map[string]string{}
	h.mu.Unlock()
}

func (h *testHost) calls() []seenCall {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]seenCall(nil), h.seen...)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

func (h *testHost) signedIn(w http.ResponseWriter, login string) {
	b := make([]byte, 32)
	rand.Read(b)
	token := base64.RawURLEncoding.EncodeToString(b)
	h.sessions[token] = login
	http.SetCookie(w, &http.Cookie{Name: remote.SessionCookie, Value: token, Path: "/", HttpOnly: true, Secure: true,
		SameSite: http.SameSiteStrictMode, MaxAge: 3600})
	writeJSON(w, http.StatusOK, backend.Actor{PersonID: 1, Name: h.names[login], Role: backend.RolePlanner})
}

func (h *testHost) session(r *http.Request) string {
	c, err := r.Cookie(remote.SessionCookie)
	if err != nil {
		return ""
	}
	return h.sessions[c.Value]
}

// ServeHTTP answers /auth/* itself and hands the rest, with a session, to
// serve mode's handler.
func (h *testHost) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, "/auth/") {
		h.mu.Lock()
		h.serveAuth(w, r)
		h.mu.Unlock()
		return
	}
	method := strings.Replace(strings.TrimPrefix(r.URL.Path, "/api/"), "/", ".", 1)
	h.mu.Lock()
	login := h.session(r)
	if strings.HasPrefix(r.URL.Path, "/api/") && r.URL.Path != "/api/events" {
		h.seen = append(h.seen, seenCall{Method: method, Session: login != "", Origin: r.Header.Get("Origin") == "https://"+r.Host})
	}
	held := h.hold[method]
	h.mu.Unlock()
	if login == "" && r.URL.Path != "/" {
		writeJSON(w, http.StatusUnauthorized, backend.Errorf(backend.EUNAUTHORIZED, "Sign in first."))
		return
	}
	if held != nil {
		// As the real handler does: the body is read first, and only then
		// does the server notice a client that went away.
		io.Copy(io.Discard, r.Body)
		held.entered <- struct{}{}
		<-r.Context().Done()
		held.ended <- r.Context().Err()
		return
	}
	h.api.ServeHTTP(w, r)
}

func (h *testHost) serveAuth(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/auth/state" {
		var me *backend.Actor
		if login := h.session(r); login != "" {
			me = &backend.Actor{PersonID: 1, Name: h.names[login], Role: backend.RolePlanner}
		}
		writeJSON(w, http.StatusOK, map[string]any{"mode": "team", "setup": h.setup != "", "me": me})
		return
	}
	if r.Method != http.MethodPost || r.Header.Get("Content-Type") != "application/json" || r.Header.Get("Origin") != "https://"+r.Host {
		writeJSON(w, http.StatusForbidden, backend.Errorf(backend.EFORBIDDEN, "Only the host's own page signs in."))
		return
	}
	var in struct{ Code, Invite, Name, Login, Password string }
	body, _ := io.ReadAll(r.Body)
	json.Unmarshal(body, &in)
	wrong := func() {
		writeJSON(w, http.StatusUnauthorized, backend.Errorf(backend.EUNAUTHORIZED, "Wrong login or password."))
	}
	switch r.URL.Path {
	case "/auth/setup":
		if in.Code == "" || in.Code != h.setup {
			wrong()
			return
		}
		h.setup = ""
		h.logins[in.Login], h.names[in.Login] = in.Password, in.Name
		h.signedIn(w, in.Login)
	case "/auth/accept":
		if !h.invites[in.Invite] {
			wrong()
			return
		}
		delete(h.invites, in.Invite)
		h.logins[in.Login], h.names[in.Login] = in.Password, in.Name
		h.signedIn(w, in.Login)
	case "/auth/signin":
		if p, ok := h.logins[in.Login]; !ok || p != in.Password {
			wrong()
			return
		}
		h.signedIn(w, in.Login)
	case "/auth/signout":
		if c, err := r.Cookie(remote.SessionCookie); err == nil {
			delete(h.sessions, c.Value)
		}
		w.WriteHeader(http.StatusNoContent)
	default:
		http.NotFound(w, r)
	}
}
