-- Campaigns get an objective, several channels, tags and a compliance
-- review. The single channel_id moves into campaign_channels; SQLite cannot
-- drop a column that carries a foreign key, so the table is rebuilt.
CREATE TABLE campaigns_new (
	id                  INTEGER PRIMARY KEY,
	name                TEXT NOT NULL,
	objective           TEXT NOT NULL DEFAULT '',
	team_id             INTEGER REFERENCES teams (id) ON DELETE RESTRICT,
	owner               TEXT NOT NULL DEFAULT '',
	status              TEXT NOT NULL,
	start_date          TEXT NOT NULL,
	end_date            TEXT NOT NULL CHECK (end_date >= start_date),
	budget_amount       INTEGER NOT NULL DEFAULT 0,
	budget_currency     TEXT NOT NULL,
	notes               TEXT NOT NULL DEFAULT '',
	compliance_status   TEXT NOT NULL DEFAULT 'not_needed',
	compliance_reviewer TEXT NOT NULL DEFAULT '',
	compliance_date     TEXT NOT NULL DEFAULT '',
	compliance_comment  TEXT NOT NULL DEFAULT '',
	created_at          TEXT NOT NULL,
	updated_at          TEXT NOT NULL
);
INSERT INTO campaigns_new (id, name, team_id, owner, status, start_date, end_date, budget_amount,
	budget_currency, notes, created_at, updated_at)
SELECT id, name, team_id, owner, status, start_date, end_date, budget_amount,
	budget_currency, notes, created_at, updated_at
FROM campaigns;
CREATE TEMP TABLE old_campaign_channels AS
	SELECT id AS campaign_id, channel_id FROM campaigns WHERE channel_id IS NOT NULL;
DROP TABLE campaigns;
ALTER TABLE campaigns_new RENAME TO campaigns;
CREATE INDEX campaigns_dates ON campaigns (start_date, end_date);
CREATE INDEX campaigns_team ON campaigns (team_id);

CREATE TABLE campaign_channels (
	campaign_id INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
	channel_id  INTEGER NOT NULL REFERENCES channels (id) ON DELETE RESTRICT,
	position    INTEGER NOT NULL,
	PRIMARY KEY (campaign_id, channel_id)
) WITHOUT ROWID;
CREATE INDEX campaign_channels_channel ON campaign_channels (channel_id);
INSERT INTO campaign_channels (campaign_id, channel_id, position)
	SELECT campaign_id, channel_id, 0 FROM old_campaign_channels;
DROP TABLE old_campaign_channels;

CREATE TABLE campaign_tags (
	campaign_id INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
	tag         TEXT NOT NULL COLLATE NOCASE,
	position    INTEGER NOT NULL,
	PRIMARY KEY (campaign_id, tag)
) WITHOUT ROWID;
CREATE INDEX campaign_tags_tag ON campaign_tags (tag);
