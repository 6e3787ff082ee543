package sqlite

import (
	"context"
	"fmt"
	"strings"

	"mopsdesk/backend"
)

// CalendarService reads what calendar views draw.
type CalendarService struct{ db *DB }

// NewCalendarService returns a CalendarService backed by db.
func NewCalendarService(db *DB) *CalendarService { return &CalendarService{db: db} }

var _ backend.CalendarService = (*CalendarService)(nil)

// CalendarRange returns the campaigns overlapping the range and the
// deliverables and milestones dated in it (everything when f.All is set),
// filtered as f says.
func (s *CalendarService) CalendarRange(ctx context.Context, f backend.CalendarFilter) (*backend.CalendarData, error) {
	if err := f.Validate(); err != nil {
		return nil, err
	}
	today := backend.Today(s.db.Now())
	out := &backend.CalendarData{From: f.From, To: f.To}
	cf := f.CampaignFilter()
	cf.Limit = 1 << 30 // the range bounds the result; no paging here
	var err error
	if out.Campaigns, _, err = findCampaigns(ctx, s.db.conn(ctx), cf); err != nil {
		return nil, err
	}
	where, args := itemWhere(f, "d", "d.publish_date")
	if err = omitted(ctx, s.db.conn(ctx), out, "deliverables d", "d.publish_date", where, args, f.PerDay); err != nil {
		return nil, err
	}
	where, args = perDayWhere(where, args, "deliverables d", "d.publish_date", f.PerDay)
	if out.Deliverables, err = queryDeliverables(ctx, s.db.conn(ctx), today, where, args...); err != nil {
		return nil, err
	}
	where, args = itemWhere(f, "m", "m.due_date")
	if err = omitted(ctx, s.db.conn(ctx), out, "milestones m", "m.due_date", where, args, f.PerDay); err != nil {
		return nil, err
	}
	where, args = perDayWhere(where, args, "milestones m", "m.due_date", f.PerDay)
	if out.Milestones, err = queryMilestones(ctx, s.db.conn(ctx), today, where, args...); err != nil {
		return nil, err
	}
	out.ContractDates = []backend.ContractDate{}
	if f.Contracts {
		list, err := queryContracts(ctx, s.db.conn(ctx), today, "c.status <> 'ended'")
		if err != nil {
			return nil, err
		}
		for _, c := range list {
			if (f.TeamID != 0 && c.TeamID != f.TeamID) || (f.Owner != "" && !strings.EqualFold(f.Owner, c.Owner)) {
				continue
			}
			for _, d := range []backend.ContractDate{
				{Kind: backend.RemindCancel, Date: c.Schedule.CancelBy},
				{Kind: backend.RemindRenewal, Date: c.Schedule.NextRenewal},
			} {
				if d.Date != "" && (f.All || d.Date >= f.From && d.Date <= f.To) {
					d.ContractID, d.Vendor, d.Product, d.UpdatedAt = c.ID, c.VendorName, c.Product, c.UpdatedAt
					out.ContractDates = append(out.ContractDates, d)
				}
			}
		}
	}
	return out, nil
}

// perDayWhere narrows an item filter (table "deliverables d" or
// "milestones m") to the first perDay items of each day, by id: the order
// the calendar lists them in. perDay <= 0 keeps every item.
func perDayWhere(where string, args []any, table, dateCol string, perDay int) (string, []any) {
	if perDay <= 0 {
		return where, args
	}
	alias := table[len(table)-1:]
	first := alias + ".id IN (SELECT id FROM (SELECT " + alias + ".id, row_number() OVER (PARTITION BY " + dateCol +
		" ORDER BY " + alias + ".id) AS rn FROM " + table + " WHERE " + where + ") WHERE rn <= ?)"
	out := append(append(append([]any{}, args...), args...), perDay)
	return where + " AND " + first, out
}

// omitted counts into d.Omitted, per day, the items of a filter that
// perDayWhere leaves out.
func omitted(ctx context.Context, q queryer, d *backend.CalendarData, table, dateCol, where string, args []any, perDay int) error {
	if perDay <= 0 {
		return nil
	}
	rows, err := q.QueryContext(ctx, "SELECT "+dateCol+", count(*) FROM "+table+" WHERE "+where+
		" GROUP BY "+dateCol+" HAVING count(*) > ?", append(append([]any{}, args...), perDay)...)
	if err != nil {
		return fmt.Errorf("count calendar items: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var day string
		var n int
		if err := rows.Scan(&day, &n); err != nil {
			return fmt.Errorf("count calendar items: %w", err)
		}
		if d.Omitted == nil {
			d.Omitted = map[string]int{}
		}
		d.Omitted[day] += n - perDay
	}
	return rows.Err()
}

// itemWhere filters deliverables (alias d) or milestones (alias m): team,
// status and tag through their campaign; channel on a deliverable's own
// channel (its campaign's when it has none) or a milestone's campaign;
// owner and search on the item itself.
func itemWhere(f backend.CalendarFilter, alias, dateCol string) (string, []any) {
	where := []string{"1 = 1"}
	var args []any
	if !f.All {
		where, args = []string{dateCol + " BETWEEN ? AND ?"}, []any{f.From, f.To}
	}
	if f.TeamID != 0 || f.Tag != "" || len(f.Statuses) > 0 || f.OffTrack {
		cw, cargs := campaignWhere(backend.CampaignFilter{TeamID: f.TeamID, Tag: f.Tag, Statuses: f.Statuses, OffTrack: f.OffTrack, Today: f.Today})
		where = append(where, alias+".campaign_id IN (SELECT c.id FROM campaigns c WHERE "+strings.Join(cw, " AND ")+")")
		args = append(args, cargs...)
	}
	if f.ChannelID != 0 {
		inCampaign := alias + ".campaign_id IN (SELECT campaign_id FROM campaign_channels WHERE channel_id = ?)"
		if alias == "d" {
			// A deliverable with no channel of its own runs on its campaign's.
			where = append(where, "(d.channel_id = ? OR (d.channel_id IS NULL AND "+inCampaign+"))")
			args = append(args, f.ChannelID)
		} else {
			where = append(where, inCampaign)
		}
		args = append(args, f.ChannelID)
	}
	if o := strings.TrimSpace(f.Owner); o != "" {
		where, args = append(where, alias+".owner = ? COLLATE NOCASE"), append(args, o)
	}
	if s := strings.TrimSpace(f.Search); s != "" {
		where = append(where, "lower("+alias+".title) LIKE ? ESCAPE '\\'")
		args = append(args, "%"+escapeLike(strings.ToLower(s))+"%")
	}
	return strings.Join(where, " AND "), args
}
