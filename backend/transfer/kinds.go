package transfer

import (
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

// withoutTimestamp copies the struct a pointer points to, UpdatedAt and
// Version (which every write changes) cleared.
func withoutTimestamp(p any) any {
	v := reflect.ValueOf(p).Elem()
	c := reflect.New(v.Type()).Elem()
	c.Set(v)
	if f := c.FieldByName("UpdatedAt"); f.IsValid() && f.CanSet() {
		f.SetString("")
	}
	if f := c.FieldByName("Version"); f.IsValid() && f.CanSet() {
		f.SetInt(0)
	}
	return c.Interface()
}

// channelIDs finds (or adds) each channel a campaign's row names.
func (r *importRun) channelIDs(rec *sheet.Record) ([]int64, bool) {
	var channels []int64
	ok := true
	for _, name := range rec.Values["channels"].List {
		one := &sheet.Record{Sheet: rec.Sheet, Row: rec.Row, Values: map[string]sheet.Value{"channels": {Text: name, Col: rec.Values["channels"].Col, Row: rec.Values["channels"].Row}}}
		id, found := r.listID(one, "channels", backend.ListChannels)
		rec.Problems = append(rec.Problems, one.Problems...)
		ok = ok && found
		channels = append(channels, id)
	}
	return channels, ok
}

func (r *importRun) campaign(rec *sheet.Record) string {
	teamID, ok1 := r.listID(rec, "team", backend.ListTeams)
	channels, ok2 := r.channelIDs(rec)
	if !ok1 || !ok2 {
		return "skip"
	}
	id, found, ok := r.existing(rec, "campaign", func(id int64) (any, error) { return r.s.Campaigns.FindCampaignByID(r.ctx, id) })
	if !ok {
		return "skip"
	}
	if found == nil && rec.Has("name") {
		if existing, ok := r.campaigns[sheet.Norm(rec.Text("name"))]; ok {
			c, err := r.s.Campaigns.FindCampaignByID(r.ctx, existing)
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
		if err := r.s.Campaigns.CreateCampaign(r.ctx, c); err != nil {
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
	after, err := r.s.Campaigns.UpdateCampaign(r.ctx, id, upd)
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
	id, found, ok := r.existing(rec, "deliverable", func(id int64) (any, error) { return r.s.Deliverables.FindDeliverableByID(r.ctx, id) })
	if !ok {
		return "skip"
	}
	if found == nil {
		existing, err := r.s.Store.DeliverableByKey(r.ctx, rec.Text("title"), rec.Text("publishDate"), campaignID)
		if err == nil && existing != 0 {
			if d, err := r.s.Deliverables.FindDeliverableByID(r.ctx, existing); err == nil {
				id, found = existing, d
			}
		} else if err != nil {
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
		if err := r.s.Deliverables.CreateDeliverable(r.ctx, d); err != nil {
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
	after, err := r.s.Deliverables.UpdateDeliverable(r.ctx, id, upd)
	return r.updated(rec, "deliverable", id, before, after, err, "title")
}

func (r *importRun) vendor(rec *sheet.Record) string {
	id, found, ok := r.existing(rec, "vendor", func(id int64) (any, error) { return r.s.Vendors.FindVendorByID(r.ctx, id) })
	if !ok {
		return "skip"
	}
	if found == nil {
		if existing, ok := r.vendors[sheet.Norm(rec.Text("name"))]; ok {
			if v, err := r.s.Vendors.FindVendorByID(r.ctx, existing); err == nil {
				id, found = existing, v
			}
		}
	}
	if found == nil {
		v := &backend.Vendor{Name: rec.Text("name"), Website: rec.Text("website"), Category: "other", Contacts: rec.Text("contacts"), Notes: rec.Text("notes")}
		if rec.Has("category") {
			v.Category = backend.VendorCategory(rec.Text("category"))
		}
		if err := r.s.Vendors.CreateVendor(r.ctx, v); err != nil {
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
	if _, err := r.s.Vendors.UpdateVendor(r.ctx, id, v); err != nil {
		r.problems(rec, err, "name")
		return "skip"
	}
	r.log("vendor", id, "update", before)
	return "update"
}

// asset updates the metadata of an asset already in the library, found by
// ID or by its file name; files themselves come in through the library.
func (r *importRun) asset(rec *sheet.Record) string {
	id, found, ok := r.existing(rec, "asset", func(id int64) (any, error) { return r.s.Assets.FindAssetByID(r.ctx, id) })
	if !ok {
		return "skip"
	}
	if found == nil && rec.Has("fileName") {
		existing, err := r.s.Store.AssetByFileName(r.ctx, rec.Text("fileName"))
		if err == nil && existing != 0 {
			if a, err := r.s.Assets.FindAssetByID(r.ctx, existing); err == nil {
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
	after, err := r.s.Assets.UpdateAsset(r.ctx, id, a)
	return r.updated(rec, "asset", id, before, after, err, "title")
}
