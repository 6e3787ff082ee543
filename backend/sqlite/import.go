package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"

	"mopsdesk/backend"
	"mopsdesk/backend/sheet"
)

// ImportService brings spreadsheets into every area through one engine
// (backend/sheet): a preview is the import itself, run in a transaction
// that is rolled back, so what the preview counts is what a commit does.
type ImportService struct {
	db           *DB
	lists        *ListService
	campaigns    *CampaignService
	deliverables *DeliverableService
	spend        *SpendService
	budget       *BudgetService
	vendors      *VendorService
	contracts    *ContractService
	assets       *AssetService
}

// NewImportService returns the import service over the area services.
func NewImportService(db *DB, lists *ListService, campaigns *CampaignService, deliverables *DeliverableService, spend *SpendService,
	budget *BudgetService, vendors *VendorService, contracts *ContractService, assets *AssetService) *ImportService {
	return &ImportService{db, lists, campaigns, deliverables, spend, budget, vendors, contracts, assets}
}

// Limits of what a preview returns; counts are always complete.
const (
	previewRows     = 200
	previewProblems = 500
)

var errDryRun = errors.New("dry run")

// Preview runs the import without keeping anything.
func (s *ImportService) Preview(ctx context.Context, path, name string, opts sheet.Options) (*sheet.ImportPreview, error) {
	return s.run(ctx, path, name, opts, false)
}

// Commit imports the file in one transaction and records it for undo. Rows
// with problems refuse the whole import unless opts leaves them out
// (Options.Exclude, or skipProblems for the command line).
func (s *ImportService) Commit(ctx context.Context, path, name string, opts sheet.Options) (*sheet.ImportPreview, error) {
	return s.run(ctx, path, name, opts, true)
}

