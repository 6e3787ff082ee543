// Package report writes the executive report: a workbook (native Excel
// charts, formulas for totals with their results stored, print settings)
// and a self-contained web page, from the figures the dashboard uses. It takes its data whole and knows
// no store.
package report

import (
	"strings"

	"mopsdesk/backend"
)

// Data is what a report shows for a period, money in minor units of the
// workspace currency unless a row says otherwise.
type Data struct {
	Workspace  string
	From, To   string
	Currency   string
	MinorUnits int
	// Totals is the budget for the periods the report covers.
	Totals backend.SummaryRow
	// Budget rows are per team and category.
	Budget []backend.SummaryRow
	// Months is planned, committed and actual spend per fiscal period.
	Months    []Period
	Campaigns []Campaign
	Contracts []Contract
	Licences  []Licence
	// Results is what results data says about the period; nil when no
	// fact starts in it (the report then says so).
	Results *Results
	// Words are the sheet names, headings and column names in the user's
	// language; missing ones are English.
	Words map[string]string
	// Lang is the user's language (a BCP 47 tag); the HTML report is
	// written in it, right to left for Persian and Arabic.
	Lang string
	// MissingRates are the currencies and months whose spend the budget
	// figures leave out for want of an exchange rate; AssumedRates those
	// converted at a planning rate. Every report says so.
	MissingRates, AssumedRates []backend.FXRate
}

// Period is one fiscal period's totals.
type Period struct {
	Label                      string
	Planned, Committed, Actual int64
}

// Campaign is one row of the campaigns sheet.
type Campaign struct {
	Name, Team, Status, Start, End string
	Goals                          string // "Leads 120/100 (120%)"; off-track goals marked
	Spent, Revenue                 int64
	ROIBasisPoints                 *int64
}

// Contract is one row of the contracts sheet.
type Contract struct {
	Vendor, Product, Owner  string
	Cost                    backend.Money
	Annualised, CostPerSeat *int64 // workspace currency
	NextRenewal, CancelBy   string
	SeatsBought, SeatsUsed  int
}

// Licence is one row of the licences sheet.
type Licence struct {
	Asset, Holder, Type, Expiry string
}

// english are the words a report uses where Data.Words has none.
var english = map[string]string{
	"summary": "Summary", "campaigns": "Campaigns", "budget": "Budget", "contracts": "Contracts", "licences": "Licences",
	"title": "Executive report", "period": "Period", "planned": "Planned", "committed": "Committed", "actual": "Actual",
	"available": "Available", "variance": "Variance", "team": "Team", "category": "Category", "total": "Total",
	"name": "Campaign", "status": "Status", "start": "Start", "end": "End", "goals": "Goals", "spent": "Spent",
	"revenue": "Revenue", "roi": "ROI", "vendor": "Vendor", "product": "Product", "owner": "Owner", "cost": "Cost",
	"currency": "Currency", "annualised": "Annualised", "per_seat": "Cost per seat", "renewal": "Next renewal",
	"cancel_by": "Cancel by", "seats": "Seats bought", "seats_used": "Seats used", "asset": "Asset", "holder": "Holder",
	"licence": "Licence", "expiry": "Expires", "month": "Month", "plan_vs_actual": "Plan vs actual by team",
	"by_category": "Spend by category", "over_time": "Spend over time", "variance_pct": "Variance %",
	"no_data": "Nothing to chart for this period.", "no_budget": "No budget covers this period.",
	"no_campaigns": "No campaign runs in this period.", "no_contracts": "No active contracts.",
	"no_licences":   "No licence expires in this period.",
	"variance_note": "Variance % is what is left of the plan, planned − (committed + actual), as a share of planned: positive is under budget, negative is over budget.",
	"results":       "Results", "funnel": "Funnel", "stage": "Stage", "count": "Count", "conversion": "Conversion from the stage before",
	"stage_leads": "Leads", "stage_mqls": "MQLs", "stage_sqls": "SQLs", "stage_opportunities": "Opportunities", "stage_won": "Won",
	"roas": "ROAS", "cost_per_lead": "Cost per lead", "leads": "Leads",
	"top_roas": "Best campaigns by ROAS", "bottom_roas": "Weakest campaigns by ROAS",
	"top_cpl": "Best campaigns by cost per lead", "bottom_cpl": "Weakest campaigns by cost per lead",
	"excluded_roas": "Left out of the ROAS ranking (no cost, or money without an exchange rate):",
	"excluded_cpl":  "Left out of the cost per lead ranking (no leads, or money without an exchange rate):",
	"no_revenue":    "No revenue in these results: no CRM deals export covers the period, so ROAS is not known and campaigns are not ranked by it. Import a HubSpot or Salesforce deals export to see ROAS and ROI.",
	"excluded_more": "and {n} more",
	"no_results":    "No results data covers this period. Import the exports of the ad platforms, web analytics or the CRM to see them here.",
	"pacing":        "Pacing: spend against plan",
	"pacing_share":  "Share of plan spent",
	"reported_cost": "Cost reported by the ad platforms",
	"no_plan":       "No budget plan covers this period, so planned and spent are not shown; the cost the ad platforms report is shown on its own.",
	"pacing_note":   "Spent is committed plus actual from the budget for the periods this report covers; the cost the ad platforms report is shown beside it and never added to it.",
	// The Budget summary's own words (catalog keys budget.*).
	"budget.missing_rates": "Some spend is left out of these totals because it has no exchange rate. Set these rates under Exchange rates:",
	"budget.assumed_rates": "Some spend in these totals is converted at a planning rate because its month has no exchange rate yet. Set the month’s rate under Exchange rates when it is known:",
}

// word is the report's word for key, in the user's language.
func (d *Data) word(key string) string {
	if w := strings.TrimSpace(d.Words[key]); w != "" {
		return w
	}
	return english[key]
}

// rtl languages mirror the page and the sheets.
var rtl = map[string]bool{"fa": true, "ar": true, "he": true, "ur": true}

// RTL reports whether the report's language reads right to left.
func (d *Data) RTL() bool { return rtl[strings.SplitN(d.Lang, "-", 2)[0]] }
