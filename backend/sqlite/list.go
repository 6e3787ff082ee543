package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"mopsdesk/backend"
)

// ListService keeps the editable lists (teams, channels).
type ListService struct{ db *DB }

// NewListService returns a ListService backed by db.
func NewListService(db *DB) *ListService { return &ListService{db: db} }

var _ backend.ListService = (*ListService)(nil)

// listTable maps a list to its table and to an SQL expression that counts
// the records using item ?1. Only these fixed strings ever reach SQL text.
func listTable(kind backend.ListKind) (table, uses string, err error) {
	switch kind {
	case backend.ListTeams:
		return "teams", "((SELECT count(*) FROM campaigns WHERE team_id = ?1) + (SELECT coalesce(sum(entries), 0) FROM spend_monthly WHERE team_id = ?1) + (SELECT count(*) FROM budget_lines WHERE team_id = ?1) + (SELECT count(*) FROM spend_requests WHERE team_id = ?1))", nil
	case backend.ListChannels:
		return "channels", "((SELECT count(*) FROM campaign_channels WHERE channel_id = ?1) + (SELECT count(*) FROM deliverables WHERE channel_id = ?1))", nil
	case backend.ListCategories:
		return "spend_categories", "((SELECT coalesce(sum(entries), 0) FROM spend_monthly WHERE category_id = ?1) + (SELECT count(*) FROM budget_lines WHERE category_id = ?1) + (SELECT count(*) FROM spend_requests WHERE category_id = ?1))", nil
	}
	return "", "", backend.Errorf(backend.EINVALID, "Unknown list %q.", string(kind))
}

// ListItems returns the items of a list ordered by name, with use counts.
func (s *ListService) ListItems(ctx context.Context, kind backend.ListKind) ([]*backend.ListItem, error) {
	table, uses, err := listTable(kind)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.conn(ctx).QueryContext(ctx, `
		SELECT t.id, t.name, `+strings.ReplaceAll(uses, "?1", "t.id")+`
		FROM `+table+` t ORDER BY t.name COLLATE NOCASE`)
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", table, err)
	}
	defer rows.Close()
	items := []*backend.ListItem{}
	for rows.Next() {
		var it backend.ListItem
		if err := rows.Scan(&it.ID, &it.Name, &it.Uses); err != nil {
			return nil, err
		}
		items = append(items, &it)
	}
	return items, rows.Err()
}

// CreateListItem adds an item; a name already in the list is a conflict.
func (s *ListService) CreateListItem(ctx context.Context, kind backend.ListKind, name string) (*backend.ListItem, error) {
	table, _, err := listTable(kind)
	if err != nil {
		return nil, err
	}
	name = strings.TrimSpace(name)
	if err := backend.ValidateListName(name); err != nil {
		return nil, err
	}
	item := &backend.ListItem{Name: name}
	err = s.db.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO `+table+` (name) VALUES (?)`, name)
		if err != nil {
			return err
		}
		item.ID, err = res.LastInsertId()
		return err
	})
	if isUniqueViolation(err) {
		return nil, duplicateName(name)
	} else if err != nil {
		return nil, fmt.Errorf("create %s item: %w", table, err)
	}
	return item, nil
}

func duplicateName(name string) error {
	return &backend.Error{Code: backend.ECONFLICT, Message: fmt.Sprintf("%q is already in the list.", name),
		Fields: map[string]backend.FieldError{"name": {Key: "list.name_taken", Params: map[string]any{"name": name}}}}
}

// RenameListItem renames an item; every record that uses it follows.
func (s *ListService) RenameListItem(ctx context.Context, kind backend.ListKind, id int64, name string) (*backend.ListItem, error) {
	table, uses, err := listTable(kind)
	if err != nil {
		return nil, err
	}
	name = strings.TrimSpace(name)
	if err := backend.ValidateListName(name); err != nil {
		return nil, err
	}
	item := &backend.ListItem{ID: id, Name: name}
	err = s.db.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE `+table+` SET name = ? WHERE id = ?`, name, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return backend.Errorf(backend.ENOTFOUND, "That %s entry no longer exists.", kind)
		}
		return tx.QueryRowContext(ctx, `SELECT `+uses, id).Scan(&item.Uses)
	})
	if isUniqueViolation(err) {
		return nil, duplicateName(name)
	} else if err != nil {
		return nil, fmt.Errorf("rename %s item: %w", table, err)
	}
	return item, nil
}

// DeleteListItem removes an item that nothing uses; an item in use is a
// conflict that says how many records use it.
func (s *ListService) DeleteListItem(ctx context.Context, kind backend.ListKind, id int64) error {
	table, uses, err := listTable(kind)
	if err != nil {
		return err
	}
	err = s.db.inTx(ctx, func(tx *sql.Tx) error {
		var name string
		if err := tx.QueryRowContext(ctx, `SELECT name FROM `+table+` WHERE id = ?`, id).Scan(&name); err == sql.ErrNoRows {
			return backend.Errorf(backend.ENOTFOUND, "That %s entry no longer exists.", kind)
		} else if err != nil {
			return err
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT `+uses, id).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return &backend.Error{Code: backend.ECONFLICT,
				Message: fmt.Sprintf("%q is used by %d record(s); move them first.", name, n),
				Fields:  map[string]backend.FieldError{"name": {Key: "list.in_use", Params: map[string]any{"name": name, "count": n}}}}
		}
		_, err := tx.ExecContext(ctx, `DELETE FROM `+table+` WHERE id = ?`, id)
		return err
	})
	if err != nil {
		return fmt.Errorf("delete %s item: %w", table, err)
	}
	return nil
}
