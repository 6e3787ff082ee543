package shapes

import (
	"strings"

	"mopsdesk/backend"
	"mopsdesk/backend/sheet"
)

// Lifecycle ranks: a contact at a stage has passed the ones before it.
const (
	rankNone = iota
	rankLead
	rankMQL
	rankSQL
	rankOpportunity
	rankCustomer
)

// stageRanks are HubSpot's lifecycle stages (labels and internal values)
// and Salesforce's lead statuses.
var stageRanks = map[string]int{
	"subscriber": rankNone, "other": rankLead, "lead": rankLead,
	"marketing qualified lead": rankMQL, "marketingqualifiedlead": rankMQL, "mql": rankMQL,
	"sales qualified lead": rankSQL, "salesqualifiedlead": rankSQL, "sql": rankSQL,
	"opportunity": rankOpportunity, "customer": rankCustomer, "evangelist": rankCustomer,
	"open - not contacted": rankLead, "working - contacted": rankLead, "closed - not converted": rankLead,
	"closed - converted": rankSQL, "qualified": rankSQL, "unqualified": rankLead, "new": rankLead,
	"working": rankLead, "nurturing": rankLead, "open": rankLead, "contacted": rankLead,
}

// contact counts one contact or lead, on the day it was created, in its
// stage and every stage before it: a customer is also a lead, an MQL, an
// SQL and an opportunity. A stage the list does not know counts as a lead.
func (r *Reader) contact(row sheet.Row) error {
	c := r.d.cols
	if r.footer(row.Cells) {
		return nil
	}
	stage := strings.ToLower(c.cell(row.Cells, colStage))
	rank, known := stageRanks[stage]
	if !known && stage != "" {
		rank = rankLead
	}
	if rank == rankNone {
		return nil // a subscriber, or no stage: not a lead yet
	}
	d, err := r.crmDay(row, colCreated)
	if err != nil {
		return err
	}
	f := backend.ResultFact{Source: r.d.Shape.Source, External: r.crmCampaign(row.Cells), From: d, To: d,
		Medium: c.cell(row.Cells, colMedium), Channel: c.cell(row.Cells, colSource)}
	f.UTMCampaign = c.cell(row.Cells, colUTMCampaign)
	f.Leads = 1
	f.MQLs = b2i(rank >= rankMQL)
	f.SQLs = b2i(rank >= rankSQL)
	f.Opportunities = b2i(rank >= rankOpportunity)
	f.Won = b2i(rank >= rankCustomer)
	r.add(f)
	return nil
}

// deal reads one deal or opportunity: it is an opportunity, and pipeline
// unless lost, on the day it was created (its close date when the export
// has no create date); a won deal is also won revenue on its close date.
func (r *Reader) deal(row sheet.Row) error {
	c := r.d.cols
	if r.footer(row.Cells) {
		return nil
	}
	stage := strings.ToLower(c.cell(row.Cells, colStage))
	won := strings.Contains(stage, "won") || stage == "closedwon"
	lost := strings.Contains(stage, "lost") || stage == "closedlost"
	if c.has(colWon) {
		if w, err := sheet.ParseBool(c.cell(row.Cells, colWon)); err == nil {
			won = w
			if closed, err := sheet.ParseBool(c.cell(row.Cells, colClosed)); err == nil && closed && !w {
				lost = true
			}
		}
	}
	amount, err := r.money(row, colAmount)
	if err != nil {
		return r.moneyProblem(row, colAmount, err)
	}
	var closeDay, openDay string
	if c.cell(row.Cells, colCloseDate) != "" || won || !c.has(colCreated) {
		if closeDay, err = r.crmDay(row, colCloseDate); err != nil {
			return err
		}
	}
	openDay = closeDay
	if c.has(colCreated) {
		if openDay, err = r.crmDay(row, colCreated); err != nil {
			return err
		}
	}
	base := backend.ResultFact{Source: r.d.Shape.Source, External: r.crmCampaign(row.Cells),
		UTMCampaign: c.cell(row.Cells, colUTMCampaign), Channel: c.cell(row.Cells, colSource)}
	opened := base
	opened.From, opened.To, opened.Opportunities = openDay, openDay, 1
	opened.Pipeline = backend.Money{Currency: amount.Currency}
	if !lost {
		opened.Pipeline.Amount = amount.Amount
	}
	r.add(opened)
	if won {
		w := base
		w.From, w.To, w.Won, w.Revenue = closeDay, closeDay, 1, amount
		r.add(w)
	}
	return nil
}

// crmCampaign is the row's campaign, its UTM campaign, or "" (facts
// without a campaign are kept: the preview lists them to map or ignore).
func (r *Reader) crmCampaign(cells []string) string {
	if s := r.d.cols.cell(cells, colCampaign); s != "" {
		return s
	}
	return r.d.cols.cell(cells, colUTMCampaign)
}

func (r *Reader) crmDay(row sheet.Row, rl role) (string, error) {
	if !r.d.cols.has(rl) {
		return "", problem(r.d.Sheet, r.d.HeaderRow, roleNames[rl], "results.missing_column",
			"The file has no column for this date", nil)
	}
	d, err := r.day(r.d.cols.cell(row.Cells, rl))
	if err != nil {
		key, what := "results.bad_day", "This day cannot be read"
		if err == sheet.ErrAmbiguous {
			key, what = "results.ambiguous_day", "Day and month could be either way round in this day; no row of the file settles it"
		}
		return "", r.bad(row, rl, key, what)
	}
	return d, nil
}

func b2i(b bool) int64 {
	if b {
		return 1
	}
	return 0
}
