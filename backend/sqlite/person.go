package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"

	"mopsdesk/backend"
)

// PeopleService finds the people named as owners and requesters across
// the workspace and renames them everywhere at once.
type PeopleService struct{ db *DB }

// NewPeopleService returns a PeopleService backed by db.
func NewPeopleService(db *DB) *PeopleService { return &PeopleService{db: db} }

var _ backend.PeopleService = (*PeopleService)(nil)

// personColumn is one place a person's name is kept.
type personColumn struct {
	kind, table, column string
	// stamped tables have an updated_at that a rename moves on.
	stamped bool
	// idColumn keeps the team member the name is (NULL: a name only).
	idColumn string
}

var personColumns = []personColumn{
	{"campaigns", "campaigns", "owner", true, "owner_id"},
	{"deliverables", "deliverables", "owner", true, "owner_id"},
	{"milestones", "milestones", "owner", true, "owner_id"},
	{"contracts", "contracts", "owner", true, "owner_id"},
	{"requests", "spend_requests", "requester", false, "requester_id"},
}

// FindPeople lists every name in use (exactly as written, so "dana" and
// "Dana" are two entries that can be merged), most used first.
func (s *PeopleService) FindPeople(ctx context.Context) ([]*backend.Person, error) {
	return s.findPeople(ctx, false)
}

// findPeople counts the names in use, only those no member stands behind
// when unmapped.
func (s *PeopleService) findPeople(ctx context.Context, unmapped bool) ([]*backend.Person, error) {
	byName := map[string]*backend.Person{}
	for _, c := range personColumns {
		where := ""
		if unmapped {
			where = " AND " + c.idColumn + " IS NULL"
		}
		rows, err := s.db.conn(ctx).QueryContext(ctx, fmt.Sprintf(`SELECT %[1]s, count(*) FROM %[2]s WHERE %[1]s <> ''%[3]s GROUP BY %[1]s`, c.column, c.table, where))
		if err != nil {
			return nil, fmt.Errorf("find people: %w", err)
		}
		for rows.Next() {
			var name string
			var n int
			if err := rows.Scan(&name, &n); err != nil {
				rows.Close()
				return nil, fmt.Errorf("scan person: %w", err)
			}
			p := byName[name]
			if p == nil {
				p = &backend.Person{Name: name}
				byName[name] = p
			}
			p.Uses += n
			switch c.kind {
			case "campaigns":
				p.Campaigns += n
			case "deliverables":
				p.Deliverables += n
			case "milestones":
				p.Milestones += n
			case "contracts":
				p.Contracts += n
			case "requests":
				p.Requests += n
			}
		}
		if err := rows.Close(); err != nil {
			return nil, err
		}
	}
	out := make([]*backend.Person, 0, len(byName))
	for _, p := range byName {
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Uses != out[j].Uses {
			return out[i].Uses > out[j].Uses
		}
		return strings.ToLower(out[i].Name) < strings.ToLower(out[j].Name)
	})
	return out, nil
}

