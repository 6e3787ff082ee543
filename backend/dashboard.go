package backend

import "context"

// NamedCount is how many items one name (a status, a channel) has.
type NamedCount struct {
	Key   string `json:"key"`
	Name  string `json:"name"`
	Count int    `json:"count"`
}

// DashboardItem is one line of a dashboard list: a launch, a deliverable
// or an overdue task, with what it belongs to.
type DashboardItem struct {
	ID           int64  `json:"id"`
	Title        string `json:"title"`
	Date         string `json:"date"`
	CampaignID   int64  `json:"campaignId"`
	CampaignName string `json:"campaignName"`
	Owner        string `json:"owner"`
}

// PlanningOverview is what the dashboard shows of campaigns and work for a
// period [From, To], as of Today.
type PlanningOverview struct {
	ByStatus  []NamedCount `json:"byStatus"`
	ByChannel []NamedCount `json:"byChannel"`
	// Goals of the campaigns running in the period.
	GoalsOnTrack  int     `json:"goalsOnTrack"`
	GoalsOffTrack int     `json:"goalsOffTrack"`
	OffTrack      []*Goal `json:"offTrack"`
	// Launches start within LaunchDays of today; deliverables are due
	// within DeliverableDays and not published.
	Launches          []DashboardItem `json:"launches"`
	Deliverables      []DashboardItem `json:"deliverables"`
	OverdueTasks      []DashboardItem `json:"overdueTasks"`
	OverdueTaskCount  int             `json:"overdueTaskCount"`
	DeliverablesCount int             `json:"deliverablesCount"`
	LaunchesCount     int             `json:"launchesCount"`
}

// Dashboard windows and list lengths.
const (
	LaunchDays       = 30
	DeliverableDays  = 14
	DashboardListLen = 8
)

// DashboardService reads the planning side of the dashboard.
type DashboardService interface {
	PlanningOverview(ctx context.Context, from, to, today string) (*PlanningOverview, error)
}
