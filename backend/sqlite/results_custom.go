package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"math/big"

	"mopsdesk/backend"
)

// Custom metrics (ResultFact.Custom) are decimal text with at most 12
// decimals (backend.DecimalText): SQLite adds their whole parts and
// their decimals scaled to integers apart, so every sum is exact and no
// float is used. result_monthly_custom keeps their monthly sums as
// result_monthly keeps the others (migration 0026).

// customScale is the decimals kept; customTen is 10^customScale.
const (
	customScale = 12
	customTen   = "1000000000000"
)

// customWhole and customDecimals are SQL of a custom value's whole part
// and its decimals, scaled and signed as the value is.
const (
	customWhole    = `CAST(j.value AS INTEGER)`
	customDecimals = `CASE WHEN instr(j.value, '.') > 0 THEN (CASE WHEN substr(j.value, 1, 1) = '-' THEN -1 ELSE 1 END) *
		CAST(substr(substr(j.value, instr(j.value, '.') + 1) || '000000000000', 1, 12) AS INTEGER) ELSE 0 END`
)

// customColumns are result_monthly_custom's columns.
const customColumns = `month, campaign_id, source, channel, name, whole, decimals, facts`

// addCustomMonths brings the monthly custom sums up to date after a
// bulk, as addMonths does the others: the bulk's own facts added, those
// they replace taken away, each source and month touched folded.
func addCustomMonths(ctx context.Context, tx *sql.Tx, touched map[[2]string]bool) error {
	if len(touched) == 0 {
		return nil
	}
	const sums = `INSERT INTO result_monthly_custom (` + customColumns + `)
		SELECT substr(f.date_from, 1, 7), f.campaign_id, f.source, f.channel, j.key, %[1]ssum(` + customWhole + `),
		%[1]ssum(` + customDecimals + `), %[1]scount(*)
		FROM result_facts f JOIN json_each(f.custom) j WHERE %[2]s AND f.custom <> '' GROUP BY 1, 2, 3, 4, 5`
	for _, q := range []string{fmt.Sprintf(sums, "", "f.import_id = 0 AND f.superseded_by IS NULL"), fmt.Sprintf(sums, "-", "f.superseded_by = 0")} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("monthly custom sums: %w", err)
		}
	}
	for k := range touched {
		if err := foldCustomMonth(ctx, tx, k[1], "source = ?", k[0]); err != nil {
			return err
		}
	}
	return nil
}

// foldCustomMonth folds a month's custom rows (those of cond) into one
// per group, carrying whole units out of the decimals.
func foldCustomMonth(ctx context.Context, tx *sql.Tx, month, cond string, args ...any) error {
	var last int64
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(rowid), 0) FROM result_monthly_custom`).Scan(&last); err != nil {
		return err
	}
	a := append([]any{month}, args...)
	if _, err := tx.ExecContext(ctx, `INSERT INTO result_monthly_custom (`+customColumns+`)
		SELECT month, campaign_id, source, channel, name, sum(whole) + sum(decimals) / `+customTen+`, sum(decimals) % `+customTen+`, sum(facts)
		FROM result_monthly_custom WHERE month = ? AND `+cond+`
		GROUP BY campaign_id, source, channel, name HAVING sum(facts) <> 0`, a...); err != nil {
		return fmt.Errorf("monthly custom sums: %w", err)
	}
	_, err := tx.ExecContext(ctx, `DELETE FROM result_monthly_custom WHERE month = ? AND `+cond+` AND rowid <= ?`, append(a, last)...)
	return err
}

// rebuildCustomMonths recounts the monthly custom sums of months (all
// of them with more than a year's worth), as rebuildMonths does.
func rebuildCustomMonths(ctx context.Context, tx *sql.Tx, months map[string]bool) error {
	const sums = `INSERT INTO result_monthly_custom (` + customColumns + `)
		SELECT substr(f.date_from, 1, 7), f.campaign_id, f.source, f.channel, j.key, sum(` + customWhole + `), sum(` + customDecimals + `), count(*)
		FROM result_facts f JOIN json_each(f.custom) j WHERE f.superseded_by IS NULL AND f.custom <> '' `
	const group = ` GROUP BY 1, 2, 3, 4, 5`
	if len(months) > 12 {
		if _, err := tx.ExecContext(ctx, `DELETE FROM result_monthly_custom`); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, sums+group)
		return err
	}
	for m := range months {
		if _, err := tx.ExecContext(ctx, `DELETE FROM result_monthly_custom WHERE month = ?`, m); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, sums+`AND f.date_from >= ? AND f.date_from < ?`+group, m+"-01", m+"-32"); err != nil {
			return err
		}
	}
	return nil
}

// customSums adds up the custom metrics of the facts of f by group (and
// by day for the periods), as ResultSums carrying only Custom, to be
// summed with the others (backend.SumResults): from the monthly custom
// sums when the filter allows, else from the facts that carry custom
// metrics (the partial index result_facts_custom).
func (s *ResultsService) customSums(ctx context.Context, g backend.ResultGroup, f backend.ResultFilter) ([]backend.ResultSum, error) {
	key, label, joins, err := resultGroupKey(g)
	if err != nil {
		return nil, err
	}
	where, args := resultWhere(f)
	from := ` FROM result_facts f` + joins + ` JOIN json_each(f.custom) j WHERE ` + where + ` AND f.custom <> ''`
	month, name, whole, decimals := "''", "j.key", customWhole, customDecimals
	if key == "f.date_from" {
		month = "substr(f.date_from, 1, 7)"
	}
	if monthAligned(f) && g != backend.GroupDay && g != backend.GroupWeek {
		from = ` FROM result_monthly_custom f` + joins + ` WHERE ` + monthlyWhere(where)
		name, whole, decimals = "f.name", "f.whole", "f.decimals"
		if key == "f.date_from" {
			key, month = "f.month || '-01'", "f.month"
		}
	}
	rows, err := s.db.conn(ctx).QueryContext(ctx, `SELECT `+key+`, `+label+`, `+month+`, `+name+`, sum(`+whole+`), sum(`+decimals+`)`+from+`
		GROUP BY 1, 3, 4`, args...)
	if err != nil {
		return nil, fmt.Errorf("sum custom metrics: %w", err)
	}
	defer rows.Close()
	var out []backend.ResultSum
	at := map[[3]string]int{}
	ten, _ := new(big.Rat).SetString(customTen)
	for rows.Next() {
		var x backend.ResultSum
		var metric string
		var w, d int64
		if err := rows.Scan(&x.Key, &x.Label, &x.Month, &metric, &w, &d); err != nil {
			return nil, err
		}
		sum := new(big.Rat).SetInt64(d)
		sum.Quo(sum, ten).Add(sum, new(big.Rat).SetInt64(w))
		k := [3]string{x.Key, x.Label, x.Month}
		i, ok := at[k]
		if !ok {
			i = len(out)
			at[k] = i
			x.Custom = map[string]string{}
			out = append(out, x)
		}
		out[i].Custom[metric] = backend.DecimalText(sum)
	}
	return out, rows.Err()
}
