package sqlite_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"mopsdesk/backend"
	"mopsdesk/backend/password"
	"mopsdesk/backend/sqlite"
)

// Hundreds of sign-ins: cheap hashes here; BenchmarkHash measures the
// production cost.
func init() { password.Current = password.Params{Memory: 64, Time: 1, Threads: 1} }

// team is a store with a clock the test moves.
type team struct {
	*sqlite.TeamService
	db  *sqlite.DB
	now time.Time
}

func (tm *team) advance(d time.Duration) { tm.now = tm.now.Add(d) }

var office = backend.Client{Address: "192.0.2.7", Agent: "Firefox"}

func newTeam(t *testing.T) *team {
	t.Helper()
	db := mustOpen(t)
	tm := &team{TeamService: sqlite.NewTeamService(db), db: db, now: fixedNow}
	db.Now = func() time.Time { return tm.now }
	return tm
}

// withAdmin sets the team up with admin "Ada" (login ada) and returns her
// session token.
func withAdmin(t *testing.T, tm *team) (*backend.Member, string) {
	t.Helper()
	ctx := context.Background()
	code, err := tm.SetupCode(ctx)
	if err != nil || code == "" {
		t.Fatalf("setup code %q, %v", code, err)
	}
	m, token, err := tm.Setup(ctx, code, backend.NewMember{Name: "Ada", Login: "ada", Password: "ada-password-1"}, office)
	if err != nil {
		t.Fatal(err)
	}
	return m, token
}

// joinTeam invites someone with role and has them accept.
func joinTeam(t *testing.T, tm *team, name string, role backend.Role) (*backend.Member, string) {
	t.Helper()
	ctx := context.Background()
	inv, err := tm.CreateInvite(ctx, role, "")
	if err != nil {
		t.Fatal(err)
	}
	m, token, err := tm.AcceptInvite(ctx, inv.Code, backend.NewMember{Name: name, Login: strings.ToLower(name), Password: name + "-password-1"}, office)
	if err != nil {
		t.Fatal(err)
	}
	return m, token
}

// wantField fails unless err is code with the message key on field.
func wantField(t *testing.T, err error, code, field, key string) {
	t.Helper()
	var e *backend.Error
	if !errors.As(err, &e) || e.Code != code || e.Fields[field].Key != key {
		t.Fatalf("err = %v (%#v), want %s with %s: %s", err, e, code, field, key)
	}
}

func TestTeam_Setup(t *testing.T) {
	ctx := context.Background()
	tm := newTeam(t)
	if need, err := tm.NeedsSetup(ctx); err != nil || !need {
		t.Fatalf("needs setup = %v, %v", need, err)
	}
	first, _ := tm.SetupCode(ctx)
	code, _ := tm.SetupCode(ctx)
	nm := backend.NewMember{Name: "Ada", Login: "Ada", Password: "ada-password-1"}
	t.Run("ErrEarlierCode", func(t *testing.T) {
		_, _, err := tm.Setup(ctx, first, nm, office)
		wantField(t, err, backend.EINVALID, "code", "team.field.setup_code_wrong")
	})
	t.Run("ErrWrongCode", func(t *testing.T) {
		_, _, err := tm.Setup(ctx, "ABCD-EFGH", nm, office)
		wantField(t, err, backend.EINVALID, "code", "team.field.setup_code_wrong")
	})
	t.Run("ErrPasswordShort", func(t *testing.T) {
		_, _, err := tm.Setup(ctx, code, backend.NewMember{Name: "Ada", Login: "ada", Password: "123456789"}, office)
		wantField(t, err, backend.EINVALID, "password", "team.field.password_short")
	})
	t.Run("OK", func(t *testing.T) {
		// Typed in lower case with spaces instead of dashes.
		m, token, err := tm.Setup(ctx, strings.ToLower(strings.ReplaceAll(code, "-", " ")), nm, office)
		if err != nil {
			t.Fatal(err)
		}
		if m.Role != backend.RoleAdmin || !m.Active || m.Login != "Ada" {
			t.Fatalf("first member = %+v, want an active admin", m)
		}
		a, err := tm.Authenticate(ctx, token)
		if err != nil || a.PersonID != m.ID || a.Role != backend.RoleAdmin || a.Name != "Ada" {
			t.Fatalf("authenticate = %+v, %v", a, err)
		}
	})
	t.Run("ErrOnce", func(t *testing.T) {
		_, _, err := tm.Setup(ctx, code, backend.NewMember{Name: "Eve", Login: "eve", Password: "eve-password-1"}, office)
		wantCode(t, err, backend.ECONFLICT)
		if c, err := tm.SetupCode(ctx); c != "" || err != nil {
			t.Fatalf("setup code after setup = %q, %v", c, err)
		}
		if need, _ := tm.NeedsSetup(ctx); need {
			t.Fatal("still needs setup")
		}
	})
}

