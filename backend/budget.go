package backend

import "context"

// BudgetLine is the planned amount for one team, spend category and period
// of a fiscal year, in minor units of the base currency.
type BudgetLine struct {
	TeamID     int64 `json:"teamId"`
	CategoryID int64 `json:"categoryId"`
	// Period is 1-based: a month (1–12) or a quarter (1–4) of the fiscal
	// year, as the plan's granularity says.
	Period int   `json:"period"`
	Amount int64 `json:"amount"`
	// Version changes on every write of the cell; a cell that holds
	// nothing is version 0. A save names the version the grid showed.
	Version int64 `json:"version"`
}

// BudgetPlan is a fiscal year's budget.
type BudgetPlan struct {
	FiscalYear  int          `json:"fiscalYear"`
	Label       string       `json:"label"`
	From        string       `json:"from"`
	To          string       `json:"to"`
	Granularity Granularity  `json:"granularity"`
	Currency    string       `json:"currency"`
	Lines       []BudgetLine `json:"lines"`
	// Conflicts are the cells of a save that were left as stored because
	// someone changed them after the grid showed them: each as stored now
	// (amount 0 and version 0 once cleared).
	Conflicts []BudgetLine `json:"conflicts,omitempty"`
}

// MaxBudgetCells bounds one paste into the grid.
const MaxBudgetCells = 10_000

// ValidateLines checks cells for a plan: known periods, sane amounts.
// Negative plans are refused: a plan is money set aside.
func ValidateLines(lines []BudgetLine, g Granularity) error {
	fe := FieldErrors{}
	if len(lines) > MaxBudgetCells {
		fe.Add("lines", "budget.too_many_cells", map[string]any{"max": MaxBudgetCells})
	}
	for _, l := range lines {
		switch {
		case l.Period < 1 || l.Period > g.Periods():
			fe.Add("lines", "budget.period_range", map[string]any{"max": g.Periods()})
		case l.Amount < 0:
			fe.Add("lines", "budget.amount_negative", nil)
		case l.Amount > MaxMoneyAmount:
			fe.Add("lines", "money.too_large", nil)
		case l.TeamID <= 0 || l.CategoryID <= 0:
			fe.Add("lines", "field.reference_unknown", nil)
		}
	}
	return fe.Err("budget")
}

// SummaryFilter selects the periods, team and category of a summary.
type SummaryFilter struct {
	FiscalYear int `json:"fiscalYear"`
	// FromPeriod and ToPeriod (inclusive, 1-based) pick periods of the
	// plan's granularity; 0 means the whole year.
	FromPeriod int   `json:"fromPeriod"`
	ToPeriod   int   `json:"toPeriod"`
	TeamID     int64 `json:"teamId"`
	CategoryID int64 `json:"categoryId"`
}

// SummaryRow holds the numbers of one team × category, in minor units of
// the base currency.
type SummaryRow struct {
	TeamID       int64  `json:"teamId"`
	TeamName     string `json:"teamName"`
	CategoryID   int64  `json:"categoryId"`
	CategoryName string `json:"categoryName"`
	Planned      int64  `json:"planned"`
	Committed    int64  `json:"committed"`
	Actual       int64  `json:"actual"`
	// Available is planned − committed − actual.
	Available int64 `json:"available"`
	// Variance is the same figure read as plan vs spend: positive is
	// under budget. VarianceBasisPoints is its share of planned (see
	// VarianceBasisPoints), absent when nothing was planned.
	Variance            int64  `json:"variance"`
	VarianceBasisPoints *int64 `json:"varianceBasisPoints"`
	// Forecast is what the fiscal year is expected to cost by its end:
	// the actual spend to date, run on at the same daily rate to the
	// year's end, plus the spend committed in the year (promised, so it
	// will be paid whatever the run rate).
	Forecast int64 `json:"forecast"`
	// AssumedCommitted and AssumedActual say that part of the figure was
	// converted at a planning rate because its month has no rate yet.
	AssumedCommitted bool `json:"assumedCommitted"`
	AssumedActual    bool `json:"assumedActual"`
}

// VarianceBasisPoints is the one definition of variance behind every
// figure MOps Desk shows (the budget summary, the report workbook and web
// page): what is left of the plan, planned − (committed + actual), as a
// share of planned, in 1/100 % rounded half to even. Positive is under
// budget, negative over; a line with nothing spent is +100 %. It is nil
// when nothing was planned.
func VarianceBasisPoints(planned, committed, actual int64) *int64 {
	if planned == 0 {
		return nil
	}
	bp := MulDivRound(planned-committed-actual, 10_000, planned)
	return &bp
}

