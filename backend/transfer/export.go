package transfer

// The workspace workbook: one sheet per area, each row with its MOps Desk
// ID and headers the importer maps back, so that a workbook edited in
// Excel or LibreOffice re-imports as an update: changed rows update, new
// rows (no ID) are created, nothing is duplicated. A list export writes
// the same columns for what a list view shows, its filter applied.

import (
	"context"
	"io"
	"strings"

	"mopsdesk/backend"
	"mopsdesk/backend/sheet"
)

// ListRequest is a list view's export: which list, with the filter on
// screen. The columns are the workspace workbook's, so the file imports
// back.
type ListRequest struct {
	// Kind is spend, vendors, contracts, deliverables, tasks, calendar
	// (deliverables and tasks, a sheet each), budget or requests.
	Kind     string              `json:"kind"`
	Spend    backend.SpendFilter `json:"spend"`
	VendorID int64               `json:"vendorId"`
	// Calendar is the calendar's range and filter, for deliverables and
	// tasks (the facade sets its Today); without it they are those of
	// CampaignID (0: the standalone ones).
	Calendar   *backend.CalendarFilter `json:"calendar"`
	CampaignID int64                   `json:"campaignId"`
	// FiscalYear is the budget plan's year (0: every year).
	FiscalYear int `json:"fiscalYear"`
	// Labels name the columns in the user's language (field key → name);
	// missing ones are English.
	Labels map[string]string `json:"labels"`
}

// listKinds are the lists that export, with the sheets each writes.
var listKinds = map[string][]string{
	"spend": {"spend"}, "vendors": {"vendors"}, "contracts": {"contracts"}, "deliverables": {"deliverables"},
	"tasks": {"tasks"}, "calendar": {"deliverables", "tasks"}, "budget": {"budget"}, "requests": {"requests"},
}

// WriteWorkspace writes the areas (all when none are named: campaigns,
// deliverables, budget, spend, vendors, contracts, assets) to w as one
// .xlsx workbook; labels name columns ("startDate") and sheets
// ("sheet.campaigns") in the user's language.
func (s *Service) WriteWorkspace(ctx context.Context, areas []string, labels map[string]string, w io.Writer) error {
	want := map[string]bool{}
	for _, a := range areas {
		if sheet.Kinds[a] == nil {
			return backend.Errorf(backend.EINVALID, "%q is not an area MOps Desk exports.", a)
		}
		want[a] = true
	}
	x := &book{ctx: ctx, s: s.s, names: map[int64]string{}, labels: labels}
	if err := backend.EachCampaign(ctx, s.s.Campaigns, backend.CampaignFilter{}, func(c *backend.Campaign) error {
		x.names[c.ID] = c.Name
		return nil
	}); err != nil {
		return err
	}
	var kinds []string
	for _, k := range sheet.KindKeys {
		if len(want) == 0 || want[k] {
			kinds = append(kinds, k)
		}
	}
	// Sheets written of how many, for the progress bar; Cancel stops
	// between sheets.
	for i, k := range kinds {
		backend.ReportProgress(ctx, backend.Step{Unit: "sheets", Done: int64(i), Total: int64(len(kinds))})
		if err := ctx.Err(); err != nil {
			return backend.Canceled(err)
		}
		if err := x.write(k); err != nil {
			return err
		}
	}
	backend.ReportProgress(ctx, backend.Step{Unit: "sheets", Done: int64(len(kinds)), Total: int64(len(kinds))})
	_, err := x.t.WriteTo(w)
	return err
}

// WriteList writes what a list view shows, filters applied, as .xlsx.
func (s *Service) WriteList(ctx context.Context, req ListRequest, w io.Writer) error {
	sheets, ok := listKinds[req.Kind]
	if !ok {
		return backend.Errorf(backend.EINVALID, "%q is not a list MOps Desk exports.", req.Kind)
	}
	if req.Calendar != nil {
		if err := req.Calendar.Validate(); err != nil {
			return err
		}
	}
	x := &book{ctx: ctx, s: s.s, names: map[int64]string{}, list: &req, labels: req.Labels}
	for _, kind := range sheets {
		if err := x.write(kind); err != nil {
			return err
		}
	}
	_, err := x.t.WriteTo(w)
	return err
}

// book is a workbook being written, a sheet per kind.
type book struct {
	ctx   context.Context
	s     Services
	t     *sheet.Table
	names map[int64]string // campaign names by id
	// list, when set, is a list view's export: its filter applied and
	// every row it shows kept (contract payments too).
	list *ListRequest
	// labels name columns ("startDate") and sheets ("sheet.campaigns") in
	// the user's language.
	labels map[string]string
}

// write adds the kind's sheet, its headers in the user's language, and
// its rows.
func (x *book) write(kind string) error {
	k := sheet.ExportKind(kind)
	fields, headers := k.ExportColumns()
	for i, key := range fields {
		if l := strings.TrimSpace(x.labels[key]); l != "" {
			headers[i] = l
		}
	}
	name := k.Sheet
	if l := sheetName(x.labels["sheet."+kind]); l != "" {
		name = l
	}
	widths := make([]float64, len(headers))
	for i, h := range headers {
		widths[i] = float64(max(len(h)+4, 12))
		if h == "ID" {
			widths[i] = 8
		}
	}
	var err error
	if x.t == nil {
		x.t, err = sheet.NewTable(name, headers, widths)
	} else {
		err = x.t.AddSheet(name, headers, widths)
	}
	if err != nil {
		return err
	}
	rows := map[string]func() error{"campaigns": x.campaigns, "deliverables": x.deliverables, "budget": x.budget, "spend": x.spend,
		"vendors": x.vendors, "contracts": x.contracts, "tasks": x.tasks, "requests": x.requests, "assets": x.assets}
	return rows[kind]()
}

// yes is a yes/no cell.
func (x *book) yes(b bool) any {
	if b {
		return x.t.Text("yes")
	}
	return x.t.Text("no")
}

// listed returns a list view's deliverables or tasks: those in the
// calendar's range and filter, or those of one campaign.
func listed[T any](x *book, fromCalendar func(*backend.CalendarData) []T, ofCampaign func(context.Context, int64) ([]T, error)) ([]T, error) {
	if f := x.list.Calendar; f != nil {
		all := *f
		all.PerDay = 0 // a workbook lists every item, not what a month cell shows
		data, err := x.s.Calendar.CalendarRange(x.ctx, all)
		if err != nil {
			return nil, err
		}
		return fromCalendar(data), nil
	}
	return ofCampaign(x.ctx, x.list.CampaignID)
}

// sheetName makes a name Excel accepts for a sheet: no :\/?*[] and at
// most 31 characters ("" stays "").
func sheetName(s string) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`:\/?*[]`, r) {
			return ' '
		}
		return r
	}, strings.TrimSpace(s))
	if r := []rune(s); len(r) > 31 {
		s = string(r[:31])
	}
	return strings.TrimSpace(s)
}

// dayOf is the calendar day of a stored timestamp ("" stays "").
func dayOf(ts string) string {
	if len(ts) < 10 {
		return ts
	}
	return ts[:10]
}

func (x *book) listNames() (map[backend.ListKind]map[int64]string, error) {
	out := map[backend.ListKind]map[int64]string{}
	for _, k := range []backend.ListKind{backend.ListTeams, backend.ListChannels, backend.ListCategories} {
		items, err := x.s.Lists.ListItems(x.ctx, k)
		if err != nil {
			return nil, err
		}
		out[k] = map[int64]string{}
		for _, it := range items {
			out[k][it.ID] = it.Name
		}
	}
	return out, nil
}
