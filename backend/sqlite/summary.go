package sqlite

import (
	"context"
	"fmt"
	"sort"
	"time"

	"mopsdesk/backend"
)

type rowKey struct{ team, category int64 }

// Summary computes planned, committed, actual, available, variance and a
// run-rate forecast per team × category for a span of fiscal periods.
//
// Spend is read from spend_monthly (running totals kept by triggers), so
// the cost depends on months × teams × categories × currencies, not on the
// number of spend entries. Each monthly total is converted to the base
// currency once, with that month's rate, rounding half to even: that is
// the one rounding point. A total with no rate is left out and named in
// MissingRates.
func (s *BudgetService) Summary(ctx context.Context, f backend.SummaryFilter) (*backend.BudgetSummary, error) {
	st, err := settingsOf(ctx, s.db.conn(ctx))
	if err != nil {
		return nil, err
	}
	plan, err := budgetPlan(ctx, s.db.conn(ctx), f.FiscalYear)
	if err != nil {
		return nil, err
	}
	fromP, toP, err := periodSpan(f, plan.Granularity.Periods())
	if err != nil {
		return nil, err
	}
	start := st.FiscalYearStartMonth
	from, _ := backend.FiscalPeriodRange(f.FiscalYear, start, plan.Granularity, fromP)
	_, to := backend.FiscalPeriodRange(f.FiscalYear, start, plan.Granularity, toP)
	out := &backend.BudgetSummary{FiscalYear: f.FiscalYear, From: from, To: to, Currency: st.BaseCurrency,
		Rows: []backend.SummaryRow{}, MissingRates: []backend.FXRate{}}

	rows := summaryRows{}
	keep := func(team, category int64) bool {
		return (f.TeamID == 0 || f.TeamID == team) && (f.CategoryID == 0 || f.CategoryID == category)
	}
	for _, l := range plan.Lines {
		if l.Period >= fromP && l.Period <= toP && keep(l.TeamID, l.CategoryID) {
			rows.at(rowKey{l.TeamID, l.CategoryID}).Planned += l.Amount
		}
	}

	rates, err := s.rates(ctx, st.BaseCurrency)
	if err != nil {
		return nil, err
	}
	conv := convertBy(rates)
	missing := map[[2]string]bool{}
	assumed := map[[2]string]string{}
	err = s.eachMonthly(ctx, from[:7], to[:7], f, func(m monthly) {
		v, ok := conv(m.total, m.currency, m.month)
		if !ok {
			missing[[2]string{m.currency, m.month}] = true
			return
		}
		r := rows.at(rowKey{m.team, m.category})
		switch backend.SpendStatus(m.status) {
		case backend.SpendCommitted:
			r.Committed += v
		case backend.SpendActual:
			r.Actual += v
		}
		markAssumed(rates, m, r, assumed)
	})
	if err != nil {
		return nil, err
	}
	if err := s.forecast(ctx, f, start, plan, conv, rows); err != nil {
		return nil, err
	}

	names, err := s.names(ctx)
	if err != nil {
		return nil, err
	}
	addRows(out, rows, names)
	for k := range missing {
		out.MissingRates = append(out.MissingRates, backend.FXRate{Currency: k[0], Month: k[1]})
	}
	sort.Slice(out.MissingRates, func(i, j int) bool {
		a, b := out.MissingRates[i], out.MissingRates[j]
		return a.Currency+a.Month < b.Currency+b.Month
	})
	out.AssumedRates = assumedList(assumed)
	return out, nil
}

// periodSpan is the filter's first and last period (the whole year when
// it names neither), refused when they are not in order within the n
// periods of the plan.
func periodSpan(f backend.SummaryFilter, n int) (fromP, toP int, err error) {
	fromP, toP = f.FromPeriod, f.ToPeriod
	if fromP == 0 && toP == 0 {
		fromP, toP = 1, n
	}
	if fromP < 1 || toP > n || fromP > toP {
		fe := backend.FieldErrors{}
		fe.Add("fromPeriod", "budget.period_range", map[string]any{"max": n})
		return 0, 0, fe.Err("summary")
	}
	return fromP, toP, nil
}

// summaryRows are a summary's rows as they add up, by team and category.
type summaryRows map[rowKey]*backend.SummaryRow

// at returns the row of k, new and empty the first time.
func (rows summaryRows) at(k rowKey) *backend.SummaryRow {
	if r, ok := rows[k]; ok {
		return r
	}
	r := &backend.SummaryRow{TeamID: k.team, CategoryID: k.category}
	rows[k] = r
	return r
}

// addRows names the rows, derives their figures, adds them to out's
// totals and puts them in out in team, then category order.
func addRows(out *backend.BudgetSummary, rows summaryRows, names *listNames) {
	for k, r := range rows {
		r.TeamName, r.CategoryName = names.teams[k.team], names.categories[k.category]
		finish(r)
		out.Totals.Planned += r.Planned
		out.Totals.Committed += r.Committed
		out.Totals.Actual += r.Actual
		out.Totals.Forecast += r.Forecast
		out.Totals.AssumedCommitted = out.Totals.AssumedCommitted || r.AssumedCommitted
		out.Totals.AssumedActual = out.Totals.AssumedActual || r.AssumedActual
		out.Rows = append(out.Rows, *r)
	}
	finish(&out.Totals)
	sort.Slice(out.Rows, func(i, j int) bool {
		a, b := out.Rows[i], out.Rows[j]
		if a.TeamName != b.TeamName {
			return a.TeamName < b.TeamName
		}
		return a.CategoryName < b.CategoryName
	})
}

