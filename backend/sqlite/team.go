package sqlite

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"mopsdesk/backend"
	"mopsdesk/backend/password"
)

// TeamService keeps a team workspace's members, invites, sessions and
// sign-in failures (see backend.TeamService). Secrets are random
// (crypto/rand) and kept only as SHA-256 hashes; passwords as argon2id.
type TeamService struct{ db *DB }

// NewTeamService returns a TeamService backed by db.
func NewTeamService(db *DB) *TeamService { return &TeamService{db: db} }

var _ backend.TeamService = (*TeamService)(nil)

// newSecret returns n random bytes as base64url: a session token or an
// invite code (32 bytes: nothing anyone guesses).
func newSecret(n int) (string, error) {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("random secret: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// secretHash is how a secret is kept: its SHA-256 in hex.
func secretHash(secret string) string {
	h := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(h[:])
}

// setupAlphabet is Crockford's base 32: no I, L, O or U, so that a code
// read off a console is typed as it was meant (see normalSetupCode).
const setupAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

// newSetupCode returns 20 characters of setupAlphabet (100 bits) in
// groups of four: "K7QM-…".
func newSetupCode() (string, error) {
	b := make([]byte, 20)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("random setup code: %w", err)
	}
	var out strings.Builder
	for i, c := range b {
		if i > 0 && i%4 == 0 {
			out.WriteByte('-')
		}
		out.WriteByte(setupAlphabet[c%32])
	}
	return out.String(), nil
}

// normalSetupCode is a typed setup code as it was made: upper case, no
// dashes or spaces, O read as 0 and I or L as 1.
func normalSetupCode(code string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '-', ' ':
			return -1
		case 'O':
			return '0'
		case 'I', 'L':
			return '1'
		}
		return r
	}, strings.ToUpper(strings.TrimSpace(code)))
}

// SetupCode makes a new one-time setup code while the workspace has no
// admin, replacing the one before; "" once it has one.
func (s *TeamService) SetupCode(ctx context.Context) (string, error) {
	var code string
	err := s.db.inTx(ctx, func(tx *sql.Tx) error {
		if n, err := countAdmins(ctx, tx, false); err != nil || n > 0 {
			return err
		}
		c, err := newSetupCode()
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO team_setup (id, code_hash, created_at) VALUES (1, ?, ?)
			ON CONFLICT (id) DO UPDATE SET code_hash = excluded.code_hash, created_at = excluded.created_at`,
			secretHash(normalSetupCode(c)), s.db.timestamp()); err != nil {
			return fmt.Errorf("keep setup code: %w", err)
		}
		code = c
		return nil
	})
	return code, err
}

// NeedsSetup reports whether no admin exists yet.
func (s *TeamService) NeedsSetup(ctx context.Context) (bool, error) {
	n, err := countAdmins(ctx, s.db.conn(ctx), false)
	return n == 0, err
}

// countAdmins counts the admins, or only the active ones.
func countAdmins(ctx context.Context, q dbtx, activeOnly bool) (int, error) {
	var n int
	query := `SELECT count(*) FROM members WHERE role = 'admin'`
	if activeOnly {
		query += ` AND active = 1`
	}
	if err := q.QueryRowContext(ctx, query).Scan(&n); err != nil {
		return 0, fmt.Errorf("count admins: %w", err)
	}
	return n, nil
}

// Setup creates the first admin with the setup code, once.
func (s *TeamService) Setup(ctx context.Context, code string, m backend.NewMember, c backend.Client) (*backend.Member, string, error) {
	if err := m.Validate(); err != nil {
		return nil, "", err
	}
	wrong := &backend.Error{Code: backend.EINVALID, Message: "That setup code is not the one the host printed.",
		Fields: backend.FieldErrors{"code": {Key: "team.field.setup_code_wrong"}}}
	checkCode := func(q dbtx) error {
		var stored string
		err := q.QueryRowContext(ctx, `SELECT code_hash FROM team_setup WHERE id = 1`).Scan(&stored)
		if errors.Is(err, sql.ErrNoRows) {
			if n, err := countAdmins(ctx, q, false); err != nil {
				return err
			} else if n > 0 {
				return backend.Errorf(backend.ECONFLICT, "This workspace is already set up; sign in instead.")
			}
			return wrong
		} else if err != nil {
			return fmt.Errorf("read setup code: %w", err)
		}
		if subtle.ConstantTimeCompare([]byte(stored), []byte(secretHash(normalSetupCode(code)))) != 1 {
			return wrong
		}
		return nil
	}
	if err := checkCode(s.db.conn(ctx)); err != nil {
		return nil, "", err
	}
	if err := s.checkLoginFree(ctx, m.Login); err != nil {
		return nil, "", err
	}
	hash, err := password.Hash(m.Password)
	if err != nil {
		return nil, "", err
	}
	var member *backend.Member
	var token string
	err = s.db.inTx(ctx, func(tx *sql.Tx) error {
		if err := checkCode(tx); err != nil {
			return err
		}
		if n, err := countAdmins(ctx, tx, false); err != nil {
			return err
		} else if n > 0 {
			return backend.Errorf(backend.ECONFLICT, "This workspace is already set up; sign in instead.")
		}
		id, err := s.insertMember(ctx, tx, m, backend.RoleAdmin, hash)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM team_setup`); err != nil {
			return err
		}
		if token, err = s.startSession(ctx, tx, id, c); err != nil {
			return err
		}
		member, err = findMember(ctx, tx, id)
		return err
	})
	if err != nil {
		return nil, "", err
	}
	return member, token, nil
}

