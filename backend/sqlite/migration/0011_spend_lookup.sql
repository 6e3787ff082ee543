-- Imports look spend up by day and amount to tell a row already stored
-- from a new one; the day-only index is a prefix of this one.
DROP INDEX spend_date;
CREATE INDEX spend_date_amount ON spend (date, amount);