// run imports (or previews) the file behind one recover: a panic in any
// stage, from reading to storing, becomes an error naming the sheet, row
// and column, and the transaction is rolled back.
func (s *ImportService) run(ctx context.Context, path, name string, opts sheet.Options, commit bool) (out *sheet.ImportPreview, err error) {
	err = sheet.Guard(name, func(at *sheet.Place) error {
		out, err = s.importFile(ctx, path, name, opts, commit, at)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

func (s *ImportService) importFile(ctx context.Context, path, name string, opts sheet.Options, commit bool, at *sheet.Place) (*sheet.ImportPreview, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("import %s: %w", name, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	wb, err := sheet.Open(f, st.Size(), name)
	if err != nil {
		return nil, err
	}
	defer wb.Close()
	wb.Track(at)
	settings, err := settingsOf(ctx, s.db.conn(ctx))
	if err != nil {
		return nil, err
	}
	if opts.Currency == "" {
		opts.Currency = settings.BaseCurrency
	}
	// A calendar that names no year asks for one; month headers without a
	// year (a wide budget) take this one.
	opts.FallbackYear = s.db.Now().Year()
	if opts.Channels, err = s.channelNames(ctx); err != nil {
		return nil, err
	}
	opts.Today = s.db.Now().Format(backend.DayLayout)
	var kindWhy *sheet.Problem
	if opts.Kind == "" {
		opts.Kind, kindWhy = sheet.GuessKindWhy(wb, opts.Sheet, opts.Labels)
	}
	profileUsed := (*sheet.ImportProfile)(nil)
	im, err := sheet.New(wb, opts)
	if err != nil {
		return nil, err
	}
	// A saved profile for the same headers maps the file as last time.
	if opts.Mapping == nil {
		if p, _ := s.profileFor(ctx, opts.Kind, im.Layout.HeaderKey); p != nil {
			o := p.Options
			o.Kind, o.Sheet, o.HeaderRow, o.Fixes, o.Exclude, o.Year = opts.Kind, im.Layout.Sheet, im.Layout.HeaderRow, opts.Fixes, opts.Exclude, opts.Year
			o.FallbackYear, o.Channels, o.Sheets = opts.FallbackYear, opts.Channels, opts.Sheets
			o.SkipProblems, o.ProblemLimit, o.Today = opts.SkipProblems, opts.ProblemLimit, opts.Today
			if o.DateOrder == "" {
				o.DateOrder = opts.DateOrder
			}
			if o.Currency == "" {
				o.Currency = opts.Currency
			}
			if im2, err := sheet.New(wb, o); err == nil {
				im, opts, profileUsed = im2, o, p
			}
		}
	}
	kind := sheet.Kinds[opts.Kind]
	limit := opts.ProblemLimit
	if limit <= 0 {
		limit = previewProblems
	}
	out := &sheet.ImportPreview{FileName: name, Fields: kind.Fields, Profile: profileUsed}
	r := &importRun{s: s, settings: settings, kind: opts.Kind, commit: commit, skipProblems: opts.SkipProblems, convertBudget: opts.ConvertBudget}
	if opts.Kind == "budget" {
		if r.rates, err = s.budget.rates(ctx, settings.BaseCurrency); err != nil {
			return nil, err
		}
	}
	err = s.db.Batch(ctx, func(ctx context.Context) error {
		r.ctx = ctx
		defer r.spendIndexes.restore(ctx, s.db.conn(ctx))
		if err := r.load(); err != nil {
			return err
		}
		err := im.Each(func(rec *sheet.Record) error {
			row := sheet.ImportRow{Row: rec.Row}
			if len(im.Layout.ImportSheets) > 1 {
				row.Sheet = rec.Sheet
			}
			switch {
			case rec.Skip == "missing" && len(rec.Problems) > 0:
				row.Action, row.Reason = "skip", "problem"
				out.ProblemRows++
			case rec.Skip != "":
				row.Action, row.Reason = "skip", rec.Skip
			default:
				if len(rec.Problems) == 0 {
					row.Action = r.apply(rec)
				}
				if len(rec.Problems) > 0 {
					row.Action, row.Reason = "skip", "problem"
					out.ProblemRows++
				} else if row.Action == "skip" {
					row.Reason = "unchanged"
				}
			}
			row.Problems = rec.Problems
			out.ProblemsTotal += len(rec.Problems)
			for _, p := range rec.Problems {
				if len(out.Problems) < limit {
					out.Problems = append(out.Problems, p)
				}
			}
			switch row.Action {
			case "create":
				out.Create++
			case "update":
				out.Update++
			case "line":
				// Counted as budget cells once all rows are read.
			default:
				out.Skip++
			}
			if len(out.Rows) < previewRows {
				row.Values = map[string]string{}
				for k, v := range rec.Values {
					row.Values[k] = v.Text
					if v.Currency != "" {
						row.Values[k] = backend.Money{Amount: v.Int, Currency: v.Currency}.String()
					}
				}
				out.Rows = append(out.Rows, row)
			}
			if r.fatal != nil {
				return r.fatal
			}
			return ctx.Err()
		})
		if err != nil {
			return err
		}
		if err := r.finishSpend(); err != nil {
			return err
		}
		r.closeStatements()
		if err := r.finish(out); err != nil {
			return err
		}
		out.Layout = im.Layout
		out.KindWhy = kindWhy
		r.offerCurrencyChoice(out)
		noteNothingRead(out)
		if len(im.Layout.Missing) > 0 {
			var ps []sheet.Problem
			for _, f := range im.Layout.Missing {
				ps = append(ps, sheet.Problem{Sheet: im.Layout.Sheet, Field: f, Key: "import.unmapped", Params: map[string]any{"field": f},
					Message: fmt.Sprintf("No column holds %s: choose its column, or set one value for every row.", f)})
			}
			out.Problems = append(ps, out.Problems...)
			out.ProblemsTotal += len(ps)
		}
		out.NewNames = r.newNames
		if !commit {
			return errDryRun
		}
		if len(im.Layout.Missing) > 0 {
			return &backend.Error{Code: backend.EINVALID, Message: fmt.Sprintf("No column holds %s: choose its column, or set one value for every row, then import.", strings.Join(im.Layout.Missing, ", ")),
				Fields: map[string]backend.FieldError{"mapping": {Key: "import.unmapped", Params: map[string]any{"field": strings.Join(im.Layout.Missing, ", ")}}}}
		}
		if im.Layout.YearNeeded {
			return &backend.Error{Code: backend.EINVALID, Message: "The calendar names no year; choose its year, then import.",
				Fields: map[string]backend.FieldError{"year": {Key: "import.year_needed"}}}
		}
		if len(im.Layout.Questions) > 0 {
			q := im.Layout.Questions[0]
			return &backend.Error{Code: backend.EINVALID, Message: fmt.Sprintf("Column %s has dates that could be day/month or month/day (%s); choose the order before importing.", q.Column, strings.Join(q.Examples, ", ")),
				Fields: map[string]backend.FieldError{"orders": {Key: "import.order_needed", Params: map[string]any{"column": q.Column}}}}
		}
		if out.ProblemRows > 0 && !r.skipProblems {
			return &backend.Error{Code: backend.EINVALID, Message: fmt.Sprintf("%d rows have problems; fix them or leave them out, then import.", out.ProblemRows),
				Fields: map[string]backend.FieldError{"rows": {Key: "import.problems_left", Params: map[string]any{"count": out.ProblemRows}}}}
		}
		sheetName := im.Layout.Sheet
		if len(im.Layout.ImportSheets) > 1 {
			sheetName = strings.Join(im.Layout.ImportSheets, ", ") // a sheet per month, imported at once
		}
		id, err := r.record(name, sheetName, out)
		out.RunID = id
		return err
	})
	if err != nil && !errors.Is(err, errDryRun) {
		if err = Explain(err); backend.ErrorCode(err) == backend.EDISKFULL {
			s.db.shrinkLog()
		}
		return nil, err
	}
	return out, nil
}

// importRun is one pass over a file's records: name lookups loaded once,
// new list items and vendors created as met, every change logged.
type importRun struct {
	s            *ImportService
	ctx          context.Context
	settings     *backend.Settings
	kind         string
	commit       bool
	skipProblems bool
	lists        map[backend.ListKind]map[string]int64
	campaigns    map[string]int64
	vendors      map[string]int64
	newNames     []sheet.NewName
	added        []addedName
	changes      []change
	years        map[int]bool // fiscal years known to exist
	spendDup     *sql.Stmt
	spendInsert  *sql.Stmt
	spendEmpty   bool  // no spend stored before: nothing to look up
	spendMaxID   int64 // the last spend id before this import
	spendBuf     []any
	spendBulk    bool
	spendMonths  map[string]bool
	spendIndexes spendBulkIndexes // dropped while a large import appends (bulk.go)
	lines        map[lineKey]*lineSum
	contractRows map[string]int // a contract's key in this file → its first row
	// convertBudget converts budget amounts in other currencies at rates.
	convertBudget bool
	rates         *backend.Rates
	currencyCells int    // budget amounts in another currency
	currencyOf    string // the first of them
	lineOrder     []lineKey
	created       int
	// fatal is an error of the computer's (a full disk) that stops the
	// whole import: every later row would fail the same way, slowly.
	fatal error
}

// noteFatal keeps err as the import's fatal error when it is the
// computer's, not the row's.
func (r *importRun) noteFatal(err error) {
	if r.fatal == nil && isEnvironment(Explain(err)) {
		r.fatal = Explain(err)
	}
}

type addedName struct {
	list backend.ListKind // "" for a vendor
	key  string
}

type change struct {
	entity string
	id     int64
	count  int // creates: ids id … id+count-1
	action string
	before string
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
		items, err := r.s.lists.ListItems(r.ctx, k)
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
	rows, err := r.s.db.conn(r.ctx).QueryContext(r.ctx, `SELECT id, name FROM campaigns ORDER BY id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			return err
		}
		if _, ok := r.campaigns[sheet.Norm(name)]; !ok {
			r.campaigns[sheet.Norm(name)] = id
		}
	}
	r.vendors = map[string]int64{}
	vs, err := r.s.vendors.FindVendors(r.ctx)
	if err != nil {
		return err
	}
	for _, v := range vs {
		r.vendors[sheet.Norm(v.Name)] = v.ID
	}
	r.lines = map[lineKey]*lineSum{}
	r.years = map[int]bool{}
	r.spendMonths = map[string]bool{}
	if err := r.s.db.conn(r.ctx).QueryRowContext(r.ctx, `SELECT coalesce(max(id), 0) FROM spend`).Scan(&r.spendMaxID); err != nil {
		return err
	}
	r.spendEmpty = r.spendMaxID == 0
	return rows.Err()
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
	it, err := r.s.lists.CreateListItem(r.ctx, kind, name)
	if err != nil {
		r.noteFatal(err)
		rec.Problem(field, "import.bad_name", "could not be added: "+err.Error(), nil)
		return 0, false
	}
	r.lists[kind][key] = it.ID
	r.added = append(r.added, addedName{kind, key})
	r.newNames = append(r.newNames, sheet.NewName{Kind: string(kind), Name: name})
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
	if err := r.s.vendors.CreateVendor(r.ctx, v); err != nil {
		r.problems(rec, err, "vendor")
		return 0, false
	}
	r.vendors[key] = v.ID
	r.added = append(r.added, addedName{"", key})
	r.newNames = append(r.newNames, sheet.NewName{Kind: "vendors", Name: v.Name})
	r.log("vendor", v.ID, "create", nil)
	return v.ID, true
}

func (r *importRun) log(entity string, id int64, action string, before any) {
	c := change{entity: entity, id: id, count: 1, action: action}
	if before != nil {
		b, _ := json.Marshal(before)
		c.before = string(b)
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

// apply imports one record inside a savepoint, so a row that fails part
// way leaves nothing behind; it returns create, update or skip.
func (r *importRun) apply(rec *sheet.Record) string {
	if r.kind == "spend" && !rec.Has("id") {
		// One insert, after every check: nothing to roll back.
		return r.spendNew(rec)
	}
	tx := r.s.db.conn(r.ctx)
	if _, err := tx.ExecContext(r.ctx, `SAVEPOINT import_row`); err != nil {
		r.noteFatal(err)
		rec.Problem("", "import.rejected", err.Error(), nil)
		return "skip"
	}
	before, names, added := len(r.changes), len(r.newNames), len(r.added)
	var action string
	switch r.kind {
	case "campaigns":
		action = r.campaign(rec)
	case "deliverables":
		action = r.deliverable(rec)
	case "spend":
		action = r.spendEntry(rec)
	case "budget":
		action = r.budgetLine(rec)
	case "vendors":
		action = r.vendor(rec)
	case "contracts":
		action = r.contract(rec)
	case "assets":
		action = r.asset(rec)
	}
	if len(rec.Problems) > 0 {
		tx.ExecContext(r.ctx, `ROLLBACK TO import_row`)
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
	tx.ExecContext(r.ctx, `RELEASE import_row`)
	return action
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

var listTables = map[backend.ListKind]string{backend.ListTeams: "teams", backend.ListChannels: "channels", backend.ListCategories: "spend_categories"}

func (r *importRun) closeStatements() {
	for _, st := range []*sql.Stmt{r.spendDup, r.spendInsert} {
		if st != nil {
			st.Close()
		}
	}
}

// record writes the run and its changes.
func (r *importRun) record(name, sheetName string, out *sheet.ImportPreview) (int64, error) {
	tx := r.s.db.conn(r.ctx)
	res, err := tx.ExecContext(r.ctx, `INSERT INTO import_runs (kind, file_name, sheet, created, updated, skipped, at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		r.kind, name, strings.TrimSpace(sheetName), out.Create, out.Update, out.Skip, r.s.db.timestamp())
	if err != nil {
		return 0, err
	}
	id, _ := res.LastInsertId()
	stmt, err := r.s.db.conn(r.ctx).(interface {
		PrepareContext(context.Context, string) (*sql.Stmt, error)
	}).PrepareContext(r.ctx, `INSERT INTO import_changes (run_id, seq, entity, entity_id, count, action, before) VALUES (?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return 0, err
	}
	defer stmt.Close()
	for i, c := range r.changes {
		if _, err := stmt.ExecContext(r.ctx, id, i, c.entity, c.id, c.count, c.action, c.before); err != nil {
			return 0, err
		}
	}
	return id, nil
}

// finish writes what is summed over rows (budget lines).
func (r *importRun) finish(out *sheet.ImportPreview) error {
	if r.kind != "budget" {
		return nil
	}
	return r.writeBudgetLines(out)
}
