package shapes

import (
	"mopsdesk/backend"
	"mopsdesk/backend/sheet"
)

// stepRanks order a contact's funnel steps: a contact at a step has
// passed the ones before it.
var stepRanks = map[backend.FunnelStep]int{backend.StepLead: 1, backend.StepMQL: 2, backend.StepSQL: 3,
	backend.StepOpportunity: 4, backend.StepWon: 5}

// contact counts one contact or lead, on the day it was created, in its
// step and every step before it: a customer is also a lead, an MQL, an
// SQL and an opportunity (the funnel is cumulative, as its conversion
// rates assume). A contact without a stage, or at a stage mapped to
// StepIgnore, is not in the funnel. A stage neither documented nor
// mapped by the user adds nothing: it is counted for the preview, which
// asks what it is, instead of passing for a lead.
func (r *Reader) contact(row sheet.Row) error {
	c := r.d.cols
	if r.footer(row.Cells) {
		return nil
	}
	stage := c.cell(row.Cells, colStage)
	if stage == "" {
		return nil
	}
	step, ok := r.stageStep(stage)
	rank := stepRanks[step]
	if !ok || rank == 0 {
		return nil
	}
	d, err := r.crmDay(row, colCreated)
	if err != nil {
		return err
	}
	f := backend.ResultFact{Source: r.d.Shape.Source, External: r.crmCampaign(row.Cells), From: d, To: d,
		Medium: c.cell(row.Cells, colMedium), Channel: c.cell(row.Cells, colSource), Records: backend.StageContacts}
	f.UTMCampaign = c.cell(row.Cells, colUTMCampaign)
	f.Leads = 1
	f.MQLs = b2i(rank >= stepRanks[backend.StepMQL])
	f.SQLs = b2i(rank >= stepRanks[backend.StepSQL])
	f.Opportunities = b2i(rank >= stepRanks[backend.StepOpportunity])
	f.Won = b2i(rank >= stepRanks[backend.StepWon])
	r.add(f)
	return nil
}

// dealStep is a deal's step: Salesforce's Won and Closed columns settle
// it when the report has them (IsWon, IsClosed); else its stage, as
// documented or as the user mapped it. A deal without a stage is open.
// ok is false for a stage nobody has mapped.
func (r *Reader) dealStep(cells []string) (step backend.FunnelStep, ok bool) {
	c := r.d.cols
	if c.has(colWon) {
		if w, err := sheet.ParseBool(c.cell(cells, colWon)); err == nil {
			closed, err := sheet.ParseBool(c.cell(cells, colClosed))
			switch {
			case w:
				return backend.StepWon, true
			case err == nil && closed:
				return backend.StepLost, true
			}
			return backend.StepOpportunity, true
		}
	}
	stage := c.cell(cells, colStage)
	if stage == "" {
		return backend.StepOpportunity, true
	}
	return r.stageStep(stage)
}

// deal reads one deal or opportunity: it is an opportunity, and pipeline
// unless lost, on the day it was created (its close date when the export
// has no create date); a won deal is also won revenue on its close date.
// A lost deal counts no pipeline, no won and no revenue. A deal at a
// stage neither documented nor mapped adds nothing until the user says
// what the stage is (the preview lists it).
func (r *Reader) deal(row sheet.Row) error {
	c := r.d.cols
	if r.footer(row.Cells) {
		return nil
	}
	step, ok := r.dealStep(row.Cells)
	if !ok || step == backend.StepIgnore {
		return nil
	}
	won, lost := step == backend.StepWon, step == backend.StepLost
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
		UTMCampaign: c.cell(row.Cells, colUTMCampaign), Channel: c.cell(row.Cells, colSource), Records: backend.StageDeals}
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
