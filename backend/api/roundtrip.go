package api

import (
	"context"
	"io"
	"slices"
	"strings"

	"mopsdesk/backend"
	"mopsdesk/backend/sheet"
)

// The workspace workbook: one sheet per area, each row with its MOps Desk
// ID and headers the importer maps back, so that a workbook edited in
// Excel or LibreOffice re-imports as an update: changed rows update, new
// rows (no ID) are created, nothing is duplicated.

// WorkspaceFileName is the suggested name of the workspace workbook.
func (e *Exports) WorkspaceFileName() string {
	return "mopsdesk-workspace-" + backend.Today(e.s.Now()) + ".xlsx"
}

// WorkspaceRequest names the areas to export (all when empty: campaigns,
// deliverables, budget, spend, vendors, contracts, assets) and, as for
// lists, the column and sheet names in the user's language.
type WorkspaceRequest struct {
	Areas  []string          `json:"areas"`
	Labels map[string]string `json:"labels"`
}

// Workspace writes the areas to w as one .xlsx workbook.
func (e *Exports) Workspace(ctx context.Context, req WorkspaceRequest, w io.Writer) error {
	_, err := call(ctx, e.s, "Exports.Workspace", func(ctx context.Context) (struct{}, error) {
		want := map[string]bool{}
		for _, a := range req.Areas {
			if sheet.Kinds[a] == nil {
				return struct{}{}, backend.Errorf(backend.EINVALID, "%q is not an area MOps Desk exports.", a)
			}
			want[a] = true
		}
		x := &workspaceBook{ctx: ctx, s: e.s, names: map[int64]string{}, labels: req.Labels}
		if err := eachCampaign(ctx, e.s.Campaigns, backend.CampaignFilter{}, func(c *backend.Campaign) error {
			x.names[c.ID] = c.Name
			return nil
		}); err != nil {
			return struct{}{}, err
		}
		var kinds []string
		for _, k := range sheet.KindKeys {
			if len(want) == 0 || want[k] {
				kinds = append(kinds, k)
			}
		}
		// Sheets written of how many, for the progress bar; Cancel
		// stops between sheets.
		for i, k := range kinds {
			backend.ReportProgress(ctx, backend.Step{Unit: "sheets", Done: int64(i), Total: int64(len(kinds))})
			if err := ctx.Err(); err != nil {
				return struct{}{}, err
			}
			if err := x.write(k); err != nil {
				return struct{}{}, err
			}
		}
		backend.ReportProgress(ctx, backend.Step{Unit: "sheets", Done: int64(len(kinds)), Total: int64(len(kinds))})
		_, err := x.t.WriteTo(w)
		return struct{}{}, err
	})
	return err
}

type workspaceBook struct {
	ctx   context.Context
	s     Services
	t     *sheet.Table
	names map[int64]string
	// list, when set, is a list view's export: its filter applied and
	// every row it shows kept (contract payments too).
	list *ListRequest
	// labels name columns ("startDate") and sheets ("sheet.campaigns") in
	// the user's language.
	labels map[string]string
}

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
	// tasks; without it they are those of CampaignID (0: the standalone
	// ones).
	Calendar   *backend.CalendarFilter `json:"calendar"`
	CampaignID int64                   `json:"campaignId"`
	// FiscalYear is the budget plan's year (0: every year).
	FiscalYear int `json:"fiscalYear"`
	// Labels name the columns in the user's language (field key → name,
	// the names the importer is given back: the file imports again);
	// missing ones are English.
	Labels map[string]string `json:"labels"`
}

// listKinds are the lists that export, with the sheets each writes.
var listKinds = map[string][]string{
	"spend": {"spend"}, "vendors": {"vendors"}, "contracts": {"contracts"}, "deliverables": {"deliverables"},
	"tasks": {"tasks"}, "calendar": {"deliverables", "tasks"}, "budget": {"budget"}, "requests": {"requests"},
}

// ListFileName is the suggested name of a list export.
func (e *Exports) ListFileName(req ListRequest) string {
	return req.Kind + "-" + backend.Today(e.s.Now()) + ".xlsx"
}

