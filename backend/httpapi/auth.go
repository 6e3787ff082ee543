package httpapi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"time"

	"mopsdesk/backend"
	"mopsdesk/backend/api"
)

// A team host's sign-in (Options.Team):
//
//	GET  /auth/state    {"mode":"local"} in serve mode; on a host {"mode":"team","setup":bool,"me":Actor|null}
//	POST /auth/setup    {code,name,login,password} → Actor + cookie: the first admin, with the printed code
//	POST /auth/signin   {login,password} → Actor + cookie; 429 while locked after wrong passwords
//	POST /auth/accept   {invite,name,login,password} → Actor + cookie (a reset needs only the password)
//	POST /auth/signout  → 204 and an expired cookie
//
// The POSTs are JSON like /api (so another site's form cannot send them)
// and pass the same cross-site check. Every other route but the static
// UI then needs the session cookie: without a live session it answers
// 401 unauthorized, and with one the call runs for its person, whose
// role the dispatcher (api.Access) or the route's rule (api.RouteAccess)
// checks.

// sessionCookie holds a session's secret token. The server keeps only
// its hash; the cookie is HttpOnly (no script reads it), SameSite=Strict
// (no other site's request carries it) and Secure on HTTPS.
const sessionCookie = "mops_session"

// maxAuthBody bounds a sign-in form.
const maxAuthBody = 64 << 10

// guarded reports whether path is one of the routes a host serves only to
// a signed-in person: everything ServeHTTP routes away from the static UI.
func (s *Server) guarded(path string) bool {
	if _, ok := s.downloads[path]; ok {
		return true
	}
	for _, p := range []string{"/api/", "/upload/", "/export/", "/files/"} {
		if strings.HasPrefix(path, p) {
			return true
		}
	}
	return false
}

// requireSession answers 401 for a request without a live session and
// 403 for a route the person's role does not reach; otherwise it returns
// the request with the person in its context (backend.WithActor).
func (s *Server) requireSession(w http.ResponseWriter, r *http.Request) (*http.Request, bool) {
	c, err := r.Cookie(sessionCookie)
	if err != nil {
		writeError(w, http.StatusUnauthorized, backend.Errorf(backend.EUNAUTHORIZED, "Please sign in."))
		return nil, false
	}
	a, err := s.opt.Team.Authenticate(r.Context(), c.Value)
	if err != nil {
		if backend.ErrorCode(err) == backend.EUNAUTHORIZED {
			s.clearCookie(w)
		}
		writeError(w, statusOf(err), err)
		return nil, false
	}
	// Facade calls are checked by the dispatcher, each against Access.
	if !strings.HasPrefix(r.URL.Path, "/api/") || r.URL.Path == "/api/events" {
		need, ok := api.RouteNeed(r.URL.Path)
		if !ok {
			writeError(w, http.StatusNotFound, backend.Errorf(backend.ENOTFOUND, "There is nothing at %s.", r.URL.Path))
			return nil, false
		}
		if !a.Role.Allows(need) {
			writeError(w, http.StatusForbidden, backend.Errorf(backend.EFORBIDDEN, "Your role (%s) does not allow this; it needs %s.", a.Role, need))
			return nil, false
		}
	}
	ctx := backend.WithActor(r.Context(), a)
	if r.URL.Path == "/api/events" {
		// A stream outlives the check at its start: it ends when its
		// session does (revoked, signed out, member deactivated).
		var cancel context.CancelFunc
		ctx, cancel = context.WithCancel(ctx)
		go s.endWithSession(ctx, cancel, c.Value)
	}
	return r.WithContext(ctx), true
}

// sessionRecheck is how often a long request (the event stream) checks
// that its session is still live.
var sessionRecheck = 30 * time.Second

// endWithSession cancels ctx once token's session no longer signs in; it
// returns when ctx ends either way.
func (s *Server) endWithSession(ctx context.Context, cancel context.CancelFunc, token string) {
	defer cancel()
	tick := time.NewTicker(sessionRecheck)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
			if _, err := s.opt.Team.Authenticate(ctx, token); backend.ErrorCode(err) == backend.EUNAUTHORIZED {
				return
			}
		}
	}
}

