package backend

import (
	"context"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// ELOCKED: sign-in is refused for a while after repeated wrong passwords
// (HTTP 429); the error's "password" field says when to try again.
const ELOCKED = "too_many_attempts"

// Limits of a team workspace's accounts and sessions.
const (
	// MinPasswordLength is the fewest characters a password may have.
	MinPasswordLength = 10
	// MaxPasswordLength bounds what is hashed (argon2 takes any length,
	// but a megabyte "password" is an attack, not a password).
	MaxPasswordLength = 1000
	// MaxLoginLength bounds a login.
	MaxLoginLength = 100
	// SessionIdle ends a session no one used for this long: a laptop left
	// signed in overnight in an office must sign in again the next day.
	SessionIdle = 12 * time.Hour
	// SessionLifetime ends any session this long after sign-in, used or
	// not: a stolen cookie stays useful a week at most.
	SessionLifetime = 7 * 24 * time.Hour
	// InviteLifetime is how long an invite or password reset can be used.
	InviteLifetime = 7 * 24 * time.Hour
)

// Member is a person with an account in a team workspace: the names that
// own campaigns, ask for spend and decide it are members' names.
type Member struct {
	ID    int64  `json:"id"`
	Name  string `json:"name"`
	Login string `json:"login"`
	Role  Role   `json:"role"`
	// Active is false once an admin deactivated them: they cannot sign
	// in, and their history stays.
	Active       bool   `json:"active"`
	CreatedAt    string `json:"createdAt"`
	LastSignInAt string `json:"lastSignInAt"`
}

// NewMember is what a person gives to join: the name others see, the
// login they sign in with, and a password (kept only as a slow hash).
type NewMember struct {
	Name     string `json:"name"`
	Login    string `json:"login"`
	Password string `json:"password"`
}

// Validate checks a new member's name, login and password.
func (m *NewMember) Validate() error {
	fe := FieldErrors{}
	validateName(fe, "name", strings.TrimSpace(m.Name))
	validateLogin(fe, strings.TrimSpace(m.Login))
	ValidatePassword(fe, "password", m.Password)
	return fe.Err("account")
}

// validateLogin checks a login: letters, digits and . _ - @ (an e-mail
// address works), without spaces, so that what people type to sign in is
// unambiguous. Logins are compared ignoring case (LoginKey).
func validateLogin(fe FieldErrors, login string) {
	switch n := utf8.RuneCountInString(login); {
	case n == 0:
		fe.Add("login", "field.required", nil)
		return
	case n > MaxLoginLength:
		fe.Add("login", "field.too_long", map[string]any{"max": MaxLoginLength})
		return
	}
	for _, r := range login {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("._-@+", r) {
			fe.Add("login", "team.field.login_chars", nil)
			return
		}
	}
}

// ValidatePassword checks a password's length into fe under field.
func ValidatePassword(fe FieldErrors, field, pw string) {
	switch n := utf8.RuneCountInString(pw); {
	case n == 0:
		fe.Add(field, "field.required", nil)
	case n < MinPasswordLength:
		fe.Add(field, "team.field.password_short", map[string]any{"min": MinPasswordLength})
	case len(pw) > MaxPasswordLength:
		fe.Add(field, "field.too_long", map[string]any{"max": MaxPasswordLength})
	}
}

// LoginKey is what two logins are compared by: "Dana" and "dana" are one.
func LoginKey(login string) string { return strings.ToLower(strings.TrimSpace(login)) }

// Invite lets one person join with a role, once, before it expires. A
// password reset is an invite for an existing member (MemberID).
type Invite struct {
	ID        int64  `json:"id"`
	Role      Role   `json:"role"`
	Note      string `json:"note"`
	MemberID  int64  `json:"memberId,omitempty"`
	CreatedBy string `json:"createdBy"`
	CreatedAt string `json:"createdAt"`
	ExpiresAt string `json:"expiresAt"`
	UsedAt    string `json:"usedAt"`
	UsedBy    string `json:"usedBy"`
	RevokedAt string `json:"revokedAt"`
	// Code is the secret to hand over; only the answer that creates the
	// invite carries it (the store keeps a hash).
	Code string `json:"code,omitempty"`
}

// Session is one signed-in browser or app. Its secret token travels only
// in an HttpOnly cookie; ID names it in lists and for revoking.
type Session struct {
	ID       string `json:"id"`
	MemberID int64  `json:"memberId"`
	Member   string `json:"member"`
	// Client is the browser or app that signed in (its User-Agent).
	Client string `json:"client"`
	// Address is the network address it signed in from.
	Address    string `json:"address"`
	CreatedAt  string `json:"createdAt"`
	LastSeenAt string `json:"lastSeenAt"`
	ExpiresAt  string `json:"expiresAt"`
	// Current marks the session the list was asked with.
	Current bool `json:"current"`
}

// Client is where a sign-in comes from: its address (repeated wrong
// passwords from one address slow down and lock it) and its browser.
type Client struct {
	Address string
	Agent   string
}

// TeamService keeps a team workspace's members, invites and sessions.
// Who acts (an invite's creator) comes from ActorFrom(ctx); what a role
// may do is the facade's and the dispatcher's to check, not the store's,
// except the rules that keep the workspace usable (the last admin).
type TeamService interface {
	// SetupCode makes a new one-time code that creates the first admin
	// (the one made before stops working); "" once the workspace has an
	// admin. Only its hash is kept.
	SetupCode(ctx context.Context) (string, error)
	// NeedsSetup reports whether the workspace has no admin yet.
	NeedsSetup(ctx context.Context) (bool, error)
	// Setup creates the first admin with the setup code and starts their
	// session, returning its secret token.
	Setup(ctx context.Context, code string, m NewMember, c Client) (*Member, string, error)
	// SignIn checks a login and password and starts a session, returning
	// its secret token. Repeated wrong passwords, per login and per
	// address, slow down and lock (ELOCKED); a wrong login and a wrong
	// password are told apart by no one.
	SignIn(ctx context.Context, login, password string, c Client) (*Member, string, error)
	// AcceptInvite creates the member an invite names (or sets the
	// password of the member a reset names, ending their sessions) and
	// starts a session.
	AcceptInvite(ctx context.Context, code string, m NewMember, c Client) (*Member, string, error)
	// Authenticate returns who a session token belongs to: EUNAUTHORIZED
	// when it is unknown, expired or revoked, or its member inactive.
	Authenticate(ctx context.Context, token string) (*Actor, error)
	// SignOut ends the session of token.
	SignOut(ctx context.Context, token string) error

	// FindMemberByID returns one member.
	FindMemberByID(ctx context.Context, id int64) (*Member, error)
	// FindMembers lists every member, deactivated ones too.
	FindMembers(ctx context.Context) ([]*Member, error)
	// CreateInvite makes an invite for role that expires after
	// InviteLifetime; the returned Invite carries its Code.
	CreateInvite(ctx context.Context, role Role, note string) (*Invite, error)
	// CreateReset makes a password reset for a member: an invite bound to
	// them, with its Code. Their earlier unused resets stop working.
	CreateReset(ctx context.Context, memberID int64) (*Invite, error)
	// FindInvites lists the invites, newest first.
	FindInvites(ctx context.Context) ([]*Invite, error)
	// RevokeInvite makes an unused invite unusable.
	RevokeInvite(ctx context.Context, id int64) error
	// SetRole changes a member's role; the last active admin keeps theirs.
	SetRole(ctx context.Context, id int64, role Role) (*Member, error)
	// SetActive deactivates a member (ending their sessions; their name
	// stays on everything they did) or brings them back. The last active
	// admin cannot be deactivated.
	SetActive(ctx context.Context, id int64, active bool) (*Member, error)
	// FindSessions lists the live sessions of a member, or of everyone
	// when memberID is 0.
	FindSessions(ctx context.Context, memberID int64) ([]*Session, error)
	// RevokeSession ends the session id; when memberID is not 0 only if
	// it is theirs (ENOTFOUND otherwise).
	RevokeSession(ctx context.Context, id string, memberID int64) error
	// ChangePassword sets a member's password after checking their
	// current one, and ends their other sessions than keepSession.
	ChangePassword(ctx context.Context, memberID int64, old, new, keepSession string) error
}
