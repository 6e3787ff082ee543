package transfer

import (
	"encoding/json"
	"fmt"
	"strings"

	"mopsdesk/backend"
	"mopsdesk/backend/sheet"
)

// contract imports one subscription or contract. It is found by its MOps
// ID, else by the subscription, contract or line ID the file gives it
// (kept in contract_refs), else by vendor and product, but never by
// vendor and product when it already carries another line ID: two
// subscriptions of one product stay two contracts. A contract met twice
// in one file is a problem on the later row, not an update of the first.
func (r *importRun) contract(rec *sheet.Record) string {
	teamID, ok1 := r.listID(rec, "team", backend.ListTeams)
	categoryID, ok2 := r.listID(rec, "category", backend.ListCategories)
	if !ok1 || !ok2 {
		return "skip"
	}
	ref := strings.TrimSpace(rec.Text("lineId"))
	id, found, vendorID, ok := r.findContract(rec, ref)
	if !ok || r.duplicate(rec, ref, id, vendorID) {
		return "skip"
	}
	var c backend.Contract
	if found != nil {
		c = *found
	} else {
		// The rest comes from the record: a column, a value set for every
		// row, or the defaults the preview lists (Layout.Defaults).
		c = backend.Contract{Cost: backend.Money{Currency: r.settings.BaseCurrency}, Reminders: []backend.Reminder{{Kind: backend.RemindCancel, DaysBefore: 14}}}
	}
	c.VendorID = vendorID
	fillContract(rec, &c, found == nil, teamID, categoryID)
	action := "create"
	if found == nil {
		if err := r.s.Contracts.CreateContract(r.ctx, &c); err != nil {
			r.problems(rec, err, "product")
			return "skip"
		}
		id = c.ID
		r.log("contract", c.ID, "create", nil)
	} else {
		action = "skip"
		if !contractSame(*found, c) {
			if _, err := r.s.Contracts.UpdateContract(r.ctx, id, c); err != nil {
				r.problems(rec, err, "product")
				return "skip"
			}
			r.log("contract", id, "update", found)
			action = "update"
		}
	}
	if ref != "" {
		if err := r.s.Store.SetContractRef(r.ctx, id, ref); err != nil {
			rec.Problem("lineId", "import.rejected", err.Error(), nil)
			return "skip"
		}
	}
	return action
}

// findContract finds the stored contract a row names (nil for a new one)
// and its vendor, adding the vendor when new.
func (r *importRun) findContract(rec *sheet.Record, ref string) (int64, *backend.Contract, int64, bool) {
	id, v, ok := r.existing(rec, "contract", func(id int64) (any, error) { return r.s.Contracts.FindContractByID(r.ctx, id) })
	if !ok {
		return 0, nil, 0, false
	}
	found, _ := v.(*backend.Contract)
	if found == nil && ref != "" {
		existing, err := r.s.Store.ContractByRef(r.ctx, ref)
		if err == nil && existing != 0 {
			if c, err := r.s.Contracts.FindContractByID(r.ctx, existing); err == nil {
				id, found = existing, c
			}
		} else if err != nil {
			rec.Problem("lineId", "import.rejected", err.Error(), nil)
			return 0, nil, 0, false
		}
	}
	// A subscription list often names only the product: it is its own vendor.
	vendorName := rec.Text("vendor")
	if vendorName == "" {
		vendorName = rec.Text("product")
	}
	vendorID := int64(0)
	if found != nil {
		vendorID = found.VendorID
	}
	if found == nil || rec.Has("vendor") {
		var ok bool
		if vendorID, ok = r.vendorID(rec, vendorName); !ok {
			return 0, nil, 0, false
		}
	}
	if found == nil {
		existing, err := r.s.Store.ContractByProduct(r.ctx, vendorID, rec.Text("product"))
		if err == nil && existing != 0 {
			if c, err := r.s.Contracts.FindContractByID(r.ctx, existing); err == nil {
				id, found = existing, c
			}
		}
	}
	return id, found, vendorID, true
}

