package sqlite

import (
	"context"
	"encoding/json"
	"strings"

	"mopsdesk/backend"
)

// AuditService reads the audit log (backend.AuditService).
type AuditService struct{ db *DB }

// NewAuditService returns the audit log of db.
func NewAuditService(db *DB) *AuditService { return &AuditService{db: db} }

// auditDefaultPage is the page size of a filter that names none.
const auditDefaultPage = 100

// FindChanges returns one page of the entries matching f, newest first.
func (s *AuditService) FindChanges(ctx context.Context, f backend.ChangeFilter) (*backend.ChangePage, error) {
	if err := f.Validate(); err != nil {
		return nil, err
	}
	where, args := []string{"1 = 1"}, []any{}
	if f.Kind != "" {
		where, args = append(where, "kind = ?"), append(args, f.Kind)
		if f.RecordID != "" {
			where, args = append(where, "record = ?"), append(args, f.RecordID)
		}
	}
	switch {
	case f.MemberID == backend.LocalMember:
		where = append(where, "member_id = 0")
	case f.MemberID > 0:
		where, args = append(where, "member_id = ?"), append(args, f.MemberID)
	}
	if f.From != "" {
		where, args = append(where, "at >= ?"), append(args, f.From)
	}
	if d, ok := backend.ParseDay(f.To); ok {
		where, args = append(where, "at < ?"), append(args, d.AddDate(0, 0, 1).Format(backend.DayLayout))
	}
	if t := strings.TrimSpace(f.Text); t != "" {
		like := "%" + escapeLike(strings.ToLower(t)) + "%"
		where = append(where, `(lower(label) LIKE ? ESCAPE '\' OR lower(who) LIKE ? ESCAPE '\' OR lower(fields) LIKE ? ESCAPE '\')`)
		args = append(args, like, like, like)
	}
	cond := strings.Join(where, " AND ")
	page := &backend.ChangePage{Changes: []*backend.Change{}}
	conn := s.db.conn(ctx)
	if err := conn.QueryRowContext(ctx, `SELECT count(*) FROM audit_log WHERE `+cond, args...).Scan(&page.Total); err != nil {
		return nil, err
	}
	limit := f.Limit
	if limit == 0 {
		limit = auditDefaultPage
	}
	rows, err := conn.QueryContext(ctx, `SELECT id, at, member_id, who, kind, record, label, action, fields FROM audit_log WHERE `+cond+
		` ORDER BY id DESC LIMIT ? OFFSET ?`, append(args, limit, f.Offset)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		c := &backend.Change{}
		var fields string
		if err := rows.Scan(&c.ID, &c.At, &c.MemberID, &c.Who, &c.Kind, &c.RecordID, &c.Label, &c.Action, &fields); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(fields), &c.Fields); err != nil {
			return nil, err
		}
		page.Changes = append(page.Changes, c)
	}
	return page, rows.Err()
}

// ChangeAuthors lists everyone who made a change, by the name of their
// latest change; the local workspace is LocalMember with no name.
func (s *AuditService) ChangeAuthors(ctx context.Context) ([]backend.ChangeAuthor, error) {
	rows, err := s.db.conn(ctx).QueryContext(ctx, `SELECT member_id, who FROM audit_log
		WHERE id IN (SELECT max(id) FROM audit_log GROUP BY member_id) ORDER BY member_id = 0 DESC, lower(who)`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []backend.ChangeAuthor{}
	for rows.Next() {
		var a backend.ChangeAuthor
		if err := rows.Scan(&a.MemberID, &a.Name); err != nil {
			return nil, err
		}
		if a.MemberID == 0 {
			a.MemberID, a.Name = backend.LocalMember, ""
		}
		out = append(out, a)
	}
	return out, rows.Err()
}