func TestTeam_Validation(t *testing.T) {
	ctx := context.Background()
	tm := newTeam(t)
	withAdmin(t, tm)
	for _, tc := range []struct {
		name       string
		m          backend.NewMember
		field, key string
	}{
		{"ErrNameRequired", backend.NewMember{Login: "dana", Password: "dana-password-1"}, "name", "field.required"},
		{"ErrNameBlank", backend.NewMember{Name: "   ", Login: "dana", Password: "dana-password-1"}, "name", "field.required"},
		{"ErrNameTooLong", backend.NewMember{Name: strings.Repeat("n", 201), Login: "dana", Password: "dana-password-1"}, "name", "field.too_long"},
		{"ErrLoginRequired", backend.NewMember{Name: "Dana", Password: "dana-password-1"}, "login", "field.required"},
		{"ErrLoginChars", backend.NewMember{Name: "Dana", Login: "dana smith", Password: "dana-password-1"}, "login", "team.field.login_chars"},
		{"ErrLoginTakenAnyCase", backend.NewMember{Name: "Ada 2", Login: "ADA", Password: "dana-password-1"}, "login", "team.field.login_taken"},
		{"ErrPasswordRequired", backend.NewMember{Name: "Dana", Login: "dana"}, "password", "field.required"},
		{"ErrPasswordShort", backend.NewMember{Name: "Dana", Login: "dana", Password: "short-pw1"}, "password", "team.field.password_short"},
		{"ErrPasswordTooLong", backend.NewMember{Name: "Dana", Login: "dana", Password: strings.Repeat("p", 1001)}, "password", "field.too_long"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			inv, err := tm.CreateInvite(ctx, backend.RoleViewer, "")
			if err != nil {
				t.Fatal(err)
			}
			_, _, err = tm.AcceptInvite(ctx, inv.Code, tc.m, office)
			wantField(t, err, backend.EINVALID, tc.field, tc.key)
		})
	}
	t.Run("OKEmailLogin", func(t *testing.T) {
		inv, _ := tm.CreateInvite(ctx, backend.RoleViewer, "")
		if _, _, err := tm.AcceptInvite(ctx, inv.Code, backend.NewMember{Name: "Dana", Login: "dana.smith@example.com", Password: "ten chars!"}, office); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("ErrInviteRole", func(t *testing.T) {
		_, err := tm.CreateInvite(ctx, "owner", "")
		wantField(t, err, backend.EINVALID, "role", "team.field.role_unknown")
	})
}

// TestTeam_SecretsNotInClear reads every text the team tables hold and
// finds no password, setup code, invite code or session token in it.
func TestTeam_SecretsNotInClear(t *testing.T) {
	ctx := context.Background()
	tm := newTeam(t)
	code, _ := tm.SetupCode(ctx)
	_, adminToken, err := tm.Setup(ctx, code, backend.NewMember{Name: "Ada", Login: "ada", Password: "ada-password-1"}, office)
	if err != nil {
		t.Fatal(err)
	}
	inv, _ := tm.CreateInvite(ctx, backend.RolePlanner, "")
	pending, _ := tm.CreateInvite(ctx, backend.RolePlanner, "")
	_, token, err := tm.AcceptInvite(ctx, inv.Code, backend.NewMember{Name: "Bo", Login: "bo", Password: "bo-secret-pass"}, office)
	if err != nil {
		t.Fatal(err)
	}
	_, token2, _ := tm.SignIn(ctx, "bo", "bo-secret-pass", office)
	tm.SignIn(ctx, "bo", "wrong-password-x", office)
	raw, err := sql.Open("sqlite3", sqlite.DSN(tm.db.Path()))
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	var all strings.Builder
	for _, table := range []string{"members", "member_invites", "member_sessions", "signin_failures", "team_setup"} {
		rows, err := raw.Query(`SELECT * FROM ` + table)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			rows.Scan(ptrs...)
			fmt.Fprintln(&all, vals...)
		}
		rows.Close()
	}
	dump := all.String()
	if !strings.Contains(dump, "$argon2id$") {
		t.Fatalf("no argon2id hash stored:\n%s", dump)
	}
	for what, secret := range map[string]string{"admin password": "ada-password-1", "password": "bo-secret-pass", "wrong password": "wrong-password-x",
		"setup code": strings.ReplaceAll(code, "-", ""), "invite code": inv.Code, "pending invite": pending.Code, "token": token, "token 2": token2, "admin token": adminToken} {
		if strings.Contains(dump, secret) {
			t.Errorf("the %s is stored in clear", what)
		}
	}
}

