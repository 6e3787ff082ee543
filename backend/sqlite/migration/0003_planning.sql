-- Deliverables (content pieces), milestones/tasks and goals. Deliverables
-- and milestones may stand alone (an editorial calendar, a team task);
-- goals always belong to a campaign. Deleting a campaign deletes them.
CREATE TABLE deliverables (
	id           INTEGER PRIMARY KEY,
	campaign_id  INTEGER REFERENCES campaigns (id) ON DELETE CASCADE,
	title        TEXT NOT NULL,
	type         TEXT NOT NULL,
	custom_type  TEXT NOT NULL DEFAULT '',
	publish_date TEXT NOT NULL,
	channel_id   INTEGER REFERENCES channels (id) ON DELETE RESTRICT,
	owner        TEXT NOT NULL DEFAULT '',
	status       TEXT NOT NULL,
	notes        TEXT NOT NULL DEFAULT '',
	created_at   TEXT NOT NULL,
	updated_at   TEXT NOT NULL
);
CREATE INDEX deliverables_date ON deliverables (publish_date);
CREATE INDEX deliverables_campaign ON deliverables (campaign_id);
CREATE INDEX deliverables_channel ON deliverables (channel_id);

CREATE TABLE milestones (
	id          INTEGER PRIMARY KEY,
	campaign_id INTEGER REFERENCES campaigns (id) ON DELETE CASCADE,
	title       TEXT NOT NULL,
	owner       TEXT NOT NULL DEFAULT '',
	due_date    TEXT NOT NULL,
	done        INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
	created_at  TEXT NOT NULL,
	updated_at  TEXT NOT NULL
);
CREATE INDEX milestones_due ON milestones (due_date);
CREATE INDEX milestones_campaign ON milestones (campaign_id);
CREATE INDEX milestones_owner ON milestones (owner COLLATE NOCASE, due_date);

CREATE TABLE goals (
	id            INTEGER PRIMARY KEY,
	campaign_id   INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
	metric        TEXT NOT NULL,
	custom_metric TEXT NOT NULL DEFAULT '',
	target        TEXT NOT NULL,
	actual        TEXT NOT NULL DEFAULT '0',
	unit          TEXT NOT NULL DEFAULT '',
	due_date      TEXT NOT NULL,
	created_at    TEXT NOT NULL,
	updated_at    TEXT NOT NULL
);
CREATE INDEX goals_campaign ON goals (campaign_id);
