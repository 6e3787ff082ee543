package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"mopsdesk/backend"
)

// CampaignService keeps campaigns.
type CampaignService struct{ db *DB }

// NewCampaignService returns a CampaignService backed by db.
func NewCampaignService(db *DB) *CampaignService { return &CampaignService{db: db} }

var _ backend.CampaignService = (*CampaignService)(nil)

// FindCampaignByID returns one campaign or ENOTFOUND.
func (s *CampaignService) FindCampaignByID(ctx context.Context, id int64) (*backend.Campaign, error) {
	return findCampaignByID(ctx, s.db.conn(ctx), id)
}

// FindCampaigns returns one page of the campaigns that match filter, and
// how many match in all.
func (s *CampaignService) FindCampaigns(ctx context.Context, filter backend.CampaignFilter) ([]*backend.Campaign, int, error) {
	if err := filter.Validate(); err != nil {
		return nil, 0, err
	}
	return findCampaigns(ctx, s.db.conn(ctx), filter)
}

// AllCampaigns returns every campaign the filter matches, in one query:
// paging through them would count and order the whole match once a page.
func (s *CampaignService) AllCampaigns(ctx context.Context, filter backend.CampaignFilter) ([]*backend.Campaign, error) {
	filter.Offset, filter.Limit = 0, 0
	if err := filter.Validate(); err != nil {
		return nil, err
	}
	filter.Limit = -1 // SQLite: no limit
	list, _, err := findCampaigns(ctx, s.db.conn(ctx), filter)
	return list, err
}

