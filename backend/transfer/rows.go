package transfer

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"

	"mopsdesk/backend"
	"mopsdesk/backend/sheet"
)

// importRun is one pass over a file's records: name lookups loaded once,
// new list items and vendors created as met, every change logged.
type importRun struct {
	s             Services
	ctx           context.Context
	settings      *backend.Settings
	kind          string
	commit        bool
	skipProblems  bool
	problemLimit  int
	lists         map[backend.ListKind]map[string]int64
	campaigns     map[string]int64
	vendors       map[string]int64
	newNames      []NewName
	added         []addedName
	changes       []backend.ImportChange
	years         map[int]bool // fiscal years known to exist
	spend         backend.SpendBulk
	lines         map[lineKey]*lineSum
	lineOrder     []lineKey
	contractRows  map[string]int // a contract's key in this file → its first row
	convertBudget bool           // budget amounts in other currencies are converted at rates
	rates         *backend.Rates
	currencyCells int    // budget amounts in another currency
	currencyOf    string // the first of them
	// fatal is an error of the computer's (a full disk) that stops the
	// whole import: every later row would fail the same way, slowly.
	fatal error
}

// errRowRefused rolls back the savepoint of a row that has problems.
var errRowRefused = errors.New("row refused")

// noteFatal keeps err as the import's fatal error when it is the
// computer's, not the row's.
func (r *importRun) noteFatal(err error) {
	if r.fatal == nil && isEnvironment(r.s.Explain(err)) {
		r.fatal = r.s.Explain(err)
	}
}

// isEnvironment reports whether err is the computer's: a full disk, a
// read-only folder, a database another program holds.
func isEnvironment(err error) bool {
	switch backend.ErrorCode(err) {
	case backend.EDISKFULL, backend.EREADONLY, backend.EBUSY:
		return true
	}
	return false
}

type addedName struct {
	list backend.ListKind // "" for a vendor
	key  string
}

type lineKey struct {
	year, period       int
	teamID, categoryID int64
}

type lineSum struct {
	amount int64
}

func (r *importRun) load() error {
	r.lists = map[backend.ListKind]map[string]int64{}
	for _, k := range []backend.ListKind{backend.ListTeams, backend.ListChannels, backend.ListCategories} {
		items, err := r.s.Lists.ListItems(r.ctx, k)
		if err != nil {
			return err
		}
		m := map[string]int64{}
		for _, it := range items {
			m[sheet.Norm(it.Name)] = it.ID
		}
		r.lists[k] = m
	}
	r.campaigns = map[string]int64{}
	names, err := r.s.Store.CampaignNames(r.ctx)
	if err != nil {
		return err
	}
	for _, c := range names {
		if _, ok := r.campaigns[sheet.Norm(c.Name)]; !ok {
			r.campaigns[sheet.Norm(c.Name)] = c.ID
		}
	}
	r.vendors = map[string]int64{}
	vs, err := r.s.Vendors.FindVendors(r.ctx)
	if err != nil {
		return err
	}
	for _, v := range vs {
		r.vendors[sheet.Norm(v.Name)] = v.ID
	}
	r.lines = map[lineKey]*lineSum{}
	r.years = map[int]bool{}
	r.spend, err = r.s.Store.BeginSpendBulk(r.ctx)
	return err
}

// listID finds a team, channel or category by name, adding it when new.
func (r *importRun) listID(rec *sheet.Record, field string, kind backend.ListKind) (int64, bool) {
	name := strings.TrimSpace(rec.Text(field))
	if name == "" {
		return 0, true
	}
	key := sheet.Norm(name)
	if id, ok := r.lists[kind][key]; ok {
		return id, true
	}
	if err := backend.ValidateListName(name); err != nil {
		rec.Problem(field, "import.bad_name", "is not a usable name", nil)
		return 0, false
	}
	it, err := r.s.Lists.CreateListItem(r.ctx, kind, name)
	if err != nil {
		r.noteFatal(err)
		rec.Problem(field, "import.bad_name", "could not be added: "+err.Error(), nil)
		return 0, false
	}
	r.lists[kind][key] = it.ID
	r.added = append(r.added, addedName{kind, key})
	r.newNames = append(r.newNames, NewName{Kind: string(kind), Name: name})
	r.log("list:"+string(kind), it.ID, "create", nil)
	return it.ID, true
}

func (r *importRun) campaignID(rec *sheet.Record, field string) (int64, bool) {
	name := strings.TrimSpace(rec.Text(field))
	if name == "" {
		return 0, true
	}
	if id, ok := r.campaigns[sheet.Norm(name)]; ok {
		return id, true
	}
	rec.Problem(field, "import.no_campaign", "is not a campaign in this workspace; import the campaigns first or leave the cell empty", nil)
	return 0, false
}

