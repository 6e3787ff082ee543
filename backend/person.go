package backend

import (
	"context"
	"strings"
)

// Person is a name that owns or asks for something in the workspace —
// a campaign, deliverable, milestone or contract owner, or a spend
// request's requester — with how many of each carry it. Today a person is
// the name people type; a team workspace can back the same list with
// accounts without its callers changing.
type Person struct {
	Name         string `json:"name"`
	Uses         int    `json:"uses"`
	Campaigns    int    `json:"campaigns"`
	Deliverables int    `json:"deliverables"`
	Milestones   int    `json:"milestones"`
	Contracts    int    `json:"contracts"`
	Requests     int    `json:"requests"`
}

// PersonRename records a rename of a person everywhere their name is used
// (a merge, when the new name is already in use): what, when, how many
// records, and whether it was undone.
type PersonRename struct {
	ID   int64  `json:"id"`
	From string `json:"from"`
	To   string `json:"to"`
	At   string `json:"at"`
	// Records is how many owners and requesters changed.
	Records int `json:"records"`
	// UndoneAt is when the rename was taken back ("" while it stands).
	UndoneAt string `json:"undoneAt"`
	// MemberID is the team member a mapping gave the records (0: a
	// rename of names only).
	MemberID int64 `json:"memberId"`
}

// Validate returns an EINVALID error naming each wrong field.
func (r *PersonRename) Validate() error {
	r.From, r.To = strings.TrimSpace(r.From), strings.TrimSpace(r.To)
	fe := FieldErrors{}
	validateName(fe, "from", r.From)
	validateName(fe, "to", r.To)
	if r.From != "" && r.From == r.To {
		fe.Add("to", "people.same_name", nil)
	}
	return fe.Err("rename")
}

// PeopleService lists the people a workspace names and fixes their names
// everywhere at once.
type PeopleService interface {
	// FindPeople lists every name in use, most used first.
	FindPeople(ctx context.Context) ([]*Person, error)
	// RenamePerson gives every record that names from the name to, in one
	// transaction, and records the rename so that it can be undone.
	RenamePerson(ctx context.Context, from, to string) (*PersonRename, error)
	// UndoRename puts back the old name on the records a rename changed
	// (those still carrying the new name).
	UndoRename(ctx context.Context, id int64) (*PersonRename, error)
	// FindRenames lists the renames, newest first.
	FindRenames(ctx context.Context) ([]*PersonRename, error)
	// FindMembers lists the team workspace's members as pickers offer
	// them; none in the local workspace.
	FindMembers(ctx context.Context) ([]*Teammate, error)
	// FindUnmapped lists the names in use that no member stands behind
	// (records without a member id), most used first.
	FindUnmapped(ctx context.Context) ([]*Person, error)
	// MapToMember gives every record that names name without a member
	// the member's id and name, in one transaction, recorded like a
	// rename so that UndoRename takes it back.
	MapToMember(ctx context.Context, name string, memberID int64) (*PersonRename, error)
}
