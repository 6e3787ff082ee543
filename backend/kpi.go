package backend

import (
	"math/big"
	"strconv"
	"strings"
)

// The KPIs of results data, defined once: the app, the workbook and the
// web page show these values and never compute their own.
//
// Every KPI is an exact quotient of integers (counts, and money in minor
// units of the workspace's base currency) rounded once, half to even
// (banker's rounding, as money conversion rounds), to a fixed number of
// decimals:
//   - rates (CTR, funnel conversion rates, ROI) are percentages with two
//     decimals: Value is in hundredths of a percent (basis points);
//   - costs per unit (CPC, CPM, cost per lead, cost per MQL, CAC) are
//     money: Value is in minor units of Currency;
//   - ROAS is a ratio with two decimals: Value is in hundredths.
//
// A zero denominator (no impressions, no clicks, no leads, no cost) makes
// the KPI Undefined, shown as "—", never as infinity or not-a-number.
// So does money that could not be converted (no rate for its currency and
// month): a cost per lead from half the cost would mislead.

// KPIUnit is how a KPI's value reads.
type KPIUnit string

// The units of KPIs.
const (
	UnitPercent KPIUnit = "percent" // Value in hundredths of a percent
	UnitMoney   KPIUnit = "money"   // Value in minor units of Currency
	UnitRatio   KPIUnit = "ratio"   // Value in hundredths
)

// KPIDash is how an undefined KPI is shown everywhere.
const KPIDash = "—"

// KPI is one key figure: Value with Decimals implied decimals (or minor
// units), or Undefined.
type KPI struct {
	Value     int64   `json:"value"`
	Unit      KPIUnit `json:"unit"`
	Decimals  int     `json:"decimals"`
	Currency  string  `json:"currency,omitempty"`
	Undefined bool    `json:"undefined"`
}

// String renders k without locale ("2.35%", "1.50 USD", "3.25", "—"),
// for logs and tests; the UI and exports format Value with Decimals.
func (k KPI) String() string {
	if k.Undefined {
		return KPIDash
	}
	switch k.Unit {
	case UnitMoney:
		return Money{Amount: k.Value, Currency: k.Currency}.String()
	case UnitPercent:
		return decimalText(k.Value, k.Decimals) + "%"
	}
	return decimalText(k.Value, k.Decimals)
}

// Float returns k's value as a number for spreadsheet cells (exact to
// its decimals); ok is false when k is undefined.
func (k KPI) Float() (v float64, ok bool) {
	if k.Undefined {
		return 0, false
	}
	f, _ := new(big.Rat).SetFrac(big.NewInt(k.Value), new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(k.Decimals)), nil)).Float64()
	return f, true
}

func decimalText(v int64, decimals int) string {
	neg := v < 0
	s := strconv.FormatInt(v, 10)
	if neg {
		s = s[1:]
	}
	if decimals > 0 {
		if len(s) <= decimals {
			s = strings.Repeat("0", decimals-len(s)+1) + s
		}
		s = s[:len(s)-decimals] + "." + s[len(s)-decimals:]
	}
	if neg {
		s = "-" + s
	}
	return s
}

// quotient is num × scale / den rounded half to even, Undefined when den
// is zero. big.Int keeps huge figures exact; a result beyond int64 is
// undefined too.
func quotient(num, scale, den int64, unit KPIUnit, decimals int) KPI {
	if den == 0 {
		return KPI{Unit: unit, Decimals: decimals, Undefined: true}
	}
	r := new(big.Rat).SetFrac(new(big.Int).Mul(big.NewInt(num), big.NewInt(scale)), big.NewInt(den))
	n := roundHalfEvenBig(r)
	if !n.IsInt64() {
		return KPI{Unit: unit, Decimals: decimals, Undefined: true}
	}
	return KPI{Value: n.Int64(), Unit: unit, Decimals: decimals}
}

// roundHalfEvenBig rounds r to the nearest integer, ties to even.
func roundHalfEvenBig(r *big.Rat) *big.Int {
	q, m := new(big.Int).QuoRem(r.Num(), r.Denom(), new(big.Int))
	// Compare 2|m| with the denominator.
	twice := new(big.Int).Abs(m)
	twice.Lsh(twice, 1)
	switch twice.Cmp(r.Denom()) {
	case 1:
		q.Add(q, big.NewInt(int64(r.Num().Sign())))
	case 0:
		if q.Bit(0) == 1 {
			q.Add(q, big.NewInt(int64(r.Num().Sign())))
		}
	}
	return q
}

