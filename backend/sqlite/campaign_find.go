package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"mopsdesk/backend"
)

// queryer is what both *sql.DB and *sql.Tx offer for reading.
type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

func findCampaignByID(ctx context.Context, q queryer, id int64) (*backend.Campaign, error) {
	list, _, err := findCampaigns(ctx, q, backend.CampaignFilter{ID: &id, Limit: 1})
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		return nil, backend.Errorf(backend.ENOTFOUND, "That campaign no longer exists.")
	}
	return list[0], nil
}

// sortColumns maps each sort to fixed SQL; the id breaks ties so that
// paging is stable.
var sortColumns = map[backend.CampaignSort]string{
	"":                   "c.start_date %[1]s, c.end_date %[1]s",
	backend.SortByStart:  "c.start_date %[1]s, c.end_date %[1]s",
	backend.SortByEnd:    "c.end_date %[1]s, c.start_date %[1]s",
	backend.SortByName:   "c.name COLLATE NOCASE %[1]s",
	backend.SortByStatus: "CASE c.status WHEN 'idea' THEN 0 WHEN 'planned' THEN 1 WHEN 'in_progress' THEN 2 WHEN 'live' THEN 3 WHEN 'completed' THEN 4 ELSE 5 END %[1]s",
	backend.SortByBudget: "c.budget_currency %[1]s, c.budget_amount %[1]s",
	backend.SortByTeam:   "coalesce(t.name, '') COLLATE NOCASE %[1]s",
	backend.SortByOwner:  "c.owner COLLATE NOCASE %[1]s",
}

// campaignWhere turns a filter into SQL conditions over campaigns c.
func campaignWhere(f backend.CampaignFilter) ([]string, []any) {
	where, args := []string{"1 = 1"}, []any{}
	if f.ID != nil {
		where, args = append(where, "c.id = ?"), append(args, *f.ID)
	}
	if s := strings.TrimSpace(f.Search); s != "" {
		like := "%" + escapeLike(strings.ToLower(s)) + "%"
		where = append(where, `(lower(c.name) LIKE ? ESCAPE '\' OR lower(c.owner) LIKE ? ESCAPE '\' OR lower(c.notes) LIKE ? ESCAPE '\' OR lower(c.objective) LIKE ? ESCAPE '\')`)
		args = append(args, like, like, like, like)
	}
	if f.TeamID != 0 {
		where, args = append(where, "c.team_id = ?"), append(args, f.TeamID)
	}
	if f.ChannelID != 0 {
		where = append(where, "EXISTS (SELECT 1 FROM campaign_channels cc WHERE cc.campaign_id = c.id AND cc.channel_id = ?)")
		args = append(args, f.ChannelID)
	}
	if tag := strings.TrimSpace(f.Tag); tag != "" {
		where = append(where, "EXISTS (SELECT 1 FROM campaign_tags ct WHERE ct.campaign_id = c.id AND ct.tag = ?)")
		args = append(args, tag)
	}
	if o := strings.TrimSpace(f.Owner); o != "" {
		where, args = append(where, "c.owner = ? COLLATE NOCASE"), append(args, o)
	}
	if len(f.Statuses) > 0 {
		marks := strings.TrimSuffix(strings.Repeat("?,", len(f.Statuses)), ",")
		where = append(where, "c.status IN ("+marks+")")
		for _, st := range f.Statuses {
			args = append(args, string(st))
		}
	}
	if f.From != "" {
		where, args = append(where, "c.end_date >= ?"), append(args, f.From)
	}
	if f.To != "" {
		where, args = append(where, "c.start_date <= ?"), append(args, f.To)
	}
	if f.OffTrack {
		// Goals hold exact decimals as text; as REAL they order the same
		// for any figure of up to 15 significant digits.
		where = append(where, `EXISTS (SELECT 1 FROM goals g WHERE g.campaign_id = c.id AND g.due_date < ?
			AND CAST(g.actual AS REAL) < CAST(g.target AS REAL))`)
		args = append(args, f.Today)
	}
	return where, args
}

