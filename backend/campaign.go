package backend

import (
	"context"
	"strings"
	"unicode/utf8"
)

// CampaignStatus is where a campaign stands in its life.
type CampaignStatus string

// Campaign statuses, in the order a campaign normally moves through them.
const (
	StatusIdea       CampaignStatus = "idea"
	StatusPlanned    CampaignStatus = "planned"
	StatusInProgress CampaignStatus = "in_progress"
	StatusLive       CampaignStatus = "live"
	StatusCompleted  CampaignStatus = "completed"
	StatusCancelled  CampaignStatus = "cancelled"
)

// CampaignStatuses lists every status in life order.
var CampaignStatuses = []CampaignStatus{StatusIdea, StatusPlanned, StatusInProgress, StatusLive, StatusCompleted, StatusCancelled}

// Valid reports whether s is a known status.
func (s CampaignStatus) Valid() bool {
	for _, v := range CampaignStatuses {
		if s == v {
			return true
		}
	}
	return false
}

// Field limits a marketer will not meet in practice but that keep one
// pasted novel from bloating the database and every export.
const (
	MaxOwnerLength     = 200
	MaxNotesLength     = 20_000
	MaxObjectiveLength = 2_000
)

// Campaign is a piece of planned marketing work over a range of days.
type Campaign struct {
	ID int64 `json:"id"`
	// Version changes on every write of the record; a save names the
	// version it started from (see CheckVersion).
	Version   int64  `json:"version"`
	Name      string `json:"name"`
	Objective string `json:"objective"`
	// TeamID is 0 when not set.
	TeamID   int64  `json:"teamId"`
	TeamName string `json:"teamName"`
	Owner    string `json:"owner"`
	OwnerID  int64  `json:"ownerId"` // the team member the owner is (0: a name only)
	// ChannelIDs are the channels the campaign runs on, in the user's
	// order; ChannelNames follow the same order.
	ChannelIDs   []int64        `json:"channelIds"`
	ChannelNames []string       `json:"channelNames"`
	Tags         []string       `json:"tags"`
	Status       CampaignStatus `json:"status"`
	// StartDate and EndDate are calendar days (YYYY-MM-DD), both inclusive.
	StartDate string `json:"startDate"`
	EndDate   string `json:"endDate"`
	Budget    Money  `json:"budget"`
	// AttributedRevenue is the revenue credited to the campaign, in minor
	// units of the workspace\'s base currency.
	AttributedRevenue int64      `json:"attributedRevenue"`
	Notes             string     `json:"notes"`
	Compliance        Compliance `json:"compliance"`
	CreatedAt         string     `json:"createdAt"`
	UpdatedAt         string     `json:"updatedAt"`
}

// Normalize trims the free-text fields and upper-cases the currency code.
func (c *Campaign) Normalize() {
	c.Name = strings.TrimSpace(c.Name)
	c.Owner = strings.TrimSpace(c.Owner)
	c.Notes = strings.TrimSpace(c.Notes)
	c.Objective = strings.TrimSpace(c.Objective)
	c.Tags = NormalizeTags(c.Tags)
	c.ChannelIDs = uniqueIDs(c.ChannelIDs)
	c.Compliance.Normalize()
	c.Budget.Currency = strings.ToUpper(strings.TrimSpace(c.Budget.Currency))
}

