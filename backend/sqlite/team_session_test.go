package sqlite_test

import (
	"context"
	"testing"
	"time"

	"mopsdesk/backend"
	"mopsdesk/backend/password"
	"mopsdesk/backend/sqlite"
)

func TestTeam_SessionExpiry(t *testing.T) {
	ctx := context.Background()
	t.Run("Idle", func(t *testing.T) {
		tm := newTeam(t)
		_, token := withAdmin(t, tm)
		tm.advance(backend.SessionIdle - time.Minute)
		if _, err := tm.Authenticate(ctx, token); err != nil {
			t.Fatalf("used within the idle limit: %v", err)
		}
		// Its use moved the idle limit on.
		tm.advance(backend.SessionIdle - time.Minute)
		if _, err := tm.Authenticate(ctx, token); err != nil {
			t.Fatalf("used again within the idle limit: %v", err)
		}
		tm.advance(backend.SessionIdle)
		_, err := tm.Authenticate(ctx, token)
		wantCode(t, err, backend.EUNAUTHORIZED)
	})
	t.Run("Absolute", func(t *testing.T) {
		tm := newTeam(t)
		_, token := withAdmin(t, tm)
		for used := time.Duration(0); used+11*time.Hour < backend.SessionLifetime; used += 11 * time.Hour {
			tm.advance(11 * time.Hour)
			if _, err := tm.Authenticate(ctx, token); err != nil {
				t.Fatalf("after %v: %v", used, err)
			}
		}
		tm.advance(11 * time.Hour)
		_, err := tm.Authenticate(ctx, token)
		wantCode(t, err, backend.EUNAUTHORIZED)
	})
	t.Run("UnknownToken", func(t *testing.T) {
		tm := newTeam(t)
		withAdmin(t, tm)
		for _, token := range []string{"", "x", "bm90IGEgdG9rZW4"} {
			_, err := tm.Authenticate(ctx, token)
			wantCode(t, err, backend.EUNAUTHORIZED)
		}
	})
}

func TestTeam_Sessions(t *testing.T) {
	ctx := context.Background()
	tm := newTeam(t)
	admin, adminToken := withAdmin(t, tm)
	bo, boToken := joinTeam(t, tm, "Bo", backend.RolePlanner)
	_, boPhone, _ := tm.SignIn(ctx, "bo", "Bo-password-1", backend.Client{Address: "203.0.113.5", Agent: "Phone"})
	t.Run("List", func(t *testing.T) {
		all, err := tm.FindSessions(ctx, 0)
		if err != nil || len(all) != 3 {
			t.Fatalf("all sessions = %d, %v; want 3", len(all), err)
		}
		own, _ := tm.FindSessions(ctx, bo.ID)
		if len(own) != 2 || own[0].Member != "Bo" || own[0].ExpiresAt == "" {
			t.Fatalf("Bo's sessions = %+v", own)
		}
	})
	t.Run("ErrRevokeSomeoneElses", func(t *testing.T) {
		a, _ := tm.Authenticate(ctx, adminToken)
		wantCode(t, tm.RevokeSession(ctx, a.SessionID, bo.ID), backend.ENOTFOUND)
		if _, err := tm.Authenticate(ctx, adminToken); err != nil {
			t.Fatal("someone else's session was ended")
		}
	})
	t.Run("RevokeOwn", func(t *testing.T) {
		a, _ := tm.Authenticate(ctx, boPhone)
		if err := tm.RevokeSession(ctx, a.SessionID, bo.ID); err != nil {
			t.Fatal(err)
		}
		_, err := tm.Authenticate(ctx, boPhone)
		wantCode(t, err, backend.EUNAUTHORIZED)
		if _, err := tm.Authenticate(ctx, boToken); err != nil {
			t.Fatalf("Bo's other session ended too: %v", err)
		}
	})
	t.Run("AdminRevokesAny", func(t *testing.T) {
		a, _ := tm.Authenticate(ctx, boToken)
		if err := tm.RevokeSession(ctx, a.SessionID, 0); err != nil {
			t.Fatal(err)
		}
		_, err := tm.Authenticate(ctx, boToken)
		wantCode(t, err, backend.EUNAUTHORIZED)
	})
	t.Run("SignOut", func(t *testing.T) {
		_, token, _ := tm.SignIn(ctx, "ada", "ada-password-1", office)
		if err := tm.SignOut(ctx, token); err != nil {
			t.Fatal(err)
		}
		_, err := tm.Authenticate(ctx, token)
		wantCode(t, err, backend.EUNAUTHORIZED)
	})
	t.Run("RoleCountsAtOnce", func(t *testing.T) {
		_, token, _ := tm.SignIn(ctx, "bo", "Bo-password-1", office)
		if _, err := tm.SetRole(ctx, bo.ID, backend.RoleViewer); err != nil {
			t.Fatal(err)
		}
		if a, _ := tm.Authenticate(ctx, token); a == nil || a.Role != backend.RoleViewer {
			t.Fatalf("actor after the role change = %+v", a)
		}
	})
	_ = admin
}