// List writes what a list view shows, filters applied, as .xlsx.
func (e *Exports) List(ctx context.Context, req ListRequest, w io.Writer) error {
	_, err := call(ctx, e.s, "Exports.List", func(ctx context.Context) (struct{}, error) {
		sheets, ok := listKinds[req.Kind]
		if !ok {
			return struct{}{}, backend.Errorf(backend.EINVALID, "%q is not a list MOps Desk exports.", req.Kind)
		}
		if req.Calendar != nil {
			if err := req.Calendar.Validate(); err != nil {
				return struct{}{}, err
			}
		}
		x := &workspaceBook{ctx: ctx, s: e.s, names: map[int64]string{}, list: &req, labels: req.Labels}
		for _, kind := range sheets {
			if err := x.write(kind); err != nil {
				return struct{}{}, err
			}
		}
		_, err := x.t.WriteTo(w)
		return struct{}{}, err
	})
	return err
}

// exportColumns are each sheet's columns as "field:Header": the field
// key (what a list export's Labels name, and the importer maps to) and the
// English header the importer's synonyms know.
var exportColumns = map[string][]string{
	"campaigns":    {"id:ID", "name:Campaign", "objective:Objective", "team:Team", "owner:Owner", "channels:Channels", "tags:Tags", "status:Status", "startDate:Start date", "endDate:End date", "budget:Budget", "currency:Currency", "revenue:Revenue", "notes:Notes"},
	"deliverables": {"id:ID", "title:Title", "publishDate:Publish date", "campaign:Campaign", "type:Type", "channel:Channel", "owner:Owner", "status:Status", "notes:Notes"},
	"budget":       {"team:Team", "category:Category", "month:Month", "amount:Amount", "currency:Currency"},
	"spend":        {"id:ID", "date:Date", "amount:Amount", "currency:Currency", "team:Team", "category:Category", "vendor:Vendor", "campaign:Campaign", "status:Status", "reference:Reference", "note:Note"},
	"vendors":      {"id:ID", "name:Vendor", "website:Website", "category:Category", "contacts:Contacts", "notes:Notes"},
	"contracts":    {"id:ID", "vendor:Vendor", "product:Product", "owner:Owner", "team:Team", "category:Category", "cost:Cost", "currency:Currency", "billingCycle:Billing cycle", "startDate:Start date", "termMonths:Term months", "renewalDate:Renewal date", "autoRenew:Auto renew", "noticeDays:Notice days", "seatsPurchased:Seats purchased", "seatsUsed:Seats used", "status:Status", "notes:Notes"},
	"assets":       {"id:ID", "fileName:File name", "title:Title", "tags:Tags", "licenceType:Licence type", "licenceHolder:Licence holder", "usageRights:Usage rights", "licenceStart:Licence start", "licenceExpiry:Licence expiry", "campaigns:Campaigns"},
	// Lists only: the workspace workbook has no sheet for these.
	"tasks":    {"id:ID", "title:Task", "dueDate:Due date", "campaign:Campaign", "owner:Owner", "done:Done", "overdue:Overdue"},
	"requests": {"id:ID", "requestedOn:Requested on", "requester:Requester", "team:Team", "category:Category", "amount:Amount", "currency:Currency", "purpose:Purpose", "status:Status", "decidedOn:Decided on", "decidedBy:Decided by", "decisionNote:Decision note", "neededBy:Needed by", "vendor:Vendor", "campaign:Campaign"},
}

// columnsOf splits a sheet's columns into field keys and English headers.
func columnsOf(kind string) (fields, headers []string) {
	for _, c := range exportColumns[kind] {
		f, h, _ := strings.Cut(c, ":")
		fields, headers = append(fields, f), append(headers, h)
	}
	return fields, headers
}

var exportSheets = map[string]string{"campaigns": "Campaigns", "deliverables": "Deliverables", "budget": "Budget", "spend": "Spend",
	"vendors": "Vendors", "contracts": "Contracts", "assets": "Assets", "tasks": "Tasks", "requests": "Requests"}

