-- A team workspace's accounts (issue 18). Nothing secret is kept in a
-- form that lets it be used: passwords are argon2id PHC strings, and the
-- setup code, invite codes and session tokens are kept as the hex SHA-256
-- of the random secret handed out (a copy of the database signs no one
-- in). A local workspace keeps these tables empty.

-- members: the people with an account. login_key is the login folded to
-- lower case, so "Dana" and "dana" cannot both sign up. A deactivated
-- member (active = 0) keeps their row: their name stays on what they did.
CREATE TABLE members (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL,
    login           TEXT NOT NULL,
    login_key       TEXT NOT NULL UNIQUE,
    role            TEXT NOT NULL CHECK (role IN ('viewer', 'planner', 'approver', 'admin')),
    password_hash   TEXT NOT NULL,
    active          INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT NOT NULL,
    last_sign_in_at TEXT NOT NULL DEFAULT ''
);

-- member_invites: one use each, before expires_at. A row with member_id
-- is a password reset for that member.
CREATE TABLE member_invites (
    id         INTEGER PRIMARY KEY,
    code_hash  TEXT NOT NULL UNIQUE,
    role       TEXT NOT NULL CHECK (role IN ('viewer', 'planner', 'approver', 'admin')),
    note       TEXT NOT NULL DEFAULT '',
    member_id  INTEGER REFERENCES members (id),
    created_by TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at    TEXT NOT NULL DEFAULT '',
    used_by    INTEGER REFERENCES members (id),
    revoked_at TEXT NOT NULL DEFAULT ''
);

-- member_sessions: the signed-in browsers and apps. id is a public name
-- (lists, revoking); token_hash the hash of the cookie's secret. A session
-- that ends (sign-out, revoked, member deactivated) is deleted; one that
-- expires is refused and deleted at the next sign-in.
CREATE TABLE member_sessions (
    id           TEXT PRIMARY KEY,
    token_hash   TEXT NOT NULL UNIQUE,
    member_id    INTEGER NOT NULL REFERENCES members (id),
    client       TEXT NOT NULL DEFAULT '',
    address      TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    expires_at   TEXT NOT NULL
);
CREATE INDEX member_sessions_member ON member_sessions (member_id);

-- signin_failures: wrong passwords in a row, per login ("login:dana") and
-- per address ("addr:192.0.2.7"), whether the login exists or not.
CREATE TABLE signin_failures (
    key          TEXT PRIMARY KEY,
    failures     INTEGER NOT NULL,
    last_at      TEXT NOT NULL,
    locked_until TEXT NOT NULL DEFAULT ''
);

-- team_setup: the hash of the one-time code that creates the first admin.
CREATE TABLE team_setup (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    code_hash  TEXT NOT NULL,
    created_at TEXT NOT NULL
);
