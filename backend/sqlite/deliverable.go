package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"mopsdesk/backend"
)

// DeliverableService keeps deliverables.
type DeliverableService struct{ db *DB }

// NewDeliverableService returns a DeliverableService backed by db.
func NewDeliverableService(db *DB) *DeliverableService { return &DeliverableService{db: db} }

var _ backend.DeliverableService = (*DeliverableService)(nil)

const deliverableSelect = `
	SELECT d.id, coalesce(d.campaign_id, 0), coalesce(c.name, ''), d.title, d.type, d.custom_type,
		d.publish_date, coalesce(d.channel_id, 0), coalesce(ch.name, ''), d.owner, d.status, d.notes,
		d.created_at, d.updated_at, d.version,
		c.id IS NOT NULL AND (d.publish_date < c.start_date OR d.publish_date > c.end_date), coalesce(d.owner_id, 0)
	FROM deliverables d
	LEFT JOIN campaigns c ON c.id = d.campaign_id
	LEFT JOIN channels ch ON ch.id = d.channel_id`

// queryDeliverables runs deliverableSelect with a WHERE clause; today marks
// the overdue ones.
func queryDeliverables(ctx context.Context, q queryer, today, where string, args ...any) ([]*backend.Deliverable, error) {
	rows, err := q.QueryContext(ctx, deliverableSelect+" WHERE "+where+" ORDER BY d.publish_date, d.id", args...)
	if err != nil {
		return nil, fmt.Errorf("find deliverables: %w", err)
	}
	defer rows.Close()
	out := []*backend.Deliverable{}
	for rows.Next() {
		var d backend.Deliverable
		if err := rows.Scan(&d.ID, &d.CampaignID, &d.CampaignName, &d.Title, &d.Type, &d.CustomType,
			&d.PublishDate, &d.ChannelID, &d.ChannelName, &d.Owner, &d.Status, &d.Notes,
			&d.CreatedAt, &d.UpdatedAt, &d.Version, &d.OutsideCampaign, &d.OwnerID); err != nil {
			return nil, fmt.Errorf("scan deliverable: %w", err)
		}
		d.Overdue = d.PublishDate < today && d.Status != backend.DeliverablePublished
		out = append(out, &d)
	}
	return out, rows.Err()
}

func (s *DeliverableService) today() string { return backend.Today(s.db.Now()) }

// FindDeliverableByID returns one deliverable or ENOTFOUND.
func (s *DeliverableService) FindDeliverableByID(ctx context.Context, id int64) (*backend.Deliverable, error) {
	return findDeliverableByID(ctx, s.db.conn(ctx), s.today(), id)
}

func findDeliverableByID(ctx context.Context, q queryer, today string, id int64) (*backend.Deliverable, error) {
	list, err := queryDeliverables(ctx, q, today, "d.id = ?", id)
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		return nil, backend.Errorf(backend.ENOTFOUND, "That deliverable no longer exists.")
	}
	return list[0], nil
}

// FindDeliverables returns a campaign's deliverables, or the standalone
// ones for campaignID 0.
func (s *DeliverableService) FindDeliverables(ctx context.Context, campaignID int64) ([]*backend.Deliverable, error) {
	if campaignID == 0 {
		return queryDeliverables(ctx, s.db.conn(ctx), s.today(), "d.campaign_id IS NULL")
	}
	return queryDeliverables(ctx, s.db.conn(ctx), s.today(), "d.campaign_id = ?", campaignID)
}