func TestTeam_Invites(t *testing.T) {
	ctx := context.Background()
	tm := newTeam(t)
	withAdmin(t, tm)
	ctxAda := backend.WithActor(ctx, &backend.Actor{PersonID: 1, Name: "Ada", Role: backend.RoleAdmin})
	inv, err := tm.CreateInvite(ctxAda, backend.RoleApprover, "Cy, finance")
	if err != nil {
		t.Fatal(err)
	}
	if len(inv.Code) < 43 || inv.CreatedBy != "Ada" || inv.ExpiresAt != stampOf(fixedNow.Add(7*24*time.Hour)) {
		t.Fatalf("invite = %+v", inv)
	}
	cy := backend.NewMember{Name: "Cy", Login: "cy", Password: "cy-password-1"}
	t.Run("OK", func(t *testing.T) {
		m, token, err := tm.AcceptInvite(ctx, inv.Code, cy, office)
		if err != nil || m.Role != backend.RoleApprover || token == "" {
			t.Fatalf("accept = %+v, %v", m, err)
		}
		list, _ := tm.FindInvites(ctx)
		if len(list) != 1 || list[0].UsedBy != "Cy" || list[0].UsedAt == "" || list[0].Code != "" {
			t.Fatalf("invites = %+v", list[0])
		}
	})
	t.Run("ErrReused", func(t *testing.T) {
		_, _, err := tm.AcceptInvite(ctx, inv.Code, backend.NewMember{Name: "Eve", Login: "eve", Password: "eve-password-1"}, office)
		wantField(t, err, backend.EINVALID, "invite", "team.field.invite_used")
	})
	t.Run("ErrExpired", func(t *testing.T) {
		old, _ := tm.CreateInvite(ctx, backend.RoleViewer, "")
		tm.advance(backend.InviteLifetime)
		defer tm.advance(-backend.InviteLifetime)
		_, _, err := tm.AcceptInvite(ctx, old.Code, backend.NewMember{Name: "Eve", Login: "eve", Password: "eve-password-1"}, office)
		wantField(t, err, backend.EINVALID, "invite", "team.field.invite_expired")
	})
	t.Run("ErrRevoked", func(t *testing.T) {
		x, _ := tm.CreateInvite(ctx, backend.RoleViewer, "")
		if err := tm.RevokeInvite(ctx, x.ID); err != nil {
			t.Fatal(err)
		}
		_, _, err := tm.AcceptInvite(ctx, x.Code, backend.NewMember{Name: "Eve", Login: "eve", Password: "eve-password-1"}, office)
		wantField(t, err, backend.EINVALID, "invite", "team.field.invite_invalid")
		wantCode(t, tm.RevokeInvite(ctx, x.ID), backend.ENOTFOUND)
	})
	t.Run("ErrUnknown", func(t *testing.T) {
		for _, code := range []string{"", "made-up"} {
			_, _, err := tm.AcceptInvite(ctx, code, backend.NewMember{Name: "Eve", Login: "eve", Password: "eve-password-1"}, office)
			wantField(t, err, backend.EINVALID, "invite", "team.field.invite_invalid")
		}
	})
	t.Run("InvalidFormKeepsInvite", func(t *testing.T) {
		x, _ := tm.CreateInvite(ctx, backend.RoleViewer, "")
		_, _, err := tm.AcceptInvite(ctx, x.Code, backend.NewMember{Name: "Eve", Login: "CY", Password: "eve-password-1"}, office)
		wantField(t, err, backend.EINVALID, "login", "team.field.login_taken")
		if _, _, err := tm.AcceptInvite(ctx, x.Code, backend.NewMember{Name: "Eve", Login: "eve", Password: "eve-password-1"}, office); err != nil {
			t.Fatalf("the invite was used up by a refused form: %v", err)
		}
	})
}