var loginTaken = &backend.Error{Code: backend.EINVALID, Message: "Someone already signs in with that login.",
	Fields: backend.FieldErrors{"login": {Key: "team.field.login_taken"}}}

// checkLoginFree refuses a login someone has (in any letter case) before
// the slow password hash is made; the UNIQUE index has the last word.
func (s *TeamService) checkLoginFree(ctx context.Context, login string) error {
	var n int
	if err := s.db.conn(ctx).QueryRowContext(ctx, `SELECT count(*) FROM members WHERE login_key = ?`, backend.LoginKey(login)).Scan(&n); err != nil {
		return fmt.Errorf("check login: %w", err)
	}
	if n > 0 {
		return loginTaken
	}
	return nil
}

func (s *TeamService) insertMember(ctx context.Context, tx *sql.Tx, m backend.NewMember, role backend.Role, hash string) (int64, error) {
	res, err := tx.ExecContext(ctx, `INSERT INTO members (name, login, login_key, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
		strings.TrimSpace(m.Name), strings.TrimSpace(m.Login), backend.LoginKey(m.Login), role, hash, s.db.timestamp())
	if isUniqueViolation(err) {
		return 0, loginTaken
	} else if err != nil {
		return 0, fmt.Errorf("add member: %w", err)
	}
	return res.LastInsertId()
}

const memberColumns = `id, name, login, role, active, created_at, last_sign_in_at`

func scanMember(row interface{ Scan(...any) error }) (*backend.Member, error) {
	m := &backend.Member{}
	err := row.Scan(&m.ID, &m.Name, &m.Login, &m.Role, &m.Active, &m.CreatedAt, &m.LastSignInAt)
	return m, err
}

func findMember(ctx context.Context, q dbtx, id int64) (*backend.Member, error) {
	m, err := scanMember(q.QueryRowContext(ctx, `SELECT `+memberColumns+` FROM members WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, backend.Errorf(backend.ENOTFOUND, "That person is not a member of this workspace.")
	} else if err != nil {
		return nil, fmt.Errorf("find member: %w", err)
	}
	return m, nil
}

// FindMemberByID returns one member or ENOTFOUND.
func (s *TeamService) FindMemberByID(ctx context.Context, id int64) (*backend.Member, error) {
	return findMember(ctx, s.db.conn(ctx), id)
}

