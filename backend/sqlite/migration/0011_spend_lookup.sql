-- Imports look spend up by day and amount to tell a row already stored
-- from a new one; the day-only index is a prefix of this one.
DROP INDEX spend_date;
CREATE INDEX spend_date_amount ON spend (date, amount);

-- A large import inserts spend in bulk and rebuilds the months it touched
-- in one pass: while spend_bulk has a row, inserts skip the running totals.
CREATE TABLE spend_bulk (active INTEGER NOT NULL);
DROP TRIGGER spend_monthly_insert;
CREATE TRIGGER spend_monthly_insert AFTER INSERT ON spend WHEN NOT EXISTS (SELECT 1 FROM spend_bulk) BEGIN
	INSERT INTO spend_monthly (month, team_id, category_id, currency, status, total, entries)
	VALUES (substr(NEW.date, 1, 7), NEW.team_id, NEW.category_id, NEW.currency, NEW.status, NEW.amount, 1)
	ON CONFLICT (month, team_id, category_id, currency, status)
	DO UPDATE SET total = total + excluded.total, entries = entries + 1;
END;
