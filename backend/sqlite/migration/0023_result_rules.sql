-- Matching rules of results imports: external campaign names that equal,
-- start with or contain a text belong to a campaign (campaign_id), or are
-- left out (campaign_id NULL). A rule with a source applies to that
-- source's files only ('' for every source).
CREATE TABLE result_rules (
	id          INTEGER PRIMARY KEY,
	kind        TEXT NOT NULL CHECK (kind IN ('equals', 'starts_with', 'contains')),
	text        TEXT NOT NULL,
	source      TEXT NOT NULL DEFAULT '',
	campaign_id INTEGER REFERENCES campaigns (id) ON DELETE CASCADE,
	created_at  TEXT NOT NULL,
	UNIQUE (kind, text, source)
);
