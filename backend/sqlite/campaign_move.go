package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"mopsdesk/backend"
)

// MoveCampaign gives a campaign new dates and, with m.ShiftPlan, moves its
// deliverables and milestones by as many days as its start moved, in one
// transaction: the campaign and its plan move together or not at all.
func (s *CampaignService) MoveCampaign(ctx context.Context, id int64, m backend.CampaignMove) (*backend.CampaignMoved, error) {
	out := &backend.CampaignMoved{}
	err := s.db.inTx(ctx, func(tx *sql.Tx) error {
		before, err := findCampaignByID(ctx, tx, id)
		if err != nil {
			return err
		}
		now := s.db.timestamp()
		c, err := updateCampaign(ctx, tx, id, backend.CampaignUpdate{Version: m.Version, StartDate: &m.StartDate, EndDate: &m.EndDate}, now)
		if err != nil {
			return err
		}
		out.Campaign = c
		oldStart, _ := backend.ParseDay(before.StartDate)
		newStart, _ := backend.ParseDay(c.StartDate)
		out.Days = int(newStart.Sub(oldStart).Hours() / 24)
		if !m.ShiftPlan || out.Days == 0 {
			return nil
		}
		// Calendar days in SQL, as CopyCampaign shifts them.
		mod := fmt.Sprintf("%+d days", out.Days)
		res, err := tx.ExecContext(ctx, `UPDATE deliverables SET publish_date = date(publish_date, ?), updated_at = ? WHERE campaign_id = ?`, mod, now, id)
		if err != nil {
			return err
		}
		n, _ := res.RowsAffected()
		out.Deliverables = int(n)
		res, err = tx.ExecContext(ctx, `UPDATE milestones SET due_date = date(due_date, ?), updated_at = ? WHERE campaign_id = ?`, mod, now, id)
		if err != nil {
			return err
		}
		n, _ = res.RowsAffected()
		out.Milestones = int(n)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("move campaign %d: %w", id, err)
	}
	return out, nil
}
