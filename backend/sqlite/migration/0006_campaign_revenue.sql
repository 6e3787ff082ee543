-- Revenue attributed to a campaign, in minor units of the base currency,
-- for ROI (entered by hand now, imported later).
ALTER TABLE campaigns ADD COLUMN attributed_revenue INTEGER NOT NULL DEFAULT 0;
