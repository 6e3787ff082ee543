package sqlite

import (
	"context"
	"fmt"

	"mopsdesk/backend"
)

// DashboardService reads what the dashboard shows of campaigns, goals and
// work, each part one aggregate query however many campaigns there are.
type DashboardService struct{ db *DB }

var _ backend.DashboardService = (*DashboardService)(nil)

// NewDashboardService returns the dashboard queries over db.
func NewDashboardService(db *DB) *DashboardService { return &DashboardService{db: db} }

// PlanningOverview counts the campaigns running in [from, to] by status
// and channel, evaluates their goals, and lists upcoming launches and
// deliverables and overdue tasks as of today.
func (s *DashboardService) PlanningOverview(ctx context.Context, from, to, today string) (*backend.PlanningOverview, error) {
	t, ok := backend.ParseDay(today)
	if !ok {
		return nil, fmt.Errorf("dashboard: bad day %q", today)
	}
	q := s.db.conn(ctx)
	out := &backend.PlanningOverview{}
	var err error
	running := `c.start_date <= ? AND c.end_date >= ?`
	if out.ByStatus, err = namedCounts(ctx, q, `SELECT c.status, c.status, count(*) FROM campaigns c WHERE `+running+` GROUP BY c.status ORDER BY count(*) DESC, c.status`, to, from); err != nil {
		return nil, fmt.Errorf("dashboard statuses: %w", err)
	}
	if out.ByChannel, err = namedCounts(ctx, q, `SELECT ch.id, ch.name, count(*) FROM campaigns c JOIN campaign_channels cc ON cc.campaign_id = c.id
		JOIN channels ch ON ch.id = cc.channel_id WHERE `+running+` GROUP BY ch.id ORDER BY count(*) DESC, ch.name`, to, from); err != nil {
		return nil, fmt.Errorf("dashboard channels: %w", err)
	}
	goals, err := queryGoals(ctx, q, today, `c.start_date <= ? AND c.end_date >= ?`, to, from)
	if err != nil {
		return nil, err
	}
	out.OffTrack = []*backend.Goal{}
	for _, g := range goals {
		if g.OffTrack {
			out.GoalsOffTrack++
			if len(out.OffTrack) < backend.DashboardListLen {
				out.OffTrack = append(out.OffTrack, g)
			}
		} else {
			out.GoalsOnTrack++
		}
	}
	day := func(d int) string { return t.AddDate(0, 0, d).Format(backend.DayLayout) }
	if out.Launches, err = dashboardItems(ctx, q, &out.LaunchesCount, `SELECT c.id, c.name, c.start_date, c.id, c.name, c.owner FROM campaigns c
		WHERE c.start_date BETWEEN ? AND ? AND c.status NOT IN ('cancelled', 'completed') ORDER BY c.start_date, c.name`, today, day(backend.LaunchDays)); err != nil {
		return nil, fmt.Errorf("dashboard launches: %w", err)
	}
	if out.Deliverables, err = dashboardItems(ctx, q, &out.DeliverablesCount, `SELECT d.id, d.title, d.publish_date, coalesce(c.id, 0), coalesce(c.name, ''), d.owner
		FROM deliverables d LEFT JOIN campaigns c ON c.id = d.campaign_id
		WHERE d.publish_date BETWEEN ? AND ? AND d.status <> 'published' ORDER BY d.publish_date, d.title`, today, day(backend.DeliverableDays)); err != nil {
		return nil, fmt.Errorf("dashboard deliverables: %w", err)
	}
	if out.OverdueTasks, err = dashboardItems(ctx, q, &out.OverdueTaskCount, `SELECT m.id, m.title, m.due_date, coalesce(c.id, 0), coalesce(c.name, ''), m.owner
		FROM milestones m LEFT JOIN campaigns c ON c.id = m.campaign_id
		WHERE m.due_date < ? AND NOT m.done ORDER BY m.due_date, m.title`, today); err != nil {
		return nil, fmt.Errorf("dashboard overdue tasks: %w", err)
	}
	return out, nil
}

// namedCounts reads rows of key, name and count.
func namedCounts(ctx context.Context, q queryer, query string, args ...any) ([]backend.NamedCount, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	list := []backend.NamedCount{}
	for rows.Next() {
		var c backend.NamedCount
		if err := rows.Scan(&c.Key, &c.Name, &c.Count); err != nil {
			return nil, err
		}
		list = append(list, c)
	}
	return list, rows.Err()
}

// dashboardItems counts the rows of query into count and reads the first
// backend.DashboardListLen of them: id, title, date, campaign and owner.
func dashboardItems(ctx context.Context, q dbtx, count *int, query string, args ...any) ([]backend.DashboardItem, error) {
	if err := q.QueryRowContext(ctx, `SELECT count(*) FROM (`+query+`)`, args...).Scan(count); err != nil {
		return nil, err
	}
	rows, err := q.QueryContext(ctx, query+fmt.Sprintf(" LIMIT %d", backend.DashboardListLen), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	list := []backend.DashboardItem{}
	for rows.Next() {
		var it backend.DashboardItem
		if err := rows.Scan(&it.ID, &it.Title, &it.Date, &it.CampaignID, &it.CampaignName, &it.Owner); err != nil {
			return nil, err
		}
		list = append(list, it)
	}
	return list, rows.Err()
}