func rate(num, den int64) KPI { return quotient(num, 10_000, den, UnitPercent, 2) }

// perUnit is cost per one of n (per thousand for CPM), in minor units.
func perUnit(cost Money, costOK bool, n, per int64) KPI {
	if !costOK {
		return KPI{Unit: UnitMoney, Currency: cost.Currency, Undefined: true}
	}
	k := quotient(cost.Amount, per, n, UnitMoney, 0)
	k.Currency = cost.Currency
	if c, ok := LookupCurrency(cost.Currency); ok {
		k.Decimals = c.MinorUnits
	}
	return k
}

// KPIs are the key figures of some results data.
type KPIs struct {
	// CTR = clicks ÷ impressions.
	CTR KPI `json:"ctr"`
	// CPC = cost ÷ clicks; CPM = cost × 1000 ÷ impressions.
	CPC KPI `json:"cpc"`
	CPM KPI `json:"cpm"`
	// CostPerLead = cost ÷ leads; CostPerMQL = cost ÷ MQLs; CAC = cost ÷
	// won deals.
	CostPerLead KPI `json:"costPerLead"`
	CostPerMQL  KPI `json:"costPerMql"`
	CAC         KPI `json:"cac"`
	// The funnel: each stage ÷ the stage before, and won ÷ leads.
	LeadToMQL        KPI `json:"leadToMql"`
	MQLToSQL         KPI `json:"mqlToSql"`
	SQLToOpportunity KPI `json:"sqlToOpportunity"`
	OpportunityToWon KPI `json:"opportunityToWon"`
	LeadToWon        KPI `json:"leadToWon"`
	// ROAS = revenue ÷ cost; ROI = (revenue − cost) ÷ cost.
	ROAS KPI `json:"roas"`
	ROI  KPI `json:"roi"`
}

// ComputeKPIs works the KPIs out of counts and money in one currency
// (cost and revenue must share it). moneyOK false (money that could not
// be converted) leaves every KPI that uses money undefined.
func ComputeKPIs(c ResultCounts, cost, revenue Money, moneyOK bool) KPIs {
	k := KPIs{
		CTR:              rate(c.Clicks, c.Impressions),
		CPC:              perUnit(cost, moneyOK, c.Clicks, 1),
		CPM:              perUnit(cost, moneyOK, c.Impressions, 1000),
		CostPerLead:      perUnit(cost, moneyOK, c.Leads, 1),
		CostPerMQL:       perUnit(cost, moneyOK, c.MQLs, 1),
		CAC:              perUnit(cost, moneyOK, c.Won, 1),
		LeadToMQL:        rate(c.MQLs, c.Leads),
		MQLToSQL:         rate(c.SQLs, c.MQLs),
		SQLToOpportunity: rate(c.Opportunities, c.SQLs),
		OpportunityToWon: rate(c.Won, c.Opportunities),
		LeadToWon:        rate(c.Won, c.Leads),
		ROAS:             quotient(revenue.Amount, 100, cost.Amount, UnitRatio, 2),
		ROI:              rate(revenue.Amount-cost.Amount, cost.Amount),
	}
	if !moneyOK || (cost.Currency != revenue.Currency && revenue.Amount != 0 && cost.Amount != 0) {
		k.ROAS = KPI{Unit: UnitRatio, Decimals: 2, Undefined: true}
		k.ROI = KPI{Unit: UnitPercent, Decimals: 2, Undefined: true}
	}
	return k
}

// FunnelStage is one stage of the funnel: its count and the rate from the
// stage before (undefined for the first stage and after an empty one).
type FunnelStage struct {
	Stage string `json:"stage"`
	Count int64  `json:"count"`
	Rate  KPI    `json:"rate"`
}

// Funnel lists the stages lead → MQL → SQL → opportunity → won of c, each
// with its conversion rate from the one before (the KPIs' rates).
func Funnel(c ResultCounts) []FunnelStage {
	k := ComputeKPIs(c, Money{}, Money{}, true)
	return []FunnelStage{
		{"leads", c.Leads, KPI{Unit: UnitPercent, Decimals: 2, Undefined: true}},
		{"mqls", c.MQLs, k.LeadToMQL},
		{"sqls", c.SQLs, k.MQLToSQL},
		{"opportunities", c.Opportunities, k.SQLToOpportunity},
		{"won", c.Won, k.OpportunityToWon},
	}
}
