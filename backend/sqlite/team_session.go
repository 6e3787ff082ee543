package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"mopsdesk/backend"
	"mopsdesk/backend/password"
)

// lockPolicy is how wrong passwords in a row are slowed down: the first
// free ones cost nothing, then each waits twice as long as the one
// before (1 s, 2 s, 4 s, …), and at lockAt the key is locked for lock.
// Failures are forgotten after forget without one.
type lockPolicy struct {
	free, lockAt int
	lock, forget time.Duration
}

var (
	// loginLocks: one person's login (whether it exists or not).
	loginLocks = lockPolicy{free: 5, lockAt: 10, lock: 15 * time.Minute, forget: time.Hour}
	// addressLocks: one client address, which may be a whole office
	// behind one router, so it allows twice as many before slowing down;
	// it still stops one machine guessing across many logins.
	addressLocks = lockPolicy{free: 10, lockAt: 20, lock: 15 * time.Minute, forget: time.Hour}
)

// until returns when the next try is allowed after failures, the last at
// last, or the zero time when it is allowed now.
func (p lockPolicy) until(failures int, last, locked time.Time) time.Time {
	switch {
	case failures >= p.lockAt:
		return locked
	case failures >= p.free:
		wait := time.Second << (failures - p.free)
		return last.Add(min(wait, p.lock))
	}
	return time.Time{}
}

// seenEvery is how stale a session's last-seen time may get before a
// call writes it again: idle expiry does not need each call's second.
const seenEvery = time.Minute

// maxClient bounds the User-Agent kept with a session.
const maxClient = 200

// lockKeys are the failure counters a sign-in with login from c touches.
func lockKeys(login string, c backend.Client) map[string]lockPolicy {
	keys := map[string]lockPolicy{"login:" + backend.LoginKey(login): loginLocks}
	if c.Address != "" {
		keys["addr:"+c.Address] = addressLocks
	}
	return keys
}

// locked returns ELOCKED when any of keys must wait, saying until when.
func (s *TeamService) locked(ctx context.Context, keys map[string]lockPolicy) error {
	now := s.db.Now()
	var until time.Time
	for key, p := range keys {
		var failures int
		var last, lockedUntil string
		err := s.db.conn(ctx).QueryRowContext(ctx, `SELECT failures, last_at, locked_until FROM signin_failures WHERE key = ?`, key).Scan(&failures, &last, &lockedUntil)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		} else if err != nil {
			return fmt.Errorf("read sign-in failures: %w", err)
		}
		if u := p.until(failures, parseTime(last), parseTime(lockedUntil)); u.After(now) && u.After(until) {
			until = u
		}
	}
	if until.IsZero() {
		return nil
	}
	secs := int(until.Sub(now).Round(time.Second) / time.Second)
	return &backend.Error{Code: backend.ELOCKED,
		Message: fmt.Sprintf("Too many wrong passwords. Try again after %s UTC (in %d s).", until.UTC().Format(time.TimeOnly), max(secs, 1)),
		Fields:  backend.FieldErrors{"password": {Key: "team.field.signin_locked", Params: map[string]any{"seconds": max(secs, 1), "until": stamp(until)}}}}
}

