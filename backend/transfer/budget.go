package transfer

import (
	"mopsdesk/backend"
	"mopsdesk/backend/sheet"
)

// fiscalYear returns the plan granularity of a fiscal year, opening the
// year (monthly) when the workspace has none yet.
func (r *importRun) fiscalYear(rec *sheet.Record, field string, year int) (string, bool) {
	g, ok, err := r.s.Store.FiscalYearGranularity(r.ctx, year)
	if err == nil && !ok {
		if _, err := r.s.Budget.CreateFiscalYear(r.ctx, year, backend.Monthly); err != nil {
			r.problems(rec, err, field)
			return "", false
		}
		r.newNames = append(r.newNames, NewName{Kind: "fiscalYears", Name: backend.FiscalYearLabel(year, r.settings.FiscalYearStartMonth)})
		r.log("fiscal_year", int64(year), "create", nil)
		return string(backend.Monthly), true
	} else if err != nil {
		r.noteFatal(err)
		rec.Problem(field, "import.rejected", err.Error(), nil)
		return "", false
	}
	return string(g), true
}

// budgetLine adds a row's amount to its plan cell; the cells are written
// once every row is read (finish), since several rows (days of a month)
// can fall in one cell.
func (r *importRun) budgetLine(rec *sheet.Record) string {
	teamID, ok1 := r.listID(rec, "team", backend.ListTeams)
	categoryID, ok2 := r.listID(rec, "category", backend.ListCategories)
	if !ok1 || !ok2 {
		return "skip"
	}
	v := rec.Values["amount"]
	if v.Currency != r.settings.BaseCurrency && r.convertBudget {
		month := rec.Text("month")
		if len(month) > 7 {
			month = month[:7]
		}
		n, _, ok := r.rates.ToBase(v.Int, v.Currency, month)
		if !ok {
			rec.Problem("amount", "import.no_rate", "has no rate into the workspace currency; add a rate for "+v.Currency+" in Settings", map[string]any{"currency": v.Currency})
			return "skip"
		}
		v.Int, v.Currency = n, r.settings.BaseCurrency
		rec.Values["amount"] = v
	}
	if v.Currency != r.settings.BaseCurrency {
		r.currencyCells++
		if r.currencyOf == "" {
			r.currencyOf = v.Currency
		}
		rec.Problem("amount", "import.budget_currency", "is in "+v.Currency+"; budget plans are in the workspace currency "+r.settings.BaseCurrency, map[string]any{"currency": v.Currency})
		return "skip"
	}
	start := r.settings.FiscalYearStartMonth
	year, ok := backend.FiscalYearOf(rec.Text("month"), start)
	month, ok2 := backend.FiscalMonth(rec.Text("month"), start)
	if !ok || !ok2 {
		rec.Problem("month", "import.bad_date", "is not a date", nil)
		return "skip"
	}
	g, ok := r.fiscalYear(rec, "month", year)
	if !ok {
		return "skip"
	}
	period := (month-1)/backend.Granularity(g).MonthsPerPeriod() + 1
	k := lineKey{year: year, period: period, teamID: teamID, categoryID: categoryID}
	sum := r.lines[k]
	if sum == nil {
		sum = &lineSum{}
		r.lines[k] = sum
		r.lineOrder = append(r.lineOrder, k)
	}
	sum.amount += v.Int
	return "line"
}

// writeBudgetLines sets each plan cell the rows summed to; the counts are
// of cells created, changed and left as they were.
func (r *importRun) writeBudgetLines(out *ImportPreview) error {
	for _, k := range r.lineOrder {
		sum := r.lines[k]
		old, stored, err := r.s.Store.BudgetLineAmount(r.ctx, k.year, k.teamID, k.categoryID, k.period)
		if err != nil {
			return err
		}
		isNew := !stored || old == 0
		if stored && old == sum.amount {
			out.Skip++
			continue
		}
		if _, err := r.s.Budget.SetBudgetLines(r.ctx, k.year, []backend.BudgetLine{{TeamID: k.teamID, CategoryID: k.categoryID, Period: k.period, Amount: sum.amount}}); err != nil {
			return err
		}
		before := budgetLineBefore{Year: k.year, TeamID: k.teamID, CategoryID: k.categoryID, Period: k.period, Amount: old}
		if isNew {
			out.Create++
			r.log("budget_line", 0, "create", before)
		} else {
			out.Update++
			r.log("budget_line", 0, "update", before)
		}
	}
	return nil
}
