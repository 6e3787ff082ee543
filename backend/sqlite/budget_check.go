package sqlite

import (
	"context"

	"mopsdesk/backend"
)

// CheckBudget sets amount against the plan of one team and category in the
// budget period day falls in: planned, committed, actual and available in
// the base currency, as the summary counts them, and whether amount (in
// the base currency, converted with the rate of day's month) exceeds what
// is available. A day in a fiscal year with no budget is ENOTFOUND.
func (s *BudgetService) CheckBudget(ctx context.Context, teamID, categoryID int64, day string, amount backend.Money) (*backend.BudgetCheck, error) {
	if _, ok := backend.ParseDay(day); !ok {
		fe := backend.FieldErrors{}
		fe.Add("date", "field.date_invalid", map[string]any{"value": day})
		return nil, fe.Err("budget check")
	}
	st, err := settingsOf(ctx, s.db.conn(ctx))
	if err != nil {
		return nil, err
	}
	year, _ := backend.FiscalYearOf(day, st.FiscalYearStartMonth)
	plan, err := budgetPlan(ctx, s.db.conn(ctx), year)
	if err != nil {
		return nil, err
	}
	month, _ := backend.FiscalMonth(day, st.FiscalYearStartMonth)
	period := (month-1)/plan.Granularity.MonthsPerPeriod() + 1
	sum, err := s.Summary(ctx, backend.SummaryFilter{FiscalYear: year, FromPeriod: period, ToPeriod: period, TeamID: teamID, CategoryID: categoryID})
	if err != nil {
		return nil, err
	}
	out := &backend.BudgetCheck{FiscalYear: year, Period: period, From: sum.From, To: sum.To, Currency: sum.Currency,
		Planned: sum.Totals.Planned, Committed: sum.Totals.Committed, Actual: sum.Totals.Actual,
		Available: sum.Totals.Planned - sum.Totals.Committed - sum.Totals.Actual, MissingRates: sum.MissingRates}
	conv, err := s.converter(ctx, st.BaseCurrency)
	if err != nil {
		return nil, err
	}
	if v, ok := conv(amount.Amount, amount.Currency, day[:7]); ok {
		out.Amount = &v
		out.Exceeds = v > out.Available
	} else {
		out.MissingRates = append(out.MissingRates, backend.FXRate{Currency: amount.Currency, Month: day[:7]})
	}
	return out, nil
}
