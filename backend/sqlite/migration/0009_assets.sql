-- The asset library. Bytes live in the library folder under their
-- SHA-256 (one file per content); each asset has one or more versions.
CREATE TABLE assets (
	id              INTEGER PRIMARY KEY,
	title           TEXT NOT NULL,
	type            TEXT NOT NULL,
	description     TEXT NOT NULL DEFAULT '',
	source          TEXT NOT NULL DEFAULT '',
	licence_type    TEXT NOT NULL DEFAULT '',
	licence_holder  TEXT NOT NULL DEFAULT '',
	usage_rights    TEXT NOT NULL DEFAULT '',
	licence_start   TEXT NOT NULL DEFAULT '',
	licence_expiry  TEXT NOT NULL DEFAULT '',
	created_at      TEXT NOT NULL,
	updated_at      TEXT NOT NULL
);
CREATE INDEX assets_expiry ON assets (licence_expiry);

CREATE TABLE asset_versions (
	asset_id     INTEGER NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
	version      INTEGER NOT NULL,
	sha256       TEXT NOT NULL,
	file_name    TEXT NOT NULL,
	size         INTEGER NOT NULL,
	content_type TEXT NOT NULL,
	width        INTEGER NOT NULL DEFAULT 0,
	height       INTEGER NOT NULL DEFAULT 0,
	note         TEXT NOT NULL DEFAULT '',
	added_at     TEXT NOT NULL,
	PRIMARY KEY (asset_id, version)
) WITHOUT ROWID;
CREATE INDEX asset_versions_sha ON asset_versions (sha256);

CREATE TABLE asset_tags (
	asset_id INTEGER NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
	tag      TEXT NOT NULL COLLATE NOCASE,
	position INTEGER NOT NULL,
	PRIMARY KEY (asset_id, tag)
) WITHOUT ROWID;
CREATE INDEX asset_tags_tag ON asset_tags (tag);

CREATE TABLE asset_campaigns (
	asset_id    INTEGER NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
	campaign_id INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
	PRIMARY KEY (asset_id, campaign_id)
) WITHOUT ROWID;
CREATE INDEX asset_campaigns_campaign ON asset_campaigns (campaign_id);

-- Full-text search over what a marketer types to find an asset; rowid is
-- the asset id. Rewritten with the asset in the same transaction.
CREATE VIRTUAL TABLE asset_search USING fts5 (
	title, tags, description, file_names, holder,
	tokenize = 'unicode61 remove_diacritics 2'
);
