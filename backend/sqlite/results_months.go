package sqlite

import (
	"context"
	"database/sql"
	"fmt"
)

// rebuildMonths recounts the monthly sums of months; all of them when
// months holds more than a year's worth (one pass is then cheaper).
func rebuildMonths(ctx context.Context, tx *sql.Tx, months map[string]bool) error {
	const sums = `INSERT INTO result_monthly (month, campaign_id, source, channel, cost_currency, pipeline_currency, revenue_currency,
		impressions, clicks, conversions, leads, mqls, sqls, opportunities, won, cost, pipeline, revenue, facts)
		SELECT substr(date_from, 1, 7), campaign_id, source, channel, cost_currency, pipeline_currency, revenue_currency,
		sum(impressions), sum(clicks), sum(conversions), sum(leads), sum(mqls), sum(sqls), sum(opportunities), sum(won),
		sum(cost_amount), sum(pipeline_amount), sum(revenue_amount), count(*)
		FROM result_facts WHERE superseded_by IS NULL `
	const group = ` GROUP BY 1, 2, 3, 4, 5, 6, 7`
	if len(months) > 12 {
		if _, err := tx.ExecContext(ctx, `DELETE FROM result_monthly`); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, sums+group); err != nil {
			return err
		}
		return rebuildCustomMonths(ctx, tx, months)
	}
	for m := range months {
		if _, err := tx.ExecContext(ctx, `DELETE FROM result_monthly WHERE month = ?`, m); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, sums+`AND date_from >= ? AND date_from < ?`+group, m+"-01", m+"-32"); err != nil {
			return err
		}
	}
	return rebuildCustomMonths(ctx, tx, months)
}

// monthlyColumns are result_monthly's columns, in the order addMonths
// writes them.
const monthlyColumns = `month, campaign_id, source, channel, cost_currency, pipeline_currency, revenue_currency,
	impressions, clicks, conversions, leads, mqls, sqls, opportunities, won, cost, pipeline, revenue, facts`

// addMonths brings the monthly sums up to date after a bulk: it adds the
// sums of the facts the bulk wrote (import_id 0) and takes away those of
// the facts they replace (superseded_by 0), then folds the rows of each
// source and month touched into one per group. The work is that of the
// bulk's own facts, however many the workspace holds (a rebuild from the
// facts, rebuildMonths, reads every fact of each month).
func addMonths(ctx context.Context, tx *sql.Tx, touched map[[2]string]bool) error {
	if len(touched) == 0 {
		return nil
	}
	const sums = `INSERT INTO result_monthly (` + monthlyColumns + `)
		SELECT substr(date_from, 1, 7), campaign_id, source, channel, cost_currency, pipeline_currency, revenue_currency,
		%[1]ssum(impressions), %[1]ssum(clicks), %[1]ssum(conversions), %[1]ssum(leads), %[1]ssum(mqls), %[1]ssum(sqls),
		%[1]ssum(opportunities), %[1]ssum(won), %[1]ssum(cost_amount), %[1]ssum(pipeline_amount), %[1]ssum(revenue_amount), %[1]scount(*)
		FROM result_facts WHERE %[2]s GROUP BY 1, 2, 3, 4, 5, 6, 7`
	if _, err := tx.ExecContext(ctx, fmt.Sprintf(sums, "", "import_id = 0 AND superseded_by IS NULL")); err != nil {
		return fmt.Errorf("monthly sums: %w", err)
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf(sums, "-", "superseded_by = 0")); err != nil {
		return fmt.Errorf("monthly sums: %w", err)
	}
	fold, err := tx.PrepareContext(ctx, `INSERT INTO result_monthly (`+monthlyColumns+`)
		SELECT month, campaign_id, source, channel, cost_currency, pipeline_currency, revenue_currency,
		sum(impressions), sum(clicks), sum(conversions), sum(leads), sum(mqls), sum(sqls), sum(opportunities), sum(won),
		sum(cost), sum(pipeline), sum(revenue), sum(facts)
		FROM result_monthly WHERE month = ? AND source = ?
		GROUP BY campaign_id, channel, cost_currency, pipeline_currency, revenue_currency HAVING sum(facts) <> 0`)
	if err != nil {
		return err
	}
	defer fold.Close()
	for k := range touched {
		source, month := k[0], k[1]
		var last int64
		if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(rowid), 0) FROM result_monthly`).Scan(&last); err != nil {
			return err
		}
		if _, err := fold.ExecContext(ctx, month, source); err != nil {
			return fmt.Errorf("monthly sums: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM result_monthly WHERE month = ? AND source = ? AND rowid <= ?`, month, source, last); err != nil {
			return fmt.Errorf("monthly sums: %w", err)
		}
	}
	return addCustomMonths(ctx, tx, touched)
}
