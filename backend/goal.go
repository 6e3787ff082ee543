package backend

import (
	"context"
	"math/big"
	"regexp"
	"strings"
)

// GoalMetric is what a goal counts.
type GoalMetric string

// Goal metrics; "custom" names its own in CustomMetric.
const (
	MetricLeads       GoalMetric = "leads"
	MetricMQLs        GoalMetric = "mqls"
	MetricClicks      GoalMetric = "clicks"
	MetricCTR         GoalMetric = "ctr"
	MetricConversions GoalMetric = "conversions"
	MetricRevenue     GoalMetric = "revenue"
	MetricCustom      GoalMetric = "custom"
)

// GoalMetrics lists every metric in the order the UI offers them.
var GoalMetrics = []GoalMetric{MetricLeads, MetricMQLs, MetricClicks, MetricCTR, MetricConversions, MetricRevenue, MetricCustom}

// Goal is a SMART goal of a campaign: a metric, a target by a due day, and
// the actual so far. Target and Actual are exact decimal strings ("1200",
// "2.5"), so a CTR or a revenue figure never picks up float noise.
type Goal struct {
	ID int64 `json:"id"`
	// Version changes on every write of the record; a save names the
	// version it started from (see CheckVersion).
	Version      int64      `json:"version"`
	CampaignID   int64      `json:"campaignId"`
	CampaignName string     `json:"campaignName"`
	Metric       GoalMetric `json:"metric"`
	CustomMetric string     `json:"customMetric"`
	Target       string     `json:"target"`
	Actual       string     `json:"actual"`
	Unit         string     `json:"unit"`
	DueDate      string     `json:"dueDate"`
	// ProgressPercent is actual / target × 100, rounded down to a whole
	// percent (it may pass 100). It is a display figure, not money.
	ProgressPercent int64 `json:"progressPercent"`
	// OffTrack flags a goal whose due day has passed below its target.
	OffTrack bool `json:"offTrack"`
	// FromResults is true when Actual comes from results data (see
	// FillFromResults): ResultsImportedAt is then when the data was last
	// imported, and TypedActual the number typed in, kept for when the
	// data no longer covers the goal.
	FromResults       bool   `json:"fromResults"`
	ResultsImportedAt string `json:"resultsImportedAt"`
	TypedActual       string `json:"typedActual"`
	CreatedAt         string `json:"createdAt"`
	UpdatedAt         string `json:"updatedAt"`
}

var decimalPattern = regexp.MustCompile(`^-?\d{1,15}(\.\d{1,6})?$`)

// Normalize trims the text fields and writes an empty actual as 0.
func (g *Goal) Normalize() {
	g.CustomMetric = strings.TrimSpace(g.CustomMetric)
	g.Unit = strings.TrimSpace(g.Unit)
	g.Target = strings.TrimSpace(g.Target)
	g.Actual = strings.TrimSpace(g.Actual)
	if g.Actual == "" {
		g.Actual = "0"
	}
	if g.Metric != MetricCustom {
		g.CustomMetric = ""
	}
}

// Validate returns an EINVALID error naming each wrong field.
func (g *Goal) Validate() error {
	fe := FieldErrors{}
	if g.CampaignID <= 0 {
		fe.Add("campaignId", "field.reference_unknown", nil)
	}
	if !oneOf(g.Metric, GoalMetrics) {
		fe.Add("metric", "goal.metric_unknown", map[string]any{"metric": string(g.Metric)})
	} else if g.Metric == MetricCustom && g.CustomMetric == "" {
		fe.Add("customMetric", "field.required", nil)
	}
	validateText(fe, "customMetric", g.CustomMetric, MaxTagLength)
	validateText(fe, "unit", g.Unit, MaxTagLength)
	switch {
	case g.Target == "":
		fe.Add("target", "field.required", nil)
	case !decimalPattern.MatchString(g.Target):
		fe.Add("target", "goal.number_invalid", map[string]any{"value": g.Target})
	case strings.HasPrefix(g.Target, "-") || isZero(g.Target):
		fe.Add("target", "goal.target_positive", nil)
	}
	if !decimalPattern.MatchString(g.Actual) {
		fe.Add("actual", "goal.number_invalid", map[string]any{"value": g.Actual})
	}
	validateDay(fe, "dueDate", g.DueDate)
	return fe.Err("goal")
}

func isZero(s string) bool {
	r, ok := new(big.Rat).SetString(s)
	return ok && r.Sign() == 0
}

// Evaluate fills in ProgressPercent and OffTrack as of today (YYYY-MM-DD).
func (g *Goal) Evaluate(today string) {
	target, ok1 := new(big.Rat).SetString(g.Target)
	actual, ok2 := new(big.Rat).SetString(g.Actual)
	if !ok1 || !ok2 || target.Sign() <= 0 {
		return
	}
	pct := new(big.Rat).Quo(new(big.Rat).Mul(actual, big.NewRat(100, 1)), target)
	g.ProgressPercent = new(big.Int).Quo(pct.Num(), pct.Denom()).Int64()
	g.OffTrack = g.DueDate < today && actual.Cmp(target) < 0
}

// GoalUpdate holds the fields to change; nil means "leave as is".
type GoalUpdate struct {
	// Version is the version of the record the changes were made to; a
	// save over a newer version is refused (see CheckVersion).
	Version      int64       `json:"version"`
	Metric       *GoalMetric `json:"metric"`
	CustomMetric *string     `json:"customMetric"`
	Target       *string     `json:"target"`
	Actual       *string     `json:"actual"`
	Unit         *string     `json:"unit"`
	DueDate      *string     `json:"dueDate"`
}

// Apply copies the given fields onto g.
func (u GoalUpdate) Apply(g *Goal) {
	set(&g.Metric, u.Metric)
	set(&g.CustomMetric, u.CustomMetric)
	set(&g.Target, u.Target)
	set(&g.Actual, u.Actual)
	set(&g.Unit, u.Unit)
	set(&g.DueDate, u.DueDate)
}

// GoalService keeps campaign goals.
type GoalService interface {
	FindGoals(ctx context.Context, campaignID int64) ([]*Goal, error)
	// FindGoalsOf is FindGoals for many campaigns at once, keyed by
	// campaign ID.
	FindGoalsOf(ctx context.Context, campaignIDs []int64) (map[int64][]*Goal, error)
	CreateGoal(ctx context.Context, g *Goal) error
	UpdateGoal(ctx context.Context, id int64, upd GoalUpdate) (*Goal, error)
	// DeleteGoal removes the record unless it changed since version
	// (0: whatever it holds).
	DeleteGoal(ctx context.Context, id, version int64) error
}
