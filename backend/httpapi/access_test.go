package httpapi_test

import (
	"bytes"
	"context"
	"fmt"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"
	"time"

	"mopsdesk/backend"
	"mopsdesk/backend/api"
	"mopsdesk/backend/httpapi"
)

// subject is who a request of the matrix is sent as.
type subject struct {
	name  string
	token string
	// role is nil for the ones that are not signed in.
	role *backend.Role
}

// subjects signs in one person of each role and makes the three ways of
// not being signed in: no cookie, an expired session, a revoked one.
func subjects(t *testing.T, h *host) []subject {
	t.Helper()
	admin := h.setup()
	for _, r := range []backend.Role{backend.RoleViewer, backend.RolePlanner, backend.RoleApprover} {
		h.join(admin, string(r), r)
	}
	expired := h.session(h.signIn("viewer", "viewer-password-1"))
	// Past the idle limit of every session so far.
	h.now = h.now.Add(backend.SessionIdle + time.Minute)
	out := []subject{{name: "no session"}, {name: "expired", token: expired}}
	for _, r := range backend.Roles() {
		login, pw := string(r), string(r)+"-password-1"
		if r == backend.RoleAdmin {
			login, pw = "ada", "ada-password-1"
		}
		role := r
		out = append(out, subject{name: string(r), token: h.session(h.signIn(login, pw)), role: &role})
	}
	return out
}

// allowed reports whether a reply got past the guards: any answer but
// unauthorized and forbidden (the call itself may well fail on the empty
// arguments the matrix sends).
func allowed(r reply) bool {
	return r.status != http.StatusUnauthorized && r.status != http.StatusForbidden &&
		r.err.Code != backend.EUNAUTHORIZED && r.err.Code != backend.EFORBIDDEN
}

// TestAccess_EveryMethodEveryRole calls every facade method of the
// registry as each role, without a session, with an expired one and with
// a revoked one: each role reaches exactly what api.Access gives it, and
// no one without a live session reaches anything.
func TestAccess_EveryMethodEveryRole(t *testing.T) {
	h := newHost(t, httpapi.Options{})
	subs := subjects(t, h)
	// A session an admin revoked.
	revoked := h.session(h.signIn("planner", "planner-password-1"))
	admin := subs[len(subs)-1].token
	if r := h.do("POST", "/api/Team/RevokeSession", admin, fmt.Sprintf(`[%q]`, h.me(revoked).SessionID)); r.status != 200 {
		t.Fatalf("revoke = %d %s", r.status, r.body)
	}
	subs = append(subs, subject{name: "revoked", token: revoked})
	reg, err := h.api.Registry()
	if err != nil {
		t.Fatal(err)
	}
	names := reg.Names()
	if len(names) < 100 {
		t.Fatalf("only %d methods in the registry", len(names))
	}
	for _, name := range names {
		need, ok := api.Access[name]
		if !ok {
			t.Fatalf("%s has no rule", name)
		}
		path := "/api/" + strings.Replace(name, ".", "/", 1)
		for _, s := range subs {
			r := h.do("POST", path, s.token, `[]`)
			want := s.role != nil && s.role.Allows(need)
			if allowed(r) != want {
				t.Errorf("%s as %s (needs %s): %d %s; want allowed=%v", name, s.name, need, r.status, r.body, want)
			}
			if s.role == nil && (r.status != http.StatusUnauthorized || r.err.Code != backend.EUNAUTHORIZED) {
				t.Errorf("%s as %s: %d %s; want 401 unauthorized", name, s.name, r.status, r.body)
			}
			if s.role != nil && !want && (r.status != http.StatusForbidden || r.err.Code != backend.EFORBIDDEN) {
				t.Errorf("%s as %s: %d %s; want 403 forbidden", name, s.name, r.status, r.body)
			}
		}
	}
	t.Run("Routes", func(t *testing.T) { routes(t, h, subs) })
}

// routes checks the uploads, exports, files and the event stream like
// the methods, against api.RouteAccess.
func routes(t *testing.T, h *host, subs []subject) {
	type route struct{ method, path, body string }
	var list []route
	for _, d := range h.api.Exports.Downloads() {
		list = append(list, route{"POST", d.Path(), `{}`})
	}
	list = append(list,
		route{"POST", "/upload/contract-documents?contract=1", "multipart"},
		route{"POST", "/upload/assets?duplicate=skip&count=1", "multipart"},
		route{"POST", "/upload/import", "multipart"},
		route{"GET", "/files/document/1", ""},
		route{"GET", "/files/asset/1/1", ""},
		route{"GET", "/files/thumb/" + strings.Repeat("a", 64), ""},
		route{"GET", "/files/preview/" + strings.Repeat("a", 64), ""},
		route{"GET", "/api/events", "stream"},
	)
	for _, rt := range list {
		need, ok := api.RouteNeed(strings.SplitN(rt.path, "?", 2)[0])
		if !ok {
			t.Fatalf("%s has no rule in api.RouteAccess", rt.path)
		}
		for _, s := range subs {
			r := sendRoute(t, h, rt.method, rt.path, rt.body, s.token)
			want := s.role != nil && s.role.Allows(need)
			if allowed(r) != want {
				t.Errorf("%s %s as %s (needs %s): %d %s; want allowed=%v", rt.method, rt.path, s.name, need, r.status, r.body, want)
			}
		}
	}
}

// sendRoute sends one request of the route matrix: an empty multipart
// upload, a stream it stops reading once the status is in, or a plain one.
func sendRoute(t *testing.T, h *host, method, path, body, token string) reply {
	t.Helper()
	switch body {
	case "multipart":
		var buf bytes.Buffer
		mw := multipart.NewWriter(&buf)
		mw.Close()
		return h.do(method, path, token, buf.String(), "Content-Type", mw.FormDataContentType(), "X-MOpsDesk", "1")
	case "stream":
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		req, _ := http.NewRequestWithContext(ctx, method, h.srv.URL+path, nil)
		if token != "" {
			req.AddCookie(&http.Cookie{Name: "mops_session", Value: token})
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		return reply{status: resp.StatusCode}
	}
	return h.do(method, path, token, body)
}
