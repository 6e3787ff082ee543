package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"mopsdesk/backend"
)

// FindMembers lists the team's members as pickers offer them, by name;
// none in a local workspace (no member directory).
func (s *PeopleService) FindMembers(ctx context.Context) ([]*backend.Teammate, error) {
	out := []*backend.Teammate{}
	if s.db.Members == nil {
		return out, nil
	}
	members, err := s.db.Members.FindMembers(ctx)
	if err != nil {
		return nil, fmt.Errorf("find members: %w", err)
	}
	for _, m := range members {
		out = append(out, &backend.Teammate{ID: m.ID, Name: m.Name, Active: m.Active})
	}
	sort.SliceStable(out, func(i, j int) bool { return strings.ToLower(out[i].Name) < strings.ToLower(out[j].Name) })
	return out, nil
}

// FindUnmapped lists the names in use on records without a member, most
// used first: what is left to map once a workspace becomes a team's.
func (s *PeopleService) FindUnmapped(ctx context.Context) ([]*backend.Person, error) {
	return s.findPeople(ctx, true)
}

// MapToMember gives every record naming name without a member the
// member's id and name, in one transaction, and keeps which records
// changed so that UndoRename can take the mapping back.
func (s *PeopleService) MapToMember(ctx context.Context, name string, memberID int64) (*backend.PersonRename, error) {
	name = strings.TrimSpace(name)
	fe := backend.FieldErrors{}
	if name == "" {
		fe.Add("from", "field.required", nil)
	}
	if memberID <= 0 {
		fe.Add("memberId", "field.required", nil)
	}
	if err := fe.Err("mapping"); err != nil {
		return nil, err
	}
	if s.db.Members == nil {
		return nil, backend.Errorf(backend.EINVALID, "Names map to members only on a team workspace.")
	}
	members, err := s.db.Members.FindMembers(ctx)
	if err != nil {
		return nil, fmt.Errorf("map person: %w", err)
	}
	// A former member may own old work: any member, active or not.
	m := backend.FindMember(members, memberID, "")
	if m == nil {
		fe.Add("memberId", "people.not_member", map[string]any{"name": name})
		return nil, fe.Err("mapping")
	}
	r := &backend.PersonRename{From: name, To: m.Name, MemberID: m.ID}
	err = s.db.inTx(ctx, func(tx *sql.Tx) error {
		now := s.db.timestamp()
		changed := map[string][]int64{}
		for _, c := range personColumns {
			match := c.column + " = ? AND " + c.idColumn + " IS NULL"
			ids, err := idsWhere(ctx, tx, c.table, match, r.From)
			if err != nil {
				return err
			}
			if len(ids) == 0 {
				continue
			}
			changed[c.kind] = ids
			r.Records += len(ids)
			set, args := c.column+" = ?, "+c.idColumn+" = ?", []any{r.To, r.MemberID}
			if c.stamped {
				set, args = set+", updated_at = ?", append(args, now)
			}
			if _, err := tx.ExecContext(ctx, `UPDATE `+c.table+` SET `+set+` WHERE `+match, append(args, r.From)...); err != nil {
				return err
			}
		}
		if r.Records == 0 {
			return backend.Errorf(backend.ENOTFOUND, "No record names %q without a member.", r.From)
		}
		raw, _ := json.Marshal(changed)
		res, err := tx.ExecContext(ctx, `INSERT INTO person_renames (at, from_name, to_name, changed, records, member_id) VALUES (?, ?, ?, ?, ?, ?)`,
			now, r.From, r.To, string(raw), r.Records, r.MemberID)
		if err != nil {
			return err
		}
		r.ID, _ = res.LastInsertId()
		r.At = now
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("map person %q: %w", name, err)
	}
	return r, nil
}
