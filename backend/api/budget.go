package api

import (
	"context"

	"mopsdesk/backend"
)

// Budget is the facade for fiscal-year budgets, exchange rates and summaries.
type Budget struct{ s Services }

// FiscalYears lists the fiscal years that have a budget, newest first.
func (b *Budget) FiscalYears(ctx context.Context) ([]int, error) {
	return call(ctx, b.s, "Budget.FiscalYears", func(ctx context.Context) ([]int, error) { return b.s.Budget.FiscalYears(ctx) })
}

// CreateFiscalYear starts the budget of a fiscal year.
func (b *Budget) CreateFiscalYear(ctx context.Context, year int, g backend.Granularity) (*backend.BudgetPlan, error) {
	return call(ctx, b.s, "Budget.CreateFiscalYear", func(ctx context.Context) (*backend.BudgetPlan, error) {
		return b.s.Budget.CreateFiscalYear(ctx, year, g)
	})
}

// Plan returns a fiscal year's budget lines.
func (b *Budget) Plan(ctx context.Context, year int) (*backend.BudgetPlan, error) {
	return call(ctx, b.s, "Budget.Plan", func(ctx context.Context) (*backend.BudgetPlan, error) {
		return b.s.Budget.BudgetPlan(ctx, year)
	})
}

// SetLines writes budget cells (one typed value or a pasted block) at once,
// each with the version the grid showed (0 for an empty cell). Cells that
// someone changed meanwhile are not written and come back in the plan's
// Conflicts; the rest of the batch is stored. A cell sent without a
// version by an older client counts as shown empty: it is written only
// while it still holds nothing, and never overwrites a stored amount.
func (b *Budget) SetLines(ctx context.Context, year int, lines []backend.BudgetLine) (*backend.BudgetPlan, error) {
	return call(ctx, b.s, "Budget.SetLines", func(ctx context.Context) (*backend.BudgetPlan, error) {
		return b.s.Budget.SetBudgetLinesIfUnchanged(ctx, year, lines)
	})
}

// FXRates lists the exchange rates.
func (b *Budget) FXRates(ctx context.Context) ([]backend.FXRate, error) {
	return call(ctx, b.s, "Budget.FXRates", func(ctx context.Context) ([]backend.FXRate, error) { return b.s.Budget.FXRates(ctx) })
}

// SetFXRate stores the rate of a currency for a month.
func (b *Budget) SetFXRate(ctx context.Context, r backend.FXRate) error {
	_, err := call(ctx, b.s, "Budget.SetFXRate", func(ctx context.Context) (struct{}, error) {
		return struct{}{}, b.s.Budget.SetFXRate(ctx, r)
	})
	return err
}

// DeleteFXRate removes a rate.
func (b *Budget) DeleteFXRate(ctx context.Context, currency, month string) error {
	_, err := call(ctx, b.s, "Budget.DeleteFXRate", func(ctx context.Context) (struct{}, error) {
		return struct{}{}, b.s.Budget.DeleteFXRate(ctx, currency, month)
	})
	return err
}

// PlanningRates lists the planning (budget) rate of each currency.
func (b *Budget) PlanningRates(ctx context.Context) ([]backend.PlanningRate, error) {
	// A method value would read the store now, before call can say the
	// workspace is unavailable; the closure reads it only when called.
	return call(ctx, b.s, "Budget.PlanningRates", func(ctx context.Context) ([]backend.PlanningRate, error) {
		return b.s.Budget.PlanningRates(ctx)
	})
}

// SetPlanningRate stores the planning rate of a currency, used for every
// month that has no rate of its own.
func (b *Budget) SetPlanningRate(ctx context.Context, r backend.PlanningRate) error {
	_, err := call(ctx, b.s, "Budget.SetPlanningRate", func(ctx context.Context) (struct{}, error) {
		return struct{}{}, b.s.Budget.SetPlanningRate(ctx, r)
	})
	return err
}

// DeletePlanningRate removes the planning rate of a currency.
func (b *Budget) DeletePlanningRate(ctx context.Context, currency string) error {
	_, err := call(ctx, b.s, "Budget.DeletePlanningRate", func(ctx context.Context) (struct{}, error) {
		return struct{}{}, b.s.Budget.DeletePlanningRate(ctx, currency)
	})
	return err
}

