package backend

import (
	"context"
	"time"
)

// MaxCalendarDays bounds one calendar request: a quarter view with its
// edges fits, a decade does not.
const MaxCalendarDays = 400

// CalendarFilter selects what a calendar view shows. Team, status and tag
// select campaigns, and the deliverables and milestones inside them follow
// their campaign; channel and owner apply to each item's own channel and
// owner.
type CalendarFilter struct {
	From      string           `json:"from"`
	To        string           `json:"to"`
	Search    string           `json:"search"`
	TeamID    int64            `json:"teamId"`
	ChannelID int64            `json:"channelId"`
	Owner     string           `json:"owner"`
	Tag       string           `json:"tag"`
	Statuses  []CampaignStatus `json:"statuses"`
	// Contracts adds the contracts' cancel-by and renewal dates.
	Contracts bool `json:"contracts"`
	// OffTrack keeps campaigns (and their items) with a goal off track
	// as of Today.
	OffTrack bool `json:"offTrack"`
	// All ignores From and To: the whole plan, for an .ics export of
	// everything rather than the range a view shows.
	All bool `json:"all"`
	// PerDay, when above 0, keeps at most that many contract dates,
	// deliverables and milestones on each day of the answer, as a month
	// cell shows, and counts the rest (CalendarShown.More).
	PerDay int    `json:"perDay,omitempty"`
	Today  string `json:"-"`
}

// Validate returns an EINVALID error for a range no view asks for. With
// All set, From and To are cleared: the whole plan has no range.
func (f *CalendarFilter) Validate() error {
	fe := FieldErrors{}
	if f.All {
		f.From, f.To = "", ""
	} else {
		f.validateRange(fe)
	}
	for _, s := range f.Statuses {
		if !s.Valid() {
			fe.Add("statuses", "campaign.status_unknown", map[string]any{"status": string(s)})
		}
	}
	return fe.Err("calendar range")
}

func (f *CalendarFilter) validateRange(fe FieldErrors) {
	from, ok1 := ParseDay(f.From)
	to, ok2 := ParseDay(f.To)
	if !ok1 {
		fe.Add("from", "field.date_invalid", map[string]any{"value": f.From})
	}
	if !ok2 {
		fe.Add("to", "field.date_invalid", map[string]any{"value": f.To})
	}
	if ok1 && ok2 {
		switch days := int(to.Sub(from) / (24 * time.Hour)); {
		case days < 0:
			fe.Add("to", "campaign.end_before_start", nil)
		case days > MaxCalendarDays:
			fe.Add("to", "calendar.range_too_long", map[string]any{"max": MaxCalendarDays})
		}
	}
}

// CampaignFilter returns the campaign part of the filter.
func (f *CalendarFilter) CampaignFilter() CampaignFilter {
	return CampaignFilter{Search: f.Search, TeamID: f.TeamID, ChannelID: f.ChannelID, Owner: f.Owner,
		Tag: f.Tag, Statuses: f.Statuses, From: f.From, To: f.To, OffTrack: f.OffTrack, Today: f.Today}
}

// CalendarData is everything a calendar view draws for a range.
type CalendarData struct {
	From          string         `json:"from"`
	To            string         `json:"to"`
	Campaigns     []*Campaign    `json:"campaigns"`
	Deliverables  []*Deliverable `json:"deliverables"`
	Milestones    []*Milestone   `json:"milestones"`
	ContractDates []ContractDate `json:"contractDates"`
	// Omitted counts, per day, the deliverables and milestones a per-day
	// limit (CalendarFilter.PerDay) left unread: past the first PerDay of
	// their kind on that day, so never among the ones a day shows.
	Omitted map[string]int `json:"-"`
}

// ContractDate is a contract's cancel-by or renewal day on the calendar.
type ContractDate struct {
	ContractID int64        `json:"contractId"`
	Vendor     string       `json:"vendor"`
	Product    string       `json:"product"`
	Kind       ReminderKind `json:"kind"`
	Date       string       `json:"date"`
	UpdatedAt  string       `json:"updatedAt"`
}

// CalendarService reads calendar ranges.
type CalendarService interface {
	CalendarRange(ctx context.Context, f CalendarFilter) (*CalendarData, error)
}
