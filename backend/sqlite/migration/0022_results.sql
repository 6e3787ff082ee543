-- Results data (issue 21): what ad platforms, web analytics and CRMs
-- report per external campaign and day or period. A fact replaced by a
-- later import keeps its row with superseded_by set (0 while the
-- replacing import is being written) and comes back when that import is
-- undone. import_id is 0 while its import is being written.
CREATE TABLE result_facts (
	id                INTEGER PRIMARY KEY,
	campaign_id       INTEGER REFERENCES campaigns (id) ON DELETE SET NULL,
	external          TEXT NOT NULL,
	utm_campaign      TEXT NOT NULL DEFAULT '',
	source            TEXT NOT NULL,
	channel           TEXT NOT NULL DEFAULT '',
	medium            TEXT NOT NULL DEFAULT '',
	date_from         TEXT NOT NULL,
	date_to           TEXT NOT NULL CHECK (date_to >= date_from),
	impressions       INTEGER NOT NULL DEFAULT 0,
	clicks            INTEGER NOT NULL DEFAULT 0,
	conversions       INTEGER NOT NULL DEFAULT 0,
	leads             INTEGER NOT NULL DEFAULT 0,
	mqls              INTEGER NOT NULL DEFAULT 0,
	sqls              INTEGER NOT NULL DEFAULT 0,
	opportunities     INTEGER NOT NULL DEFAULT 0,
	won               INTEGER NOT NULL DEFAULT 0,
	cost_amount       INTEGER NOT NULL DEFAULT 0,
	cost_currency     TEXT NOT NULL DEFAULT '',
	pipeline_amount   INTEGER NOT NULL DEFAULT 0,
	pipeline_currency TEXT NOT NULL DEFAULT '',
	revenue_amount    INTEGER NOT NULL DEFAULT 0,
	revenue_currency  TEXT NOT NULL DEFAULT '',
	custom            TEXT NOT NULL DEFAULT '',
	import_id         INTEGER NOT NULL DEFAULT 0,
	source_file       TEXT NOT NULL DEFAULT '',
	superseded_by     INTEGER
);
-- One live fact per source, external campaign, channel, medium and days.
CREATE UNIQUE INDEX result_facts_key ON result_facts (source, external, channel, medium, date_from, date_to)
	WHERE superseded_by IS NULL;
CREATE INDEX result_facts_campaign ON result_facts (campaign_id, date_from) WHERE superseded_by IS NULL;
CREATE INDEX result_facts_day ON result_facts (date_from) WHERE superseded_by IS NULL;
CREATE INDEX result_facts_import ON result_facts (import_id);
CREATE INDEX result_facts_superseded ON result_facts (superseded_by) WHERE superseded_by IS NOT NULL;

-- The monthly sums the Results view reads: rebuilt for the months a bulk,
-- an undo or a match touched.
CREATE TABLE result_monthly (
	month             TEXT NOT NULL,
	campaign_id       INTEGER,
	source            TEXT NOT NULL,
	channel           TEXT NOT NULL,
	cost_currency     TEXT NOT NULL,
	pipeline_currency TEXT NOT NULL,
	revenue_currency  TEXT NOT NULL,
	impressions       INTEGER NOT NULL,
	clicks            INTEGER NOT NULL,
	conversions       INTEGER NOT NULL,
	leads             INTEGER NOT NULL,
	mqls              INTEGER NOT NULL,
	sqls              INTEGER NOT NULL,
	opportunities     INTEGER NOT NULL,
	won               INTEGER NOT NULL,
	cost              INTEGER NOT NULL,
	pipeline          INTEGER NOT NULL,
	revenue           INTEGER NOT NULL,
	facts             INTEGER NOT NULL
);
CREATE INDEX result_monthly_month ON result_monthly (month, campaign_id);
CREATE INDEX result_monthly_campaign ON result_monthly (campaign_id, month);