// Validate returns an EINVALID error naming each wrong field. Whether the
// team and channel exist is the store's to check.
func (c *Campaign) Validate() error {
	fe := FieldErrors{}
	switch n := utf8.RuneCountInString(c.Name); {
	case n == 0:
		fe.Add("name", "field.required", nil)
	case n > MaxNameLength:
		fe.Add("name", "field.too_long", map[string]any{"max": MaxNameLength})
	}
	if utf8.RuneCountInString(c.Owner) > MaxOwnerLength {
		fe.Add("owner", "field.too_long", map[string]any{"max": MaxOwnerLength})
	}
	if utf8.RuneCountInString(c.Notes) > MaxNotesLength {
		fe.Add("notes", "field.too_long", map[string]any{"max": MaxNotesLength})
	}
	if utf8.RuneCountInString(c.Objective) > MaxObjectiveLength {
		fe.Add("objective", "field.too_long", map[string]any{"max": MaxObjectiveLength})
	}
	validateTags(fe, c.Tags)
	c.Compliance.validate(fe)
	switch {
	case !c.Status.Valid():
		fe.Add("status", "campaign.status_unknown", map[string]any{"status": string(c.Status)})
	case c.Status == StatusLive && !c.Compliance.AllowsLive():
		fe.Add("status", "campaign.live_needs_approval", map[string]any{"review": string(c.Compliance.Status)})
	}
	start, okStart := ParseDay(c.StartDate)
	end, okEnd := ParseDay(c.EndDate)
	switch {
	case c.StartDate == "":
		fe.Add("startDate", "field.required", nil)
	case !okStart:
		fe.Add("startDate", "field.date_invalid", map[string]any{"value": c.StartDate})
	}
	switch {
	case c.EndDate == "":
		fe.Add("endDate", "field.required", nil)
	case !okEnd:
		fe.Add("endDate", "field.date_invalid", map[string]any{"value": c.EndDate})
	case okStart && end.Before(start):
		fe.Add("endDate", "campaign.end_before_start", nil)
	}
	if c.Budget.Amount < 0 {
		fe.Add("budget", "campaign.budget_negative", nil)
	}
	if c.AttributedRevenue < 0 || c.AttributedRevenue > MaxMoneyAmount {
		fe.Add("attributedRevenue", "campaign.revenue_range", nil)
	}
	c.Budget.validate(fe, "budget")
	if c.TeamID < 0 {
		fe.Add("teamId", "field.reference_unknown", nil)
	}
	for _, id := range c.ChannelIDs {
		if id <= 0 {
			fe.Add("channelIds", "field.reference_unknown", nil)
		}
	}
	return fe.Err("campaign")
}

// CampaignUpdate holds the fields to change; nil means "leave as is".
type CampaignUpdate struct {
	// Version is the version of the record the changes were made to; a
	// save over a newer version is refused (see CheckVersion).
	Version    int64           `json:"version"`
	Name       *string         `json:"name"`
	Objective  *string         `json:"objective"`
	TeamID     *int64          `json:"teamId"`
	Owner      *string         `json:"owner"`
	OwnerID    *int64          `json:"ownerId"`
	ChannelIDs *[]int64        `json:"channelIds"`
	Tags       *[]string       `json:"tags"`
	Status     *CampaignStatus `json:"status"`
	StartDate  *string         `json:"startDate"`
	EndDate    *string         `json:"endDate"`
	Budget     *Money          `json:"budget"`
	Revenue    *int64          `json:"attributedRevenue"`
	Notes      *string         `json:"notes"`
	Compliance *Compliance     `json:"compliance"`
}

// Apply copies the given fields onto c.
func (u CampaignUpdate) Apply(c *Campaign) {
	set(&c.Name, u.Name)
	set(&c.Objective, u.Objective)
	set(&c.TeamID, u.TeamID)
	set(&c.Owner, u.Owner)
	set(&c.OwnerID, u.OwnerID)
	set(&c.ChannelIDs, u.ChannelIDs)
	set(&c.Tags, u.Tags)
	set(&c.Compliance, u.Compliance)
	set(&c.Status, u.Status)
	set(&c.StartDate, u.StartDate)
	set(&c.EndDate, u.EndDate)
	set(&c.Budget, u.Budget)
	set(&c.AttributedRevenue, u.Revenue)
	set(&c.Notes, u.Notes)
}

func set[T any](dst *T, v *T) {
	if v != nil {
		*dst = *v
	}
}

// CampaignSort names the columns a campaign list can be sorted by.
type CampaignSort string

// Sortable campaign columns.
const (
	SortByStart  CampaignSort = "startDate"
	SortByEnd    CampaignSort = "endDate"
	SortByName   CampaignSort = "name"
	SortByStatus CampaignSort = "status"
	SortByBudget CampaignSort = "budget"
	SortByTeam   CampaignSort = "team"
	SortByOwner  CampaignSort = "owner"
)

// MaxPageSize bounds one page of results: Wails encodes every result twice
// and runs it as a script, so big lists are paged.
const MaxPageSize = 500

// CampaignFilter selects campaigns. Zero values mean "any".
type CampaignFilter struct {
	ID *int64 `json:"id"`
	// Search matches name, owner and notes, ignoring case.
	Search    string           `json:"search"`
	TeamID    int64            `json:"teamId"`
	ChannelID int64            `json:"channelId"`
	Owner     string           `json:"owner"`
	Tag       string           `json:"tag"`
	Statuses  []CampaignStatus `json:"statuses"`
	// From and To select campaigns whose range overlaps [From, To].
	From string `json:"from"`
	To   string `json:"to"`
	// OffTrack selects campaigns with a goal off track as of Today: due
	// before it and below its target.
	OffTrack bool         `json:"offTrack"`
	Today    string       `json:"-"`
	Sort     CampaignSort `json:"sort"`
	Desc     bool         `json:"desc"`
	// Offset and Limit page the result; Limit 0 means MaxPageSize.
	Offset int `json:"offset"`
	Limit  int `json:"limit"`
}

