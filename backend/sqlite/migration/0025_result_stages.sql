-- CRM stages no vendor documents (custom lifecycle stages, custom
-- pipelines' deal stages) and the funnel step the user gave each: every
-- later results import of the source applies it. stage_key is the stage
-- folded (lower case, single spaces), so "Demo  Booked" is "demo booked".
CREATE TABLE result_stages (
	id         INTEGER PRIMARY KEY,
	source     TEXT NOT NULL,
	records    TEXT NOT NULL CHECK (records IN ('contacts', 'deals')),
	stage      TEXT NOT NULL,
	stage_key  TEXT NOT NULL,
	step       TEXT NOT NULL CHECK (step IN ('lead', 'mql', 'sql', 'opportunity', 'won', 'lost', 'ignore')),
	created_at TEXT NOT NULL,
	UNIQUE (source, records, stage_key)
);
