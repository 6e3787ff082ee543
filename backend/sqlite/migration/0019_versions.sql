-- Every record a person edits carries a version. A save names the version
-- it started from and is refused (conflict) when the record was changed
-- since; the store compares the two inside the save's transaction, which
-- holds the write lock from BEGIN, and reports the record as stored now.
--
-- The version changes on every UPDATE by anyone or anything — a person's
-- save, a rename of an owner, a contract's payments rewritten, a campaign
-- moved with its plan — through the triggers below: each bumps the row's
-- version when the UPDATE did not change it itself. Refusing stale writes
-- in a BEFORE UPDATE trigger instead would turn a conflict into an SQL
-- error without the current record, and would have to be taught which
-- writers may write unconditionally (an import's undo); the store's check
-- keeps that in the domain, where a PostgreSQL store can do the same.

ALTER TABLE campaigns ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE TRIGGER campaigns_version AFTER UPDATE ON campaigns WHEN NEW.version = OLD.version BEGIN
	UPDATE campaigns SET version = OLD.version + 1 WHERE id = NEW.id;
END;

ALTER TABLE deliverables ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE TRIGGER deliverables_version AFTER UPDATE ON deliverables WHEN NEW.version = OLD.version BEGIN
	UPDATE deliverables SET version = OLD.version + 1 WHERE id = NEW.id;
END;

ALTER TABLE milestones ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE TRIGGER milestones_version AFTER UPDATE ON milestones WHEN NEW.version = OLD.version BEGIN
	UPDATE milestones SET version = OLD.version + 1 WHERE id = NEW.id;
END;

ALTER TABLE goals ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE TRIGGER goals_version AFTER UPDATE ON goals WHEN NEW.version = OLD.version BEGIN
	UPDATE goals SET version = OLD.version + 1 WHERE id = NEW.id;
END;

ALTER TABLE spend ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE TRIGGER spend_version AFTER UPDATE ON spend WHEN NEW.version = OLD.version BEGIN
	UPDATE spend SET version = OLD.version + 1 WHERE id = NEW.id;
END;

ALTER TABLE spend_requests ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE TRIGGER spend_requests_version AFTER UPDATE ON spend_requests WHEN NEW.version = OLD.version BEGIN
	UPDATE spend_requests SET version = OLD.version + 1 WHERE id = NEW.id;
END;

ALTER TABLE vendors ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE TRIGGER vendors_version AFTER UPDATE ON vendors WHEN NEW.version = OLD.version BEGIN
	UPDATE vendors SET version = OLD.version + 1 WHERE id = NEW.id;
END;

ALTER TABLE contracts ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE TRIGGER contracts_version AFTER UPDATE ON contracts WHEN NEW.version = OLD.version BEGIN
	UPDATE contracts SET version = OLD.version + 1 WHERE id = NEW.id;
END;

ALTER TABLE assets ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE TRIGGER assets_version AFTER UPDATE ON assets WHEN NEW.version = OLD.version BEGIN
	UPDATE assets SET version = OLD.version + 1 WHERE id = NEW.id;
END;

-- A budget cell that is cleared is deleted, and a cell typed again later
-- is a new row: its version must not start again at 1, or a grid that
-- showed the old cell at 1 would overwrite the new one. Cell versions come
-- from a clock per fiscal year that every write of a cell advances; a cell
-- that does not exist is version 0.
ALTER TABLE fiscal_years ADD COLUMN line_clock INTEGER NOT NULL DEFAULT 0;
ALTER TABLE budget_lines ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
UPDATE budget_lines SET version = 1;
UPDATE fiscal_years SET line_clock = 1 WHERE year IN (SELECT fiscal_year FROM budget_lines);

CREATE TRIGGER budget_lines_version_insert AFTER INSERT ON budget_lines BEGIN
	UPDATE fiscal_years SET line_clock = line_clock + 1 WHERE year = NEW.fiscal_year;
	UPDATE budget_lines SET version = (SELECT line_clock FROM fiscal_years WHERE year = NEW.fiscal_year)
	WHERE fiscal_year = NEW.fiscal_year AND team_id = NEW.team_id AND category_id = NEW.category_id AND period = NEW.period;
END;
CREATE TRIGGER budget_lines_version_update AFTER UPDATE ON budget_lines WHEN NEW.version = OLD.version BEGIN
	UPDATE fiscal_years SET line_clock = line_clock + 1 WHERE year = NEW.fiscal_year;
	UPDATE budget_lines SET version = (SELECT line_clock FROM fiscal_years WHERE year = NEW.fiscal_year)
	WHERE fiscal_year = NEW.fiscal_year AND team_id = NEW.team_id AND category_id = NEW.category_id AND period = NEW.period;
END;
