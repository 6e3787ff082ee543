package sqlite

import (
	"database/sql"
	"errors"
	"reflect"

	"mopsdesk/backend"
	"mopsdesk/backend/sheet"
)

// Each kind's import: a record with an ID updates that entity; without
// one it is matched by its natural key (a campaign's or vendor's name, a
// contract's vendor and product, a deliverable's title and date, a spend
// entry's date, amount, vendor and reference), so importing the same file
// twice duplicates nothing. An update that changes nothing is a skip.

func (r *importRun) existing(rec *sheet.Record, entity string, find func(id int64) (any, error)) (int64, any, bool) {
	if !rec.Has("id") {
		return 0, nil, true
	}
	id := rec.Values["id"].Int
	v, err := find(id)
	if gone(err) {
		rec.Problem("id", "import.unknown_id", "is not the ID of a "+entity+" in this workspace; clear the cell to add the row as new", nil)
		return 0, nil, false
	}
	if err != nil {
		r.noteFatal(err)
		rec.Problem("id", "import.rejected", backend.ErrorMessage(err), nil)
		return 0, nil, false
	}
	return id, v, true
}

func strPtr(rec *sheet.Record, field string) *string {
	if !rec.Has(field) {
		return nil
	}
	s := rec.Text(field)
	return &s
}

// same reports whether an update would leave the entity as it is.
func same(before, after any) bool { return reflect.DeepEqual(before, after) }

// updated ends an update done through a service: the row's problems when
// it was refused, a skip when nothing but the timestamp changed, else the
// earlier state logged for undo.
func (r *importRun) updated(rec *sheet.Record, entity string, id int64, before, after any, err error, field string) string {
	if err != nil {
		r.problems(rec, err, field)
		return "skip"
	}
	b, a := withoutTimestamp(before), withoutTimestamp(after)
	if same(b, a) {
		return "skip"
	}
	r.log(entity, id, "update", before)
	return "update"
}

// withoutTimestamp copies the struct a pointer points to, UpdatedAt
// cleared.
func withoutTimestamp(p any) any {
	v := reflect.ValueOf(p).Elem()
	c := reflect.New(v.Type()).Elem()
	c.Set(v)
	if f := c.FieldByName("UpdatedAt"); f.IsValid() && f.CanSet() {
		f.SetString("")
	}
	return c.Interface()
}

func (r *importRun) campaign(rec *sheet.Record) string {
	teamID, ok1 := r.listID(rec, "team", backend.ListTeams)
	var channels []int64
	ok2 := true
	for _, name := range rec.Values["channels"].List {
		one := &sheet.Record{Sheet: rec.Sheet, Row: rec.Row, Values: map[string]sheet.Value{"channels": {Text: name, Col: rec.Values["channels"].Col, Row: rec.Values["channels"].Row}}}
		id, ok := r.listID(one, "channels", backend.ListChannels)
		rec.Problems = append(rec.Problems, one.Problems...)
		ok2 = ok2 && ok
		channels = append(channels, id)
	}
	if !ok1 || !ok2 {
		return "skip"
	}
	id, found, ok := r.existing(rec, "campaign", func(id int64) (any, error) { return r.s.campaigns.FindCampaignByID(r.ctx, id) })
	if !ok {
		return "skip"
	}
	if found == nil && rec.Has("name") {
		if existing, ok := r.campaigns[sheet.Norm(rec.Text("name"))]; ok {
			c, err := r.s.campaigns.FindCampaignByID(r.ctx, existing)
			if err == nil {
				id, found = existing, c
			}
		}
	}
	money := func(field string) *backend.Money {
		if !rec.Has(field) {
			return nil
		}
		v := rec.Values[field]
		return &backend.Money{Amount: v.Int, Currency: v.Currency}
	}
	var revenue *int64
	if m := money("revenue"); m != nil {
		if m.Currency != r.settings.BaseCurrency {
			rec.Problem("revenue", "import.revenue_currency", "must be in the workspace currency "+r.settings.BaseCurrency, nil)
			return "skip"
		}
		revenue = &m.Amount
	}
	if found == nil {
		c := &backend.Campaign{Name: rec.Text("name"), Objective: rec.Text("objective"), TeamID: teamID, Owner: rec.Text("owner"), ChannelIDs: channels,
			Tags: rec.Values["tags"].List, Status: backend.StatusPlanned, StartDate: rec.Text("startDate"), EndDate: rec.Text("endDate"), Notes: rec.Text("notes")}
		if rec.Has("status") {
			c.Status = backend.CampaignStatus(rec.Text("status"))
		}
		if m := money("budget"); m != nil {
			c.Budget = *m
		} else {
			c.Budget = backend.Money{Currency: r.settings.BaseCurrency}
		}
		if revenue != nil {
			c.AttributedRevenue = *revenue
		}
		if err := r.s.campaigns.CreateCampaign(r.ctx, c); err != nil {
			r.problems(rec, err, "name")
			return "skip"
		}
		r.campaigns[sheet.Norm(c.Name)] = c.ID
		r.log("campaign", c.ID, "create", nil)
		return "create"
	}
	before := found.(*backend.Campaign)
	upd := backend.CampaignUpdate{Name: strPtr(rec, "name"), Objective: strPtr(rec, "objective"), Owner: strPtr(rec, "owner"), StartDate: strPtr(rec, "startDate"),
		EndDate: strPtr(rec, "endDate"), Notes: strPtr(rec, "notes"), Budget: money("budget"), Revenue: revenue}
	if rec.Has("team") {
		upd.TeamID = &teamID
	}
	if rec.Has("channels") {
		upd.ChannelIDs = &channels
	}
	if rec.Has("tags") {
		t := rec.Values["tags"].List
		upd.Tags = &t
	}
	if rec.Has("status") {
		st := backend.CampaignStatus(rec.Text("status"))
		upd.Status = &st
	}
	after, err := r.s.campaigns.UpdateCampaign(r.ctx, id, upd)
	return r.updated(rec, "campaign", id, before, after, err, "name")
}

