package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"mopsdesk/backend"
)

// BudgetService keeps fiscal-year budgets and exchange rates.
type BudgetService struct{ db *DB }

// NewBudgetService returns a BudgetService backed by db.
func NewBudgetService(db *DB) *BudgetService { return &BudgetService{db: db} }

var _ backend.BudgetService = (*BudgetService)(nil)

// FiscalYears returns the fiscal years that have a budget, newest first.
func (s *BudgetService) FiscalYears(ctx context.Context) ([]int, error) {
	rows, err := s.db.conn(ctx).QueryContext(ctx, `SELECT year FROM fiscal_years ORDER BY year DESC`)
	if err != nil {
		return nil, fmt.Errorf("fiscal years: %w", err)
	}
	defer rows.Close()
	out := []int{}
	for rows.Next() {
		var y int
		if err := rows.Scan(&y); err != nil {
			return nil, err
		}
		out = append(out, y)
	}
	return out, rows.Err()
}

// CreateFiscalYear starts an empty budget for a fiscal year.
func (s *BudgetService) CreateFiscalYear(ctx context.Context, year int, g backend.Granularity) (*backend.BudgetPlan, error) {
	fe := backend.FieldErrors{}
	if year < 1900 || year > 9998 {
		fe.Add("fiscalYear", "budget.year_range", nil)
	}
	if !g.Valid() {
		fe.Add("granularity", "budget.granularity_unknown", nil)
	}
	if err := fe.Err("fiscal year"); err != nil {
		return nil, err
	}
	err := s.db.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO fiscal_years (year, granularity) VALUES (?, ?)`, year, g)
		return err
	})
	if isUniqueViolation(err) || isPrimaryKeyViolation(err) {
		return nil, &backend.Error{Code: backend.ECONFLICT, Message: "That fiscal year already has a budget.",
			Fields: map[string]backend.FieldError{"fiscalYear": {Key: "budget.year_exists", Params: map[string]any{"year": year}}}}
	} else if err != nil {
		return nil, fmt.Errorf("create fiscal year: %w", err)
	}
	// Contract payments that fall in the new year become commitments.
	if err := syncAllContracts(ctx, s.db); err != nil {
		return nil, err
	}
	return s.BudgetPlan(ctx, year)
}

// BudgetPlan returns a fiscal year's budget lines.
func (s *BudgetService) BudgetPlan(ctx context.Context, year int) (*backend.BudgetPlan, error) {
	return budgetPlan(ctx, s.db.conn(ctx), year)
}

type rowQueryer interface {
	queryer
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func budgetPlan(ctx context.Context, q rowQueryer, year int) (*backend.BudgetPlan, error) {
	st, err := settingsOf(ctx, q)
	if err != nil {
		return nil, err
	}
	p := &backend.BudgetPlan{FiscalYear: year, Currency: st.BaseCurrency, Lines: []backend.BudgetLine{}}
	err = q.QueryRowContext(ctx, `SELECT granularity FROM fiscal_years WHERE year = ?`, year).Scan(&p.Granularity)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, backend.Errorf(backend.ENOTFOUND, "There is no budget for %s yet.", backend.FiscalYearLabel(year, st.FiscalYearStartMonth))
	} else if err != nil {
		return nil, fmt.Errorf("budget plan: %w", err)
	}
	p.Label = backend.FiscalYearLabel(year, st.FiscalYearStartMonth)
	p.From, p.To = backend.FiscalYearRange(year, st.FiscalYearStartMonth)
	rows, err := q.QueryContext(ctx, `SELECT team_id, category_id, period, amount, version FROM budget_lines
		WHERE fiscal_year = ? ORDER BY team_id, category_id, period`, year)
	if err != nil {
		return nil, fmt.Errorf("budget lines: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var l backend.BudgetLine
		if err := rows.Scan(&l.TeamID, &l.CategoryID, &l.Period, &l.Amount, &l.Version); err != nil {
			return nil, err
		}
		p.Lines = append(p.Lines, l)
	}
	return p, rows.Err()
}

// settingsOf reads the workspace settings inside a transaction or not.
func settingsOf(ctx context.Context, q rowQueryer) (*backend.Settings, error) {
	st := backend.DefaultSettings()
	err := q.QueryRowContext(ctx, `SELECT name, base_currency, fiscal_year_start_month, language FROM settings WHERE id = 1`).
		Scan(&st.Name, &st.BaseCurrency, &st.FiscalYearStartMonth, &st.Language)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("read settings: %w", err)
	}
	return &st, nil
}

// SetBudgetLines writes cells in one transaction whatever their versions
// (an import and its undo); a zero amount removes the cell.
func (s *BudgetService) SetBudgetLines(ctx context.Context, year int, lines []backend.BudgetLine) (*backend.BudgetPlan, error) {
	var out *backend.BudgetPlan
	err := s.db.inTx(ctx, func(tx *sql.Tx) error {
		p, err := budgetPlan(ctx, tx, year)
		if err != nil {
			return err
		}
		if err := backend.ValidateLines(lines, p.Granularity); err != nil {
			return err
		}
		if err := writeLines(ctx, tx, year, lines); err != nil {
			return err
		}
		out, err = budgetPlan(ctx, tx, year)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("set budget lines: %w", err)
	}
	return out, nil
}

// SetBudgetLinesIfUnchanged writes, in one transaction, each cell whose
// stored version is still the one the grid showed (0: it held nothing).
// A cell someone changed meanwhile is left as stored and listed in the
// plan's Conflicts, while the rest of the batch is stored: each cell is
// a number of its own, so a colleague's change to one month must not
// throw away the other months a marketer pasted.
func (s *BudgetService) SetBudgetLinesIfUnchanged(ctx context.Context, year int, lines []backend.BudgetLine) (*backend.BudgetPlan, error) {
	var out *backend.BudgetPlan
	err := s.db.inTx(ctx, func(tx *sql.Tx) error {
		p, err := budgetPlan(ctx, tx, year)
		if err != nil {
			return err
		}
		if err := backend.ValidateLines(lines, p.Granularity); err != nil {
			return err
		}
		type cell struct {
			team, category int64
			period         int
		}
		stored := make(map[cell]backend.BudgetLine, len(p.Lines))
		for _, l := range p.Lines {
			stored[cell{l.TeamID, l.CategoryID, l.Period}] = l
		}
		var write, conflicts []backend.BudgetLine
		for _, l := range lines {
			cur, ok := stored[cell{l.TeamID, l.CategoryID, l.Period}]
			if !ok {
				cur = backend.BudgetLine{TeamID: l.TeamID, CategoryID: l.CategoryID, Period: l.Period}
			}
			if cur.Version != l.Version {
				conflicts = append(conflicts, cur)
				continue
			}
			write = append(write, l)
		}
		if err := writeLines(ctx, tx, year, write); err != nil {
			return err
		}
		out, err = budgetPlan(ctx, tx, year)
		if err == nil {
			out.Conflicts = conflicts
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("set budget lines: %w", err)
	}
	return out, nil
}

// writeLines stores validated cells inside tx; a zero amount removes the
// cell.
func writeLines(ctx context.Context, tx *sql.Tx, year int, lines []backend.BudgetLine) error {
	for _, l := range lines {
		if !exists(ctx, tx, "teams", l.TeamID) || !exists(ctx, tx, "spend_categories", l.CategoryID) {
			fe := backend.FieldErrors{}
			fe.Add("lines", "field.reference_unknown", nil)
			return fe.Err("budget")
		}
		var err error
		if l.Amount == 0 {
			_, err = tx.ExecContext(ctx, `DELETE FROM budget_lines WHERE fiscal_year = ? AND team_id = ? AND category_id = ? AND period = ?`,
				year, l.TeamID, l.CategoryID, l.Period)
		} else {
			_, err = tx.ExecContext(ctx, `INSERT INTO budget_lines (fiscal_year, team_id, category_id, period, amount)
				VALUES (?, ?, ?, ?, ?) ON CONFLICT (fiscal_year, team_id, category_id, period) DO UPDATE SET amount = excluded.amount`,
				year, l.TeamID, l.CategoryID, l.Period, l.Amount)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// FXRates returns every exchange rate, by currency and month.
func (s *BudgetService) FXRates(ctx context.Context) ([]backend.FXRate, error) {
	rows, err := s.db.conn(ctx).QueryContext(ctx, `SELECT currency, month, rate FROM fx_rates ORDER BY currency, month`)
	if err != nil {
		return nil, fmt.Errorf("exchange rates: %w", err)
	}
	defer rows.Close()
	out := []backend.FXRate{}
	for rows.Next() {
		var r backend.FXRate
		if err := rows.Scan(&r.Currency, &r.Month, &r.Rate); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// SetFXRate stores (or replaces) the rate of a currency for a month.
func (s *BudgetService) SetFXRate(ctx context.Context, r backend.FXRate) error {
	r.Normalize()
	if err := r.Validate(); err != nil {
		return err
	}
	return s.db.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO fx_rates (currency, month, rate) VALUES (?, ?, ?)
			ON CONFLICT (currency, month) DO UPDATE SET rate = excluded.rate`, r.Currency, r.Month, r.Rate)
		return err
	})
}

// DeleteFXRate removes a rate.
func (s *BudgetService) DeleteFXRate(ctx context.Context, currency, month string) error {
	return s.db.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM fx_rates WHERE currency = ? AND month = ?`, currency, month)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return backend.Errorf(backend.ENOTFOUND, "That exchange rate no longer exists.")
		}
		return nil
	})
}