func (x *workspaceBook) write(kind string) error {
	fields, headers := columnsOf(kind)
	for i, key := range fields {
		if l := strings.TrimSpace(x.labels[key]); l != "" {
			headers[i] = l
		}
	}
	name := exportSheets[kind]
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
	t := x.t
	yes := func(b bool) any {
		if b {
			return t.Text("yes")
		}
		return t.Text("no")
	}
	ctx, s := x.ctx, x.s
	switch kind {
	case "campaigns":
		lists, err := x.listNames()
		if err != nil {
			return err
		}
		return eachCampaign(ctx, s.Campaigns, backend.CampaignFilter{}, func(c *backend.Campaign) error {
			budget, err := t.Money(c.Budget)
			if err != nil {
				return err
			}
			st, _ := s.Workspace.Settings(ctx)
			revenue, err := t.Money(backend.Money{Amount: c.AttributedRevenue, Currency: st.BaseCurrency})
			if err != nil {
				return err
			}
			var channels []string
			for _, ch := range c.ChannelIDs {
				channels = append(channels, lists[backend.ListChannels][ch])
			}
			return t.Row(t.Number(c.ID), t.Text(c.Name), t.Text(c.Objective), t.Text(c.TeamName), t.Text(c.Owner), t.Text(strings.Join(channels, ", ")),
				t.Text(strings.Join(c.Tags, ", ")), t.Text(string(c.Status)), t.Day(c.StartDate), t.Day(c.EndDate), budget, t.Text(c.Budget.Currency), revenue, t.Text(c.Notes))
		})
	case "deliverables":
		row := func(d *backend.Deliverable) error {
			typ := string(d.Type)
			if d.Type == backend.TypeCustom {
				typ = d.CustomType
			}
			campaign := x.names[d.CampaignID]
			if x.list != nil {
				campaign = d.CampaignName
			}
			return t.Row(t.Number(d.ID), t.Text(d.Title), t.Day(d.PublishDate), t.Text(campaign), t.Text(typ), t.Text(d.ChannelName),
				t.Text(d.Owner), t.Text(string(d.Status)), t.Text(d.Notes))
		}
		// A list's deliverables; or, in the workbook, every campaign's
		// (and the standalone ones).
		var all []*backend.Deliverable
		if x.list != nil {
			var err error
			if all, err = listed(x, func(c *backend.CalendarData) []*backend.Deliverable { return c.Deliverables }, s.Deliverables.FindDeliverables); err != nil {
				return err
			}
		} else {
			ids := []int64{0}
			for cid := range x.names {
				ids = append(ids, cid)
			}
			slices.Sort(ids)
			for _, cid := range ids {
				list, err := s.Deliverables.FindDeliverables(ctx, cid)
				if err != nil {
					return err
				}
				all = append(all, list...)
			}
		}
		for _, d := range all {
			if err := row(d); err != nil {
				return err
			}
		}
		return nil
	case "budget":
		years, err := s.Budget.FiscalYears(ctx)
		if err != nil {
			return err
		}
		lists, err := x.listNames()
		if err != nil {
			return err
		}
		st, err := s.Workspace.Settings(ctx)
		if err != nil {
			return err
		}
		if x.list != nil && x.list.FiscalYear != 0 {
			years = []int{x.list.FiscalYear}
		}
		for _, y := range years {
			p, err := s.Budget.BudgetPlan(ctx, y)
			if err != nil {
				return err
			}
			for _, l := range p.Lines {
				from, _ := backend.FiscalPeriodRange(y, st.FiscalYearStartMonth, p.Granularity, l.Period)
				amount, err := t.Money(backend.Money{Amount: l.Amount, Currency: p.Currency})
				if err != nil {
					return err
				}
				if err := t.Row(t.Text(lists[backend.ListTeams][l.TeamID]), t.Text(lists[backend.ListCategories][l.CategoryID]), t.Day(from), amount, t.Text(p.Currency)); err != nil {
					return err
				}
			}
		}
		return nil
	case "spend":
		f := backend.SpendFilter{}
		if x.list != nil {
			f = x.list.Spend
		}
		f.Offset, f.Limit = 0, backend.MaxPageSize
		for {
			page, err := s.Spend.FindSpend(ctx, f)
			if err != nil {
				return err
			}
			for _, sp := range page.Entries {
				if sp.ContractID != 0 && x.list == nil {
					continue // in the workbook, a contract's payments follow the contract
				}
				amount, err := t.Money(sp.Amount)
				if err != nil {
					return err
				}
				if err := t.Row(t.Number(sp.ID), t.Day(sp.Date), amount, t.Text(sp.Amount.Currency), t.Text(sp.TeamName), t.Text(sp.CategoryName),
					t.Text(sp.Vendor), t.Text(sp.CampaignName), t.Text(string(sp.Status)), t.Text(sp.Reference), t.Text(sp.Note)); err != nil {
					return err
				}
			}
			if len(page.Entries) < f.Limit {
				return nil
			}
			f.Offset += len(page.Entries)
		}
	case "vendors":
		list, err := s.Vendors.FindVendors(ctx)
		if err != nil {
			return err
		}
		for _, v := range list {
			if err := t.Row(t.Number(v.ID), t.Text(v.Name), t.Text(v.Website), t.Text(string(v.Category)), t.Text(v.Contacts), t.Text(v.Notes)); err != nil {
				return err
			}
		}
		return nil
	case "contracts":
		vendorID := int64(0)
		if x.list != nil {
			vendorID = x.list.VendorID
		}
		list, err := s.Contracts.FindContracts(ctx, vendorID)
		if err != nil {
			return err
		}
		for _, c := range list {
			cost, err := t.Money(c.Cost)
			if err != nil {
				return err
			}
			if err := t.Row(t.Number(c.ID), t.Text(c.VendorName), t.Text(c.Product), t.Text(c.Owner), t.Text(c.TeamName), t.Text(c.CategoryName), cost,
				t.Text(c.Cost.Currency), t.Text(string(c.BillingCycle)), t.Day(c.StartDate), t.Number(int64(c.TermMonths)), t.Day(c.RenewalDate), yes(c.AutoRenew),
				t.Number(int64(c.NoticeDays)), t.Number(int64(c.SeatsBought)), t.Number(int64(c.SeatsUsed)), t.Text(string(c.Status)), t.Text(c.Notes)); err != nil {
				return err
			}
		}
		return nil
	case "tasks":
		list, err := listed(x, func(c *backend.CalendarData) []*backend.Milestone { return c.Milestones }, s.Milestones.FindMilestones)
		if err != nil {
			return err
		}
		for _, m := range list {
			if err := t.Row(t.Number(m.ID), t.Text(m.Title), t.Day(m.DueDate), t.Text(m.CampaignName), t.Text(m.Owner), yes(m.Done), yes(m.Overdue)); err != nil {
				return err
			}
		}
		return nil
	case "requests":
		list, err := s.Requests.FindRequests(ctx, "")
		if err != nil {
			return err
		}
		for _, r := range list {
			amount, err := t.Money(r.Amount)
			if err != nil {
				return err
			}
			var decided, by, note string
			for _, h := range r.History {
				if h.Action != "requested" {
					decided, by, note = h.At, h.Actor, h.Note
				}
			}
			if err := t.Row(t.Number(r.ID), t.Day(dayOf(r.CreatedAt)), t.Text(r.Requester), t.Text(r.TeamName), t.Text(r.CategoryName), amount,
				t.Text(r.Amount.Currency), t.Text(r.Purpose), t.Text(string(r.Status)), t.Day(dayOf(decided)), t.Text(by), t.Text(note),
				t.Day(r.Date), t.Text(r.Vendor), t.Text(r.CampaignName)); err != nil {
				return err
			}
		}
		return nil
	case "assets":
		f := backend.AssetFilter{Limit: backend.MaxPageSize}
		for {
			page, err := s.Assets.FindAssets(ctx, f)
			if err != nil {
				return err
			}
			for _, a := range page.Assets {
				file := ""
				if n := len(a.Versions); n > 0 {
					file = a.Versions[n-1].FileName
				}
				var campaigns []string
				for _, cid := range a.CampaignIDs {
					campaigns = append(campaigns, x.names[cid])
				}
				if err := t.Row(t.Number(a.ID), t.Text(file), t.Text(a.Title), t.Text(strings.Join(a.Tags, ", ")), t.Text(a.Licence.Type), t.Text(a.Licence.Holder),
					t.Text(a.Licence.UsageRights), t.Day(a.Licence.Start), t.Day(a.Licence.Expiry), t.Text(strings.Join(campaigns, ", "))); err != nil {
					return err
				}
			}
			if len(page.Assets) < f.Limit {
				return nil
			}
			f.Offset += len(page.Assets)
		}
	}
	return nil
}

// listed returns a list view's deliverables or tasks: those in the
// calendar's range and filter, or those of one campaign.
func listed[T any](x *workspaceBook, fromCalendar func(*backend.CalendarData) []T, ofCampaign func(context.Context, int64) ([]T, error)) ([]T, error) {
	if f := x.list.Calendar; f != nil {
		cf := *f
		cf.Today = backend.Today(x.s.Now())
		data, err := x.s.Calendar.CalendarRange(x.ctx, cf)
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

func (x *workspaceBook) listNames() (map[backend.ListKind]map[int64]string, error) {
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
