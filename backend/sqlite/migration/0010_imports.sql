-- Imports: every import is recorded with what it changed, so it can be
-- undone as a whole; mapping profiles are offered again for files with the
-- same headers.
CREATE TABLE import_runs (
	id         INTEGER PRIMARY KEY,
	kind       TEXT NOT NULL,
	file_name  TEXT NOT NULL,
	sheet      TEXT NOT NULL,
	created    INTEGER NOT NULL,
	updated    INTEGER NOT NULL,
	skipped    INTEGER NOT NULL,
	at         TEXT NOT NULL,
	undone_at  TEXT
);

CREATE TABLE import_changes (
	run_id    INTEGER NOT NULL REFERENCES import_runs (id) ON DELETE CASCADE,
	seq       INTEGER NOT NULL,
	entity    TEXT NOT NULL,    -- campaign, deliverable, spend, budget_line, vendor, contract, asset, list:teams …
	entity_id INTEGER NOT NULL,
	count     INTEGER NOT NULL DEFAULT 1, -- creates: ids entity_id … entity_id+count-1
	action    TEXT NOT NULL CHECK (action IN ('create', 'update')),
	before    TEXT NOT NULL DEFAULT '', -- JSON of the entity before an update
	PRIMARY KEY (run_id, seq)
) WITHOUT ROWID;

CREATE TABLE import_profiles (
	id         INTEGER PRIMARY KEY,
	kind       TEXT NOT NULL,
	name       TEXT NOT NULL,
	header_key TEXT NOT NULL,
	options    TEXT NOT NULL, -- JSON: mapping, constants, orders, currency
	saved_at   TEXT NOT NULL,
	UNIQUE (kind, header_key)
);