// deliverableType reads a content type: a known one, or a custom type
// named as in the sheet ("Carousel", "Poll").
func deliverableType(text string) (backend.DeliverableType, string) {
	if text == "" {
		return backend.TypeSocialPost, ""
	}
	if t, ok := sheet.DeliverableTypeWords[sheet.Norm(text)]; ok {
		return backend.DeliverableType(t), ""
	}
	return backend.TypeCustom, text
}

func (r *importRun) deliverable(rec *sheet.Record) string {
	channelID, ok1 := r.listID(rec, "channel", backend.ListChannels)
	campaignID, ok2 := r.campaignID(rec, "campaign")
	if !ok1 || !ok2 {
		return "skip"
	}
	id, found, ok := r.existing(rec, "deliverable", func(id int64) (any, error) { return r.s.deliverables.FindDeliverableByID(r.ctx, id) })
	if !ok {
		return "skip"
	}
	if found == nil {
		var existing int64
		err := r.s.db.conn(r.ctx).QueryRowContext(r.ctx, `SELECT id FROM deliverables WHERE title = ? COLLATE NOCASE AND publish_date = ? AND COALESCE(campaign_id, 0) = ? ORDER BY id LIMIT 1`,
			rec.Text("title"), rec.Text("publishDate"), campaignID).Scan(&existing)
		if err == nil {
			if d, err := r.s.deliverables.FindDeliverableByID(r.ctx, existing); err == nil {
				id, found = existing, d
			}
		} else if !errors.Is(err, sql.ErrNoRows) {
			r.noteFatal(err)
			rec.Problem("title", "import.rejected", err.Error(), nil)
			return "skip"
		}
	}
	typ, custom := deliverableType(rec.Text("type"))
	if found == nil {
		d := &backend.Deliverable{CampaignID: campaignID, Title: rec.Text("title"), Type: typ, CustomType: custom, PublishDate: rec.Text("publishDate"),
			ChannelID: channelID, Owner: rec.Text("owner"), Status: backend.DeliverableDraft, Notes: rec.Text("notes")}
		if rec.Has("status") {
			d.Status = backend.DeliverableStatus(rec.Text("status"))
		}
		if err := r.s.deliverables.CreateDeliverable(r.ctx, d); err != nil {
			r.problems(rec, err, "title")
			return "skip"
		}
		r.log("deliverable", d.ID, "create", nil)
		return "create"
	}
	before := found.(*backend.Deliverable)
	upd := backend.DeliverableUpdate{Title: strPtr(rec, "title"), PublishDate: strPtr(rec, "publishDate"), Owner: strPtr(rec, "owner"), Notes: strPtr(rec, "notes")}
	if rec.Has("campaign") {
		upd.CampaignID = &campaignID
	}
	if rec.Has("channel") {
		upd.ChannelID = &channelID
	}
	if rec.Has("type") {
		upd.Type, upd.CustomType = &typ, &custom
	}
	if rec.Has("status") {
		st := backend.DeliverableStatus(rec.Text("status"))
		upd.Status = &st
	}
	after, err := r.s.deliverables.UpdateDeliverable(r.ctx, id, upd)
	return r.updated(rec, "deliverable", id, before, after, err, "title")
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
	id, found, ok := r.existing(rec, "spend entry", func(id int64) (any, error) { return findSpendByID(r.ctx, r.s.db.conn(r.ctx), id) })
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
	after, err := r.s.spend.UpdateSpend(r.ctx, id, upd)
	return r.updated(rec, "spend", id, before, after, err, "amount")
}