// Derive sets Available, Variance and VarianceBasisPoints from Planned,
// Committed and Actual.
func (r *SummaryRow) Derive() {
	r.Available = r.Planned - r.Committed - r.Actual
	r.Variance = r.Available
	r.VarianceBasisPoints = VarianceBasisPoints(r.Planned, r.Committed, r.Actual)
}

// BudgetSummary is planned vs committed vs actual for a period.
type BudgetSummary struct {
	FiscalYear int          `json:"fiscalYear"`
	From       string       `json:"from"`
	To         string       `json:"to"`
	Currency   string       `json:"currency"`
	Rows       []SummaryRow `json:"rows"`
	Totals     SummaryRow   `json:"totals"`
	// MissingRates names every currency and month whose spend could not be
	// converted because no rate was set. That spend is left out of the
	// totals, never counted at 1:1.
	MissingRates []FXRate `json:"missingRates"`
	// AssumedRates names every currency and month whose spend was
	// converted at the currency's planning rate (Rate), for want of a
	// monthly rate.
	AssumedRates []FXRate `json:"assumedRates"`
}

// CampaignSpend is what a campaign has cost and earned, in minor units of
// the base currency.
type CampaignSpend struct {
	CampaignID int64  `json:"campaignId"`
	Currency   string `json:"currency"`
	Committed  int64  `json:"committed"`
	Actual     int64  `json:"actual"`
	Revenue    int64  `json:"revenue"`
	// ROIBasisPoints is (revenue − spend) / spend in 1/100 %, where spend
	// is committed + actual; absent while nothing was spent.
	ROIBasisPoints *int64   `json:"roiBasisPoints"`
	MissingRates   []FXRate `json:"missingRates"`
	// AssumedRates are the months converted at a planning rate.
	AssumedRates []FXRate `json:"assumedRates"`
}

// BudgetService keeps fiscal-year budgets, exchange rates and summaries.
type BudgetService interface {
	FiscalYears(ctx context.Context) ([]int, error)
	CreateFiscalYear(ctx context.Context, year int, g Granularity) (*BudgetPlan, error)
	BudgetPlan(ctx context.Context, year int) (*BudgetPlan, error)
	// SetBudgetLines writes cells in one transaction whatever their
	// versions (an import and its undo): all are stored, or none.
	SetBudgetLines(ctx context.Context, year int, lines []BudgetLine) (*BudgetPlan, error)
	// SetBudgetLinesIfUnchanged writes, in one transaction, each cell
	// whose stored version is still the one given (0: it held nothing);
	// the others are left as stored and listed in the plan's Conflicts.
	SetBudgetLinesIfUnchanged(ctx context.Context, year int, lines []BudgetLine) (*BudgetPlan, error)
	FXRates(ctx context.Context) ([]FXRate, error)
	SetFXRate(ctx context.Context, r FXRate) error
	DeleteFXRate(ctx context.Context, currency, month string) error
	// PlanningRates, SetPlanningRate and DeletePlanningRate keep the
	// budget rate of each currency, used where a month has no rate.
	PlanningRates(ctx context.Context) ([]PlanningRate, error)
	SetPlanningRate(ctx context.Context, r PlanningRate) error
	DeletePlanningRate(ctx context.Context, currency string) error
	Summary(ctx context.Context, f SummaryFilter) (*BudgetSummary, error)
	CampaignSpend(ctx context.Context, campaignID int64) (*CampaignSpend, error)
	// CampaignsSpend is CampaignSpend for many campaigns at once (the
	// rates read once), keyed by campaign ID; unknown IDs are left out.
	CampaignsSpend(ctx context.Context, campaignIDs []int64) (map[int64]*CampaignSpend, error)
	// CheckBudget sets an amount against what is left of the plan of a
	// team and category in the budget period a day falls in.
	CheckBudget(ctx context.Context, teamID, categoryID int64, day string, amount Money) (*BudgetCheck, error)
}

// BudgetCheck is what is left of one team and category's plan in the
// budget period (a month or quarter) a day falls in, set against an
// amount someone asks for; money in minor units of the base currency.
type BudgetCheck struct {
	FiscalYear int    `json:"fiscalYear"`
	Period     int    `json:"period"`
	From       string `json:"from"`
	To         string `json:"to"`
	Currency   string `json:"currency"`
	Planned    int64  `json:"planned"`
	Committed  int64  `json:"committed"`
	Actual     int64  `json:"actual"`
	// Available is planned − committed − actual.
	Available int64 `json:"available"`
	// Amount is the asked amount in the base currency; nil when no rate
	// converts it.
	Amount *int64 `json:"amount"`
	// Exceeds says the amount is more than is available.
	Exceeds      bool     `json:"exceeds"`
	MissingRates []FXRate `json:"missingRates"`
}