// serveAuth answers /auth/*.
func (s *Server) serveAuth(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/auth/state" {
		s.serveAuthState(w, r)
		return
	}
	if !requireJSONPost(w, r) {
		return
	}
	team := s.opt.Team
	if team == nil {
		writeError(w, http.StatusNotFound, backend.Errorf(backend.ENOTFOUND, "Serve mode has no sign-in: it is one person's workspace."))
		return
	}
	var form struct {
		Code     string `json:"code"`
		Invite   string `json:"invite"`
		Name     string `json:"name"`
		Login    string `json:"login"`
		Password string `json:"password"`
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxAuthBody))
	if err != nil {
		writeError(w, http.StatusRequestEntityTooLarge, backend.Errorf(backend.EINVALID, "The request is too large."))
		return
	}
	if len(strings.TrimSpace(string(body))) > 0 {
		if err := json.Unmarshal(body, &form); err != nil {
			writeError(w, http.StatusBadRequest, backend.Errorf(backend.EINVALID, "Send the form as a JSON object."))
			return
		}
	}
	ctx, client := r.Context(), clientOf(r)
	nm := backend.NewMember{Name: form.Name, Login: form.Login, Password: form.Password}
	var token string
	switch r.URL.Path {
	case "/auth/setup":
		_, token, err = team.Setup(ctx, form.Code, nm, client)
	case "/auth/signin":
		_, token, err = team.SignIn(ctx, form.Login, form.Password, client)
	case "/auth/accept":
		_, token, err = team.AcceptInvite(ctx, form.Invite, nm, client)
	case "/auth/signout":
		if c, err := r.Cookie(sessionCookie); err == nil {
			if err := team.SignOut(ctx, c.Value); err != nil {
				writeError(w, statusOf(err), err)
				return
			}
		}
		s.clearCookie(w)
		w.WriteHeader(http.StatusNoContent)
		return
	default:
		writeError(w, http.StatusNotFound, backend.Errorf(backend.ENOTFOUND, "There is nothing at %s.", r.URL.Path))
		return
	}
	if err != nil {
		if e := (*backend.Error)(nil); errors.As(err, &e) && e.Code == backend.ELOCKED {
			w.Header().Set("Retry-After", fmt.Sprint(e.Fields["password"].Params["seconds"]))
		}
		writeError(w, statusOf(err), err)
		return
	}
	// A session this browser had before is over: the new one has a new
	// token, never one the request brought (no session fixation).
	if c, err := r.Cookie(sessionCookie); err == nil && c.Value != token {
		team.SignOut(ctx, c.Value)
	}
	a, err := team.Authenticate(ctx, token)
	if err != nil {
		writeError(w, statusOf(err), err)
		return
	}
	s.setCookie(w, token)
	writeJSON(w, a)
}

// serveAuthState tells the page which sign-in, if any, to show.
func (s *Server) serveAuthState(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		w.Header().Set("Allow", http.MethodGet)
		writeError(w, http.StatusMethodNotAllowed, backend.Errorf(backend.EINVALID, "Use GET."))
		return
	}
	if s.opt.Team == nil {
		writeJSON(w, map[string]any{"mode": "local"})
		return
	}
	setup, err := s.opt.Team.NeedsSetup(r.Context())
	if err != nil {
		writeError(w, statusOf(err), err)
		return
	}
	var me *backend.Actor
	if c, err := r.Cookie(sessionCookie); err == nil {
		me, _ = s.opt.Team.Authenticate(r.Context(), c.Value)
	}
	writeJSON(w, map[string]any{"mode": "team", "setup": setup, "me": me})
}

func (s *Server) setCookie(w http.ResponseWriter, token string) {
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: token, Path: "/", HttpOnly: true, Secure: s.opt.Secure,
		SameSite: http.SameSiteStrictMode, MaxAge: int(backend.SessionLifetime / time.Second)})
}

func (s *Server) clearCookie(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", HttpOnly: true, Secure: s.opt.Secure,
		SameSite: http.SameSiteStrictMode, MaxAge: -1})
}

// clientOf is where a request comes from: the peer's address (not a
// forwarded-for header, which anyone can write) and its User-Agent.
func clientOf(r *http.Request) backend.Client {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	return backend.Client{Address: host, Agent: r.UserAgent()}
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	json.NewEncoder(w).Encode(v)
}