// fiscalYear returns the plan granularity of a fiscal year, opening the
// year (monthly) when the workspace has none yet.
func (r *importRun) fiscalYear(rec *sheet.Record, field string, year int) (string, bool) {
	var g string
	err := r.s.db.conn(r.ctx).QueryRowContext(r.ctx, `SELECT granularity FROM fiscal_years WHERE year = ?`, year).Scan(&g)
	if errors.Is(err, sql.ErrNoRows) {
		if _, err := r.s.budget.CreateFiscalYear(r.ctx, year, backend.Monthly); err != nil {
			r.problems(rec, err, field)
			return "", false
		}
		r.newNames = append(r.newNames, sheet.NewName{Kind: "fiscalYears", Name: backend.FiscalYearLabel(year, r.settings.FiscalYearStartMonth)})
		r.log("fiscal_year", int64(year), "create", nil)
		return string(backend.Monthly), true
	} else if err != nil {
		r.noteFatal(err)
		rec.Problem(field, "import.rejected", err.Error(), nil)
		return "", false
	}
	return g, true
}

// budgetLine adds a row's amount to its plan cell; the cells are written
// once every row is read (finish), since several rows (days of a month)
// can fall in one cell.
func (r *importRun) budgetLine(rec *sheet.Record) string {
	teamID, ok1 := r.listID(rec, "team", backend.ListTeams)
	categoryID, ok2 := r.listID(rec, "category", backend.ListCategories)
	if !ok1 || !ok2 {
		return "skip"
	}
	v := rec.Values["amount"]
	if v.Currency != r.settings.BaseCurrency && r.convertBudget {
		month := rec.Text("month")
		if len(month) > 7 {
			month = month[:7]
		}
		n, _, ok := r.rates.ToBase(v.Int, v.Currency, month)
		if !ok {
			rec.Problem("amount", "import.no_rate", "has no rate into the workspace currency; add a rate for "+v.Currency+" in Settings", map[string]any{"currency": v.Currency})
			return "skip"
		}
		v.Int, v.Currency = n, r.settings.BaseCurrency
		rec.Values["amount"] = v
	}
	if v.Currency != r.settings.BaseCurrency {
		r.currencyCells++
		if r.currencyOf == "" {
			r.currencyOf = v.Currency
		}
		rec.Problem("amount", "import.budget_currency", "is in "+v.Currency+"; budget plans are in the workspace currency "+r.settings.BaseCurrency, map[string]any{"currency": v.Currency})
		return "skip"
	}
	start := r.settings.FiscalYearStartMonth
	year, ok := backend.FiscalYearOf(rec.Text("month"), start)
	month, ok2 := backend.FiscalMonth(rec.Text("month"), start)
	if !ok || !ok2 {
		rec.Problem("month", "import.bad_date", "is not a date", nil)
		return "skip"
	}
	g, ok := r.fiscalYear(rec, "month", year)
	if !ok {
		return "skip"
	}
	period := (month-1)/backend.Granularity(g).MonthsPerPeriod() + 1
	k := lineKey{year: year, period: period, teamID: teamID, categoryID: categoryID}
	sum := r.lines[k]
	if sum == nil {
		sum = &lineSum{}
		r.lines[k] = sum
		r.lineOrder = append(r.lineOrder, k)
	}
	sum.amount += v.Int
	return "line"
}

// writeBudgetLines sets each plan cell the rows summed to; the counts are
// of cells created, changed and left as they were.
func (r *importRun) writeBudgetLines(out *sheet.ImportPreview) error {
	for _, k := range r.lineOrder {
		sum := r.lines[k]
		var old int64
		err := r.s.db.conn(r.ctx).QueryRowContext(r.ctx, `SELECT amount FROM budget_lines WHERE fiscal_year = ? AND team_id = ? AND category_id = ? AND period = ?`,
			k.year, k.teamID, k.categoryID, k.period).Scan(&old)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		isNew := err != nil || old == 0
		if err == nil && old == sum.amount {
			out.Skip++
			continue
		}
		if _, err := r.s.budget.SetBudgetLines(r.ctx, k.year, []backend.BudgetLine{{TeamID: k.teamID, CategoryID: k.categoryID, Period: k.period, Amount: sum.amount}}); err != nil {
			return err
		}
		before := budgetLineBefore{Year: k.year, TeamID: k.teamID, CategoryID: k.categoryID, Period: k.period, Amount: old}
		if isNew {
			out.Create++
			r.log("budget_line", 0, "create", before)
		} else {
			out.Update++
			r.log("budget_line", 0, "update", before)
		}
	}
	return nil
}

