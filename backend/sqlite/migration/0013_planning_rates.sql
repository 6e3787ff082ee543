-- Planning (budget) rates: one per currency, used for every month that has
-- no monthly rate in fx_rates yet, so future contract payments and planned
-- foreign spend stay in the budget, marked as priced at an assumed rate.
CREATE TABLE fx_planning_rates (
	currency TEXT PRIMARY KEY,
	rate     TEXT NOT NULL -- base units per unit of currency, exact decimal
) WITHOUT ROWID;
