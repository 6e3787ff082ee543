package backend

import (
	"context"
	"strings"
	"unicode/utf8"
)

// ListKind names one of the editable lists that every area picks from.
type ListKind string

// The editable lists every area picks from.
const (
	ListTeams      ListKind = "teams"
	ListChannels   ListKind = "channels"
	ListCategories ListKind = "categories"
)

// Valid reports whether k is a known list.
func (k ListKind) Valid() bool { return k == ListTeams || k == ListChannels || k == ListCategories }

// ListItem is one entry of an editable list (a team, a channel).
type ListItem struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
	// Uses counts the records that refer to the item; an item in use
	// cannot be deleted, only renamed.
	Uses int `json:"uses"`
}

// MaxNameLength bounds names of campaigns, teams, channels and workspaces.
const MaxNameLength = 200

// ValidateListName returns an EINVALID error when name cannot name an item.
func ValidateListName(name string) error {
	fe := FieldErrors{}
	switch n := utf8.RuneCountInString(strings.TrimSpace(name)); {
	case n == 0:
		fe.Add("name", "field.required", nil)
	case n > MaxNameLength:
		fe.Add("name", "field.too_long", map[string]any{"max": MaxNameLength})
	}
	return fe.Err("list item")
}

// ListService keeps the editable lists. Names are unique per list,
// ignoring case.
type ListService interface {
	ListItems(ctx context.Context, kind ListKind) ([]*ListItem, error)
	CreateListItem(ctx context.Context, kind ListKind, name string) (*ListItem, error)
	RenameListItem(ctx context.Context, kind ListKind, id int64, name string) (*ListItem, error)
	DeleteListItem(ctx context.Context, kind ListKind, id int64) error
}
