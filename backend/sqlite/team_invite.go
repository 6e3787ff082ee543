package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"unicode/utf8"

	"mopsdesk/backend"
	"mopsdesk/backend/password"
)

// maxInviteNote bounds the note an admin keeps with an invite ("Dana,
// events").
const maxInviteNote = 200

const inviteColumns = `i.id, i.role, i.note, coalesce(i.member_id, 0), i.created_by, i.created_at, i.expires_at, i.used_at,
	coalesce(u.name, ''), i.revoked_at`

func scanInvite(row interface{ Scan(...any) error }) (*backend.Invite, error) {
	x := &backend.Invite{}
	err := row.Scan(&x.ID, &x.Role, &x.Note, &x.MemberID, &x.CreatedBy, &x.CreatedAt, &x.ExpiresAt, &x.UsedAt, &x.UsedBy, &x.RevokedAt)
	return x, err
}

// CreateInvite makes an invite for role, valid once for InviteLifetime.
func (s *TeamService) CreateInvite(ctx context.Context, role backend.Role, note string) (*backend.Invite, error) {
	fe := backend.FieldErrors{}
	if !role.Valid() {
		fe.Add("role", "team.field.role_unknown", nil)
	}
	if utf8.RuneCountInString(note) > maxInviteNote {
		fe.Add("note", "field.too_long", map[string]any{"max": maxInviteNote})
	}
	if err := fe.Err("invite"); err != nil {
		return nil, err
	}
	return s.newInvite(ctx, role, note, 0)
}

// CreateReset makes a password reset for an active member: an invite
// bound to them. Their earlier unused resets stop working.
func (s *TeamService) CreateReset(ctx context.Context, memberID int64) (*backend.Invite, error) {
	m, err := s.FindMemberByID(ctx, memberID)
	if err != nil {
		return nil, err
	}
	if !m.Active {
		return nil, backend.Errorf(backend.EINVALID, "%s is deactivated; activate them before resetting their password.", m.Name)
	}
	return s.newInvite(ctx, m.Role, "", memberID)
}

