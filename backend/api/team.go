package api

import (
	"context"

	"mopsdesk/backend"
)

// Team is the facade for a team workspace's people and sessions: who is
// signed in, the members and their roles, invites and password resets.
// Which role may call each method is in Access; what is more particular
// (one's own sessions, the last admin) is checked here and in the store.
// In the local workspace (no one signed in) Me is null and the rest
// answer EINVALID: there are no accounts to manage.
type Team struct{ s Services }

// notTeam is the answer in the local workspace.
func notTeam() error {
	return backend.Errorf(backend.EINVALID, "That works only on a team workspace: this one is used by one person, without accounts.")
}

// teamCall runs a Team method for the signed-in person, or answers
// notTeam in the local workspace.
func teamCall[T any](ctx context.Context, t *Team, name string, fn func(ctx context.Context, a *backend.Actor) (T, error)) (T, error) {
	return call(ctx, t.s, name, func(ctx context.Context) (T, error) {
		a := backend.ActorFrom(ctx)
		if a == nil || t.s.Team == nil {
			var zero T
			return zero, notTeam()
		}
		return fn(ctx, a)
	})
}

// Me returns the signed-in member, or null in the local workspace.
func (t *Team) Me(ctx context.Context) (*backend.Member, error) {
	return call(ctx, t.s, "Team.Me", func(ctx context.Context) (*backend.Member, error) {
		a := backend.ActorFrom(ctx)
		if a == nil || t.s.Team == nil {
			return nil, nil
		}
		return t.s.Team.FindMemberByID(ctx, a.PersonID)
	})
}

// Members lists everyone with an account, deactivated people too.
func (t *Team) Members(ctx context.Context) ([]*backend.Member, error) {
	return teamCall(ctx, t, "Team.Members", func(ctx context.Context, _ *backend.Actor) ([]*backend.Member, error) {
		return t.s.Team.FindMembers(ctx)
	})
}

// Invite makes an invite for someone to join with role; the answer
// carries its Code (the join link is https://HOST/#/join/CODE), shown
// once: only its hash is kept.
func (t *Team) Invite(ctx context.Context, role backend.Role, note string) (*backend.Invite, error) {
	return teamCall(ctx, t, "Team.Invite", func(ctx context.Context, _ *backend.Actor) (*backend.Invite, error) {
		return t.s.Team.CreateInvite(ctx, role, note)
	})
}

// Invites lists the invites and password resets, newest first.
func (t *Team) Invites(ctx context.Context) ([]*backend.Invite, error) {
	return teamCall(ctx, t, "Team.Invites", func(ctx context.Context, _ *backend.Actor) ([]*backend.Invite, error) {
		return t.s.Team.FindInvites(ctx)
	})
}

// RevokeInvite makes an unused invite or reset unusable.
func (t *Team) RevokeInvite(ctx context.Context, id int64) error {
	_, err := teamCall(ctx, t, "Team.RevokeInvite", func(ctx context.Context, _ *backend.Actor) (struct{}, error) {
		return struct{}{}, t.s.Team.RevokeInvite(ctx, id)
	})
	return err
}

// SetRole changes a member's role (the last active admin stays admin).
func (t *Team) SetRole(ctx context.Context, memberID int64, role backend.Role) (*backend.Member, error) {
	return teamCall(ctx, t, "Team.SetRole", func(ctx context.Context, _ *backend.Actor) (*backend.Member, error) {
		return t.s.Team.SetRole(ctx, memberID, role)
	})
}

// SetActive deactivates a member, ending their sessions (their name stays
// on what they did), or brings them back.
func (t *Team) SetActive(ctx context.Context, memberID int64, active bool) (*backend.Member, error) {
	return teamCall(ctx, t, "Team.SetActive", func(ctx context.Context, _ *backend.Actor) (*backend.Member, error) {
		return t.s.Team.SetActive(ctx, memberID, active)
	})
}

// ResetPassword makes a password reset for a member: an invite bound to
// them whose Code lets them set a new password, once.
func (t *Team) ResetPassword(ctx context.Context, memberID int64) (*backend.Invite, error) {
	return teamCall(ctx, t, "Team.ResetPassword", func(ctx context.Context, _ *backend.Actor) (*backend.Invite, error) {
		return t.s.Team.CreateReset(ctx, memberID)
	})
}

// Sessions lists the signed-in person's sessions, or everyone's for an
// admin; the one asked with is marked Current.
func (t *Team) Sessions(ctx context.Context) ([]*backend.Session, error) {
	return teamCall(ctx, t, "Team.Sessions", func(ctx context.Context, a *backend.Actor) ([]*backend.Session, error) {
		list, err := t.s.Team.FindSessions(ctx, ownUnlessAdmin(a))
		for _, s := range list {
			s.Current = s.ID == a.SessionID
		}
		return list, err
	})
}

// RevokeSession ends one of the signed-in person's sessions, or anyone's
// for an admin.
func (t *Team) RevokeSession(ctx context.Context, id string) error {
	_, err := teamCall(ctx, t, "Team.RevokeSession", func(ctx context.Context, a *backend.Actor) (struct{}, error) {
		return struct{}{}, t.s.Team.RevokeSession(ctx, id, ownUnlessAdmin(a))
	})
	return err
}

// ChangePassword sets the signed-in person's password after checking
// their current one, and ends their other sessions.
func (t *Team) ChangePassword(ctx context.Context, oldPassword, newPassword string) error {
	_, err := teamCall(ctx, t, "Team.ChangePassword", func(ctx context.Context, a *backend.Actor) (struct{}, error) {
		return struct{}{}, t.s.Team.ChangePassword(ctx, a.PersonID, oldPassword, newPassword, a.SessionID)
	})
	return err
}

// ownUnlessAdmin is whose sessions a person sees and ends: their own, or
// everyone's (0) for an admin.
func ownUnlessAdmin(a *backend.Actor) int64 {
	if a.Role.Allows(backend.RoleAdmin) {
		return 0
	}
	return a.PersonID
}