func TestTeam_SignIn(t *testing.T) {
	ctx := context.Background()
	tm := newTeam(t)
	admin, _ := withAdmin(t, tm)
	t.Run("OKAnyCase", func(t *testing.T) {
		m, token, err := tm.SignIn(ctx, "ADA", "ada-password-1", office)
		if err != nil || m.ID != admin.ID || token == "" || m.LastSignInAt == "" {
			t.Fatalf("sign in = %+v, %q, %v", m, token, err)
		}
	})
	t.Run("EachSignInANewSession", func(t *testing.T) {
		_, t1, _ := tm.SignIn(ctx, "ada", "ada-password-1", office)
		_, t2, _ := tm.SignIn(ctx, "ada", "ada-password-1", office)
		if t1 == t2 || len(t1) < 43 {
			t.Fatalf("tokens %q, %q: want two different 32-byte tokens", t1, t2)
		}
	})
	t.Run("WrongLoginAndWrongPasswordAlike", func(t *testing.T) {
		_, _, e1 := tm.SignIn(ctx, "ada", "not-the-password", office)
		_, _, e2 := tm.SignIn(ctx, "nobody", "not-the-password", office)
		wantField(t, e1, backend.EUNAUTHORIZED, "password", "team.field.signin_wrong")
		if fmt.Sprintf("%#v", e1) != fmt.Sprintf("%#v", e2) {
			t.Fatalf("an unknown login answers %#v, a wrong password %#v", e2, e1)
		}
	})
}

func TestTeam_BruteForce(t *testing.T) {
	ctx := context.Background()
	t.Run("LoginSlowsThenLocks", func(t *testing.T) {
		tm := newTeam(t)
		withAdmin(t, tm)
		for i := 1; i <= 5; i++ {
			_, _, err := tm.SignIn(ctx, "ada", "guess-number-"+fmt.Sprint(i), backend.Client{Address: fmt.Sprint("198.51.100.", i)})
			wantCode(t, err, backend.EUNAUTHORIZED)
		}
		// The sixth try must wait a second, even with the right password.
		_, _, err := tm.SignIn(ctx, "ada", "ada-password-1", office)
		wantField(t, err, backend.ELOCKED, "password", "team.field.signin_locked")
		var e *backend.Error
		errors.As(err, &e)
		if e.Fields["password"].Params["seconds"] != 1 {
			t.Fatalf("wait = %v, want 1 second", e.Fields["password"].Params)
		}
		for i := 6; i <= 10; i++ {
			tm.advance(time.Minute)
			_, _, err := tm.SignIn(ctx, "ada", "guess-number-"+fmt.Sprint(i), office)
			wantCode(t, err, backend.EUNAUTHORIZED)
		}
		// Ten wrong: locked for 15 minutes.
		tm.advance(14 * time.Minute)
		_, _, err = tm.SignIn(ctx, "ada", "ada-password-1", office)
		wantCode(t, err, backend.ELOCKED)
		if !strings.Contains(err.Error(), "in 60 s") {
			t.Fatalf("message %q does not say when to try again", err)
		}
		tm.advance(61 * time.Second)
		if _, _, err := tm.SignIn(ctx, "ada", "ada-password-1", office); err != nil {
			t.Fatal(err)
		}
		// A success forgets the login's failures.
		if _, _, err := tm.SignIn(ctx, "ada", "wrong-once-more", office); backend.ErrorCode(err) != backend.EUNAUTHORIZED {
			t.Fatalf("after success: %v", err)
		}
	})
	t.Run("UnknownLoginLocksToo", func(t *testing.T) {
		tm := newTeam(t)
		withAdmin(t, tm)
		for i := 0; i < 10; i++ {
			tm.advance(time.Minute)
			tm.SignIn(ctx, "ghost", "guess-number-x", backend.Client{})
		}
		_, _, err := tm.SignIn(ctx, "ghost", "guess-number-x", backend.Client{})
		wantCode(t, err, backend.ELOCKED)
	})
	t.Run("AddressLocksAcrossLogins", func(t *testing.T) {
		tm := newTeam(t)
		withAdmin(t, tm)
		for i := 0; i < 20; i++ {
			tm.advance(time.Minute)
			tm.SignIn(ctx, fmt.Sprint("user", i), "guess-number-x", office)
		}
		_, _, err := tm.SignIn(ctx, "ada", "ada-password-1", office)
		wantCode(t, err, backend.ELOCKED)
		if _, _, err := tm.SignIn(ctx, "ada", "ada-password-1", backend.Client{Address: "203.0.113.9"}); err != nil {
			t.Fatalf("another address: %v", err)
		}
	})
	t.Run("FailuresForgottenAfterAnHour", func(t *testing.T) {
		tm := newTeam(t)
		withAdmin(t, tm)
		for i := 0; i < 5; i++ {
			tm.SignIn(ctx, "ada", "guess-number-x", office)
		}
		tm.advance(61 * time.Minute)
		for i := 0; i < 4; i++ {
			tm.SignIn(ctx, "ada", "guess-number-x", office)
		}
		if _, _, err := tm.SignIn(ctx, "ada", "ada-password-1", office); err != nil {
			t.Fatal(err)
		}
	})
}
