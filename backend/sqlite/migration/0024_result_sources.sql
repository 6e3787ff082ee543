-- How the cost of each source's results files was last used: booked as
-- actual spend (book_cost 1) in a spend category, or compared with the
-- budget only. The next import of the source starts from this choice.
-- category_id is not a foreign key: a category deleted since is reported
-- by its name (category_name) when the cost would be booked into it.
CREATE TABLE result_sources (
	source        TEXT PRIMARY KEY,
	book_cost     INTEGER NOT NULL DEFAULT 0 CHECK (book_cost IN (0, 1)),
	category_id   INTEGER NOT NULL DEFAULT 0,
	category_name TEXT NOT NULL DEFAULT '',
	updated_at    TEXT NOT NULL
);