// Validate returns an EINVALID error for a filter no query can answer.
func (f *CampaignFilter) Validate() error {
	fe := FieldErrors{}
	if f.From != "" {
		if _, ok := ParseDay(f.From); !ok {
			fe.Add("from", "field.date_invalid", map[string]any{"value": f.From})
		}
	}
	if f.To != "" {
		if _, ok := ParseDay(f.To); !ok {
			fe.Add("to", "field.date_invalid", map[string]any{"value": f.To})
		}
	}
	for _, s := range f.Statuses {
		if !s.Valid() {
			fe.Add("statuses", "campaign.status_unknown", map[string]any{"status": string(s)})
		}
	}
	switch f.Sort {
	case "", SortByStart, SortByEnd, SortByName, SortByStatus, SortByBudget, SortByTeam, SortByOwner:
	default:
		fe.Add("sort", "filter.sort_unknown", map[string]any{"sort": string(f.Sort)})
	}
	if f.Offset < 0 {
		fe.Add("offset", "filter.offset_negative", nil)
	}
	if f.Limit < 0 || f.Limit > MaxPageSize {
		fe.Add("limit", "filter.limit_range", map[string]any{"max": MaxPageSize})
	}
	return fe.Err("campaign filter")
}

// CampaignPage is one page of campaigns and the total that match.
type CampaignPage struct {
	Campaigns []*Campaign `json:"campaigns"`
	Total     int         `json:"total"`
}

// CampaignFacets are the values filters offer: every owner and tag in use.
type CampaignFacets struct {
	Owners []string `json:"owners"`
	Tags   []string `json:"tags"`
}

// CampaignService keeps campaigns.
type CampaignService interface {
	CampaignFacets(ctx context.Context) (*CampaignFacets, error)
	FindCampaignByID(ctx context.Context, id int64) (*Campaign, error)
	FindCampaigns(ctx context.Context, filter CampaignFilter) ([]*Campaign, int, error)
	// AllCampaigns returns every campaign the filter matches, in its
	// order, in one query (Offset and Limit are ignored): for work over
	// all of them, such as a report.
	AllCampaigns(ctx context.Context, filter CampaignFilter) ([]*Campaign, error)
	// CampaignSpans returns the status and dates of every campaign the
	// filter matches (Offset, Limit and the sort are ignored), campaigns
	// alike in all three as one span with their count: what the
	// campaigns-per-month chart needs, in one query.
	CampaignSpans(ctx context.Context, filter CampaignFilter) ([]CampaignSpan, error)
	CreateCampaign(ctx context.Context, c *Campaign) error
	UpdateCampaign(ctx context.Context, id int64, upd CampaignUpdate) (*Campaign, error)
	// DeleteCampaign removes the record unless it changed since version
	// (0: whatever it holds).
	DeleteCampaign(ctx context.Context, id, version int64) error
	// CopyCampaign copies a campaign as a template: its deliverables,
	// milestones and goals come along, shifted to the new start day.
	CopyCampaign(ctx context.Context, id int64, cp CampaignCopy) (*Campaign, error)
	// MoveCampaign gives a campaign new dates and, when asked, moves its
	// deliverables and milestones by as many days as its start moved, all
	// in one transaction.
	MoveCampaign(ctx context.Context, id int64, m CampaignMove) (*CampaignMoved, error)
}

// CampaignMove is a campaign's new dates. With ShiftPlan its deliverables'
// publish days and its milestones' due days move by the days between the
// old and the new start; moving back with ShiftPlan undoes it.
type CampaignMove struct {
	StartDate string `json:"startDate"`
	EndDate   string `json:"endDate"`
	ShiftPlan bool   `json:"shiftPlan"`
	// Version is the version of the campaign the calendar showed.
	Version int64 `json:"version"`
}

// CampaignMoved is the campaign after a move and how much of its plan
// moved with it.
type CampaignMoved struct {
	Campaign *Campaign `json:"campaign"`
	// Days is how far the start moved (negative: earlier).
	Days         int `json:"days"`
	Deliverables int `json:"deliverables"`
	Milestones   int `json:"milestones"`
}

// CampaignCopy says how to copy a campaign: the new name and start day.
// The copy keeps the original's length; its status starts at planned, a
// needed compliance review starts again at pending, deliverables restart
// as ideas, milestones as not done and goals at an actual of zero.
type CampaignCopy struct {
	Name      string `json:"name"`
	StartDate string `json:"startDate"`
}
