package sqlite

import (
	"context"
	"database/sql"
	"fmt"
)

// A results import keeps every index of result_facts up to date row by
// row, with a larger page cache meanwhile (restored however the batch
// ends). Unlike spend (bulk.go), dropping the secondary indexes and
// sorting them back costs more than it saves: a daily export arrives in
// day order, so each index takes its rows at a few hundred places the
// cache holds, while a rebuild reads every fact of every earlier import.
// Measured with BenchmarkImportResults (182,500 rows; the fifth source
// of five), CPU s: 2.8 keeping the indexes vs 4.1–4.3 dropping them on
// an empty workspace, 3.3 vs 5.6–6.0 as the fifth source; a cache of
// 32 MB against 8 MB: 3.3–3.4 vs 3.7–4.1 for the fifth, 64 MB no better.
const resultsCacheKiB = 32 << 10

// resultIndexes is the state of one bulk's page cache.
type resultIndexes struct {
	cache  int
	raised bool
}

// raise enlarges the page cache for the bulk.
func (x *resultIndexes) raise(ctx context.Context, tx *sql.Tx) error {
	if x.raised {
		return nil
	}
	if err := tx.QueryRowContext(ctx, `PRAGMA cache_size`).Scan(&x.cache); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA cache_size = -%d`, resultsCacheKiB)); err != nil {
		return err
	}
	x.raised = true
	return nil
}

// restore puts the page cache back, however the batch ended.
func (x *resultIndexes) restore(ctx context.Context, tx *sql.Tx) {
	if !x.raised {
		return
	}
	x.raised = false
	_, _ = tx.ExecContext(context.WithoutCancel(ctx), fmt.Sprintf(`PRAGMA cache_size = %d`, x.cache))
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
