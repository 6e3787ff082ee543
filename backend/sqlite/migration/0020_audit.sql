-- The audit log: one entry per record per committed transaction (who,
-- when, what, each field before and after). Triggers on the audited
-- tables (installed from Go at open, see audit_tables.go) note each row
-- change in audit_pending; as a transaction commits, the store folds the
-- notes into audit_log entries with the person who made it and empties
-- audit_pending, so a rolled-back change leaves nothing.
CREATE TABLE audit_log (
	id        INTEGER PRIMARY KEY,
	at        TEXT NOT NULL,
	member_id INTEGER NOT NULL DEFAULT 0, -- 0: the local workspace
	who       TEXT NOT NULL DEFAULT '',
	kind      TEXT NOT NULL,
	record    TEXT NOT NULL,
	label     TEXT NOT NULL DEFAULT '',
	action    TEXT NOT NULL CHECK (action IN ('created', 'changed', 'deleted')),
	fields    TEXT NOT NULL DEFAULT '[]' -- JSON [{field, type, before, after}]
);
CREATE INDEX audit_log_record ON audit_log (kind, record, id);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_member ON audit_log (member_id, id);

-- Row changes of the open transaction, folded into audit_log before it
-- commits: a main row's images (old, new: JSON objects keyed by field) or
-- a value added to or removed from one of a record's lists (field).
CREATE TABLE audit_pending (
	seq     INTEGER PRIMARY KEY,
	kind    TEXT NOT NULL,
	record  TEXT NOT NULL,
	row     TEXT NOT NULL DEFAULT '',
	label   TEXT,
	old     TEXT,
	new     TEXT,
	field   TEXT,
	added   TEXT,
	removed TEXT
);

-- While audit_pause has a row (an import's transaction), the triggers note
-- nothing: the import is logged as one entry.
CREATE TABLE audit_pause (id INTEGER PRIMARY KEY CHECK (id = 1));
