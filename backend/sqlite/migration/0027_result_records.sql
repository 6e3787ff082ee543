-- A CRM's contacts and its deals are different facts (issue 21): a
-- contacts export and a deals export of one campaign, channel and day
-- had the same key, so the later import replaced the earlier one's facts
-- (leads lost to deals, or the other way round). records ("contacts",
-- "deals", '' for other sources) joins the key. Facts stored before are
-- told apart by what they count: a contact always counts a lead, a deal
-- never does.
ALTER TABLE result_facts ADD COLUMN records TEXT NOT NULL DEFAULT '';
UPDATE result_facts SET records = CASE WHEN leads > 0 THEN 'contacts' ELSE 'deals' END
	WHERE source IN ('hubspot', 'salesforce') AND (leads > 0 OR opportunities > 0 OR won > 0);
DROP INDEX result_facts_key;
CREATE UNIQUE INDEX result_facts_key ON result_facts (source, external, channel, medium, date_from, date_to, records)
	WHERE superseded_by IS NULL;
