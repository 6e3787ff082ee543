package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"mopsdesk/backend"
)

// CopyCampaign copies a campaign with its deliverables, milestones and
// goals, all dates shifted by the distance between the two start days, in
// one transaction.
func (s *CampaignService) CopyCampaign(ctx context.Context, id int64, cp backend.CampaignCopy) (*backend.Campaign, error) {
	var out *backend.Campaign
	err := s.db.inTx(ctx, func(tx *sql.Tx) error {
		src, err := findCampaignByID(ctx, tx, id)
		if err != nil {
			return err
		}
		newStart, ok := backend.ParseDay(cp.StartDate)
		if !ok {
			fe := backend.FieldErrors{}
			fe.Add("startDate", "field.date_invalid", map[string]any{"value": cp.StartDate})
			return fe.Err("copy")
		}
		oldStart, _ := backend.ParseDay(src.StartDate)
		days := int(newStart.Sub(oldStart) / (24 * time.Hour))
		shift := func(day string) string {
			t, ok := backend.ParseDay(day)
			if !ok {
				return day
			}
			return t.AddDate(0, 0, days).Format(backend.DayLayout)
		}
		c := *src
		c.ID = 0
		c.Name = strings.TrimSpace(cp.Name)
		c.StartDate, c.EndDate = shift(src.StartDate), shift(src.EndDate)
		c.Status = backend.StatusPlanned
		if c.Compliance.Status != backend.ReviewNotNeeded {
			c.Compliance = backend.Compliance{Status: backend.ReviewPending}
		}
		c.Normalize()
		if err := c.Validate(); err != nil {
			return err
		}
		now := s.db.timestamp()
		newID, err := insertCampaign(ctx, tx, &c, now)
		if err != nil {
			return err
		}
		if err := setOwnerID(ctx, tx, "campaigns", newID, c.OwnerID); err != nil {
			return err
		}
		// Dates shift in SQL with date(day, '+N days'), which is calendar
		// arithmetic on the day alone.
		mod := fmt.Sprintf("%+d days", days)
		for _, stmt := range []string{
			`INSERT INTO deliverables (campaign_id, title, type, custom_type, publish_date, channel_id, owner, status, notes, created_at, updated_at, owner_id)
			 SELECT ?, title, type, custom_type, date(publish_date, ?), channel_id, owner, 'idea', notes, ?, ?, owner_id
			 FROM deliverables WHERE campaign_id = ? ORDER BY id`,
			`INSERT INTO milestones (campaign_id, title, owner, due_date, done, created_at, updated_at, owner_id)
			 SELECT ?, title, owner, date(due_date, ?), 0, ?, ?, owner_id FROM milestones WHERE campaign_id = ? ORDER BY id`,
			`INSERT INTO goals (campaign_id, metric, custom_metric, target, actual, unit, due_date, created_at, updated_at)
			 SELECT ?, metric, custom_metric, target, '0', unit, date(due_date, ?), ?, ? FROM goals WHERE campaign_id = ? ORDER BY id`,
		} {
			if _, err := tx.ExecContext(ctx, stmt, newID, mod, now, now, id); err != nil {
				return err
			}
		}
		out, err = findCampaignByID(ctx, tx, newID)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("copy campaign %d: %w", id, err)
	}
	return out, nil
}
