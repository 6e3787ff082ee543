package httpapi_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"testing"
	"time"

	"mopsdesk/backend"
	"mopsdesk/backend/httpapi"
)

// TestTeamFacade_Sessions: a person sees and ends only their own
// sessions; an admin sees and ends everyone's.
func TestTeamFacade_Sessions(t *testing.T) {
	h := newHost(t, httpapi.Options{})
	admin := h.setup()
	bo := h.join(admin, "bo", backend.RolePlanner)
	boLaptop := h.session(h.signIn("bo", "bo-password-1"))
	list := func(token string) []backend.Session {
		t.Helper()
		r := h.do("POST", "/api/Team/Sessions", token, `[]`)
		var out []backend.Session
		if err := json.Unmarshal([]byte(r.body), &out); err != nil || r.status != 200 {
			t.Fatalf("sessions = %d %s", r.status, r.body)
		}
		return out
	}
	own := list(bo)
	if len(own) != 2 {
		t.Fatalf("Bo sees %d sessions, want his 2", len(own))
	}
	current := 0
	for _, s := range own {
		if s.Member != "bo" {
			t.Fatalf("Bo sees %s's session", s.Member)
		}
		if s.Current {
			current++
			if s.ID != h.me(bo).SessionID {
				t.Fatal("the wrong session is marked current")
			}
		}
	}
	if current != 1 {
		t.Fatalf("%d sessions marked current", current)
	}
	if all := list(admin); len(all) != 3 {
		t.Fatalf("the admin sees %d sessions, want 3", len(all))
	}
	adminSession := h.me(admin).SessionID
	if r := h.do("POST", "/api/Team/RevokeSession", bo, fmt.Sprintf(`[%q]`, adminSession)); r.status != 404 {
		t.Fatalf("Bo revoking the admin's session = %d %s", r.status, r.body)
	}
	if h.me(admin) == nil {
		t.Fatal("Bo ended the admin's session")
	}
	if r := h.do("POST", "/api/Team/RevokeSession", bo, fmt.Sprintf(`[%q]`, h.me(boLaptop).SessionID)); r.status != 200 {
		t.Fatalf("Bo revoking his own = %d %s", r.status, r.body)
	}
	if h.me(boLaptop) != nil {
		t.Fatal("the revoked session still signs in")
	}
	if r := h.do("POST", "/api/Team/RevokeSession", admin, fmt.Sprintf(`[%q]`, h.me(bo).SessionID)); r.status != 200 || h.me(bo) != nil {
		t.Fatalf("the admin revoking Bo's = %d %s", r.status, r.body)
	}
}

func TestTeamFacade_Account(t *testing.T) {
	h := newHost(t, httpapi.Options{})
	admin := h.setup()
	bo := h.join(admin, "bo", backend.RoleApprover)
	other := h.session(h.signIn("bo", "bo-password-1"))
	var me backend.Member
	if r := h.do("POST", "/api/Team/Me", bo, `[]`); json.Unmarshal([]byte(r.body), &me) != nil || me.Login != "bo" || me.Role != backend.RoleApprover {
		t.Fatalf("me = %d %s", r.status, r.body)
	}
	t.Run("ChangePassword", func(t *testing.T) {
		if r := h.do("POST", "/api/Team/ChangePassword", bo, `["wrong-password-0", "brand-new-pass"]`); r.status != 400 || r.err.Fields["old"].Key != "team.field.password_wrong" {
			t.Fatalf("wrong old password = %d %s", r.status, r.body)
		}
		if r := h.do("POST", "/api/Team/ChangePassword", bo, `["bo-password-1", "brand-new-pass"]`); r.status != 200 {
			t.Fatalf("change = %d %s", r.status, r.body)
		}
		if h.me(bo) == nil || h.me(other) != nil {
			t.Fatal("want the session it was changed in kept and the other one ended")
		}
		h.session(h.signIn("bo", "brand-new-pass"))
	})
	t.Run("SetRole", func(t *testing.T) {
		id := h.me(admin).PersonID
		if r := h.do("POST", "/api/Team/SetRole", admin, fmt.Sprintf(`[%d, "viewer"]`, id)); r.status != 400 || r.err.Fields["role"].Key != "team.field.last_admin" {
			t.Fatalf("demote the last admin = %d %s", r.status, r.body)
		}
		if r := h.do("POST", "/api/Team/SetRole", admin, fmt.Sprintf(`[%d, "viewer"]`, me.ID)); r.status != 200 {
			t.Fatalf("set role = %d %s", r.status, r.body)
		}
		// At once: Bo's next call is a Viewer's.
		if r := h.do("POST", "/api/Requests/Decide", bo, `[1, "approved", ""]`); r.status != 403 || r.err.Code != "forbidden" {
			t.Fatalf("a viewer deciding = %d %s", r.status, r.body)
		}
	})
}

// TestAuth_StreamEndsWithSession: an open event stream closes once its
// session is revoked, so a removed person hears no more of the team.
func TestAuth_StreamEndsWithSession(t *testing.T) {
	defer httpapi.SetSessionRecheck(5 * time.Millisecond)()
	h := newHost(t, httpapi.Options{})
	admin := h.setup()
	bo := h.join(admin, "bo", backend.RoleViewer)
	// The safety net for a stream that never ends: the test fails, it
	// does not hang.
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", h.srv.URL+"/api/events", nil)
	req.AddCookie(&http.Cookie{Name: "mops_session", Value: bo})
	resp, err := http.DefaultClient.Do(req)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("stream: %v %v", resp, err)
	}
	defer resp.Body.Close()
	line, _ := bufio.NewReader(resp.Body).ReadString('\n')
	if line != ": open\n" {
		t.Fatalf("stream starts %q", line)
	}
	if r := h.do("POST", "/api/Team/RevokeSession", admin, fmt.Sprintf(`[%q]`, h.me(bo).SessionID)); r.status != 200 {
		t.Fatalf("revoke = %d %s", r.status, r.body)
	}
	if _, err := io.ReadAll(resp.Body); err != nil {
		t.Fatalf("the stream did not end with its session: %v", err)
	}
}