// Summary returns planned, committed, actual, available and variance.
func (b *Budget) Summary(ctx context.Context, f backend.SummaryFilter) (*backend.BudgetSummary, error) {
	return call(ctx, b.s, "Budget.Summary", func(ctx context.Context) (*backend.BudgetSummary, error) {
		return b.s.Budget.Summary(ctx, f)
	})
}

// Spend is the facade for spend entries.
type Spend struct{ s Services }

// Find returns one page of spend entries.
func (sp *Spend) Find(ctx context.Context, f backend.SpendFilter) (*backend.SpendPage, error) {
	return call(ctx, sp.s, "Spend.Find", func(ctx context.Context) (*backend.SpendPage, error) {
		return sp.s.Spend.FindSpend(ctx, f)
	})
}

// Create validates and stores a spend entry.
func (sp *Spend) Create(ctx context.Context, in backend.Spend) (*backend.Spend, error) {
	return call(ctx, sp.s, "Spend.Create", func(ctx context.Context) (*backend.Spend, error) {
		in.ID, in.RequestID = 0, 0
		err := sp.s.Spend.CreateSpend(ctx, &in)
		return &in, err
	})
}

// Update changes the given fields of a spend entry.
func (sp *Spend) Update(ctx context.Context, id int64, upd backend.SpendUpdate) (*backend.Spend, error) {
	return call(ctx, sp.s, "Spend.Update", func(ctx context.Context) (*backend.Spend, error) {
		if err := backend.RequireVersion("spend entry", upd.Version); err != nil {
			return nil, err
		}
		return sp.s.Spend.UpdateSpend(ctx, id, upd)
	})
}

// Delete removes a spend entry.
func (sp *Spend) Delete(ctx context.Context, id, version int64) error {
	_, err := call(ctx, sp.s, "Spend.Delete", func(ctx context.Context) (struct{}, error) {
		if err := backend.RequireVersion("spend entry", version); err != nil {
			return struct{}{}, err
		}
		return struct{}{}, sp.s.Spend.DeleteSpend(ctx, id, version)
	})
	return err
}

// Requests is the facade for spend requests.
type Requests struct{ s Services }

// Find lists requests with a status ("" for all).
func (r *Requests) Find(ctx context.Context, status backend.RequestStatus) ([]*backend.SpendRequest, error) {
	return call(ctx, r.s, "Requests.Find", func(ctx context.Context) ([]*backend.SpendRequest, error) {
		return r.s.Requests.FindRequests(ctx, status)
	})
}

// Create stores a pending request.
func (r *Requests) Create(ctx context.Context, in backend.SpendRequest) (*backend.SpendRequest, error) {
	return call(ctx, r.s, "Requests.Create", func(ctx context.Context) (*backend.SpendRequest, error) {
		in.ID = 0
		err := r.s.Requests.CreateRequest(ctx, &in)
		return &in, err
	})
}

// Decide approves or rejects a pending request.
func (r *Requests) Decide(ctx context.Context, id int64, d backend.Decision) (*backend.SpendRequest, error) {
	return call(ctx, r.s, "Requests.Decide", func(ctx context.Context) (*backend.SpendRequest, error) {
		if err := backend.RequireVersion("spend request", d.Version); err != nil {
			return nil, err
		}
		return r.s.Requests.DecideRequest(ctx, id, d)
	})
}

// CampaignSpend returns a campaign's spend and ROI in the base currency.
func (b *Budget) CampaignSpend(ctx context.Context, campaignID int64) (*backend.CampaignSpend, error) {
	return call(ctx, b.s, "Budget.CampaignSpend", func(ctx context.Context) (*backend.CampaignSpend, error) {
		return b.s.Budget.CampaignSpend(ctx, campaignID)
	})
}

// BudgetCheck sets a request against what is left of its team and
// category's plan in the budget period of its date (today when it has
// none), for the approver to see before deciding.
func (r *Requests) BudgetCheck(ctx context.Context, id int64) (*backend.BudgetCheck, error) {
	return call(ctx, r.s, "Requests.BudgetCheck", func(ctx context.Context) (*backend.BudgetCheck, error) {
		req, err := r.s.Requests.FindRequestByID(ctx, id)
		if err != nil {
			return nil, err
		}
		day := req.Date
		if day == "" {
			day = backend.Today(r.s.Now())
		}
		return r.s.Budget.CheckBudget(ctx, req.TeamID, req.CategoryID, day, req.Amount)
	})
}
