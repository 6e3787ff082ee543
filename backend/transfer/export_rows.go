package transfer

import (
	"slices"
	"strings"

	"mopsdesk/backend"
)

// The rows of each sheet, in the order of its kind's export columns
// (sheet.Kind.ExportColumns).

func (x *book) campaigns() error {
	t, ctx := x.t, x.ctx
	lists, err := x.listNames()
	if err != nil {
		return err
	}
	// Attributed revenue is in the workspace currency.
	st, err := x.s.Workspace.Settings(ctx)
	if err != nil {
		return err
	}
	return backend.EachCampaign(ctx, x.s.Campaigns, backend.CampaignFilter{}, func(c *backend.Campaign) error {
		budget, err := t.Money(c.Budget)
		if err != nil {
			return err
		}
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
}

// deliverables are a list's; or, in the workbook, every campaign's (and
// the standalone ones).
func (x *book) deliverables() error {
	t := x.t
	var all []*backend.Deliverable
	if x.list != nil {
		var err error
		if all, err = listed(x, func(c *backend.CalendarData) []*backend.Deliverable { return c.Deliverables }, x.s.Deliverables.FindDeliverables); err != nil {
			return err
		}
	} else {
		ids := []int64{0}
		for cid := range x.names {
			ids = append(ids, cid)
		}
		slices.Sort(ids)
		for _, cid := range ids {
			list, err := x.s.Deliverables.FindDeliverables(x.ctx, cid)
			if err != nil {
				return err
			}
			all = append(all, list...)
		}
	}
	for _, d := range all {
		typ := string(d.Type)
		if d.Type == backend.TypeCustom {
			typ = d.CustomType
		}
		campaign := x.names[d.CampaignID]
		if x.list != nil {
			campaign = d.CampaignName
		}
		if err := t.Row(t.Number(d.ID), t.Text(d.Title), t.Day(d.PublishDate), t.Text(campaign), t.Text(typ), t.Text(d.ChannelName),
			t.Text(d.Owner), t.Text(string(d.Status)), t.Text(d.Notes)); err != nil {
			return err
		}
	}
	return nil
}

func (x *book) budget() error {
	t, ctx := x.t, x.ctx
	years, err := x.s.Budget.FiscalYears(ctx)
	if err != nil {
		return err
	}
	lists, err := x.listNames()
	if err != nil {
		return err
	}
	st, err := x.s.Workspace.Settings(ctx)
	if err != nil {
		return err
	}
	if x.list != nil && x.list.FiscalYear != 0 {
		years = []int{x.list.FiscalYear}
	}
	for _, y := range years {
		p, err := x.s.Budget.BudgetPlan(ctx, y)
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
}

func (x *book) spend() error {
	t := x.t
	f := backend.SpendFilter{}
	if x.list != nil {
		f = x.list.Spend
	}
	f.Offset, f.Limit = 0, backend.MaxPageSize
	for {
		page, err := x.s.Spend.FindSpend(x.ctx, f)
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
}

func (x *book) vendors() error {
	t := x.t
	list, err := x.s.Vendors.FindVendors(x.ctx)
	if err != nil {
		return err
	}
	for _, v := range list {
		if err := t.Row(t.Number(v.ID), t.Text(v.Name), t.Text(v.Website), t.Text(string(v.Category)), t.Text(v.Contacts), t.Text(v.Notes)); err != nil {
			return err
		}
	}
	return nil
}

func (x *book) contracts() error {
	t := x.t
	vendorID := int64(0)
	if x.list != nil {
		vendorID = x.list.VendorID
	}
	list, err := x.s.Contracts.FindContracts(x.ctx, vendorID)
	if err != nil {
		return err
	}
	for _, c := range list {
		cost, err := t.Money(c.Cost)
		if err != nil {
			return err
		}
		if err := t.Row(t.Number(c.ID), t.Text(c.VendorName), t.Text(c.Product), t.Text(c.Owner), t.Text(c.TeamName), t.Text(c.CategoryName), cost,
			t.Text(c.Cost.Currency), t.Text(string(c.BillingCycle)), t.Day(c.StartDate), t.Number(int64(c.TermMonths)), t.Day(c.RenewalDate), x.yes(c.AutoRenew),
			t.Number(int64(c.NoticeDays)), t.Number(int64(c.SeatsBought)), t.Number(int64(c.SeatsUsed)), t.Text(string(c.Status)), t.Text(c.Notes)); err != nil {
			return err
		}
	}
	return nil
}

func (x *book) tasks() error {
	t := x.t
	list, err := listed(x, func(c *backend.CalendarData) []*backend.Milestone { return c.Milestones }, x.s.Milestones.FindMilestones)
	if err != nil {
		return err
	}
	for _, m := range list {
		if err := t.Row(t.Number(m.ID), t.Text(m.Title), t.Day(m.DueDate), t.Text(m.CampaignName), t.Text(m.Owner), x.yes(m.Done), x.yes(m.Overdue)); err != nil {
			return err
		}
	}
	return nil
}

func (x *book) requests() error {
	t := x.t
	list, err := x.s.Requests.FindRequests(x.ctx, "")
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
}

func (x *book) assets() error {
	t := x.t
	f := backend.AssetFilter{Limit: backend.MaxPageSize}
	for {
		page, err := x.s.Assets.FindAssets(x.ctx, f)
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
