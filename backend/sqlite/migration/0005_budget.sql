-- Budget and spend. Amounts are integer minor units: budget lines in the
-- base currency, spend in its own currency.
CREATE TABLE spend_categories (
	id   INTEGER PRIMARY KEY,
	name TEXT NOT NULL
);
CREATE UNIQUE INDEX spend_categories_name ON spend_categories (name COLLATE NOCASE);

CREATE TABLE fiscal_years (
	year        INTEGER PRIMARY KEY,
	granularity TEXT NOT NULL CHECK (granularity IN ('month', 'quarter'))
);

CREATE TABLE budget_lines (
	fiscal_year INTEGER NOT NULL REFERENCES fiscal_years (year) ON DELETE CASCADE,
	team_id     INTEGER NOT NULL REFERENCES teams (id) ON DELETE RESTRICT,
	category_id INTEGER NOT NULL REFERENCES spend_categories (id) ON DELETE RESTRICT,
	period      INTEGER NOT NULL,
	amount      INTEGER NOT NULL,
	PRIMARY KEY (fiscal_year, team_id, category_id, period)
) WITHOUT ROWID;
CREATE INDEX budget_lines_team ON budget_lines (team_id);
CREATE INDEX budget_lines_category ON budget_lines (category_id);

CREATE TABLE fx_rates (
	currency TEXT NOT NULL,
	month    TEXT NOT NULL, -- YYYY-MM
	rate     TEXT NOT NULL, -- base units per unit of currency, exact decimal
	PRIMARY KEY (currency, month)
) WITHOUT ROWID;

CREATE TABLE spend (
	id          INTEGER PRIMARY KEY,
	date        TEXT NOT NULL,
	amount      INTEGER NOT NULL,
	currency    TEXT NOT NULL,
	team_id     INTEGER NOT NULL REFERENCES teams (id) ON DELETE RESTRICT,
	category_id INTEGER NOT NULL REFERENCES spend_categories (id) ON DELETE RESTRICT,
	vendor      TEXT NOT NULL DEFAULT '',
	campaign_id INTEGER REFERENCES campaigns (id) ON DELETE SET NULL,
	status      TEXT NOT NULL CHECK (status IN ('planned', 'committed', 'actual')),
	reference   TEXT NOT NULL DEFAULT '',
	note        TEXT NOT NULL DEFAULT '',
	request_id  INTEGER,
	created_at  TEXT NOT NULL,
	updated_at  TEXT NOT NULL
);
CREATE INDEX spend_date ON spend (date);
CREATE INDEX spend_campaign ON spend (campaign_id);
CREATE INDEX spend_vendor ON spend (vendor COLLATE NOCASE);
CREATE INDEX spend_team ON spend (team_id);
CREATE INDEX spend_category ON spend (category_id);

-- spend_monthly keeps running totals per calendar month, team, category,
-- currency and status, maintained by triggers in the same transaction as
-- every spend write. A budget summary reads a few hundred of these rows
-- instead of scanning every spend entry, whatever the number of entries.
CREATE TABLE spend_monthly (
	month       TEXT NOT NULL,
	team_id     INTEGER NOT NULL,
	category_id INTEGER NOT NULL,
	currency    TEXT NOT NULL,
	status      TEXT NOT NULL,
	total       INTEGER NOT NULL,
	entries     INTEGER NOT NULL,
	PRIMARY KEY (month, team_id, category_id, currency, status)
) WITHOUT ROWID;

CREATE TRIGGER spend_monthly_insert AFTER INSERT ON spend BEGIN
	INSERT INTO spend_monthly (month, team_id, category_id, currency, status, total, entries)
	VALUES (substr(NEW.date, 1, 7), NEW.team_id, NEW.category_id, NEW.currency, NEW.status, NEW.amount, 1)
	ON CONFLICT (month, team_id, category_id, currency, status)
	DO UPDATE SET total = total + excluded.total, entries = entries + 1;
END;

CREATE TRIGGER spend_monthly_delete AFTER DELETE ON spend BEGIN
	UPDATE spend_monthly SET total = total - OLD.amount, entries = entries - 1
	WHERE month = substr(OLD.date, 1, 7) AND team_id = OLD.team_id AND category_id = OLD.category_id
		AND currency = OLD.currency AND status = OLD.status;
	DELETE FROM spend_monthly WHERE entries = 0;
END;

CREATE TRIGGER spend_monthly_update AFTER UPDATE OF date, amount, currency, team_id, category_id, status ON spend BEGIN
	UPDATE spend_monthly SET total = total - OLD.amount, entries = entries - 1
	WHERE month = substr(OLD.date, 1, 7) AND team_id = OLD.team_id AND category_id = OLD.category_id
		AND currency = OLD.currency AND status = OLD.status;
	DELETE FROM spend_monthly WHERE entries = 0;
	INSERT INTO spend_monthly (month, team_id, category_id, currency, status, total, entries)
	VALUES (substr(NEW.date, 1, 7), NEW.team_id, NEW.category_id, NEW.currency, NEW.status, NEW.amount, 1)
	ON CONFLICT (month, team_id, category_id, currency, status)
	DO UPDATE SET total = total + excluded.total, entries = entries + 1;
END;

CREATE TABLE spend_requests (
	id          INTEGER PRIMARY KEY,
	requester   TEXT NOT NULL,
	team_id     INTEGER NOT NULL REFERENCES teams (id) ON DELETE RESTRICT,
	category_id INTEGER NOT NULL REFERENCES spend_categories (id) ON DELETE RESTRICT,
	amount      INTEGER NOT NULL,
	currency    TEXT NOT NULL,
	purpose     TEXT NOT NULL,
	status      TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
	spend_id    INTEGER REFERENCES spend (id) ON DELETE SET NULL,
	created_at  TEXT NOT NULL
);
CREATE INDEX spend_requests_status ON spend_requests (status);

CREATE TABLE spend_request_events (
	id         INTEGER PRIMARY KEY,
	request_id INTEGER NOT NULL REFERENCES spend_requests (id) ON DELETE CASCADE,
	at         TEXT NOT NULL,
	actor      TEXT NOT NULL,
	action     TEXT NOT NULL,
	note       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX spend_request_events_request ON spend_request_events (request_id);
