-- The workspace record: exactly one row.
CREATE TABLE settings (
	id                      INTEGER PRIMARY KEY CHECK (id = 1),
	name                    TEXT NOT NULL,
	base_currency           TEXT NOT NULL,
	fiscal_year_start_month INTEGER NOT NULL CHECK (fiscal_year_start_month BETWEEN 1 AND 12),
	language                TEXT NOT NULL,
	updated_at              TEXT NOT NULL
);

CREATE TABLE teams (
	id   INTEGER PRIMARY KEY,
	name TEXT NOT NULL
);
CREATE UNIQUE INDEX teams_name ON teams (name COLLATE NOCASE);

CREATE TABLE channels (
	id   INTEGER PRIMARY KEY,
	name TEXT NOT NULL
);
CREATE UNIQUE INDEX channels_name ON channels (name COLLATE NOCASE);

CREATE TABLE campaigns (
	id              INTEGER PRIMARY KEY,
	name            TEXT NOT NULL,
	team_id         INTEGER REFERENCES teams (id) ON DELETE RESTRICT,
	owner           TEXT NOT NULL DEFAULT '',
	channel_id      INTEGER REFERENCES channels (id) ON DELETE RESTRICT,
	status          TEXT NOT NULL,
	start_date      TEXT NOT NULL,
	end_date        TEXT NOT NULL CHECK (end_date >= start_date),
	budget_amount   INTEGER NOT NULL DEFAULT 0,
	budget_currency TEXT NOT NULL,
	notes           TEXT NOT NULL DEFAULT '',
	created_at      TEXT NOT NULL,
	updated_at      TEXT NOT NULL
);
CREATE INDEX campaigns_dates ON campaigns (start_date, end_date);
CREATE INDEX campaigns_team ON campaigns (team_id);
CREATE INDEX campaigns_channel ON campaigns (channel_id);
