package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"mopsdesk/backend"
)

// PlanningRates returns the planning rate of each currency that has one.
func (s *BudgetService) PlanningRates(ctx context.Context) ([]backend.PlanningRate, error) {
	return planningRates(ctx, s.db.conn(ctx))
}

func planningRates(ctx context.Context, q queryer) ([]backend.PlanningRate, error) {
	rows, err := q.QueryContext(ctx, `SELECT currency, rate FROM fx_planning_rates ORDER BY currency`)
	if err != nil {
		return nil, fmt.Errorf("planning rates: %w", err)
	}
	defer rows.Close()
	out := []backend.PlanningRate{}
	for rows.Next() {
		var r backend.PlanningRate
		if err := rows.Scan(&r.Currency, &r.Rate); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// SetPlanningRate stores (or replaces) the planning rate of a currency.
func (s *BudgetService) SetPlanningRate(ctx context.Context, r backend.PlanningRate) error {
	r.Normalize()
	if err := r.Validate(); err != nil {
		return err
	}
	return s.db.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO fx_planning_rates (currency, rate) VALUES (?, ?)
			ON CONFLICT (currency) DO UPDATE SET rate = excluded.rate`, r.Currency, r.Rate)
		return err
	})
}

// DeletePlanningRate removes the planning rate of a currency.
func (s *BudgetService) DeletePlanningRate(ctx context.Context, currency string) error {
	return s.db.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM fx_planning_rates WHERE currency = ?`, currency)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return backend.Errorf(backend.ENOTFOUND, "That planning rate no longer exists.")
		}
		return nil
	})
}

// rates loads the conversion rule (monthly rates, then planning rates)
// that every figure in the base currency uses.
func (s *BudgetService) rates(ctx context.Context, base string) (*backend.Rates, error) {
	monthly, err := s.FXRates(ctx)
	if err != nil {
		return nil, err
	}
	planning, err := planningRates(ctx, s.db.conn(ctx))
	if err != nil {
		return nil, err
	}
	return backend.NewRates(base, monthly, planning), nil
}