func stampOf(t time.Time) string { return t.UTC().Format(time.RFC3339) }

func TestTeam_ResetPassword(t *testing.T) {
	ctx := context.Background()
	tm := newTeam(t)
	withAdmin(t, tm)
	bo, boToken := joinTeam(t, tm, "Bo", backend.RolePlanner)
	earlier, _ := tm.CreateReset(ctx, bo.ID)
	reset, err := tm.CreateReset(ctx, bo.ID)
	if err != nil || reset.MemberID != bo.ID || reset.Code == "" {
		t.Fatalf("reset = %+v, %v", reset, err)
	}
	t.Run("ErrEarlierReset", func(t *testing.T) {
		_, _, err := tm.AcceptInvite(ctx, earlier.Code, backend.NewMember{Password: "new-password-1"}, office)
		wantField(t, err, backend.EINVALID, "invite", "team.field.invite_invalid")
	})
	t.Run("OK", func(t *testing.T) {
		m, token, err := tm.AcceptInvite(ctx, reset.Code, backend.NewMember{Name: "Mallory", Login: "mallory", Password: "new-password-1"}, office)
		if err != nil || m.ID != bo.ID || m.Name != "Bo" || m.Login != "bo" || m.Role != backend.RolePlanner || token == "" {
			t.Fatalf("reset = %+v, %v: want Bo kept as he was", m, err)
		}
		_, err = tm.Authenticate(ctx, boToken)
		wantCode(t, err, backend.EUNAUTHORIZED)
		if _, _, err := tm.SignIn(ctx, "bo", "new-password-1", office); err != nil {
			t.Fatal(err)
		}
		_, _, err = tm.SignIn(ctx, "bo", "Bo-password-1", office)
		wantCode(t, err, backend.EUNAUTHORIZED)
		if members, _ := tm.FindMembers(ctx); len(members) != 2 {
			t.Fatalf("members = %d, want 2 (a reset adds no one)", len(members))
		}
	})
	t.Run("ErrOnce", func(t *testing.T) {
		_, _, err := tm.AcceptInvite(ctx, reset.Code, backend.NewMember{Password: "third-password-1"}, office)
		wantField(t, err, backend.EINVALID, "invite", "team.field.invite_used")
	})
}