// CreateCampaign validates and stores c, filling in its ID and timestamps.
func (s *CampaignService) CreateCampaign(ctx context.Context, c *backend.Campaign) error {
	c.Normalize()
	if err := c.Validate(); err != nil {
		return err
	}
	if err := s.db.resolveOwner(ctx, &c.Owner, &c.OwnerID, "", 0, "campaign"); err != nil {
		return err
	}
	err := s.db.inTx(ctx, func(tx *sql.Tx) error {
		if err := checkReferences(ctx, tx, c); err != nil {
			return err
		}
		id, err := insertCampaign(ctx, tx, c, s.db.timestamp())
		if err != nil {
			return err
		}
		if err := setOwnerID(ctx, tx, "campaigns", id, c.OwnerID); err != nil {
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

// insertCampaign stores a validated campaign with its channels and tags
// and returns its new ID.
func insertCampaign(ctx context.Context, tx *sql.Tx, c *backend.Campaign, now string) (int64, error) {
	res, err := tx.ExecContext(ctx, `
		INSERT INTO campaigns (name, objective, team_id, owner, status, start_date, end_date,
			budget_amount, budget_currency, attributed_revenue, notes, compliance_status, compliance_reviewer,
			compliance_date, compliance_comment, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		c.Name, c.Objective, nullID(c.TeamID), c.Owner, c.Status, c.StartDate, c.EndDate,
		c.Budget.Amount, c.Budget.Currency, c.AttributedRevenue, c.Notes, c.Compliance.Status, c.Compliance.Reviewer,
		c.Compliance.Date, c.Compliance.Comment, now, now)
	if err != nil {
		return 0, err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	return id, writeChannelsAndTags(ctx, tx, id, c)
}

// UpdateCampaign applies upd to the stored campaign and returns the result.
func (s *CampaignService) UpdateCampaign(ctx context.Context, id int64, upd backend.CampaignUpdate) (*backend.Campaign, error) {
	var out *backend.Campaign
	err := s.db.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.db.updateOwner(ctx, tx, "campaigns", id, &upd.Owner, &upd.OwnerID, "campaign"); err != nil {
			return err
		}
		var err error
		out, err = updateCampaign(ctx, tx, id, upd, s.db.timestamp())
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("update campaign %d: %w", id, err)
	}
	return out, nil
}

// updateCampaign applies upd to the stored campaign inside tx.
func updateCampaign(ctx context.Context, tx *sql.Tx, id int64, upd backend.CampaignUpdate, now string) (*backend.Campaign, error) {
	c, err := findCampaignByID(ctx, tx, id)
	if err != nil {
		return nil, err
	}
	if err := checkVersion(ctx, tx, "campaigns", id, "campaign", upd.Version, c.Version, c); err != nil {
		return nil, err
	}
	upd.Apply(c)
	c.Normalize()
	if err := c.Validate(); err != nil {
		return nil, err
	}
	if err := checkReferences(ctx, tx, c); err != nil {
		return nil, err
	}
	if _, err := tx.ExecContext(ctx, `
		UPDATE campaigns SET name = ?, objective = ?, team_id = ?, owner = ?, status = ?,
			start_date = ?, end_date = ?, budget_amount = ?, budget_currency = ?, attributed_revenue = ?, notes = ?,
			compliance_status = ?, compliance_reviewer = ?, compliance_date = ?, compliance_comment = ?,
			updated_at = ?, owner_id = ?
		WHERE id = ?`,
		c.Name, c.Objective, nullID(c.TeamID), c.Owner, c.Status, c.StartDate, c.EndDate,
		c.Budget.Amount, c.Budget.Currency, c.AttributedRevenue, c.Notes, c.Compliance.Status, c.Compliance.Reviewer,
		c.Compliance.Date, c.Compliance.Comment, now, nullID(c.OwnerID), id); err != nil {
		return nil, err
	}
	if err := writeChannelsAndTags(ctx, tx, id, c); err != nil {
		return nil, err
	}
	return findCampaignByID(ctx, tx, id)
}

// DeleteCampaign removes a campaign with its deliverables, milestones
// and goals.
func (s *CampaignService) DeleteCampaign(ctx context.Context, id, version int64) error {
	return deleteRow(ctx, s.db, "campaigns", id, "That campaign no longer exists.", versionGuard{version, "campaign",
		func(tx *sql.Tx) (any, error) { return findCampaignByID(ctx, tx, id) }})
}

// checkReferences turns a team or channel that was deleted meanwhile into
// a field error instead of a foreign-key failure.
func checkReferences(ctx context.Context, tx *sql.Tx, c *backend.Campaign) error {
	fe := backend.FieldErrors{}
	if c.TeamID != 0 && !exists(ctx, tx, "teams", c.TeamID) {
		fe.Add("teamId", "field.reference_unknown", nil)
	}
	for _, id := range c.ChannelIDs {
		if !exists(ctx, tx, "channels", id) {
			fe.Add("channelIds", "field.reference_unknown", nil)
		}
	}
	return fe.Err("campaign")
}

// exists reports whether table has a row with id; table is always one of
// our fixed table names.
func exists(ctx context.Context, tx *sql.Tx, table string, id int64) bool {
	var n int
	err := tx.QueryRowContext(ctx, `SELECT count(*) FROM `+table+` WHERE id = ?`, id).Scan(&n)
	return err == nil && n > 0
}

// writeChannelsAndTags replaces a campaign's channels and tags, keeping
// the user's order.
func writeChannelsAndTags(ctx context.Context, tx *sql.Tx, id int64, c *backend.Campaign) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM campaign_channels WHERE campaign_id = ?`, id); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM campaign_tags WHERE campaign_id = ?`, id); err != nil {
		return err
	}
	for i, ch := range c.ChannelIDs {
		if _, err := tx.ExecContext(ctx, `INSERT INTO campaign_channels (campaign_id, channel_id, position) VALUES (?, ?, ?)`, id, ch, i); err != nil {
			return err
		}
	}
	for i, tag := range c.Tags {
		if _, err := tx.ExecContext(ctx, `INSERT INTO campaign_tags (campaign_id, tag, position) VALUES (?, ?, ?)`, id, tag, i); err != nil {
			return err
		}
	}
	return nil
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// CampaignFacets returns the owners (of campaigns, deliverables and
// milestones) and the tags in use, each sorted and without case repeats.
func (s *CampaignService) CampaignFacets(ctx context.Context) (*backend.CampaignFacets, error) {
	f := &backend.CampaignFacets{}
	var err error
	f.Owners, err = strings1(ctx, s.db.conn(ctx), `
		SELECT owner FROM (SELECT owner FROM campaigns UNION SELECT owner FROM deliverables UNION SELECT owner FROM milestones)
		WHERE owner <> '' GROUP BY owner COLLATE NOCASE ORDER BY owner COLLATE NOCASE`)
	if err != nil {
		return nil, fmt.Errorf("campaign owners: %w", err)
	}
	f.Tags, err = strings1(ctx, s.db.conn(ctx), `SELECT tag FROM campaign_tags GROUP BY tag ORDER BY tag`)
	if err != nil {
		return nil, fmt.Errorf("campaign tags: %w", err)
	}
	return f, nil
}

// strings1 returns the single text column of a query.
func strings1(ctx context.Context, q queryer, query string, args ...any) ([]string, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []string{}
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}
