-- How dates show: the calendar (Gregorian, Persian, Thai Buddhist) and the
-- first day of the week (0 Sunday … 6 Saturday). Stored dates stay ISO.
ALTER TABLE settings ADD COLUMN calendar TEXT NOT NULL DEFAULT 'gregory';
ALTER TABLE settings ADD COLUMN week_start INTEGER NOT NULL DEFAULT 1;