// FindMembers lists every member by name, deactivated ones too.
func (s *TeamService) FindMembers(ctx context.Context) ([]*backend.Member, error) {
	rows, err := s.db.conn(ctx).QueryContext(ctx, `SELECT `+memberColumns+` FROM members ORDER BY name COLLATE NOCASE, id`)
	if err != nil {
		return nil, fmt.Errorf("find members: %w", err)
	}
	defer rows.Close()
	out := []*backend.Member{}
	for rows.Next() {
		m, err := scanMember(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// lastAdmin is the refusal that keeps a workspace with someone who can
// manage it.
func lastAdmin(field string) error {
	return &backend.Error{Code: backend.EINVALID, Message: "The workspace needs at least one active admin; make someone else admin first.",
		Fields: backend.FieldErrors{field: {Key: "team.field.last_admin"}}}
}

// isLastAdmin reports whether m is the only active admin.
func isLastAdmin(ctx context.Context, tx *sql.Tx, m *backend.Member) (bool, error) {
	if m.Role != backend.RoleAdmin || !m.Active {
		return false, nil
	}
	n, err := countAdmins(ctx, tx, true)
	return n == 1, err
}

// SetRole changes a member's role; the last active admin keeps theirs.
// The new role counts from their next call (sessions are read each time).
func (s *TeamService) SetRole(ctx context.Context, id int64, role backend.Role) (*backend.Member, error) {
	if !role.Valid() {
		return nil, &backend.Error{Code: backend.EINVALID, Message: fmt.Sprintf("There is no role %q.", role),
			Fields: backend.FieldErrors{"role": {Key: "team.field.role_unknown"}}}
	}
	var out *backend.Member
	err := s.db.inTx(ctx, func(tx *sql.Tx) error {
		m, err := findMember(ctx, tx, id)
		if err != nil {
			return err
		}
		if last, err := isLastAdmin(ctx, tx, m); err != nil {
			return err
		} else if last && role != backend.RoleAdmin {
			return lastAdmin("role")
		}
		if _, err := tx.ExecContext(ctx, `UPDATE members SET role = ? WHERE id = ?`, role, id); err != nil {
			return fmt.Errorf("set role: %w", err)
		}
		out, err = findMember(ctx, tx, id)
		return err
	})
	return out, err
}

// SetActive deactivates a member, ending their sessions and their unused
// password resets (their row and name stay), or brings them back.
func (s *TeamService) SetActive(ctx context.Context, id int64, active bool) (*backend.Member, error) {
	var out *backend.Member
	err := s.db.inTx(ctx, func(tx *sql.Tx) error {
		m, err := findMember(ctx, tx, id)
		if err != nil {
			return err
		}
		if last, err := isLastAdmin(ctx, tx, m); err != nil {
			return err
		} else if last && !active {
			return lastAdmin("active")
		}
		if _, err := tx.ExecContext(ctx, `UPDATE members SET active = ? WHERE id = ?`, active, id); err != nil {
			return fmt.Errorf("set active: %w", err)
		}
		if !active {
			if _, err := tx.ExecContext(ctx, `DELETE FROM member_sessions WHERE member_id = ?`, id); err != nil {
				return fmt.Errorf("end sessions: %w", err)
			}
			if _, err := tx.ExecContext(ctx, `UPDATE member_invites SET revoked_at = ? WHERE member_id = ? AND used_at = '' AND revoked_at = ''`,
				s.db.timestamp(), id); err != nil {
				return fmt.Errorf("revoke resets: %w", err)
			}
		}
		out, err = findMember(ctx, tx, id)
		return err
	})
	return out, err
}

// parseTime reads a stored instant; "" and garbage are the zero time.
func parseTime(s string) time.Time {
	t, _ := time.Parse(time.RFC3339, s)
	return t
}

// stamp formats an instant the way the store keeps them.
func stamp(t time.Time) string { return t.UTC().Format(time.RFC3339) }
