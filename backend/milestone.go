package backend

import (
	"context"
	"strings"
)

// Milestone is a task or checkpoint with a due day, inside a campaign or
// standalone.
type Milestone struct {
	ID int64 `json:"id"`
	// Version changes on every write of the record; a save names the
	// version it started from (see CheckVersion).
	Version      int64  `json:"version"`
	CampaignID   int64  `json:"campaignId"`
	CampaignName string `json:"campaignName"`
	Title        string `json:"title"`
	Owner        string `json:"owner"`
	OwnerID      int64  `json:"ownerId"` // the team member the owner is (0: a name only)
	DueDate      string `json:"dueDate"`
	Done         bool   `json:"done"`
	// Overdue is set when the due day has passed and it is not done.
	Overdue   bool   `json:"overdue"`
	CreatedAt string `json:"createdAt"`
	UpdatedAt string `json:"updatedAt"`
}

// Normalize trims the text fields.
func (m *Milestone) Normalize() {
	m.Title = strings.TrimSpace(m.Title)
	m.Owner = strings.TrimSpace(m.Owner)
}

// Validate returns an EINVALID error naming each wrong field.
func (m *Milestone) Validate() error {
	fe := FieldErrors{}
	validateName(fe, "title", m.Title)
	validateText(fe, "owner", m.Owner, MaxOwnerLength)
	validateDay(fe, "dueDate", m.DueDate)
	if m.CampaignID < 0 {
		fe.Add("campaignId", "field.reference_unknown", nil)
	}
	return fe.Err("milestone")
}

// MilestoneUpdate holds the fields to change; nil means "leave as is".
type MilestoneUpdate struct {
	// Version is the version of the record the changes were made to; a
	// save over a newer version is refused (see CheckVersion).
	Version    int64   `json:"version"`
	CampaignID *int64  `json:"campaignId"`
	Title      *string `json:"title"`
	Owner      *string `json:"owner"`
	OwnerID    *int64  `json:"ownerId"`
	DueDate    *string `json:"dueDate"`
	Done       *bool   `json:"done"`
}

// Apply copies the given fields onto m.
func (u MilestoneUpdate) Apply(m *Milestone) {
	set(&m.CampaignID, u.CampaignID)
	set(&m.Title, u.Title)
	set(&m.Owner, u.Owner)
	set(&m.OwnerID, u.OwnerID)
	set(&m.DueDate, u.DueDate)
	set(&m.Done, u.Done)
}

// MyWeek is what one owner has due in a week, plus what is already late.
type MyWeek struct {
	Owner string `json:"owner"`
	// From and To bound the week (inclusive).
	From         string         `json:"from"`
	To           string         `json:"to"`
	Milestones   []*Milestone   `json:"milestones"`
	Deliverables []*Deliverable `json:"deliverables"`
	// Overdue items are due before From and not done / not published.
	OverdueMilestones   []*Milestone   `json:"overdueMilestones"`
	OverdueDeliverables []*Deliverable `json:"overdueDeliverables"`
}

// MilestoneService keeps milestones and tasks.
type MilestoneService interface {
	FindMilestoneByID(ctx context.Context, id int64) (*Milestone, error)
	// FindMilestones returns the milestones of one campaign (campaignID
	// > 0) or the standalone ones (campaignID == 0), by due day.
	FindMilestones(ctx context.Context, campaignID int64) ([]*Milestone, error)
	CreateMilestone(ctx context.Context, m *Milestone) error
	UpdateMilestone(ctx context.Context, id int64, upd MilestoneUpdate) (*Milestone, error)
	// DeleteMilestone removes the record unless it changed since version
	// (0: whatever it holds).
	DeleteMilestone(ctx context.Context, id, version int64) error
	// MyWeek lists what owner has due from weekStart for seven days.
	MyWeek(ctx context.Context, owner, weekStart string) (*MyWeek, error)
}
