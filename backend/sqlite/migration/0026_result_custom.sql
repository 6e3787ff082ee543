-- Custom metrics the user named (issue 21): the facts that carry them,
-- and their monthly sums, kept as the monthly sums of result_monthly are.
-- A value is exact decimal text (at most 12 decimals): its whole part and
-- its decimals scaled by 10^12 are summed apart, as integers.
CREATE INDEX result_facts_custom ON result_facts (date_from) WHERE superseded_by IS NULL AND custom <> '';

CREATE TABLE result_monthly_custom (
	month       TEXT NOT NULL,
	campaign_id INTEGER,
	source      TEXT NOT NULL,
	channel     TEXT NOT NULL,
	name        TEXT NOT NULL,
	whole       INTEGER NOT NULL,
	decimals    INTEGER NOT NULL,
	facts       INTEGER NOT NULL
);
CREATE INDEX result_monthly_custom_month ON result_monthly_custom (month, campaign_id);
CREATE INDEX result_monthly_custom_campaign ON result_monthly_custom (campaign_id, month);

INSERT INTO result_monthly_custom (month, campaign_id, source, channel, name, whole, decimals, facts)
	SELECT substr(f.date_from, 1, 7), f.campaign_id, f.source, f.channel, j.key, sum(CAST(j.value AS INTEGER)),
	sum(CASE WHEN instr(j.value, '.') > 0 THEN (CASE WHEN substr(j.value, 1, 1) = '-' THEN -1 ELSE 1 END) *
		CAST(substr(substr(j.value, instr(j.value, '.') + 1) || '000000000000', 1, 12) AS INTEGER) ELSE 0 END), count(*)
	FROM result_facts f JOIN json_each(f.custom) j
	WHERE f.superseded_by IS NULL AND f.custom <> ''
	GROUP BY 1, 2, 3, 4, 5;