func (r *importRun) vendorID(rec *sheet.Record, name string) (int64, bool) {
	key := sheet.Norm(name)
	if id, ok := r.vendors[key]; ok {
		return id, true
	}
	v := &backend.Vendor{Name: strings.TrimSpace(name), Category: "other"}
	if err := r.s.Vendors.CreateVendor(r.ctx, v); err != nil {
		r.problems(rec, err, "vendor")
		return 0, false
	}
	r.vendors[key] = v.ID
	r.added = append(r.added, addedName{"", key})
	r.newNames = append(r.newNames, NewName{Kind: "vendors", Name: v.Name})
	r.log("vendor", v.ID, "create", nil)
	return v.ID, true
}

func (r *importRun) log(entity string, id int64, action string, before any) {
	c := backend.ImportChange{Entity: entity, EntityID: id, Count: 1, Action: action}
	if before != nil {
		b, _ := json.Marshal(before)
		c.Before = string(b)
	}
	r.changes = append(r.changes, c)
}

// problems turns a service's validation error into problems on the row,
// each on the cell of the field it names.
func (r *importRun) problems(rec *sheet.Record, err error, fallback string) {
	var e *backend.Error
	if errors.As(err, &e) && len(e.Fields) > 0 {
		keys := make([]string, 0, len(e.Fields))
		for k := range e.Fields {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			fe := e.Fields[k]
			field := strings.TrimSuffix(strings.TrimSuffix(k, "Ids"), "Id")
			msg := fieldMessages[fe.Key]
			if msg == "" {
				msg = "is not accepted (" + fe.Key + ")"
			}
			if !rec.Has(field) {
				// Not from a cell: name the field, not some other cell.
				rec.Problems = append(rec.Problems, sheet.Problem{Sheet: rec.Sheet, Row: rec.Row, Field: field, Key: fe.Key, Params: fe.Params,
					Message: fmt.Sprintf("Sheet '%s', row %d: %s %s", rec.Sheet, rec.Row, field, msg)})
				continue
			}
			rec.Problem(field, fe.Key, msg, fe.Params)
		}
		return
	}
	r.noteFatal(err)
	rec.Problem(fallback, "import.rejected", "is not accepted: "+backend.ErrorMessage(err), nil)
}

// apply imports one record inside a savepoint (a Batch in the import's
// Batch), so a row that fails part way leaves nothing behind; it returns
// create, update or skip.
func (r *importRun) apply(rec *sheet.Record) string {
	if r.kind == "spend" && !rec.Has("id") {
		// One insert, after every check: nothing to roll back.
		return r.spendNew(rec)
	}
	before, names, added := len(r.changes), len(r.newNames), len(r.added)
	var action string
	outer := r.ctx
	err := r.s.Store.Batch(outer, func(ctx context.Context) error {
		r.ctx = ctx
		defer func() { r.ctx = outer }()
		action = r.applyKind(rec)
		if len(rec.Problems) > 0 {
			return errRowRefused
		}
		return nil
	})
	if err != nil && !errors.Is(err, errRowRefused) {
		r.noteFatal(err)
		rec.Problem("", "import.rejected", err.Error(), nil)
	}
	if len(rec.Problems) > 0 {
		r.changes, r.newNames = r.changes[:before], r.newNames[:names]
		// Names this row added are gone with it.
		for _, a := range r.added[added:] {
			if a.list == "" {
				delete(r.vendors, a.key)
			} else {
				delete(r.lists[a.list], a.key)
			}
		}
		r.added = r.added[:added]
		action = "skip"
	}
	return action
}

func (r *importRun) applyKind(rec *sheet.Record) string {
	switch r.kind {
	case "campaigns":
		return r.campaign(rec)
	case "deliverables":
		return r.deliverable(rec)
	case "spend":
		return r.spendEntry(rec)
	case "budget":
		return r.budgetLine(rec)
	case "vendors":
		return r.vendor(rec)
	case "contracts":
		return r.contract(rec)
	case "assets":
		return r.asset(rec)
	}
	return ""
}

// fieldMessages are the English fallbacks for the validation keys an
// import meets most; the UI shows the translated key.
var fieldMessages = map[string]string{
	"field.required":                "is required",
	"field.too_long":                "is too long",
	"field.date_invalid":            "is not a date",
	"campaign.end_before_start":     "ends before it starts",
	"contract.renewal_before_start": "renews before it starts",
	"spend.amount_zero":             "is zero",
	"vendor.name_taken":             "is already a vendor",
}

// record writes the run and its changes.
func (r *importRun) record(name, sheetName string, out *ImportPreview) (int64, error) {
	run := &backend.ImportRun{Kind: r.kind, FileName: name, Sheet: sheetName, Created: out.Create, Updated: out.Update, Skipped: out.Skip}
	return r.s.Store.RecordImport(r.ctx, run, r.changes)
}

// finish writes what is summed over rows (budget lines).
func (r *importRun) finish(out *ImportPreview) error {
	if r.kind != "budget" {
		return nil
	}
	return r.writeBudgetLines(out)
}
