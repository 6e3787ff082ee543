-- A deleted campaign's results become unmatched (result_facts.campaign_id
-- is set to NULL by its foreign key); the monthly sums follow at once, so
-- they never name a campaign that is gone, nor pass its figures to a
-- campaign that later takes its id. Their rows may then hold a group
-- twice until the next import folds it: every reader sums by group.
CREATE TRIGGER result_monthly_campaign_deleted AFTER DELETE ON campaigns
WHEN EXISTS (SELECT 1 FROM result_monthly WHERE campaign_id = OLD.id)
BEGIN
	UPDATE result_monthly SET campaign_id = NULL WHERE campaign_id = OLD.id;
END;
