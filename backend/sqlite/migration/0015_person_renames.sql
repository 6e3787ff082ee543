-- Renames of a person everywhere their name is used, kept so that each can
-- be seen and undone: changed lists the records by table.
CREATE TABLE person_renames (
	id        INTEGER PRIMARY KEY,
	at        TEXT NOT NULL,
	from_name TEXT NOT NULL,
	to_name   TEXT NOT NULL,
	changed   TEXT NOT NULL,
	records   INTEGER NOT NULL,
	undone_at TEXT NOT NULL DEFAULT ''
);
