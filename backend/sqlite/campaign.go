package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"mopsdesk/backend"
)

// CampaignService keeps campaigns.
type CampaignService struct{ db *DB }

// NewCampaignService returns a CampaignService backed by db.
func NewCampaignService(db *DB) *CampaignService { return &CampaignService{db: db} }

var _ backend.CampaignService = (*CampaignService)(nil)

// queryer is what both *sql.DB and *sql.Tx offer for reading.
type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// FindCampaignByID returns one campaign or ENOTFOUND.
func (s *CampaignService) FindCampaignByID(ctx context.Context, id int64) (*backend.Campaign, error) {
	return findCampaignByID(ctx, s.db.db, id)
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

// FindCampaigns returns one page of the campaigns that match filter, and
// how many match in all.
func (s *CampaignService) FindCampaigns(ctx context.Context, filter backend.CampaignFilter) ([]*backend.Campaign, int, error) {
	if err := filter.Validate(); err != nil {
		return nil, 0, err
	}
	return findCampaigns(ctx, s.db.db, filter)
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

func findCampaigns(ctx context.Context, q queryer, f backend.CampaignFilter) ([]*backend.Campaign, int, error) {
	where, args := []string{"1 = 1"}, []any{}
	if f.ID != nil {
		where, args = append(where, "c.id = ?"), append(args, *f.ID)
	}
	if s := strings.TrimSpace(f.Search); s != "" {
		like := "%" + escapeLike(strings.ToLower(s)) + "%"
		where = append(where, `(lower(c.name) LIKE ? ESCAPE '\' OR lower(c.owner) LIKE ? ESCAPE '\' OR lower(c.notes) LIKE ? ESCAPE '\')`)
		args = append(args, like, like, like)
	}
	if f.TeamID != 0 {
		where, args = append(where, "c.team_id = ?"), append(args, f.TeamID)
	}
	if f.ChannelID != 0 {
		where, args = append(where, "c.channel_id = ?"), append(args, f.ChannelID)
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
		SELECT c.id, c.name, coalesce(c.team_id, 0), coalesce(t.name, ''), c.owner,
			coalesce(c.channel_id, 0), coalesce(ch.name, ''), c.status, c.start_date, c.end_date,
			c.budget_amount, c.budget_currency, c.notes, c.created_at, c.updated_at,
			count(*) OVER ()
		FROM campaigns c
		LEFT JOIN teams t ON t.id = c.team_id
		LEFT JOIN channels ch ON ch.id = c.channel_id
		WHERE `+strings.Join(where, " AND ")+`
		ORDER BY `+order+`
		LIMIT ? OFFSET ?`, append(args, limit, f.Offset)...)
	if err != nil {
		return nil, 0, fmt.Errorf("find campaigns: %w", err)
	}
	defer rows.Close()
	list, total := []*backend.Campaign{}, 0
	for rows.Next() {
		var c backend.Campaign
		if err := rows.Scan(&c.ID, &c.Name, &c.TeamID, &c.TeamName, &c.Owner, &c.ChannelID, &c.ChannelName,
			&c.Status, &c.StartDate, &c.EndDate, &c.Budget.Amount, &c.Budget.Currency, &c.Notes,
			&c.CreatedAt, &c.UpdatedAt, &total); err != nil {
			return nil, 0, fmt.Errorf("scan campaign: %w", err)
		}
		list = append(list, &c)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("find campaigns: %w", err)
	}
	if len(list) == 0 && f.Offset > 0 {
		// Past the last page: the window count is not available, so ask.
		return list, countCampaigns(ctx, q, where, args), nil
	}
	return list, total, nil
}

func countCampaigns(ctx context.Context, q queryer, where []string, args []any) int {
	rows, err := q.QueryContext(ctx, `SELECT count(*) FROM campaigns c WHERE `+strings.Join(where, " AND "), args...)
	if err != nil {
		return 0
	}
	defer rows.Close()
	n := 0
	if rows.Next() {
		_ = rows.Scan(&n)
	}
	return n
}

func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// CreateCampaign validates and stores c, filling in its ID and timestamps.
func (s *CampaignService) CreateCampaign(ctx context.Context, c *backend.Campaign) error {
	c.Normalize()
	if err := c.Validate(); err != nil {
		return err
	}
	err := s.db.inTx(ctx, func(tx *sql.Tx) error {
		if err := checkReferences(ctx, tx, c); err != nil {
			return err
		}
		now := s.db.timestamp()
		res, err := tx.ExecContext(ctx, `
			INSERT INTO campaigns (name, team_id, owner, channel_id, status, start_date, end_date,
				budget_amount, budget_currency, notes, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			c.Name, nullID(c.TeamID), c.Owner, nullID(c.ChannelID), c.Status, c.StartDate, c.EndDate,
			c.Budget.Amount, c.Budget.Currency, c.Notes, now, now)
		if err != nil {
			return err
		}
		id, err := res.LastInsertId()
		if err != nil {
			return err
		}
		stored, err := findCampaignByID(ctx, tx, id)
		if err != nil {
			return err
		}
		*c = *stored
		return nil
	})
	if err != nil {
		return fmt.Errorf("create campaign: %w", err)
	}
	return nil
}

// UpdateCampaign applies upd to the stored campaign and returns the result.
func (s *CampaignService) UpdateCampaign(ctx context.Context, id int64, upd backend.CampaignUpdate) (*backend.Campaign, error) {
	var out *backend.Campaign
	err := s.db.inTx(ctx, func(tx *sql.Tx) error {
		c, err := findCampaignByID(ctx, tx, id)
		if err != nil {
			return err
		}
		upd.Apply(c)
		c.Normalize()
		if err := c.Validate(); err != nil {
			return err
		}
		if err := checkReferences(ctx, tx, c); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `
			UPDATE campaigns SET name = ?, team_id = ?, owner = ?, channel_id = ?, status = ?,
				start_date = ?, end_date = ?, budget_amount = ?, budget_currency = ?, notes = ?, updated_at = ?
			WHERE id = ?`,
			c.Name, nullID(c.TeamID), c.Owner, nullID(c.ChannelID), c.Status, c.StartDate, c.EndDate,
			c.Budget.Amount, c.Budget.Currency, c.Notes, s.db.timestamp(), id); err != nil {
			return err
		}
		out, err = findCampaignByID(ctx, tx, id)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("update campaign %d: %w", id, err)
	}
	return out, nil
}

// DeleteCampaign removes a campaign.
func (s *CampaignService) DeleteCampaign(ctx context.Context, id int64) error {
	err := s.db.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM campaigns WHERE id = ?`, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return backend.Errorf(backend.ENOTFOUND, "That campaign no longer exists.")
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("delete campaign %d: %w", id, err)
	}
	return nil
}

// checkReferences turns a team or channel that was deleted meanwhile into
// a field error instead of a foreign-key failure.
func checkReferences(ctx context.Context, tx *sql.Tx, c *backend.Campaign) error {
	fe := backend.FieldErrors{}
	for _, ref := range []struct {
		field, table string
		id           int64
	}{{"teamId", "teams", c.TeamID}, {"channelId", "channels", c.ChannelID}} {
		if ref.id == 0 {
			continue
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM `+ref.table+` WHERE id = ?`, ref.id).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			fe.Add(ref.field, "field.reference_unknown", nil)
		}
	}
	return fe.Err("campaign")
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}