func (s *TeamService) newInvite(ctx context.Context, role backend.Role, note string, memberID int64) (*backend.Invite, error) {
	code, err := newSecret(32)
	if err != nil {
		return nil, err
	}
	by := ""
	if a := backend.ActorFrom(ctx); a != nil {
		by = a.Name
	}
	now := s.db.Now()
	var out *backend.Invite
	err = s.db.inTx(ctx, func(tx *sql.Tx) error {
		var member any
		if memberID != 0 {
			member = memberID
			if _, err := tx.ExecContext(ctx, `UPDATE member_invites SET revoked_at = ? WHERE member_id = ? AND used_at = '' AND revoked_at = ''`,
				stamp(now), memberID); err != nil {
				return fmt.Errorf("revoke earlier resets: %w", err)
			}
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO member_invites (code_hash, role, note, member_id, created_by, created_at, expires_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, secretHash(code), role, note, member, by, stamp(now), stamp(now.Add(backend.InviteLifetime)))
		if err != nil {
			return fmt.Errorf("add invite: %w", err)
		}
		id, _ := res.LastInsertId()
		out, err = scanInvite(tx.QueryRowContext(ctx, `SELECT `+inviteColumns+` FROM member_invites i LEFT JOIN members u ON u.id = i.used_by WHERE i.id = ?`, id))
		return err
	})
	if err != nil {
		return nil, err
	}
	out.Code = code
	return out, nil
}

// FindInvites lists the invites and resets, newest first.
func (s *TeamService) FindInvites(ctx context.Context) ([]*backend.Invite, error) {
	rows, err := s.db.conn(ctx).QueryContext(ctx, `SELECT `+inviteColumns+` FROM member_invites i LEFT JOIN members u ON u.id = i.used_by ORDER BY i.id DESC`)
	if err != nil {
		return nil, fmt.Errorf("find invites: %w", err)
	}
	defer rows.Close()
	out := []*backend.Invite{}
	for rows.Next() {
		x, err := scanInvite(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	return out, rows.Err()
}

// RevokeInvite makes an unused invite unusable.
func (s *TeamService) RevokeInvite(ctx context.Context, id int64) error {
	res, err := s.db.conn(ctx).ExecContext(ctx, `UPDATE member_invites SET revoked_at = ? WHERE id = ? AND used_at = '' AND revoked_at = ''`, s.db.timestamp(), id)
	if err != nil {
		return fmt.Errorf("revoke invite: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return backend.Errorf(backend.ENOTFOUND, "That invite was already used or revoked.")
	}
	return nil
}

func inviteRefused(key, msg string) error {
	return &backend.Error{Code: backend.EINVALID, Message: msg, Fields: backend.FieldErrors{"invite": {Key: key}}}
}

// AcceptInvite uses an invite once: a new member with its role, or for a
// reset the member's new password (their other sessions end; the name
// and login given are ignored). It starts a session.
func (s *TeamService) AcceptInvite(ctx context.Context, code string, m backend.NewMember, c backend.Client) (*backend.Member, string, error) {
	hash := secretHash(code)
	var id, memberID int64
	var role backend.Role
	var expires, used, revoked string
	check := func(q dbtx) error {
		err := q.QueryRowContext(ctx, `SELECT id, role, coalesce(member_id, 0), expires_at, used_at, revoked_at FROM member_invites WHERE code_hash = ?`, hash).
			Scan(&id, &role, &memberID, &expires, &used, &revoked)
		switch {
		case errors.Is(err, sql.ErrNoRows) || code == "" || revoked != "":
			return inviteRefused("team.field.invite_invalid", "This invite is not valid: ask an admin for a new one.")
		case err != nil:
			return fmt.Errorf("find invite: %w", err)
		case used != "":
			return inviteRefused("team.field.invite_used", "This invite was already used; ask an admin for a new one.")
		case !s.db.Now().Before(parseTime(expires)):
			return inviteRefused("team.field.invite_expired", "This invite has expired; ask an admin for a new one.")
		}
		return nil
	}
	if err := check(s.db.conn(ctx)); err != nil {
		return nil, "", err
	}
	if memberID != 0 {
		fe := backend.FieldErrors{}
		backend.ValidatePassword(fe, "password", m.Password)
		if err := fe.Err("password"); err != nil {
			return nil, "", err
		}
	} else {
		if err := m.Validate(); err != nil {
			return nil, "", err
		}
		if err := s.checkLoginFree(ctx, m.Login); err != nil {
			return nil, "", err
		}
	}
	pwHash, err := password.Hash(m.Password)
	if err != nil {
		return nil, "", err
	}
	var member *backend.Member
	var token string
	err = s.db.inTx(ctx, func(tx *sql.Tx) error {
		if err := check(tx); err != nil {
			return err
		}
		who := memberID
		if memberID != 0 {
			var active bool
			if err := tx.QueryRowContext(ctx, `SELECT active FROM members WHERE id = ?`, memberID).Scan(&active); err != nil || !active {
				return inviteRefused("team.field.invite_invalid", "This invite is not valid: ask an admin for a new one.")
			}
			if _, err := tx.ExecContext(ctx, `UPDATE members SET password_hash = ? WHERE id = ?`, pwHash, memberID); err != nil {
				return fmt.Errorf("set password: %w", err)
			}
			if _, err := tx.ExecContext(ctx, `DELETE FROM member_sessions WHERE member_id = ?`, memberID); err != nil {
				return fmt.Errorf("end sessions: %w", err)
			}
		} else if who, err = s.insertMember(ctx, tx, m, role, pwHash); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE member_invites SET used_at = ?, used_by = ? WHERE id = ?`, s.db.timestamp(), who, id); err != nil {
			return fmt.Errorf("use invite: %w", err)
		}
		if token, err = s.startSession(ctx, tx, who, c); err != nil {
			return err
		}
		member, err = findMember(ctx, tx, who)
		return err
	})
	if err != nil {
		return nil, "", err
	}
	return member, token, nil
}