// fail counts one wrong password against each of keys.
func (s *TeamService) fail(ctx context.Context, keys map[string]lockPolicy) error {
	now := s.db.Now()
	return s.db.inTx(ctx, func(tx *sql.Tx) error {
		for key, p := range keys {
			var failures int
			var last, lockedUntil string
			err := tx.QueryRowContext(ctx, `SELECT failures, last_at, locked_until FROM signin_failures WHERE key = ?`, key).Scan(&failures, &last, &lockedUntil)
			if err != nil && !errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("read sign-in failures: %w", err)
			}
			if now.Sub(parseTime(last)) > p.forget && !parseTime(lockedUntil).After(now) {
				failures = 0
			}
			failures++
			lockedUntil = ""
			if failures >= p.lockAt {
				lockedUntil = stamp(now.Add(p.lock))
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO signin_failures (key, failures, last_at, locked_until) VALUES (?, ?, ?, ?)
				ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, last_at = excluded.last_at, locked_until = excluded.locked_until`,
				key, failures, stamp(now), lockedUntil); err != nil {
				return fmt.Errorf("count sign-in failure: %w", err)
			}
		}
		return nil
	})
}

// wrongSignIn is the one answer for an unknown login and a wrong
// password alike.
var wrongSignIn = &backend.Error{Code: backend.EUNAUTHORIZED, Message: "The login or the password is wrong.",
	Fields: backend.FieldErrors{"password": {Key: "team.field.signin_wrong"}}}

// decoy is a hash checked for logins that do not exist, so that they cost
// as long as existing ones and timing does not tell them apart.
var decoy struct {
	sync.Mutex
	params password.Params
	hash   string
}

func decoyHash() string {
	decoy.Lock()
	defer decoy.Unlock()
	if decoy.hash == "" || decoy.params != password.Current {
		decoy.hash, _ = password.Hash("not anyone's password")
		decoy.params = password.Current
	}
	return decoy.hash
}

// SignIn checks login and password and starts a session. It refuses
// while the login or the address must wait (ELOCKED, even with the right
// password), and counts each wrong password, whether the login exists
// or not.
func (s *TeamService) SignIn(ctx context.Context, login, pw string, c backend.Client) (*backend.Member, string, error) {
	keys := lockKeys(login, c)
	if err := s.locked(ctx, keys); err != nil {
		return nil, "", err
	}
	var id int64
	var hash string
	var active bool
	err := s.db.conn(ctx).QueryRowContext(ctx, `SELECT id, password_hash, active FROM members WHERE login_key = ?`, backend.LoginKey(login)).Scan(&id, &hash, &active)
	if errors.Is(err, sql.ErrNoRows) {
		hash = decoyHash()
	} else if err != nil {
		return nil, "", fmt.Errorf("find login: %w", err)
	}
	ok := false
	if len(pw) <= backend.MaxPasswordLength {
		ok, _ = password.Verify(hash, pw)
	}
	if !ok || id == 0 {
		if err := s.fail(ctx, keys); err != nil {
			return nil, "", err
		}
		return nil, "", wrongSignIn
	}
	if !active {
		// Only someone who knows the password learns this.
		return nil, "", &backend.Error{Code: backend.EUNAUTHORIZED, Message: "This account was deactivated; ask an admin of the workspace.",
			Fields: backend.FieldErrors{"login": {Key: "team.field.member_inactive"}}}
	}
	var rehash string
	if password.Stale(hash) {
		rehash, _ = password.Hash(pw)
	}
	var m *backend.Member
	var token string
	err = s.db.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM signin_failures WHERE key = ?`, "login:"+backend.LoginKey(login)); err != nil {
			return err
		}
		if rehash != "" {
			if _, err := tx.ExecContext(ctx, `UPDATE members SET password_hash = ? WHERE id = ?`, rehash, id); err != nil {
				return err
			}
		}
		var err error
		if token, err = s.startSession(ctx, tx, id, c); err != nil {
			return err
		}
		m, err = findMember(ctx, tx, id)
		return err
	})
	if err != nil {
		return nil, "", err
	}
	return m, token, nil
}