// markAssumed notes on the row which figure a planning rate priced, and
// which currency and month it was.
func markAssumed(rates *backend.Rates, m monthly, r *backend.SummaryRow, assumed map[[2]string]string) {
	rate, guess, _ := rates.Rate(m.currency, m.month)
	if !guess || m.total == 0 {
		return
	}
	switch backend.SpendStatus(m.status) {
	case backend.SpendCommitted:
		r.AssumedCommitted = true
	case backend.SpendActual:
		r.AssumedActual = true
	default:
		return
	}
	assumed[[2]string{m.currency, m.month}] = rate
}

// assumedList is the planning rates used, by currency and month.
func assumedList(assumed map[[2]string]string) []backend.FXRate {
	out := make([]backend.FXRate, 0, len(assumed))
	for k, rate := range assumed {
		out = append(out, backend.FXRate{Currency: k[0], Month: k[1], Rate: rate})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Currency+out[i].Month < out[j].Currency+out[j].Month })
	return out
}

// finish derives available and variance from the sums.
func finish(r *backend.SummaryRow) { r.Derive() }

type monthly struct {
	month, currency, status string
	team, category          int64
	total                   int64
}

func (s *BudgetService) eachMonthly(ctx context.Context, fromMonth, toMonth string, f backend.SummaryFilter, fn func(monthly)) error {
	q := `SELECT month, team_id, category_id, currency, status, total FROM spend_monthly WHERE month BETWEEN ? AND ?`
	args := []any{fromMonth, toMonth}
	if f.TeamID != 0 {
		q, args = q+" AND team_id = ?", append(args, f.TeamID)
	}
	if f.CategoryID != 0 {
		q, args = q+" AND category_id = ?", append(args, f.CategoryID)
	}
	rows, err := s.db.conn(ctx).QueryContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("monthly spend: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var m monthly
		if err := rows.Scan(&m.month, &m.team, &m.category, &m.currency, &m.status, &m.total); err != nil {
			return err
		}
		fn(m)
	}
	return rows.Err()
}

// converter returns a function that converts a monthly total to the base
// currency with the rate of its month (or the planning rate; see
// backend.Rates).
func (s *BudgetService) converter(ctx context.Context, base string) (func(amount int64, currency, month string) (int64, bool), error) {
	rates, err := s.rates(ctx, base)
	if err != nil {
		return nil, err
	}
	return convertBy(rates), nil
}

func convertBy(rates *backend.Rates) func(amount int64, currency, month string) (int64, bool) {
	return func(amount int64, currency, month string) (int64, bool) {
		v, _, ok := rates.ToBase(amount, currency, month)
		return v, ok
	}
}

// forecast fills in each row's forecast to the fiscal year's end: the
// actual spend to date run on at the same daily rate to the year's end,
// plus all spend committed in the year, whatever its month. Committed
// money is promised, so it is paid whatever the run rate says; before the
// year starts the forecast is what is committed.
func (s *BudgetService) forecast(ctx context.Context, f backend.SummaryFilter, start int, plan *backend.BudgetPlan,
	conv func(int64, string, string) (int64, bool), rows map[rowKey]*backend.SummaryRow) error {
	fyFrom, fyTo := backend.FiscalYearRange(f.FiscalYear, start)
	today := backend.Today(s.db.Now())
	upTo := min(today, fyTo)
	first, _ := backend.ParseDay(fyFrom)
	last, _ := backend.ParseDay(fyTo)
	now, _ := backend.ParseDay(upTo)
	yearDays := int64(last.Sub(first)/(24*time.Hour)) + 1
	elapsed := int64(now.Sub(first)/(24*time.Hour)) + 1
	forecast := map[rowKey]int64{}
	actual := map[rowKey]int64{}
	err := s.eachMonthly(ctx, fyFrom[:7], fyTo[:7], f, func(m monthly) {
		v, ok := conv(m.total, m.currency, m.month)
		if !ok {
			return
		}
		k := rowKey{m.team, m.category}
		switch backend.SpendStatus(m.status) {
		case backend.SpendCommitted:
			forecast[k] += v
		case backend.SpendActual:
			if today >= fyFrom && m.month <= upTo[:7] {
				actual[k] += v
			}
		}
	})
	if err != nil {
		return err
	}
	for k, v := range actual {
		forecast[k] += backend.MulDivRound(v, yearDays, elapsed)
	}
	for k, v := range forecast {
		r, ok := rows[k]
		if !ok {
			r = &backend.SummaryRow{TeamID: k.team, CategoryID: k.category}
			rows[k] = r
		}
		r.Forecast = v
	}
	return nil
}

type listNames struct{ teams, categories map[int64]string }

func (s *BudgetService) names(ctx context.Context) (*listNames, error) {
	n := &listNames{teams: map[int64]string{}, categories: map[int64]string{}}
	for _, src := range []struct {
		table string
		into  map[int64]string
	}{{"teams", n.teams}, {"spend_categories", n.categories}} {
		rows, err := s.db.conn(ctx).QueryContext(ctx, `SELECT id, name FROM `+src.table)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var id int64
			var name string
			if err := rows.Scan(&id, &name); err != nil {
				rows.Close()
				return nil, err
			}
			src.into[id] = name
		}
		rows.Close()
	}
	return n, nil
}
