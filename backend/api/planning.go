package api

import (
	"context"

	"mopsdesk/backend"
)

// Deliverables is the facade for content pieces.
type Deliverables struct{ s Services }

// Find returns a campaign's deliverables, or the standalone ones for 0.
func (d *Deliverables) Find(ctx context.Context, campaignID int64) ([]*backend.Deliverable, error) {
	return call(ctx, d.s, "Deliverables.Find", func(ctx context.Context) ([]*backend.Deliverable, error) {
		return d.s.Deliverables.FindDeliverables(ctx, campaignID)
	})
}

// Create validates and stores a deliverable.
func (d *Deliverables) Create(ctx context.Context, in backend.Deliverable) (*backend.Deliverable, error) {
	return call(ctx, d.s, "Deliverables.Create", func(ctx context.Context) (*backend.Deliverable, error) {
		in.ID = 0
		err := d.s.Deliverables.CreateDeliverable(ctx, &in)
		return &in, err
	})
}

// Update changes the given fields of a deliverable.
func (d *Deliverables) Update(ctx context.Context, id int64, upd backend.DeliverableUpdate) (*backend.Deliverable, error) {
	return call(ctx, d.s, "Deliverables.Update", func(ctx context.Context) (*backend.Deliverable, error) {
		if err := backend.RequireVersion("deliverable", upd.Version); err != nil {
			return nil, err
		}
		return d.s.Deliverables.UpdateDeliverable(ctx, id, upd)
	})
}

// Delete removes a deliverable.
func (d *Deliverables) Delete(ctx context.Context, id, version int64) error {
	_, err := call(ctx, d.s, "Deliverables.Delete", func(ctx context.Context) (struct{}, error) {
		if err := backend.RequireVersion("deliverable", version); err != nil {
			return struct{}{}, err
		}
		return struct{}{}, d.s.Deliverables.DeleteDeliverable(ctx, id, version)
	})
	return err
}

// Milestones is the facade for milestones and tasks.
type Milestones struct{ s Services }

// Find returns a campaign's milestones, or the standalone ones for 0.
func (m *Milestones) Find(ctx context.Context, campaignID int64) ([]*backend.Milestone, error) {
	return call(ctx, m.s, "Milestones.Find", func(ctx context.Context) ([]*backend.Milestone, error) {
		return m.s.Milestones.FindMilestones(ctx, campaignID)
	})
}

// Create validates and stores a milestone.
func (m *Milestones) Create(ctx context.Context, in backend.Milestone) (*backend.Milestone, error) {
	return call(ctx, m.s, "Milestones.Create", func(ctx context.Context) (*backend.Milestone, error) {
		in.ID = 0
		err := m.s.Milestones.CreateMilestone(ctx, &in)
		return &in, err
	})
}

// Update changes the given fields of a milestone.
func (m *Milestones) Update(ctx context.Context, id int64, upd backend.MilestoneUpdate) (*backend.Milestone, error) {
	return call(ctx, m.s, "Milestones.Update", func(ctx context.Context) (*backend.Milestone, error) {
		if err := backend.RequireVersion("milestone", upd.Version); err != nil {
			return nil, err
		}
		return m.s.Milestones.UpdateMilestone(ctx, id, upd)
	})
}

// Delete removes a milestone.
func (m *Milestones) Delete(ctx context.Context, id, version int64) error {
	_, err := call(ctx, m.s, "Milestones.Delete", func(ctx context.Context) (struct{}, error) {
		if err := backend.RequireVersion("milestone", version); err != nil {
			return struct{}{}, err
		}
		return struct{}{}, m.s.Milestones.DeleteMilestone(ctx, id, version)
	})
	return err
}

// MyWeek lists what owner has due in the week from weekStart, and what is late.
func (m *Milestones) MyWeek(ctx context.Context, owner, weekStart string) (*backend.MyWeek, error) {
	return call(ctx, m.s, "Milestones.MyWeek", func(ctx context.Context) (*backend.MyWeek, error) {
		return m.s.Milestones.MyWeek(ctx, owner, weekStart)
	})
}

// Goals is the facade for campaign goals.
type Goals struct{ s Services }

// Find returns a campaign's goals with their progress.
func (g *Goals) Find(ctx context.Context, campaignID int64) ([]*backend.Goal, error) {
	return call(ctx, g.s, "Goals.Find", func(ctx context.Context) ([]*backend.Goal, error) {
		goals, err := g.s.Goals.FindGoals(ctx, campaignID)
		if err != nil {
			return nil, err
		}
		return goals, fillGoals(ctx, g.s, goals)
	})
}

// Create validates and stores a goal.
func (g *Goals) Create(ctx context.Context, in backend.Goal) (*backend.Goal, error) {
	return call(ctx, g.s, "Goals.Create", func(ctx context.Context) (*backend.Goal, error) {
		in.ID = 0
		if err := g.s.Goals.CreateGoal(ctx, &in); err != nil {
			return nil, err
		}
		return &in, fillGoals(ctx, g.s, []*backend.Goal{&in})
	})
}

// Update changes the given fields of a goal.
func (g *Goals) Update(ctx context.Context, id int64, upd backend.GoalUpdate) (*backend.Goal, error) {
	return call(ctx, g.s, "Goals.Update", func(ctx context.Context) (*backend.Goal, error) {
		if err := backend.RequireVersion("goal", upd.Version); err != nil {
			return nil, err
		}
		goal, err := g.s.Goals.UpdateGoal(ctx, id, upd)
		if err != nil {
			return nil, err
		}
		return goal, fillGoals(ctx, g.s, []*backend.Goal{goal})
	})
}

// Delete removes a goal.
func (g *Goals) Delete(ctx context.Context, id, version int64) error {
	_, err := call(ctx, g.s, "Goals.Delete", func(ctx context.Context) (struct{}, error) {
		if err := backend.RequireVersion("goal", version); err != nil {
			return struct{}{}, err
		}
		return struct{}{}, g.s.Goals.DeleteGoal(ctx, id, version)
	})
	return err
}

// Calendar is the facade for calendar views.
type Calendar struct{ s Services }

// Range returns what a calendar view draws between two days, reduced to
// the fields the views read (and to f.PerDay items a day when set).
func (c *Calendar) Range(ctx context.Context, f backend.CalendarFilter) (*backend.CalendarShown, error) {
	return call(ctx, c.s, "Calendar.Range", func(ctx context.Context) (*backend.CalendarShown, error) {
		f.Today = backend.Today(c.s.Now())
		data, err := c.s.Calendar.CalendarRange(ctx, f)
		if err != nil {
			return nil, err
		}
		return data.Shown(f.PerDay), nil
	})
}
