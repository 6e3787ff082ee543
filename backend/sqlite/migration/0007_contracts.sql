-- Vendors and their contracts. Contract payments still to come are booked
-- as committed spend (spend.contract_id), rewritten whenever a contract or
-- a fiscal year changes and at start-up as days pass.
CREATE TABLE vendors (
	id         INTEGER PRIMARY KEY,
	name       TEXT NOT NULL,
	website    TEXT NOT NULL DEFAULT '',
	category   TEXT NOT NULL,
	contacts   TEXT NOT NULL DEFAULT '',
	notes      TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX vendors_name ON vendors (name COLLATE NOCASE);

CREATE TABLE contracts (
	id                   INTEGER PRIMARY KEY,
	vendor_id            INTEGER NOT NULL REFERENCES vendors (id) ON DELETE RESTRICT,
	product              TEXT NOT NULL,
	owner                TEXT NOT NULL DEFAULT '',
	team_id              INTEGER NOT NULL REFERENCES teams (id) ON DELETE RESTRICT,
	category_id          INTEGER NOT NULL REFERENCES spend_categories (id) ON DELETE RESTRICT,
	cost_amount          INTEGER NOT NULL,
	cost_currency        TEXT NOT NULL,
	billing_cycle        TEXT NOT NULL,
	start_date           TEXT NOT NULL,
	term_months          INTEGER NOT NULL,
	renewal_date         TEXT NOT NULL CHECK (renewal_date >= start_date),
	auto_renew           INTEGER NOT NULL,
	notice_days          INTEGER NOT NULL,
	seats_purchased      INTEGER NOT NULL DEFAULT 0 CHECK (seats_purchased >= 0),
	seats_used           INTEGER NOT NULL DEFAULT 0 CHECK (seats_used >= 0),
	status               TEXT NOT NULL,
	dpa_signed           INTEGER NOT NULL DEFAULT 0,
	security_review_done INTEGER NOT NULL DEFAULT 0,
	security_review_date TEXT NOT NULL DEFAULT '',
	data_location        TEXT NOT NULL DEFAULT '',
	notes                TEXT NOT NULL DEFAULT '',
	created_at           TEXT NOT NULL,
	updated_at           TEXT NOT NULL
);
CREATE INDEX contracts_vendor ON contracts (vendor_id);
CREATE INDEX contracts_renewal ON contracts (renewal_date);

CREATE TABLE contract_reminders (
	contract_id INTEGER NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
	kind        TEXT NOT NULL CHECK (kind IN ('cancel', 'renewal')),
	days_before INTEGER NOT NULL,
	PRIMARY KEY (contract_id, kind, days_before)
) WITHOUT ROWID;

CREATE TABLE contract_history (
	id              INTEGER PRIMARY KEY,
	contract_id     INTEGER NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
	at              TEXT NOT NULL,
	cost_amount     INTEGER NOT NULL,
	cost_currency   TEXT NOT NULL,
	billing_cycle   TEXT NOT NULL,
	seats_purchased INTEGER NOT NULL,
	seats_used      INTEGER NOT NULL
);
CREATE INDEX contract_history_contract ON contract_history (contract_id);

ALTER TABLE spend ADD COLUMN vendor_id INTEGER REFERENCES vendors (id) ON DELETE SET NULL;
ALTER TABLE spend ADD COLUMN contract_id INTEGER REFERENCES contracts (id) ON DELETE CASCADE;
CREATE INDEX spend_vendor_id ON spend (vendor_id);
CREATE INDEX spend_contract ON spend (contract_id);

ALTER TABLE settings ADD COLUMN underuse_threshold INTEGER NOT NULL DEFAULT 70;