// CreateDeliverable validates and stores d, filling in its ID.
func (s *DeliverableService) CreateDeliverable(ctx context.Context, d *backend.Deliverable) error {
	d.Normalize()
	if err := d.Validate(); err != nil {
		return err
	}
	if err := s.db.resolveOwner(ctx, &d.Owner, &d.OwnerID, "", 0, "deliverable"); err != nil {
		return err
	}
	err := s.db.inTx(ctx, func(tx *sql.Tx) error {
		if err := checkItemRefs(ctx, tx, d.CampaignID, d.ChannelID); err != nil {
			return err
		}
		now := s.db.timestamp()
		res, err := tx.ExecContext(ctx, `
			INSERT INTO deliverables (campaign_id, title, type, custom_type, publish_date, channel_id, owner,
				status, notes, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			nullID(d.CampaignID), d.Title, d.Type, d.CustomType, d.PublishDate, nullID(d.ChannelID), d.Owner,
			d.Status, d.Notes, now, now)
		if err != nil {
			return err
		}
		id, _ := res.LastInsertId()
		if err := setOwnerID(ctx, tx, "deliverables", id, d.OwnerID); err != nil {
			return err
		}
		stored, err := findDeliverableByID(ctx, tx, s.today(), id)
		if err == nil {
			*d = *stored
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("create deliverable: %w", err)
	}
	return nil
}

// UpdateDeliverable applies upd and returns the stored result.
func (s *DeliverableService) UpdateDeliverable(ctx context.Context, id int64, upd backend.DeliverableUpdate) (*backend.Deliverable, error) {
	var out *backend.Deliverable
	err := s.db.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.db.updateOwner(ctx, tx, "deliverables", id, &upd.Owner, &upd.OwnerID, "deliverable"); err != nil {
			return err
		}
		d, err := findDeliverableByID(ctx, tx, s.today(), id)
		if err != nil {
			return err
		}
		if err := checkVersion(ctx, tx, "deliverables", id, "deliverable", upd.Version, d.Version, d); err != nil {
			return err
		}
		upd.Apply(d)
		d.Normalize()
		if err := d.Validate(); err != nil {
			return err
		}
		if err := checkItemRefs(ctx, tx, d.CampaignID, d.ChannelID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `
			UPDATE deliverables SET campaign_id = ?, title = ?, type = ?, custom_type = ?, publish_date = ?,
				channel_id = ?, owner = ?, status = ?, notes = ?, updated_at = ?, owner_id = ?
			WHERE id = ?`,
			nullID(d.CampaignID), d.Title, d.Type, d.CustomType, d.PublishDate, nullID(d.ChannelID), d.Owner,
			d.Status, d.Notes, s.db.timestamp(), nullID(d.OwnerID), id); err != nil {
			return err
		}
		out, err = findDeliverableByID(ctx, tx, s.today(), id)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("update deliverable %d: %w", id, err)
	}
	return out, nil
}

// DeleteDeliverable removes a deliverable.
func (s *DeliverableService) DeleteDeliverable(ctx context.Context, id, version int64) error {
	return deleteRow(ctx, s.db, "deliverables", id, "That deliverable no longer exists.", versionGuard{version, "deliverable",
		func(tx *sql.Tx) (any, error) { return findDeliverableByID(ctx, tx, s.today(), id) }})
}

// deleteRow deletes one row of a fixed table, ENOTFOUND when it is gone.
func deleteRow(ctx context.Context, db *DB, table string, id int64, gone string, v versionGuard) error {
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		if err := guardVersion(ctx, tx, table, id, v.sent, v.what, func() (any, error) { return v.current(tx) }); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM `+table+` WHERE id = ?`, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return backend.Errorf(backend.ENOTFOUND, "%s", gone)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("delete from %s %d: %w", table, id, err)
	}
	return nil
}

// versionGuard is what deleteRow needs to refuse deleting a record that
// changed since version sent: its name and how to read it as stored now.
type versionGuard struct {
	sent    int64
	what    string
	current func(tx *sql.Tx) (any, error)
}

// checkItemRefs turns a campaign or channel deleted meanwhile into a field
// error instead of a foreign-key failure.
func checkItemRefs(ctx context.Context, tx *sql.Tx, campaignID, channelID int64) error {
	fe := backend.FieldErrors{}
	if campaignID != 0 && !exists(ctx, tx, "campaigns", campaignID) {
		fe.Add("campaignId", "field.reference_unknown", nil)
	}
	if channelID != 0 && !exists(ctx, tx, "channels", channelID) {
		fe.Add("channelId", "field.reference_unknown", nil)
	}
	return fe.Err("item")
}
