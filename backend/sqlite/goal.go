package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"mopsdesk/backend"
)

// GoalService keeps campaign goals.
type GoalService struct{ db *DB }

// NewGoalService returns a GoalService backed by db.
func NewGoalService(db *DB) *GoalService { return &GoalService{db: db} }

var _ backend.GoalService = (*GoalService)(nil)

func queryGoals(ctx context.Context, q queryer, today, where string, args ...any) ([]*backend.Goal, error) {
	rows, err := q.QueryContext(ctx, `
		SELECT g.id, g.version, g.campaign_id, c.name, g.metric, g.custom_metric, g.target, g.actual, g.unit, g.due_date,
			g.created_at, g.updated_at
		FROM goals g JOIN campaigns c ON c.id = g.campaign_id
		WHERE `+where+` ORDER BY g.due_date, g.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("find goals: %w", err)
	}
	defer rows.Close()
	out := []*backend.Goal{}
	for rows.Next() {
		var g backend.Goal
		if err := rows.Scan(&g.ID, &g.Version, &g.CampaignID, &g.CampaignName, &g.Metric, &g.CustomMetric, &g.Target,
			&g.Actual, &g.Unit, &g.DueDate, &g.CreatedAt, &g.UpdatedAt); err != nil {
			return nil, fmt.Errorf("scan goal: %w", err)
		}
		g.Evaluate(today)
		out = append(out, &g)
	}
	return out, rows.Err()
}

func (s *GoalService) today() string { return backend.Today(s.db.Now()) }

// FindGoals returns a campaign's goals by due day.
func (s *GoalService) FindGoals(ctx context.Context, campaignID int64) ([]*backend.Goal, error) {
	return queryGoals(ctx, s.db.conn(ctx), s.today(), "g.campaign_id = ?", campaignID)
}

// FindGoalsOf returns the goals of many campaigns at once, by due day,
// keyed by campaign ID, in one query.
func (s *GoalService) FindGoalsOf(ctx context.Context, campaignIDs []int64) (map[int64][]*backend.Goal, error) {
	out := map[int64][]*backend.Goal{}
	if len(campaignIDs) == 0 {
		return out, nil
	}
	ids, err := json.Marshal(campaignIDs)
	if err != nil {
		return nil, err
	}
	list, err := queryGoals(ctx, s.db.conn(ctx), s.today(), "g.campaign_id IN (SELECT value FROM json_each(?))", string(ids))
	if err != nil {
		return nil, err
	}
	for _, g := range list {
		out[g.CampaignID] = append(out[g.CampaignID], g)
	}
	return out, nil
}

func findGoalByID(ctx context.Context, q queryer, today string, id int64) (*backend.Goal, error) {
	list, err := queryGoals(ctx, q, today, "g.id = ?", id)
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		return nil, backend.Errorf(backend.ENOTFOUND, "That goal no longer exists.")
	}
	return list[0], nil
}

// CreateGoal validates and stores g, filling in its ID and progress.
func (s *GoalService) CreateGoal(ctx context.Context, g *backend.Goal) error {
	g.Normalize()
	if err := g.Validate(); err != nil {
		return err
	}
	err := s.db.inTx(ctx, func(tx *sql.Tx) error {
		if err := checkItemRefs(ctx, tx, g.CampaignID, 0); err != nil {
			return err
		}
		now := s.db.timestamp()
		res, err := tx.ExecContext(ctx, `
			INSERT INTO goals (campaign_id, metric, custom_metric, target, actual, unit, due_date, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			g.CampaignID, g.Metric, g.CustomMetric, g.Target, g.Actual, g.Unit, g.DueDate, now, now)
		if err != nil {
			return err
		}
		id, _ := res.LastInsertId()
		stored, err := findGoalByID(ctx, tx, s.today(), id)
		if err == nil {
			*g = *stored
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("create goal: %w", err)
	}
	return nil
}

// UpdateGoal applies upd and returns the stored result.
func (s *GoalService) UpdateGoal(ctx context.Context, id int64, upd backend.GoalUpdate) (*backend.Goal, error) {
	var out *backend.Goal
	err := s.db.inTx(ctx, func(tx *sql.Tx) error {
		g, err := findGoalByID(ctx, tx, s.today(), id)
		if err != nil {
			return err
		}
		if err := checkVersion(ctx, tx, "goals", id, "goal", upd.Version, g.Version, g); err != nil {
			return err
		}
		upd.Apply(g)
		g.Normalize()
		if err := g.Validate(); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `
			UPDATE goals SET metric = ?, custom_metric = ?, target = ?, actual = ?, unit = ?, due_date = ?, updated_at = ?
			WHERE id = ?`, g.Metric, g.CustomMetric, g.Target, g.Actual, g.Unit, g.DueDate, s.db.timestamp(), id); err != nil {
			return err
		}
		out, err = findGoalByID(ctx, tx, s.today(), id)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("update goal %d: %w", id, err)
	}
	return out, nil
}

// DeleteGoal removes a goal.
func (s *GoalService) DeleteGoal(ctx context.Context, id, version int64) error {
	return deleteRow(ctx, s.db, "goals", id, "That goal no longer exists.", versionGuard{version, "goal",
		func(tx *sql.Tx) (any, error) { return findGoalByID(ctx, tx, s.today(), id) }})
}