func TestTeam_Deactivate(t *testing.T) {
	ctx := context.Background()
	tm := newTeam(t)
	admin, _ := withAdmin(t, tm)
	bo, boToken := joinTeam(t, tm, "Bo", backend.RolePlanner)
	reset, _ := tm.CreateReset(ctx, bo.ID)
	m, err := tm.SetActive(ctx, bo.ID, false)
	if err != nil || m.Active {
		t.Fatalf("deactivate = %+v, %v", m, err)
	}
	t.Run("SessionsEnd", func(t *testing.T) {
		_, err := tm.Authenticate(ctx, boToken)
		wantCode(t, err, backend.EUNAUTHORIZED)
		if s, _ := tm.FindSessions(ctx, bo.ID); len(s) != 0 {
			t.Fatalf("sessions = %+v", s)
		}
	})
	t.Run("ErrSignIn", func(t *testing.T) {
		_, _, err := tm.SignIn(ctx, "bo", "Bo-password-1", office)
		wantField(t, err, backend.EUNAUTHORIZED, "login", "team.field.member_inactive")
	})
	t.Run("ErrReset", func(t *testing.T) {
		_, _, err := tm.AcceptInvite(ctx, reset.Code, backend.NewMember{Password: "new-password-1"}, office)
		wantCode(t, err, backend.EINVALID)
		_, err = tm.CreateReset(ctx, bo.ID)
		wantCode(t, err, backend.EINVALID)
	})
	t.Run("HistoryStays", func(t *testing.T) {
		got, err := tm.FindMemberByID(ctx, bo.ID)
		if err != nil || got.Name != "Bo" || got.Active {
			t.Fatalf("member = %+v, %v", got, err)
		}
	})
	t.Run("Reactivate", func(t *testing.T) {
		if _, err := tm.SetActive(ctx, bo.ID, true); err != nil {
			t.Fatal(err)
		}
		// The sessions ended; coming back does not revive them.
		_, err := tm.Authenticate(ctx, boToken)
		wantCode(t, err, backend.EUNAUTHORIZED)
		if _, _, err := tm.SignIn(ctx, "bo", "Bo-password-1", office); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("ErrLastAdmin", func(t *testing.T) {
		_, err := tm.SetActive(ctx, admin.ID, false)
		wantField(t, err, backend.EINVALID, "active", "team.field.last_admin")
		_, err = tm.SetRole(ctx, admin.ID, backend.RoleApprover)
		wantField(t, err, backend.EINVALID, "role", "team.field.last_admin")
		if _, err := tm.SetRole(ctx, bo.ID, backend.RoleAdmin); err != nil {
			t.Fatal(err)
		}
		if _, err := tm.SetRole(ctx, admin.ID, backend.RoleApprover); err != nil {
			t.Fatalf("with a second admin: %v", err)
		}
		_, err = tm.SetActive(ctx, bo.ID, false)
		wantField(t, err, backend.EINVALID, "active", "team.field.last_admin")
	})
}

func TestTeam_ChangePassword(t *testing.T) {
	ctx := context.Background()
	tm := newTeam(t)
	withAdmin(t, tm)
	bo, token := joinTeam(t, tm, "Bo", backend.RolePlanner)
	_, other, _ := tm.SignIn(ctx, "bo", "Bo-password-1", office)
	a, _ := tm.Authenticate(ctx, token)
	t.Run("ErrWrongOld", func(t *testing.T) {
		wantField(t, tm.ChangePassword(ctx, bo.ID, "not-my-password", "brand-new-pass", a.SessionID), backend.EINVALID, "old", "team.field.password_wrong")
	})
	t.Run("ErrShortNew", func(t *testing.T) {
		wantField(t, tm.ChangePassword(ctx, bo.ID, "Bo-password-1", "short", a.SessionID), backend.EINVALID, "new", "team.field.password_short")
	})
	t.Run("OK", func(t *testing.T) {
		if err := tm.ChangePassword(ctx, bo.ID, "Bo-password-1", "brand-new-pass", a.SessionID); err != nil {
			t.Fatal(err)
		}
		if _, err := tm.Authenticate(ctx, token); err != nil {
			t.Fatalf("the session it was changed in ended: %v", err)
		}
		_, err := tm.Authenticate(ctx, other)
		wantCode(t, err, backend.EUNAUTHORIZED)
		if _, _, err := tm.SignIn(ctx, "bo", "brand-new-pass", office); err != nil {
			t.Fatal(err)
		}
	})
}

// BenchmarkTeam_SignIn is one sign-in with the production password
// parameters: the hash check and the new session's writes.
func BenchmarkTeam_SignIn(b *testing.B) {
	ctx := context.Background()
	low := password.Current
	b.Cleanup(func() { password.Current = low })
	db := mustOpen(b)
	tm := sqlite.NewTeamService(db)
	code, _ := tm.SetupCode(ctx)
	password.Current = password.Production
	if _, _, err := tm.Setup(ctx, code, backend.NewMember{Name: "Ada", Login: "ada", Password: "ada-password-1"}, office); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, _, err := tm.SignIn(ctx, "ada", "ada-password-1", office); err != nil {
			b.Fatal(err)
		}
	}
}
