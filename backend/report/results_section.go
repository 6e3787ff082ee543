package report

import (
	"sort"
	"strconv"
	"strings"

	"mopsdesk/backend"
)

// The report's results section: what results data says about the period
// (the funnel, the campaigns ranked by ROAS and by cost per lead) and the
// pacing of spend against plan. Every KPI is the one backend/kpi.go works
// out, as the app shows it; the section ranks them and never recomputes.

// Results is the results data of the report's period.
type Results struct {
	// Total is every fact starting in the period, with its KPIs.
	Total  backend.ResultTotal
	Funnel []backend.FunnelStage
	// Campaigns are the totals per workspace campaign (facts not matched
	// to one are in Total only).
	Campaigns []backend.ResultTotal
	// Reported is the cost the results files report per fiscal period,
	// beside Data.Months (the budget's planned and actual spend): the
	// same money is never added to the budget's figures. Nil without a
	// budget plan for the year: there are no periods to pace against.
	Reported []int64
	// FromPeriod and ToPeriod (1-based, both included) are the periods
	// of Reported the report covers, as its budget totals do; 0 for all.
	FromPeriod, ToPeriod int
	// NoRevenue: no fact of the period reports revenue (see
	// backend.ResultSummary): the ROAS ranking is a sentence instead.
	NoRevenue bool
}

// excludedShown is how many campaigns left out of a ranking are named;
// the rest are counted.
const excludedShown = 10

// excludedNote is the note under a ranking naming the campaigns left out
// (the first excludedShown, then how many more), "" for none.
func (d *Data) excludedNote(key string, names []string) string {
	if len(names) == 0 {
		return ""
	}
	note := d.word(key) + " " + strings.Join(names[:min(len(names), excludedShown)], ", ")
	if more := len(names) - excludedShown; more > 0 {
		note += " " + strings.ReplaceAll(d.word("excluded_more"), "{n}", strconv.Itoa(more))
	}
	return note
}

// rankSize is how many campaigns each end of a ranking lists.
const rankSize = 5

// Ranking is the campaigns ordered by one KPI: the best and the worst
// (never the same campaign twice), and the names of those left out
// because their KPI is undefined (no cost, no leads, money without a
// rate).
type Ranking struct {
	Top, Bottom []backend.ResultTotal
	Excluded    []string
}

// ByROAS ranks the campaigns by ROAS, highest first.
func (r *Results) ByROAS() Ranking {
	return r.rank(func(k backend.KPIs) backend.KPI { return k.ROAS }, true)
}

// ByCostPerLead ranks the campaigns by cost per lead, lowest first.
func (r *Results) ByCostPerLead() Ranking {
	return r.rank(func(k backend.KPIs) backend.KPI { return k.CostPerLead }, false)
}

func (r *Results) rank(kpi func(backend.KPIs) backend.KPI, higherFirst bool) Ranking {
	var out Ranking
	var ranked []backend.ResultTotal
	for _, c := range r.Campaigns {
		if kpi(c.KPIs).Undefined {
			out.Excluded = append(out.Excluded, c.Label)
			continue
		}
		ranked = append(ranked, c)
	}
	sort.SliceStable(ranked, func(i, j int) bool {
		a, b := kpi(ranked[i].KPIs).Value, kpi(ranked[j].KPIs).Value
		if a != b {
			return (a > b) == higherFirst
		}
		return ranked[i].Label < ranked[j].Label
	})
	n := min(rankSize, len(ranked))
	out.Top = ranked[:n]
	rest := ranked[n:]
	for i := len(rest) - 1; i >= 0 && len(out.Bottom) < rankSize; i-- {
		out.Bottom = append(out.Bottom, rest[i])
	}
	return out
}

// ReportedTotal is the cost the results files report over the periods
// the report covers (FromPeriod to ToPeriod), beside the budget's totals;
// without a budget plan (no periods), over the report's own days, as
// Total has it: the platforms' cost shows whatever the plan.
func (r *Results) ReportedTotal() int64 {
	if r.Reported == nil {
		return r.Total.Cost.Amount
	}
	var t int64
	for i, v := range r.Reported {
		if r.FromPeriod == 0 || i+1 >= r.FromPeriod && i+1 <= r.ToPeriod {
			t += v
		}
	}
	return t
}

// hasPlan reports whether a budget plan covers the report's period:
// without one there are no periods (Months) and nothing planned or spent
// to pace the platforms' cost against.
func (d *Data) hasPlan() bool { return len(d.Months) > 0 }

// pacingBasisPoints is the share of the plan spent (committed + actual
// over planned) in hundredths of a percent, as backend.SummaryRow
// derives its variance; nil without a plan.
func (d *Data) pacingBasisPoints() *int64 {
	r := d.Totals
	r.Derive()
	if r.VarianceBasisPoints == nil {
		return nil
	}
	spent := 10_000 - *r.VarianceBasisPoints
	return &spent
}
