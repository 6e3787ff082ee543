package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"mopsdesk/backend"
)

// MilestoneService keeps milestones and tasks.
type MilestoneService struct{ db *DB }

// NewMilestoneService returns a MilestoneService backed by db.
func NewMilestoneService(db *DB) *MilestoneService { return &MilestoneService{db: db} }

var _ backend.MilestoneService = (*MilestoneService)(nil)

const milestoneSelect = `
	SELECT m.id, m.version, coalesce(m.campaign_id, 0), coalesce(c.name, ''), m.title, m.owner, m.due_date, m.done,
		m.created_at, m.updated_at, coalesce(m.owner_id, 0)
	FROM milestones m
	LEFT JOIN campaigns c ON c.id = m.campaign_id`

func queryMilestones(ctx context.Context, q queryer, today, where string, args ...any) ([]*backend.Milestone, error) {
	rows, err := q.QueryContext(ctx, milestoneSelect+" WHERE "+where+" ORDER BY m.due_date, m.id", args...)
	if err != nil {
		return nil, fmt.Errorf("find milestones: %w", err)
	}
	defer rows.Close()
	out := []*backend.Milestone{}
	for rows.Next() {
		var m backend.Milestone
		if err := rows.Scan(&m.ID, &m.Version, &m.CampaignID, &m.CampaignName, &m.Title, &m.Owner, &m.DueDate, &m.Done,
			&m.CreatedAt, &m.UpdatedAt, &m.OwnerID); err != nil {
			return nil, fmt.Errorf("scan milestone: %w", err)
		}
		m.Overdue = !m.Done && m.DueDate < today
		out = append(out, &m)
	}
	return out, rows.Err()
}

func (s *MilestoneService) today() string { return backend.Today(s.db.Now()) }

// FindMilestoneByID returns one milestone or ENOTFOUND.
func (s *MilestoneService) FindMilestoneByID(ctx context.Context, id int64) (*backend.Milestone, error) {
	return findMilestoneByID(ctx, s.db.conn(ctx), s.today(), id)
}

func findMilestoneByID(ctx context.Context, q queryer, today string, id int64) (*backend.Milestone, error) {
	list, err := queryMilestones(ctx, q, today, "m.id = ?", id)
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		return nil, backend.Errorf(backend.ENOTFOUND, "That milestone no longer exists.")
	}
	return list[0], nil
}

// FindMilestones returns a campaign's milestones, or the standalone ones
// for campaignID 0.
func (s *MilestoneService) FindMilestones(ctx context.Context, campaignID int64) ([]*backend.Milestone, error) {
	if campaignID == 0 {
		return queryMilestones(ctx, s.db.conn(ctx), s.today(), "m.campaign_id IS NULL")
	}
	return queryMilestones(ctx, s.db.conn(ctx), s.today(), "m.campaign_id = ?", campaignID)
}

