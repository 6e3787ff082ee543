package httpapi_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"mopsdesk/backend"
	"mopsdesk/backend/api"
	"mopsdesk/backend/httpapi"
	"mopsdesk/backend/password"
	"mopsdesk/backend/sqlite"
	"mopsdesk/backend/workspace"
)

// Hundreds of sign-ins: cheap hashes here (BenchmarkHash measures the
// production cost).
func init() { password.Current = password.Params{Memory: 64, Time: 1, Threads: 1} }

// host is a team host on a real workspace in a temp folder, with a clock
// the test moves.
type host struct {
	t    *testing.T
	srv  *httptest.Server
	api  *api.API
	team backend.TeamService
	now  time.Time
}

func newHost(t *testing.T, opt httpapi.Options) *host {
	t.Helper()
	h := &host{t: t, now: time.Date(2026, 3, 14, 12, 0, 0, 0, time.UTC)}
	db := sqlite.NewDB(filepath.Join(t.TempDir(), "mopsdesk.db"))
	if err := db.Open(); err != nil {
		t.Fatal(err)
	}
	db.Now = func() time.Time { return h.now }
	t.Cleanup(func() { db.Close() })
	services, err := workspace.Services(db, mustFiles(t))
	if err != nil {
		t.Fatal(err)
	}
	services.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	h.api = api.New(services)
	h.team = services.Team
	opt.Team = services.Team
	dist := fstest.MapFS{"index.html": {Data: []byte("<!doctype html><title>MOps Desk</title>")}}
	s, err := httpapi.New(h.api, dist, services.Log, opt)
	if err != nil {
		t.Fatal(err)
	}
	h.srv = httptest.NewServer(s)
	t.Cleanup(h.srv.Close)
	return h
}

// reply is an answer: its status, body, error payload and the session
// cookie it set, if any.
type reply struct {
	status int
	body   string
	err    api.ErrorPayload
	cookie *http.Cookie
	header http.Header
}