func findCampaigns(ctx context.Context, q queryer, f backend.CampaignFilter) ([]*backend.Campaign, int, error) {
	where, args := campaignWhere(f)
	dir := "ASC"
	if f.Desc {
		dir = "DESC"
	}
	order := fmt.Sprintf(sortColumns[f.Sort], dir) + ", c.id " + dir
	limit := f.Limit
	if limit == 0 {
		limit = backend.MaxPageSize
	}
	rows, err := q.QueryContext(ctx, `
		SELECT c.id, c.version, c.name, c.objective, coalesce(c.team_id, 0), coalesce(t.name, ''), c.owner,
			(SELECT json_group_array(json_array(x.channel_id, x.name)) FROM (
				SELECT cc.channel_id, ch.name FROM campaign_channels cc JOIN channels ch ON ch.id = cc.channel_id
				WHERE cc.campaign_id = c.id ORDER BY cc.position) x),
			(SELECT json_group_array(x.tag) FROM (
				SELECT ct.tag FROM campaign_tags ct WHERE ct.campaign_id = c.id ORDER BY ct.position) x),
			c.status, c.start_date, c.end_date, c.budget_amount, c.budget_currency, c.attributed_revenue, c.notes,
			c.compliance_status, c.compliance_reviewer, c.compliance_date, c.compliance_comment,
			c.created_at, c.updated_at, coalesce(c.owner_id, 0)
		FROM campaigns c
		LEFT JOIN teams t ON t.id = c.team_id
		WHERE `+strings.Join(where, " AND ")+`
		ORDER BY `+order+`
		LIMIT ? OFFSET ?`, append(args, limit, f.Offset)...)
	if err != nil {
		return nil, 0, fmt.Errorf("find campaigns: %w", err)
	}
	defer rows.Close()
	list := []*backend.Campaign{}
	for rows.Next() {
		var c backend.Campaign
		var channels, tags string
		if err := rows.Scan(&c.ID, &c.Version, &c.Name, &c.Objective, &c.TeamID, &c.TeamName, &c.Owner, &channels, &tags,
			&c.Status, &c.StartDate, &c.EndDate, &c.Budget.Amount, &c.Budget.Currency, &c.AttributedRevenue, &c.Notes,
			&c.Compliance.Status, &c.Compliance.Reviewer, &c.Compliance.Date, &c.Compliance.Comment,
			&c.CreatedAt, &c.UpdatedAt, &c.OwnerID); err != nil {
			return nil, 0, fmt.Errorf("scan campaign: %w", err)
		}
		if err := decodeChannels(channels, &c); err != nil {
			return nil, 0, err
		}
		if err := json.Unmarshal([]byte(tags), &c.Tags); err != nil {
			return nil, 0, fmt.Errorf("campaign %d tags: %w", c.ID, err)
		}
		list = append(list, &c)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("find campaigns: %w", err)
	}
	if f.Offset == 0 && (limit < 0 || len(list) < limit) {
		return list, len(list), nil // the whole match is on this page
	}
	// A count of its own: a window count over the page query would build
	// every matching row, channels and tags included, for one page of them.
	total, err := countCampaigns(ctx, q, where, args)
	if err != nil {
		return nil, 0, err
	}
	return list, total, nil
}

// decodeChannels reads the [[id, name], ...] JSON the query builds.
func decodeChannels(raw string, c *backend.Campaign) error {
	var pairs [][2]json.RawMessage
	if err := json.Unmarshal([]byte(raw), &pairs); err != nil {
		return fmt.Errorf("campaign %d channels: %w", c.ID, err)
	}
	c.ChannelIDs, c.ChannelNames = make([]int64, len(pairs)), make([]string, len(pairs))
	for i, p := range pairs {
		if err := json.Unmarshal(p[0], &c.ChannelIDs[i]); err != nil {
			return err
		}
		if err := json.Unmarshal(p[1], &c.ChannelNames[i]); err != nil {
			return err
		}
	}
	return nil
}

// countCampaigns counts the campaigns matching the conditions of
// campaignWhere.
func countCampaigns(ctx context.Context, q queryer, where []string, args []any) (int, error) {
	rows, err := q.QueryContext(ctx, `SELECT count(*) FROM campaigns c WHERE `+strings.Join(where, " AND "), args...)
	if err != nil {
		return 0, fmt.Errorf("count campaigns: %w", err)
	}
	defer rows.Close()
	n := 0
	if rows.Next() {
		if err := rows.Scan(&n); err != nil {
			return 0, fmt.Errorf("count campaigns: %w", err)
		}
	}
	return n, rows.Err()
}

func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

func jsonUnmarshal(raw string, v any) error {
	if err := json.Unmarshal([]byte(raw), v); err != nil {
		return fmt.Errorf("decode %T: %w", v, err)
	}
	return nil
}

// CampaignSpans returns the status and dates of the campaigns the filter
// matches, one row for each distinct three with its count, in one pass.
func (s *CampaignService) CampaignSpans(ctx context.Context, filter backend.CampaignFilter) ([]backend.CampaignSpan, error) {
	filter.Offset, filter.Limit, filter.Sort, filter.Desc = 0, 0, "", false
	if err := filter.Validate(); err != nil {
		return nil, err
	}
	where, args := campaignWhere(filter)
	rows, err := s.db.conn(ctx).QueryContext(ctx, `
		SELECT c.status, c.start_date, c.end_date, count(*) FROM campaigns c
		WHERE `+strings.Join(where, " AND ")+`
		GROUP BY c.status, c.start_date, c.end_date`, args...)
	if err != nil {
		return nil, fmt.Errorf("campaign spans: %w", err)
	}
	defer rows.Close()
	out := []backend.CampaignSpan{}
	for rows.Next() {
		var sp backend.CampaignSpan
		if err := rows.Scan(&sp.Status, &sp.StartDate, &sp.EndDate, &sp.Count); err != nil {
			return nil, fmt.Errorf("scan campaign span: %w", err)
		}
		out = append(out, sp)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("campaign spans: %w", err)
	}
	return out, nil
}
