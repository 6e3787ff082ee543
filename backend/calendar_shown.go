package backend

// CalendarShown is what the calendar views draw for a range: the
// campaigns, deliverables and milestones of a CalendarData reduced to the
// fields the views and the item forms read, with names said once (teams,
// channels, campaigns out of the range) rather than on every item. With a
// per-day limit (CalendarFilter.PerDay) each day keeps only the items a
// month cell shows, and More counts the rest.
type CalendarShown struct {
	From          string                `json:"from"`
	To            string                `json:"to"`
	Campaigns     []CalendarCampaign    `json:"campaigns"`
	Deliverables  []CalendarDeliverable `json:"deliverables"`
	Milestones    []CalendarMilestone   `json:"milestones"`
	ContractDates []ContractDate        `json:"contractDates"`
	// Teams and Channels name the teams and channels of the campaigns.
	Teams    map[int64]string `json:"teams"`
	Channels map[int64]string `json:"channels"`
	// CampaignNames names the campaigns of deliverables and milestones
	// whose campaign is not in Campaigns (it does not overlap the range).
	CampaignNames map[int64]string `json:"campaignNames,omitempty"`
	// More counts, per day, the contract dates, deliverables and
	// milestones left out by the per-day limit.
	More map[string]int `json:"more,omitempty"`
}

// CalendarCampaign is a campaign's bar on the calendar.
type CalendarCampaign struct {
	ID int64 `json:"id"`
	// Version is the record's version; a drag sends it back (see
	// CheckVersion).
	Version    int64          `json:"version"`
	Name       string         `json:"name"`
	TeamID     int64          `json:"teamId"`
	ChannelIDs []int64        `json:"channelIds"`
	Status     CampaignStatus `json:"status"`
	StartDate  string         `json:"startDate"`
	EndDate    string         `json:"endDate"`
}

// CalendarDeliverable is a deliverable on the calendar, with what its
// form edits; empty fields are left out.
type CalendarDeliverable struct {
	ID int64 `json:"id"`
	// Version is the record's version; a drag sends it back (see
	// CheckVersion).
	Version     int64             `json:"version"`
	CampaignID  int64             `json:"campaignId,omitempty"`
	Title       string            `json:"title"`
	Type        DeliverableType   `json:"type"`
	CustomType  string            `json:"customType,omitempty"`
	PublishDate string            `json:"publishDate"`
	ChannelID   int64             `json:"channelId,omitempty"`
	Owner       string            `json:"owner,omitempty"`
	Status      DeliverableStatus `json:"status"`
	Notes       string            `json:"notes,omitempty"`
	Overdue     bool              `json:"overdue,omitempty"`
}

// CalendarMilestone is a milestone on the calendar, with what its form
// edits; empty fields are left out.
type CalendarMilestone struct {
	ID int64 `json:"id"`
	// Version is the record's version; a drag sends it back (see
	// CheckVersion).
	Version    int64  `json:"version"`
	CampaignID int64  `json:"campaignId"`
	Title      string `json:"title"`
	Owner      string `json:"owner,omitempty"`
	DueDate    string `json:"dueDate"`
	Done       bool   `json:"done,omitempty"`
	Overdue    bool   `json:"overdue,omitempty"`
}

// Shown reduces d to what the views draw, keeping at most perDay items
// (contract dates, then deliverables, then milestones, in d's order) on
// each day when perDay > 0.
func (d *CalendarData) Shown(perDay int) *CalendarShown {
	out := &CalendarShown{From: d.From, To: d.To, Teams: map[int64]string{}, Channels: map[int64]string{},
		Campaigns: make([]CalendarCampaign, 0, len(d.Campaigns)), ContractDates: []ContractDate{},
		Deliverables: []CalendarDeliverable{}, Milestones: []CalendarMilestone{}}
	listed := map[int64]bool{}
	for _, c := range d.Campaigns {
		listed[c.ID] = true
		ids := c.ChannelIDs
		if ids == nil {
			ids = []int64{}
		}
		out.Campaigns = append(out.Campaigns, CalendarCampaign{ID: c.ID, Version: c.Version, Name: c.Name, TeamID: c.TeamID,
			ChannelIDs: ids, Status: c.Status, StartDate: c.StartDate, EndDate: c.EndDate})
		if c.TeamID != 0 {
			out.Teams[c.TeamID] = c.TeamName
		}
		for i, id := range c.ChannelIDs {
			if i < len(c.ChannelNames) {
				out.Channels[id] = c.ChannelNames[i]
			}
		}
	}
	named := func(id int64, name string) {
		if id != 0 && !listed[id] {
			if out.CampaignNames == nil {
				out.CampaignNames = map[int64]string{}
			}
			out.CampaignNames[id] = name
		}
	}
	seen := map[string]int{}
	// fits counts an item on its day and says whether the day still has room.
	fits := func(day string) bool {
		seen[day]++
		if perDay <= 0 || seen[day] <= perDay {
			return true
		}
		if out.More == nil {
			out.More = map[string]int{}
		}
		out.More[day]++
		return false
	}
	for _, c := range d.ContractDates {
		if fits(c.Date) {
			out.ContractDates = append(out.ContractDates, c)
		}
	}
	for _, x := range d.Deliverables {
		if fits(x.PublishDate) {
			named(x.CampaignID, x.CampaignName)
			out.Deliverables = append(out.Deliverables, CalendarDeliverable{ID: x.ID, Version: x.Version, CampaignID: x.CampaignID, Title: x.Title,
				Type: x.Type, CustomType: x.CustomType, PublishDate: x.PublishDate, ChannelID: x.ChannelID, Owner: x.Owner,
				Status: x.Status, Notes: x.Notes, Overdue: x.Overdue})
		}
	}
	for _, m := range d.Milestones {
		if fits(m.DueDate) {
			named(m.CampaignID, m.CampaignName)
			out.Milestones = append(out.Milestones, CalendarMilestone{ID: m.ID, Version: m.Version, CampaignID: m.CampaignID, Title: m.Title,
				Owner: m.Owner, DueDate: m.DueDate, Done: m.Done, Overdue: m.Overdue})
		}
	}
	for day, n := range d.Omitted {
		if out.More == nil {
			out.More = map[string]int{}
		}
		out.More[day] += n
	}
	return out
}
