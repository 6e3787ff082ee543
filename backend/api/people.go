package api

import (
	"context"

	"mopsdesk/backend"
)

// People is the facade for the people named as owners and requesters.
type People struct{ s Services }

// Find lists every name in use with how often, most used first.
func (p *People) Find(ctx context.Context) ([]*backend.Person, error) {
	return call(ctx, p.s, "People.Find", func(ctx context.Context) ([]*backend.Person, error) {
		return p.s.People.FindPeople(ctx)
	})
}

// Rename gives every record naming from the name to (a merge when to is
// already in use), in one transaction; the rename is kept and undoable.
func (p *People) Rename(ctx context.Context, from, to string) (*backend.PersonRename, error) {
	return call(ctx, p.s, "People.Rename", func(ctx context.Context) (*backend.PersonRename, error) {
		return p.s.People.RenamePerson(ctx, from, to)
	})
}

// UndoRename puts a rename's old name back.
func (p *People) UndoRename(ctx context.Context, id int64) (*backend.PersonRename, error) {
	return call(ctx, p.s, "People.UndoRename", func(ctx context.Context) (*backend.PersonRename, error) {
		return p.s.People.UndoRename(ctx, id)
	})
}

// Renames lists the renames, newest first.
func (p *People) Renames(ctx context.Context) ([]*backend.PersonRename, error) {
	return call(ctx, p.s, "People.Renames", func(ctx context.Context) ([]*backend.PersonRename, error) {
		return p.s.People.FindRenames(ctx)
	})
}

// Members lists the team workspace's members for the owner and requester
// pickers; none in the local workspace, where names stay free text.
func (p *People) Members(ctx context.Context) ([]*backend.Teammate, error) {
	return call(ctx, p.s, "People.Members", func(ctx context.Context) ([]*backend.Teammate, error) {
		if backend.ActorFrom(ctx) == nil {
			return []*backend.Teammate{}, nil
		}
		return p.s.People.FindMembers(ctx)
	})
}

// Unmapped lists the owner and requester names no member stands behind,
// with how often each is used: what an admin maps once a workspace
// becomes a team's.
func (p *People) Unmapped(ctx context.Context) ([]*backend.Person, error) {
	return call(ctx, p.s, "People.Unmapped", func(ctx context.Context) ([]*backend.Person, error) {
		return p.s.People.FindUnmapped(ctx)
	})
}

// MapToMember makes every record naming name (without a member) the
// member's, in one transaction; it is kept with the renames and undoable.
func (p *People) MapToMember(ctx context.Context, name string, memberID int64) (*backend.PersonRename, error) {
	return call(ctx, p.s, "People.MapToMember", func(ctx context.Context) (*backend.PersonRename, error) {
		return p.s.People.MapToMember(ctx, name, memberID)
	})
}
