package backend

import "context"

// Role is what a person may do in a team workspace. Each role includes
// the ones below it: Admin ⊇ Approver ⊇ Planner ⊇ Viewer.
type Role string

// The roles, from the least to the most allowed.
const (
	// RoleViewer reads everything and exports reports; changes nothing.
	RoleViewer Role = "viewer"
	// RolePlanner changes campaigns, deliverables, tasks, assets,
	// contracts, spend and spend requests.
	RolePlanner Role = "planner"
	// RoleApprover is a Planner who also decides spend requests and edits
	// the budget plan.
	RoleApprover Role = "approver"
	// RoleAdmin is an Approver who also manages people, the workspace's
	// settings and its backups.
	RoleAdmin Role = "admin"
)

// Roles lists the roles from the least to the most allowed.
func Roles() []Role { return []Role{RoleViewer, RolePlanner, RoleApprover, RoleAdmin} }

// rank orders the roles; an unknown role ranks below every known one.
func (r Role) rank() int {
	for i, k := range Roles() {
		if r == k {
			return i
		}
	}
	return -1
}

// Valid reports whether r is one of the roles.
func (r Role) Valid() bool { return r.rank() >= 0 }

// Allows reports whether a person with role r may do what needs role need.
func (r Role) Allows(need Role) bool { return r.Valid() && need.Valid() && r.rank() >= need.rank() }

// Actor is the signed-in person a call is made for on a team host.
type Actor struct {
	// PersonID is the person's id in the workspace.
	PersonID int64 `json:"personId"`
	// Name is how the workspace names them (owners, "decided by").
	Name string `json:"name"`
	Role Role   `json:"role"`
	// SessionID identifies the session the call came with (not its secret).
	SessionID string `json:"sessionId,omitempty"`
}

type actorKey struct{}

// WithActor returns ctx carrying the person a call is made for.
func WithActor(ctx context.Context, a *Actor) context.Context {
	return context.WithValue(ctx, actorKey{}, a)
}

// ActorFrom returns the person ctx's call is made for, or nil when there
// is none: the local workspace (the desktop window, loopback serve mode),
// where the one person at the keyboard may do everything.
func ActorFrom(ctx context.Context) *Actor {
	a, _ := ctx.Value(actorKey{}).(*Actor)
	return a
}