// fillContract sets what the row gives. Values the importer supplied (no
// column, no value set by the user) fill a new contract and leave a
// stored one as it is.
func fillContract(rec *sheet.Record, c *backend.Contract, isNew bool, teamID, categoryID int64) {
	has := func(field string) bool {
		return rec.Has(field) && (isNew || !rec.Values[field].Default)
	}
	set := func(field string, dst *string) {
		if has(field) {
			*dst = rec.Text(field)
		}
	}
	set("product", &c.Product)
	set("owner", &c.Owner)
	set("startDate", &c.StartDate)
	set("renewalDate", &c.RenewalDate)
	set("notes", &c.Notes)
	if has("team") {
		c.TeamID = teamID
	}
	if has("category") {
		c.CategoryID = categoryID
	}
	if has("cost") {
		v := rec.Values["cost"]
		c.Cost = backend.Money{Amount: v.Int, Currency: v.Currency}
	}
	if has("billingCycle") {
		c.BillingCycle = backend.BillingCycle(rec.Text("billingCycle"))
	}
	if has("status") {
		c.Status = backend.ContractStatus(rec.Text("status"))
	}
	ints := map[string]*int{"termMonths": &c.TermMonths, "noticeDays": &c.NoticeDays, "seatsPurchased": &c.SeatsBought, "seatsUsed": &c.SeatsUsed}
	for f, dst := range ints {
		if has(f) {
			*dst = int(rec.Values[f].Int)
		}
	}
	if has("autoRenew") {
		c.AutoRenew = rec.Values["autoRenew"].Bool
	}
	// A list of expiry dates gives no start: the term before the renewal.
	if c.StartDate == "" && c.RenewalDate != "" {
		if t, ok := backend.ParseDay(c.RenewalDate); ok {
			c.StartDate = backend.AddMonths(t, -c.TermMonths).Format(backend.DayLayout)
		}
	}
}

// duplicate reports (as a problem on the row) a contract an earlier row of
// the file already brought in: the same line ID, or, without one, the
// same stored contract or the same vendor and product.
func (r *importRun) duplicate(rec *sheet.Record, ref string, id, vendorID int64) bool {
	if r.contractRows == nil {
		r.contractRows = map[string]int{}
	}
	var keys []string
	if ref != "" {
		keys = append(keys, "ref:"+strings.ToLower(ref))
	} else {
		keys = append(keys, fmt.Sprintf("vp:%d:%s", vendorID, sheet.Norm(rec.Text("product"))))
	}
	if id != 0 {
		keys = append(keys, fmt.Sprintf("id:%d", id))
	}
	for _, k := range keys {
		if first, ok := r.contractRows[k]; ok && first != rec.Row {
			what := "the same vendor and product"
			if ref != "" {
				what = "the same subscription ID"
			}
			rec.Problem("product", "import.duplicate_row", fmt.Sprintf("repeats row %d (%s); leave one of them out, or give each line its own subscription ID", first, what),
				map[string]any{"row": first})
			return true
		}
	}
	for _, k := range keys {
		r.contractRows[k] = rec.Row
	}
	return false
}

// contractSame compares what an import can change.
func contractSame(a, b backend.Contract) bool {
	ja, _ := json.Marshal([]any{a.VendorID, a.Product, a.Owner, a.TeamID, a.CategoryID, a.Cost, a.BillingCycle, a.StartDate, a.TermMonths, a.RenewalDate, a.AutoRenew, a.NoticeDays, a.SeatsBought, a.SeatsUsed, a.Status, a.Notes})
	jb, _ := json.Marshal([]any{b.VendorID, b.Product, b.Owner, b.TeamID, b.CategoryID, b.Cost, b.BillingCycle, b.StartDate, b.TermMonths, b.RenewalDate, b.AutoRenew, b.NoticeDays, b.SeatsBought, b.SeatsUsed, b.Status, b.Notes})
	return string(ja) == string(jb)
}