// RenamePerson gives every record that names from the name to, in one
// transaction, and keeps which records changed so the rename can be undone.
func (s *PeopleService) RenamePerson(ctx context.Context, from, to string) (*backend.PersonRename, error) {
	r := &backend.PersonRename{From: from, To: to}
	if err := r.Validate(); err != nil {
		return nil, err
	}
	err := s.db.inTx(ctx, func(tx *sql.Tx) error {
		now := s.db.timestamp()
		changed := map[string][]int64{}
		for _, c := range personColumns {
			ids, err := idsWhere(ctx, tx, c.table, c.column+" = ?", r.From)
			if err != nil {
				return err
			}
			if len(ids) == 0 {
				continue
			}
			changed[c.kind] = ids
			r.Records += len(ids)
			set := c.column + " = ?"
			args := []any{r.To}
			if c.stamped {
				set, args = set+", updated_at = ?", append(args, now)
			}
			if _, err := tx.ExecContext(ctx, `UPDATE `+c.table+` SET `+set+` WHERE `+c.column+` = ?`, append(args, r.From)...); err != nil {
				return err
			}
		}
		if r.Records == 0 {
			return backend.Errorf(backend.ENOTFOUND, "No record names %q.", r.From)
		}
		raw, _ := json.Marshal(changed)
		res, err := tx.ExecContext(ctx, `INSERT INTO person_renames (at, from_name, to_name, changed, records) VALUES (?, ?, ?, ?, ?)`,
			now, r.From, r.To, string(raw), r.Records)
		if err != nil {
			return err
		}
		r.ID, _ = res.LastInsertId()
		r.At = now
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("rename person: %w", err)
	}
	return r, nil
}

// UndoRename puts the old name back on the records a rename changed that
// still carry the new name, in one transaction.
func (s *PeopleService) UndoRename(ctx context.Context, id int64) (*backend.PersonRename, error) {
	var out *backend.PersonRename
	err := s.db.inTx(ctx, func(tx *sql.Tx) error {
		r, changed, err := findRename(ctx, tx, id)
		if err != nil {
			return err
		}
		if r.UndoneAt != "" {
			return backend.Errorf(backend.ECONFLICT, "That rename was already undone.")
		}
		now := s.db.timestamp()
		for _, c := range personColumns {
			for _, rowID := range changed[c.kind] {
				set, args := c.column+" = ?", []any{r.From}
				if c.stamped {
					set, args = set+", updated_at = ?", append(args, now)
				}
				// A mapping's records are those still naming its member.
				where, whereArgs := c.column+" = ?", []any{rowID, r.To}
				if r.MemberID != 0 {
					set = set + ", " + c.idColumn + " = NULL"
					where, whereArgs = where+" AND "+c.idColumn+" = ?", append(whereArgs, r.MemberID)
				}
				if _, err := tx.ExecContext(ctx, `UPDATE `+c.table+` SET `+set+` WHERE id = ? AND `+where,
					append(args, whereArgs...)...); err != nil {
					return err
				}
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE person_renames SET undone_at = ? WHERE id = ?`, now, id); err != nil {
			return err
		}
		r.UndoneAt = now
		out = r
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("undo rename %d: %w", id, err)
	}
	return out, nil
}

// FindRenames lists the renames, newest first.
func (s *PeopleService) FindRenames(ctx context.Context) ([]*backend.PersonRename, error) {
	rows, err := s.db.conn(ctx).QueryContext(ctx, `SELECT id, at, from_name, to_name, records, undone_at, coalesce(member_id, 0) FROM person_renames ORDER BY id DESC LIMIT 50`)
	if err != nil {
		return nil, fmt.Errorf("find renames: %w", err)
	}
	defer rows.Close()
	out := []*backend.PersonRename{}
	for rows.Next() {
		var r backend.PersonRename
		if err := rows.Scan(&r.ID, &r.At, &r.From, &r.To, &r.Records, &r.UndoneAt, &r.MemberID); err != nil {
			return nil, fmt.Errorf("scan rename: %w", err)
		}
		out = append(out, &r)
	}
	return out, rows.Err()
}

func findRename(ctx context.Context, tx *sql.Tx, id int64) (*backend.PersonRename, map[string][]int64, error) {
	var r backend.PersonRename
	var raw string
	err := tx.QueryRowContext(ctx, `SELECT id, at, from_name, to_name, records, undone_at, changed, coalesce(member_id, 0) FROM person_renames WHERE id = ?`, id).
		Scan(&r.ID, &r.At, &r.From, &r.To, &r.Records, &r.UndoneAt, &raw, &r.MemberID)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil, backend.Errorf(backend.ENOTFOUND, "That rename no longer exists.")
	} else if err != nil {
		return nil, nil, err
	}
	changed := map[string][]int64{}
	if err := jsonUnmarshal(raw, &changed); err != nil {
		return nil, nil, err
	}
	return &r, changed, nil
}

func idsWhere(ctx context.Context, tx *sql.Tx, table, where string, args ...any) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id FROM `+table+` WHERE `+where+` ORDER BY id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}
