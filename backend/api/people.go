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