// startSession makes a session for member and returns its secret token.
// It also deletes sessions that expired, so the table stays small.
func (s *TeamService) startSession(ctx context.Context, tx *sql.Tx, member int64, c backend.Client) (string, error) {
	now := s.db.Now()
	if _, err := tx.ExecContext(ctx, `DELETE FROM member_sessions WHERE expires_at <= ? OR last_seen_at <= ?`,
		stamp(now), stamp(now.Add(-backend.SessionIdle))); err != nil {
		return "", fmt.Errorf("delete expired sessions: %w", err)
	}
	id, err := newSecret(12)
	if err != nil {
		return "", err
	}
	token, err := newSecret(32)
	if err != nil {
		return "", err
	}
	agent := strings.ToValidUTF8(c.Agent, "")
	if r := []rune(agent); len(r) > maxClient {
		agent = string(r[:maxClient])
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO member_sessions (id, token_hash, member_id, client, address, created_at, last_seen_at, expires_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, id, secretHash(token), member, agent, c.Address, stamp(now), stamp(now), stamp(now.Add(backend.SessionLifetime))); err != nil {
		return "", fmt.Errorf("start session: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE members SET last_sign_in_at = ? WHERE id = ?`, stamp(now), member); err != nil {
		return "", fmt.Errorf("note sign-in: %w", err)
	}
	return token, nil
}

var noSession = backend.Errorf(backend.EUNAUTHORIZED, "Please sign in: there is no session, or it expired or was ended.")

// Authenticate returns who token's session belongs to, or EUNAUTHORIZED
// when it is unknown, ended, idle longer than SessionIdle, older than
// SessionLifetime, or its member was deactivated. The member's current
// name and role are read every time, so a new role counts at once.
func (s *TeamService) Authenticate(ctx context.Context, token string) (*backend.Actor, error) {
	if token == "" {
		return nil, noSession
	}
	var a backend.Actor
	var active bool
	var seen, expires string
	err := s.db.conn(ctx).QueryRowContext(ctx, `SELECT s.id, s.last_seen_at, s.expires_at, m.id, m.name, m.role, m.active
		FROM member_sessions s JOIN members m ON m.id = s.member_id WHERE s.token_hash = ?`, secretHash(token)).
		Scan(&a.SessionID, &seen, &expires, &a.PersonID, &a.Name, &a.Role, &active)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, noSession
	} else if err != nil {
		return nil, fmt.Errorf("find session: %w", err)
	}
	now := s.db.Now()
	lastSeen := parseTime(seen)
	if !active || !now.Before(parseTime(expires)) || !now.Before(lastSeen.Add(backend.SessionIdle)) {
		return nil, noSession
	}
	if now.Sub(lastSeen) >= seenEvery {
		if _, err := s.db.conn(ctx).ExecContext(ctx, `UPDATE member_sessions SET last_seen_at = ? WHERE id = ?`, stamp(now), a.SessionID); err != nil {
			return nil, fmt.Errorf("note session use: %w", err)
		}
	}
	return &a, nil
}

// SignOut ends token's session; an unknown token is already signed out.
func (s *TeamService) SignOut(ctx context.Context, token string) error {
	if token == "" {
		return nil
	}
	if _, err := s.db.conn(ctx).ExecContext(ctx, `DELETE FROM member_sessions WHERE token_hash = ?`, secretHash(token)); err != nil {
		return fmt.Errorf("sign out: %w", err)
	}
	return nil
}

// FindSessions lists the live sessions of memberID (all when 0), the
// most recently used first.
func (s *TeamService) FindSessions(ctx context.Context, memberID int64) ([]*backend.Session, error) {
	now := s.db.Now()
	rows, err := s.db.conn(ctx).QueryContext(ctx, `SELECT s.id, s.member_id, m.name, s.client, s.address, s.created_at, s.last_seen_at, s.expires_at
		FROM member_sessions s JOIN members m ON m.id = s.member_id
		WHERE (? = 0 OR s.member_id = ?) AND m.active = 1 AND s.expires_at > ? AND s.last_seen_at > ?
		ORDER BY s.last_seen_at DESC, s.created_at DESC`, memberID, memberID, stamp(now), stamp(now.Add(-backend.SessionIdle)))
	if err != nil {
		return nil, fmt.Errorf("find sessions: %w", err)
	}
	defer rows.Close()
	out := []*backend.Session{}
	for rows.Next() {
		x := &backend.Session{}
		if err := rows.Scan(&x.ID, &x.MemberID, &x.Member, &x.Client, &x.Address, &x.CreatedAt, &x.LastSeenAt, &x.ExpiresAt); err != nil {
			return nil, err
		}
		// The session ends at the earlier of its two limits.
		if idle := parseTime(x.LastSeenAt).Add(backend.SessionIdle); idle.Before(parseTime(x.ExpiresAt)) {
			x.ExpiresAt = stamp(idle)
		}
		out = append(out, x)
	}
	return out, rows.Err()
}

// RevokeSession ends session id; with memberID only if it is theirs.
func (s *TeamService) RevokeSession(ctx context.Context, id string, memberID int64) error {
	res, err := s.db.conn(ctx).ExecContext(ctx, `DELETE FROM member_sessions WHERE id = ? AND (? = 0 OR member_id = ?)`, id, memberID, memberID)
	if err != nil {
		return fmt.Errorf("revoke session: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return backend.Errorf(backend.ENOTFOUND, "That session has already ended.")
	}
	return nil
}

// ChangePassword checks memberID's current password (a wrong one counts
// toward the login's lock, like a sign-in), sets the new one and ends
// their sessions but keepSession.
func (s *TeamService) ChangePassword(ctx context.Context, memberID int64, old, new, keepSession string) error {
	fe := backend.FieldErrors{}
	backend.ValidatePassword(fe, "new", new)
	if err := fe.Err("password"); err != nil {
		return err
	}
	var login, hash string
	if err := s.db.conn(ctx).QueryRowContext(ctx, `SELECT login, password_hash FROM members WHERE id = ?`, memberID).Scan(&login, &hash); errors.Is(err, sql.ErrNoRows) {
		return backend.Errorf(backend.ENOTFOUND, "That person is not a member of this workspace.")
	} else if err != nil {
		return fmt.Errorf("find member: %w", err)
	}
	keys := lockKeys(login, backend.Client{})
	if err := s.locked(ctx, keys); err != nil {
		return err
	}
	if ok, _ := password.Verify(hash, old); !ok || len(old) > backend.MaxPasswordLength {
		if err := s.fail(ctx, keys); err != nil {
			return err
		}
		return &backend.Error{Code: backend.EINVALID, Message: "The current password is wrong.",
			Fields: backend.FieldErrors{"old": {Key: "team.field.password_wrong"}}}
	}
	newHash, err := password.Hash(new)
	if err != nil {
		return err
	}
	return s.db.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE members SET password_hash = ? WHERE id = ?`, newHash, memberID); err != nil {
			return fmt.Errorf("set password: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM member_sessions WHERE member_id = ? AND id <> ?`, memberID, keepSession); err != nil {
			return fmt.Errorf("end other sessions: %w", err)
		}
		_, err := tx.ExecContext(ctx, `DELETE FROM signin_failures WHERE key = ?`, "login:"+backend.LoginKey(login))
		return err
	})
}