func (r *importRun) vendor(rec *sheet.Record) string {
	id, found, ok := r.existing(rec, "vendor", func(id int64) (any, error) { return r.s.vendors.FindVendorByID(r.ctx, id) })
	if !ok {
		return "skip"
	}
	if found == nil {
		if existing, ok := r.vendors[sheet.Norm(rec.Text("name"))]; ok {
			if v, err := r.s.vendors.FindVendorByID(r.ctx, existing); err == nil {
				id, found = existing, v
			}
		}
	}
	if found == nil {
		v := &backend.Vendor{Name: rec.Text("name"), Website: rec.Text("website"), Category: "other", Contacts: rec.Text("contacts"), Notes: rec.Text("notes")}
		if rec.Has("category") {
			v.Category = backend.VendorCategory(rec.Text("category"))
		}
		if err := r.s.vendors.CreateVendor(r.ctx, v); err != nil {
			r.problems(rec, err, "name")
			return "skip"
		}
		r.vendors[sheet.Norm(v.Name)] = v.ID
		r.log("vendor", v.ID, "create", nil)
		return "create"
	}
	before := found.(*backend.Vendor)
	v := *before
	set := func(field string, dst *string) {
		if rec.Has(field) {
			*dst = rec.Text(field)
		}
	}
	set("name", &v.Name)
	set("website", &v.Website)
	set("contacts", &v.Contacts)
	set("notes", &v.Notes)
	if rec.Has("category") {
		v.Category = backend.VendorCategory(rec.Text("category"))
	}
	if same(v, *before) {
		return "skip"
	}
	if _, err := r.s.vendors.UpdateVendor(r.ctx, id, v); err != nil {
		r.problems(rec, err, "name")
		return "skip"
	}
	r.log("vendor", id, "update", before)
	return "update"
}

// asset updates the metadata of an asset already in the library, found by
// ID or by its file name; files themselves come in through the library.
func (r *importRun) asset(rec *sheet.Record) string {
	id, found, ok := r.existing(rec, "asset", func(id int64) (any, error) { return r.s.assets.FindAssetByID(r.ctx, id) })
	if !ok {
		return "skip"
	}
	if found == nil && rec.Has("fileName") {
		var existing int64
		err := r.s.db.conn(r.ctx).QueryRowContext(r.ctx, `SELECT asset_id FROM asset_versions WHERE file_name = ? COLLATE NOCASE ORDER BY version DESC LIMIT 1`, rec.Text("fileName")).Scan(&existing)
		if err == nil {
			if a, err := r.s.assets.FindAssetByID(r.ctx, existing); err == nil {
				id, found = existing, a
			}
		}
	}
	if found == nil {
		field := "fileName"
		if !rec.Has(field) {
			field = "id"
		}
		rec.Problem(field, "import.no_asset", "is not an asset in the library; add the file to the library first, then import its details", nil)
		return "skip"
	}
	before := found.(*backend.Asset)
	a := *before
	set := func(field string, dst *string) {
		if rec.Has(field) {
			*dst = rec.Text(field)
		}
	}
	set("title", &a.Title)
	set("licenceType", &a.Licence.Type)
	set("licenceHolder", &a.Licence.Holder)
	set("usageRights", &a.Licence.UsageRights)
	set("licenceStart", &a.Licence.Start)
	set("licenceExpiry", &a.Licence.Expiry)
	if rec.Has("tags") {
		a.Tags = rec.Values["tags"].List
	}
	if rec.Has("campaigns") {
		var ids []int64
		for _, name := range rec.Values["campaigns"].List {
			id, ok := r.campaigns[sheet.Norm(name)]
			if !ok {
				rec.Problem("campaigns", "import.no_campaign", "names a campaign that is not in this workspace ("+name+")", nil)
				return "skip"
			}
			ids = append(ids, id)
		}
		a.CampaignIDs = ids
	}
	after, err := r.s.assets.UpdateAsset(r.ctx, id, a)
	return r.updated(rec, "asset", id, before, after, err, "title")
}
