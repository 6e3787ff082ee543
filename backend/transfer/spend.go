package transfer

import (
	"mopsdesk/backend"
	"mopsdesk/backend/sheet"
)

// spendNew adds a spend entry without an ID: checked in Go first, then
// looked up and queued in the store's bulk insert, so a ledger of 100,000
// lines costs two statements a row.
func (r *importRun) spendNew(rec *sheet.Record) string {
	amount := backend.Money{Amount: rec.Values["amount"].Int, Currency: rec.Values["amount"].Currency}
	status := backend.SpendActual
	if rec.Has("status") {
		status = backend.SpendStatus(rec.Text("status"))
	}
	// Team and category are checked by name below; 1 stands in for them.
	sp := &backend.Spend{Date: rec.Text("date"), Amount: amount, TeamID: 1, CategoryID: 1, Vendor: rec.Text("vendor"),
		Status: status, Reference: rec.Text("reference"), Note: rec.Text("note")}
	sp.Normalize()
	if err := sp.Validate(); err != nil {
		r.problems(rec, err, "amount")
		return "skip"
	}
	campaignID, ok := r.campaignID(rec, "campaign")
	if !ok {
		return "skip"
	}
	year, _ := backend.FiscalYearOf(sp.Date, r.settings.FiscalYearStartMonth)
	if !r.years[year] {
		if _, ok := r.fiscalYear(rec, "date", year); !ok {
			return "skip"
		}
		r.years[year] = true
	}
	teamID, ok1 := r.listID(rec, "team", backend.ListTeams)
	categoryID, ok2 := r.listID(rec, "category", backend.ListCategories)
	if !ok1 || !ok2 {
		return "skip"
	}
	sp.TeamID, sp.CategoryID, sp.CampaignID = teamID, categoryID, campaignID
	stored, err := r.spend.Stored(r.ctx, sp)
	if err != nil {
		r.noteFatal(err)
		rec.Problem("amount", "import.rejected", err.Error(), nil)
		return "skip"
	}
	if stored {
		return "skip" // already stored
	}
	written, err := r.spend.Add(r.ctx, sp)
	if err != nil {
		r.noteFatal(err)
		rec.Problem("amount", "import.rejected", err.Error(), nil)
		return "skip"
	}
	r.logSpend(written)
	return "create"
}

// logSpend logs entries the bulk insert wrote, as one change.
func (r *importRun) logSpend(written backend.IDRange) {
	if written.Count > 0 {
		r.changes = append(r.changes, backend.ImportChange{Entity: "spend", EntityID: written.First, Count: written.Count, Action: "create"})
	}
}

// finishSpend writes what is queued and has the store rebuild the running
// monthly totals of the months the import touched.
func (r *importRun) finishSpend() error {
	written, err := r.spend.Close(r.ctx)
	if err != nil {
		return err
	}
	r.logSpend(written)
	return nil
}

// spendEntry updates the spend entry a row's ID names (rows without one
// are new: spendNew).
func (r *importRun) spendEntry(rec *sheet.Record) string {
	if !rec.Has("id") {
		return r.spendNew(rec)
	}
	teamID, ok1 := r.listID(rec, "team", backend.ListTeams)
	categoryID, ok2 := r.listID(rec, "category", backend.ListCategories)
	campaignID, ok3 := r.campaignID(rec, "campaign")
	if !ok1 || !ok2 || !ok3 {
		return "skip"
	}
	id, found, ok := r.existing(rec, "spend entry", func(id int64) (any, error) { return r.s.Spend.FindSpendByID(r.ctx, id) })
	if !ok || found == nil {
		return "skip"
	}
	amount := backend.Money{Amount: rec.Values["amount"].Int, Currency: rec.Values["amount"].Currency}
	if year, ok := backend.FiscalYearOf(rec.Text("date"), r.settings.FiscalYearStartMonth); ok && rec.Has("date") {
		if _, ok := r.fiscalYear(rec, "date", year); !ok {
			return "skip"
		}
	}
	status := backend.SpendActual
	if rec.Has("status") {
		status = backend.SpendStatus(rec.Text("status"))
	}
	before := found.(*backend.Spend)
	upd := backend.SpendUpdate{Date: strPtr(rec, "date"), Vendor: strPtr(rec, "vendor"), Reference: strPtr(rec, "reference"), Note: strPtr(rec, "note")}
	if rec.Has("amount") {
		upd.Amount = &amount
	}
	if rec.Has("team") {
		upd.TeamID = &teamID
	}
	if rec.Has("category") {
		upd.CategoryID = &categoryID
	}
	if rec.Has("campaign") {
		upd.CampaignID = &campaignID
	}
	if rec.Has("status") {
		upd.Status = &status
	}
	after, err := r.s.Spend.UpdateSpend(r.ctx, id, upd)
	return r.updated(rec, "spend", id, before, after, err, "amount")
}
