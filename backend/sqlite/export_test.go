package sqlite

import (
	"context"
	"database/sql"
)

// QueryRowForTest lets the package's tests read the tables directly.
func (db *DB) QueryRowForTest(ctx context.Context, query string, args ...any) *sql.Row {
	return db.db.QueryRowContext(ctx, query, args...)
}

// ExecForTest lets the package's tests change the tables directly.
func (db *DB) ExecForTest(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return db.db.ExecContext(ctx, query, args...)
}

// MigrateForTest runs SQL as a later migration would run.
func (db *DB) MigrateForTest(body string) error {
	tx, err := db.db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := applyMigration(tx, body); err != nil {
		return err
	}
	return tx.Commit()
}

// ResultMonthsDriftForTest counts the groups whose monthly sums differ
// from the sums of the live facts, and the groups held in more than one
// row of result_monthly.
func (db *DB) ResultMonthsDriftForTest(ctx context.Context) (drift, doubled int, err error) {
	const monthly = `SELECT month, campaign_id, source, channel, cost_currency, pipeline_currency, revenue_currency,
		sum(impressions), sum(clicks), sum(conversions), sum(leads), sum(mqls), sum(sqls), sum(opportunities), sum(won),
		sum(cost), sum(pipeline), sum(revenue), sum(facts) FROM result_monthly GROUP BY 1, 2, 3, 4, 5, 6, 7`
	const facts = `SELECT substr(date_from, 1, 7), campaign_id, source, channel, cost_currency, pipeline_currency, revenue_currency,
		sum(impressions), sum(clicks), sum(conversions), sum(leads), sum(mqls), sum(sqls), sum(opportunities), sum(won),
		sum(cost_amount), sum(pipeline_amount), sum(revenue_amount), count(*) FROM result_facts WHERE superseded_by IS NULL
		GROUP BY 1, 2, 3, 4, 5, 6, 7`
	var a, b int
	if err := db.db.QueryRowContext(ctx, `SELECT count(*) FROM (`+monthly+` EXCEPT `+facts+`)`).Scan(&a); err != nil {
		return 0, 0, err
	}
	if err := db.db.QueryRowContext(ctx, `SELECT count(*) FROM (`+facts+` EXCEPT `+monthly+`)`).Scan(&b); err != nil {
		return 0, 0, err
	}
	err = db.db.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM result_monthly
		GROUP BY month, campaign_id, source, channel, cost_currency, pipeline_currency, revenue_currency HAVING count(*) > 1)`).Scan(&doubled)
	return a + b, doubled, err
}
