package backend

import "context"

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
	ID         string `json:"id"`
	MemberID   int64  `json:"memberId"`
	Member     string `json:"member"`
	Client     string `json:"client"`
	CreatedAt  string `json:"createdAt"`
	LastSeenAt string `json:"lastSeenAt"`
	ExpiresAt  string `json:"expiresAt"`
	// Current marks the session the list was asked with.
	Current bool `json:"current"`
}

// TeamService keeps a team workspace's members, invites and sessions.
// Methods that act for someone take them from ActorFrom(ctx).
type TeamService interface {
	// SetupCode returns the one-time code that creates the first admin,
	// making one if there is none; "" once the workspace has an admin.
	SetupCode(ctx context.Context) (string, error)
	// Setup creates the first admin with the setup code.
	Setup(ctx context.Context, code string, m NewMember) (*Member, error)
	// SignIn checks a login and password and starts a session, returning
	// its secret token. Repeated wrong passwords slow down and lock.
	SignIn(ctx context.Context, login, password, client string) (*Member, string, error)
	// AcceptInvite creates the member an invite names (or sets the
	// password of the member a reset names) and starts a session.
	AcceptInvite(ctx context.Context, code string, m NewMember, client string) (*Member, string, error)
	// Authenticate returns who a session token belongs to: EUNAUTHORIZED
	// when it is unknown, expired or revoked, or its member inactive.
	Authenticate(ctx context.Context, token string) (*Actor, error)
	// SignOut ends the session of token.
	SignOut(ctx context.Context, token string) error
}
