package api

import (
	"context"

	"mopsdesk/backend"
)

// Lists is the facade for the editable lists (teams, channels).
type Lists struct{ s Services }

// Items returns the entries of a list.
func (l *Lists) Items(ctx context.Context, kind backend.ListKind) ([]*backend.ListItem, error) {
	return call(ctx, l.s, "Lists.Items", func(ctx context.Context) ([]*backend.ListItem, error) {
		return l.s.Lists.ListItems(ctx, kind)
	})
}

// Create adds an entry to a list.
func (l *Lists) Create(ctx context.Context, kind backend.ListKind, name string) (*backend.ListItem, error) {
	return call(ctx, l.s, "Lists.Create", func(ctx context.Context) (*backend.ListItem, error) {
		return l.s.Lists.CreateListItem(ctx, kind, name)
	})
}

// Rename renames an entry; everything that uses it follows.
func (l *Lists) Rename(ctx context.Context, kind backend.ListKind, id int64, name string) (*backend.ListItem, error) {
	return call(ctx, l.s, "Lists.Rename", func(ctx context.Context) (*backend.ListItem, error) {
		return l.s.Lists.RenameListItem(ctx, kind, id, name)
	})
}

// Delete removes an entry that nothing uses.
func (l *Lists) Delete(ctx context.Context, kind backend.ListKind, id int64) error {
	_, err := call(ctx, l.s, "Lists.Delete", func(ctx context.Context) (struct{}, error) {
		return struct{}{}, l.s.Lists.DeleteListItem(ctx, kind, id)
	})
	return err
}
