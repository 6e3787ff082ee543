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
func (e *Exports) Workspace(req WorkspaceRequest, w io.Writer) error {
	_, err := call(e.s, "Exports.Workspace", func(ctx context.Context) (struct{}, error) {
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
		for _, k := range sheet.KindKeys {
			if len(want) > 0 && !want[k] {
				continue
			}
			if err := x.write(k); err != nil {
				return struct{}{}, err
			}
		}
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
func (e *Exports) List(req ListRequest, w io.Writer) error {
	_, err := call(e.s, "Exports.List", func(ctx context.Context) (struct{}, error) {
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

// exportHeaders are the sheets' column names: the English header the
// importer's synonyms know for each field.
var exportHeaders = map[string][]string{
	"campaigns":    {"ID", "Campaign", "Objective", "Team", "Owner", "Channels", "Tags", "Status", "Start date", "End date", "Budget", "Currency", "Revenue", "Notes"},
	"deliverables": {"ID", "Title", "Publish date", "Campaign", "Type", "Channel", "Owner", "Status", "Notes"},
	"budget":       {"Team", "Category", "Month", "Amount", "Currency"},
	"spend":        {"ID", "Date", "Amount", "Currency", "Team", "Category", "Vendor", "Campaign", "Status", "Reference", "Note"},
	"vendors":      {"ID", "Vendor", "Website", "Category", "Contacts", "Notes"},
	"contracts":    {"ID", "Vendor", "Product", "Owner", "Team", "Category", "Cost", "Currency", "Billing cycle", "Start date", "Term months", "Renewal date", "Auto renew", "Notice days", "Seats purchased", "Seats used", "Status", "Notes"},
	"assets":       {"ID", "File name", "Title", "Tags", "Licence type", "Licence holder", "Usage rights", "Licence start", "Licence expiry", "Campaigns"},
	// Lists only: the workspace workbook has no sheet for these.
	"tasks":    {"ID", "Task", "Due date", "Campaign", "Owner", "Done", "Overdue"},
	"requests": {"ID", "Requested on", "Requester", "Team", "Category", "Amount", "Currency", "Purpose", "Status", "Decided on", "Decided by", "Decision note"},
}

// exportFields are the field keys of exportHeaders' columns, the keys a
// list export's Labels name.
var exportFields = map[string][]string{
	"campaigns":    {"id", "name", "objective", "team", "owner", "channels", "tags", "status", "startDate", "endDate", "budget", "currency", "revenue", "notes"},
	"deliverables": {"id", "title", "publishDate", "campaign", "type", "channel", "owner", "status", "notes"},
	"budget":       {"team", "category", "month", "amount", "currency"},
	"spend":        {"id", "date", "amount", "currency", "team", "category", "vendor", "campaign", "status", "reference", "note"},
	"vendors":      {"id", "name", "website", "category", "contacts", "notes"},
	"contracts":    {"id", "vendor", "product", "owner", "team", "category", "cost", "currency", "billingCycle", "startDate", "termMonths", "renewalDate", "autoRenew", "noticeDays", "seatsPurchased", "seatsUsed", "status", "notes"},
	"assets":       {"id", "fileName", "title", "tags", "licenceType", "licenceHolder", "usageRights", "licenceStart", "licenceExpiry", "campaigns"},
	"tasks":        {"id", "title", "dueDate", "campaign", "owner", "done", "overdue"},
	"requests":     {"id", "requestedOn", "requester", "team", "category", "amount", "currency", "purpose", "status", "decidedOn", "decidedBy", "decisionNote"},
}

var exportSheets = map[string]string{"campaigns": "Campaigns", "deliverables": "Deliverables", "budget": "Budget", "spend": "Spend",
	"vendors": "Vendors", "contracts": "Contracts", "assets": "Assets", "tasks": "Tasks", "requests": "Requests"}

func (x *workspaceBook) write(kind string) error {
	headers := slices.Clone(exportHeaders[kind])
	for i, key := range exportFields[kind] {
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
		if x.list != nil {
			list, err := listed(x, func(c *backend.CalendarData) []*backend.Deliverable { return c.Deliverables }, s.Deliverables.FindDeliverables)
			if err != nil {
				return err
			}
			for _, d := range list {
				if err := row(d); err != nil {
					return err
				}
			}
			return nil
		}
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
			for _, d := range list {
				if err := row(d); err != nil {
					return err
				}
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
				t.Text(r.Amount.Currency), t.Text(r.Purpose), t.Text(string(r.Status)), t.Day(dayOf(decided)), t.Text(by), t.Text(note)); err != nil {
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