// CreateMilestone validates and stores m, filling in its ID.
func (s *MilestoneService) CreateMilestone(ctx context.Context, m *backend.Milestone) error {
	m.Normalize()
	if err := m.Validate(); err != nil {
		return err
	}
	if err := s.db.resolveOwner(ctx, &m.Owner, &m.OwnerID, "", 0, "milestone"); err != nil {
		return err
	}
	err := s.db.inTx(ctx, func(tx *sql.Tx) error {
		if err := checkItemRefs(ctx, tx, m.CampaignID, 0); err != nil {
			return err
		}
		now := s.db.timestamp()
		res, err := tx.ExecContext(ctx, `
			INSERT INTO milestones (campaign_id, title, owner, due_date, done, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`,
			nullID(m.CampaignID), m.Title, m.Owner, m.DueDate, m.Done, now, now)
		if err != nil {
			return err
		}
		id, _ := res.LastInsertId()
		if err := setOwnerID(ctx, tx, "milestones", id, m.OwnerID); err != nil {
			return err
		}
		stored, err := findMilestoneByID(ctx, tx, s.today(), id)
		if err == nil {
			*m = *stored
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("create milestone: %w", err)
	}
	return nil
}

// UpdateMilestone applies upd and returns the stored result.
func (s *MilestoneService) UpdateMilestone(ctx context.Context, id int64, upd backend.MilestoneUpdate) (*backend.Milestone, error) {
	var out *backend.Milestone
	err := s.db.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.db.updateOwner(ctx, tx, "milestones", id, &upd.Owner, &upd.OwnerID, "milestone"); err != nil {
			return err
		}
		m, err := findMilestoneByID(ctx, tx, s.today(), id)
		if err != nil {
			return err
		}
		if err := checkVersion(ctx, tx, "milestones", id, "milestone", upd.Version, m.Version, m); err != nil {
			return err
		}
		upd.Apply(m)
		m.Normalize()
		if err := m.Validate(); err != nil {
			return err
		}
		if err := checkItemRefs(ctx, tx, m.CampaignID, 0); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `
			UPDATE milestones SET campaign_id = ?, title = ?, owner = ?, due_date = ?, done = ?, updated_at = ?, owner_id = ?
			WHERE id = ?`, nullID(m.CampaignID), m.Title, m.Owner, m.DueDate, m.Done, s.db.timestamp(), nullID(m.OwnerID), id); err != nil {
			return err
		}
		out, err = findMilestoneByID(ctx, tx, s.today(), id)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("update milestone %d: %w", id, err)
	}
	return out, nil
}

// DeleteMilestone removes a milestone.
func (s *MilestoneService) DeleteMilestone(ctx context.Context, id, version int64) error {
	return deleteRow(ctx, s.db, "milestones", id, "That milestone no longer exists.", versionGuard{version, "milestone",
		func(tx *sql.Tx) (any, error) { return findMilestoneByID(ctx, tx, s.today(), id) }})
}

// MyWeek lists the milestones and deliverables owner has due in the seven
// days from weekStart, and those already late before it. A call made for
// someone (backend.ActorFrom) lists theirs: what names them as its member,
// or by their name what names no member.
func (s *MilestoneService) MyWeek(ctx context.Context, owner, weekStart string) (*backend.MyWeek, error) {
	actor := backend.ActorFrom(ctx)
	if actor != nil {
		owner = actor.Name
	}
	start, ok := backend.ParseDay(weekStart)
	fe := backend.FieldErrors{}
	if !ok {
		fe.Add("weekStart", "field.date_invalid", map[string]any{"value": weekStart})
	}
	if owner == "" {
		fe.Add("owner", "field.required", nil)
	}
	if err := fe.Err("week"); err != nil {
		return nil, err
	}
	// whose is the condition on table alias t's owner, with its arguments.
	whose := func(t string) (string, []any) {
		if actor == nil {
			return t + ".owner = ? COLLATE NOCASE", []any{owner}
		}
		return "(" + t + ".owner_id = ? OR (" + t + ".owner_id IS NULL AND " + t + ".owner = ? COLLATE NOCASE))", []any{actor.PersonID, owner}
	}
	mine, mArgs := whose("m")
	dMine, dArgs := whose("d")
	w := &backend.MyWeek{Owner: owner, From: weekStart, To: start.AddDate(0, 0, 6).Format(backend.DayLayout)}
	today := s.today()
	var err error
	q := s.db.conn(ctx)
	if w.Milestones, err = queryMilestones(ctx, q, today, mine+" AND m.due_date BETWEEN ? AND ?", append(mArgs, w.From, w.To)...); err != nil {
		return nil, err
	}
	if w.OverdueMilestones, err = queryMilestones(ctx, q, today, mine+" AND m.due_date < ? AND m.due_date < ? AND NOT m.done", append(mArgs, w.From, today)...); err != nil {
		return nil, err
	}
	if w.Deliverables, err = queryDeliverables(ctx, q, today, dMine+" AND d.publish_date BETWEEN ? AND ?", append(dArgs, w.From, w.To)...); err != nil {
		return nil, err
	}
	if w.OverdueDeliverables, err = queryDeliverables(ctx, q, today, dMine+" AND d.publish_date < ? AND d.publish_date < ? AND d.status <> 'published'", append(dArgs, w.From, today)...); err != nil {
		return nil, err
	}
	return w, nil
}