// do sends method path with token as the session cookie ("": none) and
// header pairs; a body is sent as JSON.
func (h *host) do(method, path, token, body string, header ...string) reply {
	h.t.Helper()
	req, err := http.NewRequest(method, h.srv.URL+path, strings.NewReader(body))
	if err != nil {
		h.t.Fatal(err)
	}
	if method == http.MethodPost {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	if token != "" {
		req.AddCookie(&http.Cookie{Name: "mops_session", Value: token})
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		h.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	out := reply{status: resp.StatusCode, body: string(b), header: resp.Header}
	json.Unmarshal(b, &out.err)
	for _, c := range resp.Cookies() {
		if c.Name == "mops_session" {
			out.cookie = c
		}
	}
	return out
}

// session is the token a sign-in answer set, failing the test without.
func (h *host) session(r reply) string {
	h.t.Helper()
	if r.status != http.StatusOK || r.cookie == nil || r.cookie.Value == "" {
		h.t.Fatalf("no session: %d %s", r.status, r.body)
	}
	return r.cookie.Value
}

// setup makes Ada the first admin with the setup code and returns her token.
func (h *host) setup() string {
	h.t.Helper()
	code, err := h.team.SetupCode(context.Background())
	if err != nil {
		h.t.Fatal(err)
	}
	return h.session(h.do("POST", "/auth/setup", "", fmt.Sprintf(`{"code":%q,"name":"Ada","login":"ada","password":"ada-password-1"}`, code)))
}

// invite has admin invite someone with role; it returns the code.
func (h *host) invite(admin string, role backend.Role) string {
	h.t.Helper()
	r := h.do("POST", "/api/Team/Invite", admin, fmt.Sprintf(`[%q, ""]`, role))
	var inv backend.Invite
	if json.Unmarshal([]byte(r.body), &inv); r.status != http.StatusOK || inv.Code == "" {
		h.t.Fatalf("invite: %d %s", r.status, r.body)
	}
	return inv.Code
}

// join invites login with role and signs them up (password login+"-password-1").
func (h *host) join(admin, login string, role backend.Role) string {
	h.t.Helper()
	code := h.invite(admin, role)
	return h.session(h.do("POST", "/auth/accept", "", fmt.Sprintf(`{"invite":%q,"name":%q,"login":%q,"password":%q}`, code, login, login, login+"-password-1")))
}

func (h *host) signIn(login, pw string, header ...string) reply {
	h.t.Helper()
	return h.do("POST", "/auth/signin", "", fmt.Sprintf(`{"login":%q,"password":%q}`, login, pw), header...)
}

// me is who token is signed in as, per /auth/state (nil: no one).
func (h *host) me(token string) *backend.Actor {
	h.t.Helper()
	var st struct {
		Mode  string         `json:"mode"`
		Setup bool           `json:"setup"`
		Me    *backend.Actor `json:"me"`
	}
	r := h.do("GET", "/auth/state", token, "")
	if err := json.Unmarshal([]byte(r.body), &st); err != nil || st.Mode != "team" {
		h.t.Fatalf("state: %d %s", r.status, r.body)
	}
	return st.Me
}

func TestAuth_LocalMode(t *testing.T) {
	srv := newServer(t)
	get, _ := http.Get(srv.URL + "/auth/state")
	b, _ := io.ReadAll(get.Body)
	get.Body.Close()
	if strings.TrimSpace(string(b)) != `{"mode":"local"}` {
		t.Fatalf("state = %s", b)
	}
	if resp, body := post(t, srv, "/api/Team/Me", `[]`); resp.StatusCode != 200 || strings.TrimSpace(string(body)) != "null" {
		t.Fatalf("Me = %d %s, want null", resp.StatusCode, body)
	}
	for _, call := range []string{"/api/Team/Members", "/api/Team/Sessions", "/api/Team/Invites"} {
		if resp, body := post(t, srv, call, `[]`); resp.StatusCode != 400 || !strings.Contains(string(body), "only on a team workspace") {
			t.Errorf("%s = %d %s, want invalid", call, resp.StatusCode, body)
		}
	}
	if resp, body := post(t, srv, "/auth/signin", `{"login":"ada","password":"ada-password-1"}`); resp.StatusCode != 404 {
		t.Errorf("sign-in in serve mode = %d %s", resp.StatusCode, body)
	}
}

func TestAuth_StateAndCookie(t *testing.T) {
	h := newHost(t, httpapi.Options{Secure: true})
	if r := h.do("GET", "/auth/state", "", ""); strings.TrimSpace(r.body) != `{"me":null,"mode":"team","setup":true}` {
		t.Fatalf("state before setup = %s", r.body)
	}
	code, _ := h.team.SetupCode(context.Background())
	r := h.do("POST", "/auth/setup", "", fmt.Sprintf(`{"code":%q,"name":"Ada","login":"ada","password":"ada-password-1"}`, code))
	c := r.cookie
	if r.status != 200 || c == nil || !c.HttpOnly || !c.Secure || c.SameSite != http.SameSiteStrictMode || c.Path != "/" ||
		c.MaxAge != int(backend.SessionLifetime/time.Second) || len(c.Value) < 43 {
		t.Fatalf("setup = %d %s, cookie %+v", r.status, r.body, c)
	}
	var a backend.Actor
	if json.Unmarshal([]byte(r.body), &a); a.Name != "Ada" || a.Role != backend.RoleAdmin || a.SessionID == "" {
		t.Fatalf("setup answered %s", r.body)
	}
	if me := h.me(c.Value); me == nil || me.Name != "Ada" {
		t.Fatalf("me = %+v", me)
	}
	if r := h.do("GET", "/auth/state", "", ""); !strings.Contains(r.body, `"setup":false`) || !strings.Contains(r.body, `"me":null`) {
		t.Fatalf("state after setup, signed out = %s", r.body)
	}
	t.Run("ErrSetupTwice", func(t *testing.T) {
		r := h.do("POST", "/auth/setup", "", fmt.Sprintf(`{"code":%q,"name":"Eve","login":"eve","password":"eve-password-1"}`, code))
		if r.status != 400 && r.status != 409 || r.cookie != nil {
			t.Fatalf("second setup = %d %s", r.status, r.body)
		}
	})
	t.Run("SignOut", func(t *testing.T) {
		r := h.do("POST", "/auth/signout", c.Value, "")
		if r.status != http.StatusNoContent || r.cookie == nil || r.cookie.MaxAge >= 0 {
			t.Fatalf("sign out = %d, cookie %+v", r.status, r.cookie)
		}
		if r := h.do("POST", "/api/Campaigns/Find", c.Value, `[{}]`); r.status != 401 || r.err.Code != "unauthorized" {
			t.Fatalf("after sign-out = %d %s", r.status, r.body)
		}
	})
	t.Run("StaticUIWithoutSession", func(t *testing.T) {
		if r := h.do("GET", "/", "", ""); r.status != 200 || !strings.Contains(r.body, "MOps Desk") {
			t.Fatalf("the page = %d %s", r.status, r.body)
		}
	})
}

// TestAuth_CSRF: another web site can neither sign someone in or out nor
// call the API with their cookie (which SameSite=Strict also withholds).
func TestAuth_CSRF(t *testing.T) {
	h := newHost(t, httpapi.Options{})
	admin := h.setup()
	foreign := [][]string{{"Origin", "https://evil.example"}, {"Sec-Fetch-Site", "cross-site"}, {"Sec-Fetch-Site", "same-site"}, {"Origin", "null"}}
	for _, hdr := range foreign {
		if r := h.do("POST", "/api/Team/Invite", admin, `["admin", "from evil"]`, hdr...); r.status != http.StatusForbidden {
			t.Errorf("invite with %v = %d %s", hdr, r.status, r.body)
		}
		if r := h.signIn("ada", "ada-password-1", hdr...); r.status != http.StatusForbidden || r.cookie != nil {
			t.Errorf("sign-in with %v = %d %s", hdr, r.status, r.body)
		}
		if r := h.do("POST", "/auth/signout", admin, "", hdr...); r.status != http.StatusForbidden {
			t.Errorf("sign-out with %v = %d", hdr, r.status)
		}
	}
	// A plain form post (no JSON) is refused too.
	if r := h.do("POST", "/auth/signin", "", "login=ada&password=ada-password-1", "Content-Type", "application/x-www-form-urlencoded"); r.status != http.StatusUnsupportedMediaType || r.cookie != nil {
		t.Errorf("form sign-in = %d %s", r.status, r.body)
	}
	r := h.do("POST", "/api/Team/Invites", admin, `[]`)
	if r.status != 200 || strings.TrimSpace(r.body) != "[]" {
		t.Fatalf("invites after the refused ones = %d %s", r.status, r.body)
	}
	if h.me(admin) == nil {
		t.Fatal("a foreign sign-out ended the session")
	}
}

// TestAuth_SessionFixation: a cookie planted before sign-in is not the
// session after it, and a planted live session ends.
func TestAuth_SessionFixation(t *testing.T) {
	h := newHost(t, httpapi.Options{})
	admin := h.setup()
	planted := h.join(admin, "mallory", backend.RoleViewer)
	for _, cookie := range []string{"planted-by-an-attacker-0123456789abcdefghijk", planted} {
		r := h.do("POST", "/auth/signin", cookie, `{"login":"ada","password":"ada-password-1"}`)
		got := h.session(r)
		if got == cookie {
			t.Fatalf("the planted cookie %q is the session after sign-in", cookie)
		}
		if me := h.me(got); me == nil || me.Name != "Ada" {
			t.Fatalf("new session is %+v", me)
		}
		if me := h.me(cookie); me != nil {
			t.Fatalf("the planted cookie is signed in as %+v", me)
		}
	}
}

func TestAuth_BruteForce(t *testing.T) {
	h := newHost(t, httpapi.Options{})
	h.setup()
	wrong := h.signIn("ada", "not-her-password")
	unknown := h.signIn("nobody", "not-her-password")
	if wrong.status != 401 || wrong.err.Code != "unauthorized" || wrong.body != unknown.body || wrong.status != unknown.status {
		t.Fatalf("wrong password %d %s; unknown login %d %s: want the same 401", wrong.status, wrong.body, unknown.status, unknown.body)
	}
	for i := 2; i <= 10; i++ {
		h.now = h.now.Add(time.Minute)
		if r := h.signIn("ada", fmt.Sprint("guess-number-", i)); r.status != 401 {
			t.Fatalf("guess %d = %d %s", i, r.status, r.body)
		}
	}
	r := h.signIn("ada", "ada-password-1")
	if r.status != http.StatusTooManyRequests || r.err.Code != backend.ELOCKED || r.header.Get("Retry-After") != "900" ||
		r.err.Fields["password"].Key != "team.field.signin_locked" || !strings.Contains(r.err.Message, "Try again after 12:24:00 UTC") || r.cookie != nil {
		t.Fatalf("locked sign-in = %d %s (Retry-After %q)", r.status, r.body, r.header.Get("Retry-After"))
	}
	h.now = h.now.Add(15 * time.Minute)
	h.session(h.signIn("ada", "ada-password-1"))
}

// TestAuth_InvitesAndResets: an invite and a reset work once, an expired
// one not at all, and a reset ends the member's sessions.
func TestAuth_InvitesAndResets(t *testing.T) {
	h := newHost(t, httpapi.Options{})
	admin := h.setup()
	code := h.invite(admin, backend.RolePlanner)
	form := func(login string) string {
		return fmt.Sprintf(`{"invite":%q,"name":%q,"login":%q,"password":"long-enough-1"}`, code, login, login)
	}
	bo := h.session(h.do("POST", "/auth/accept", "", form("bo")))
	if me := h.me(bo); me == nil || me.Role != backend.RolePlanner {
		t.Fatalf("joined as %+v", me)
	}
	if r := h.do("POST", "/auth/accept", "", form("eve")); r.status != 400 || r.err.Fields["invite"].Key != "team.field.invite_used" || r.cookie != nil {
		t.Fatalf("reused invite = %d %s", r.status, r.body)
	}
	code = h.invite(admin, backend.RoleAdmin)
	h.now = h.now.Add(backend.InviteLifetime + time.Minute)
	admin = h.session(h.signIn("ada", "ada-password-1"))
	bo = h.session(h.signIn("bo", "long-enough-1"))
	if r := h.do("POST", "/auth/accept", "", form("eve")); r.status != 400 || r.err.Fields["invite"].Key != "team.field.invite_expired" {
		t.Fatalf("expired invite = %d %s", r.status, r.body)
	}
	var members []backend.Member
	json.Unmarshal([]byte(h.do("POST", "/api/Team/Members", admin, `[]`).body), &members)
	var boID int64
	for _, m := range members {
		if m.Login == "bo" {
			boID = m.ID
		}
	}
	r := h.do("POST", "/api/Team/ResetPassword", admin, fmt.Sprintf(`[%d]`, boID))
	var reset backend.Invite
	if json.Unmarshal([]byte(r.body), &reset); r.status != 200 || reset.Code == "" || reset.MemberID != boID {
		t.Fatalf("reset = %d %s", r.status, r.body)
	}
	again := h.session(h.do("POST", "/auth/accept", "", fmt.Sprintf(`{"invite":%q,"password":"brand-new-pass"}`, reset.Code)))
	if me := h.me(again); me == nil || me.PersonID != boID {
		t.Fatalf("after reset signed in as %+v", me)
	}
	if r := h.do("POST", "/api/Campaigns/Find", bo, `[{}]`); r.status != 401 {
		t.Fatalf("Bo's session from before the reset = %d", r.status)
	}
	if r := h.do("POST", "/auth/accept", "", fmt.Sprintf(`{"invite":%q,"password":"third-password-1"}`, reset.Code)); r.status != 400 || r.err.Fields["invite"].Key != "team.field.invite_used" {
		t.Fatalf("reset used twice = %d %s", r.status, r.body)
	}
}

func TestAuth_DeactivatedMember(t *testing.T) {
	h := newHost(t, httpapi.Options{})
	admin := h.setup()
	bo := h.join(admin, "bo", backend.RolePlanner)
	id := h.me(bo).PersonID
	if r := h.do("POST", "/api/Team/SetActive", admin, fmt.Sprintf(`[%d, false]`, id)); r.status != 200 {
		t.Fatalf("deactivate = %d %s", r.status, r.body)
	}
	if r := h.do("POST", "/api/Campaigns/Find", bo, `[{}]`); r.status != 401 || r.err.Code != "unauthorized" {
		t.Fatalf("deactivated member's call = %d %s", r.status, r.body)
	}
	if r := h.signIn("bo", "bo-password-1"); r.status != 401 || r.cookie != nil {
		t.Fatalf("deactivated member's sign-in = %d %s", r.status, r.body)
	}
	me := h.me(admin)
	if r := h.do("POST", "/api/Team/SetActive", admin, fmt.Sprintf(`[%d, false]`, me.PersonID)); r.status != 400 || r.err.Fields["active"].Key != "team.field.last_admin" {
		t.Fatalf("deactivate the last admin = %d %s", r.status, r.body)
	}
}

// TestAuth_PathTraversal: with a valid session, /files/ serves stored
// files only, never a path built from what the request says.
func TestAuth_PathTraversal(t *testing.T) {
	h := newHost(t, httpapi.Options{})
	admin := h.setup()
	for _, path := range []string{
		"/files/../mopsdesk.db", "/files/document/..%2F..%2Fmopsdesk.db", "/files/thumb/..%2F..%2Fmopsdesk.db",
		"/files/thumb/%2e%2e", "/files/preview/..", "/files/asset/1/..%2F..%2Fmopsdesk.db", "/files/thumb/../../mopsdesk.db",
		"/files/%2e%2e/%2e%2e/mopsdesk.db", "/files//etc/passwd", "/files/thumb/%2Fetc%2Fpasswd",
	} {
		r := h.do("GET", path, admin, "")
		if r.status < 400 || r.status >= 500 || strings.Contains(r.body, "SQLite format") || strings.Contains(r.body, "root:") {
			t.Errorf("GET %s = %d %.40q", path, r.status, r.body)
		}
	}
}
