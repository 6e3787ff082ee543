package backend

import (
	"context"
	"strings"
)

// MemberDirectory lists the members of a team workspace: the people that
// owners, requesters and deciders are. The team store implements it; a
// local workspace has none (nil) and keeps its free-text names.
type MemberDirectory interface {
	// FindMembers returns every member, active or not.
	FindMembers(ctx context.Context) ([]*Member, error)
}

// Teammate is a member as the people pickers show them: no login, no
// role, only who they are and whether they can still be chosen.
type Teammate struct {
	ID     int64  `json:"id"`
	Name   string `json:"name"`
	Active bool   `json:"active"`
}

// FindMember returns the member with id, or else the one whose name is
// name (ignoring case and surrounding spaces, and only when exactly one
// member has it); nil when there is none.
func FindMember(members []*Member, id int64, name string) *Member {
	if id > 0 {
		for _, m := range members {
			if m.ID == id {
				return m
			}
		}
		return nil
	}
	name = strings.TrimSpace(name)
	var found *Member
	for _, m := range members {
		if name != "" && strings.EqualFold(strings.TrimSpace(m.Name), name) {
			if found != nil {
				return nil // two members share the name: ask for the id
			}
			found = m
		}
	}
	return found
}

// ResolveOwner makes the owner a record is saved with (name and member
// id) a member of the team workspace when the call is made for someone
// (ActorFrom): the id (when its member has the name), or else the name,
// must be an active member's, and
// the record then carries that member's id and canonical name; anything
// else is a field error "people.not_member". An owner left as it was
// (prevName, prevID) is not checked again, so records from before the
// team keep saving. In the local workspace the name is free text and the
// id is dropped when the name changes. An empty name clears both.
func ResolveOwner(ctx context.Context, dir MemberDirectory, fe FieldErrors, field string, name *string, id *int64, prevName string, prevID int64) error {
	*name = strings.TrimSpace(*name)
	if *name == "" {
		*id = 0
		return nil
	}
	if *id == prevID && *name != prevName {
		*id = 0 // a new name typed over an old choice: the name decides
	}
	if *name == prevName && (*id == 0 || *id == prevID) {
		*id = prevID
		return nil
	}
	if ActorFrom(ctx) == nil {
		*id = 0
		return nil
	}
	if dir == nil {
		return Errorf(EINTERNAL, "This workspace has no list of members.")
	}
	members, err := dir.FindMembers(ctx)
	if err != nil {
		return err
	}
	m := FindMember(members, *id, *name)
	if m != nil && !strings.EqualFold(strings.TrimSpace(m.Name), *name) {
		m = FindMember(members, 0, *name) // the name shown wins over a stale id
	}
	if m == nil || !m.Active {
		fe.Add(field, "people.not_member", map[string]any{"name": *name})
		return nil
	}
	*name, *id = m.Name, m.ID
	return nil
}

// UpdatedOwner is the owner name and id an update leads to from the
// stored prevName and prevID: a name given without an id is looked up
// by name.
func UpdatedOwner(name *string, id *int64, prevName string, prevID int64) (string, int64) {
	n, i := prevName, prevID
	if name != nil {
		n = *name
		if id == nil {
			i = 0
		}
	}
	if id != nil {
		i = *id
	}
	return n, i
}
