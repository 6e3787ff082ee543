package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"mopsdesk/backend"
)

// ContractService keeps contracts, their reminders and price history.
type ContractService struct{ db *DB }

// NewContractService returns a ContractService backed by db.
func NewContractService(db *DB) *ContractService { return &ContractService{db: db} }

var _ backend.ContractService = (*ContractService)(nil)

func (s *ContractService) today() string { return backend.Today(s.db.Now()) }

func queryContracts(ctx context.Context, q queryer, today, where string, args ...any) ([]*backend.Contract, error) {
	rows, err := q.QueryContext(ctx, `
		SELECT c.id, c.version, c.vendor_id, v.name, c.product, c.owner, c.team_id, t.name, c.category_id, k.name,
			c.cost_amount, c.cost_currency, c.billing_cycle, c.start_date, c.term_months, c.renewal_date,
			c.auto_renew, c.notice_days, c.seats_purchased, c.seats_used, c.status, c.dpa_signed,
			c.security_review_done, c.security_review_date, c.data_location, c.notes,
			(SELECT json_group_array(json_object('kind', r.kind, 'daysBefore', r.days_before))
			 FROM (SELECT * FROM contract_reminders WHERE contract_id = c.id ORDER BY kind, days_before DESC) r),
			c.created_at, c.updated_at, coalesce(c.owner_id, 0)
		FROM contracts c
		JOIN vendors v ON v.id = c.vendor_id
		JOIN teams t ON t.id = c.team_id
		JOIN spend_categories k ON k.id = c.category_id
		WHERE `+where+` ORDER BY v.name COLLATE NOCASE, c.product COLLATE NOCASE, c.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("find contracts: %w", err)
	}
	defer rows.Close()
	out := []*backend.Contract{}
	for rows.Next() {
		var c backend.Contract
		var reminders string
		if err := rows.Scan(&c.ID, &c.Version, &c.VendorID, &c.VendorName, &c.Product, &c.Owner, &c.TeamID, &c.TeamName,
			&c.CategoryID, &c.CategoryName, &c.Cost.Amount, &c.Cost.Currency, &c.BillingCycle, &c.StartDate,
			&c.TermMonths, &c.RenewalDate, &c.AutoRenew, &c.NoticeDays, &c.SeatsBought, &c.SeatsUsed, &c.Status,
			&c.DPASigned, &c.SecurityDone, &c.SecurityDate, &c.DataLocation, &c.Notes, &reminders,
			&c.CreatedAt, &c.UpdatedAt, &c.OwnerID); err != nil {
			return nil, fmt.Errorf("scan contract: %w", err)
		}
		if err := jsonUnmarshal(reminders, &c.Reminders); err != nil {
			return nil, err
		}
		c.Derive(today)
		out = append(out, &c)
	}
	return out, rows.Err()
}

// FindContracts returns the contracts of a vendor, or all for vendorID 0.
func (s *ContractService) FindContracts(ctx context.Context, vendorID int64) ([]*backend.Contract, error) {
	if vendorID != 0 {
		return queryContracts(ctx, s.db.conn(ctx), s.today(), "c.vendor_id = ?", vendorID)
	}
	return queryContracts(ctx, s.db.conn(ctx), s.today(), "1 = 1")
}

// FindContractByID returns one contract or ENOTFOUND.
func (s *ContractService) FindContractByID(ctx context.Context, id int64) (*backend.Contract, error) {
	return findContract(ctx, s.db.conn(ctx), s.today(), id)
}

func findContract(ctx context.Context, q queryer, today string, id int64) (*backend.Contract, error) {
	list, err := queryContracts(ctx, q, today, "c.id = ?", id)
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		return nil, backend.Errorf(backend.ENOTFOUND, "That contract no longer exists.")
	}
	return list[0], nil
}

func checkContractRefs(ctx context.Context, tx *sql.Tx, c *backend.Contract) error {
	fe := backend.FieldErrors{}
	if !exists(ctx, tx, "vendors", c.VendorID) {
		fe.Add("vendorId", "field.reference_unknown", nil)
	}
	if !exists(ctx, tx, "teams", c.TeamID) {
		fe.Add("teamId", "field.reference_unknown", nil)
	}
	if !exists(ctx, tx, "spend_categories", c.CategoryID) {
		fe.Add("categoryId", "field.reference_unknown", nil)
	}
	return fe.Err("contract")
}

// writeContract stores c's row (insert when id is 0), its reminders, a
// history entry when price or seats changed, and its budget payments.
func (s *ContractService) writeContract(ctx context.Context, tx *sql.Tx, id int64, c *backend.Contract) (int64, error) {
	c.Normalize()
	if err := c.Validate(); err != nil {
		return 0, err
	}
	if err := checkContractRefs(ctx, tx, c); err != nil {
		return 0, err
	}
	now := s.db.timestamp()
	args := []any{c.VendorID, c.Product, c.Owner, c.TeamID, c.CategoryID, c.Cost.Amount, c.Cost.Currency, c.BillingCycle,
		c.StartDate, c.TermMonths, c.RenewalDate, c.AutoRenew, c.NoticeDays, c.SeatsBought, c.SeatsUsed, c.Status,
		c.DPASigned, c.SecurityDone, c.SecurityDate, c.DataLocation, c.Notes, now}
	var prev *backend.Contract
	if id == 0 {
		res, err := tx.ExecContext(ctx, `INSERT INTO contracts (vendor_id, product, owner, team_id, category_id, cost_amount,
			cost_currency, billing_cycle, start_date, term_months, renewal_date, auto_renew, notice_days, seats_purchased,
			seats_used, status, dpa_signed, security_review_done, security_review_date, data_location, notes, updated_at, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, append(args, now)...)
		if err != nil {
			return 0, err
		}
		id, _ = res.LastInsertId()
	} else {
		var err error
		if prev, err = findContract(ctx, tx, s.today(), id); err != nil {
			return 0, err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE contracts SET vendor_id = ?, product = ?, owner = ?, team_id = ?, category_id = ?,
			cost_amount = ?, cost_currency = ?, billing_cycle = ?, start_date = ?, term_months = ?, renewal_date = ?,
			auto_renew = ?, notice_days = ?, seats_purchased = ?, seats_used = ?, status = ?, dpa_signed = ?,
			security_review_done = ?, security_review_date = ?, data_location = ?, notes = ?, updated_at = ?, owner_id = ?
			WHERE id = ?`, append(args, nullID(c.OwnerID), id)...); err != nil {
			return 0, err
		}
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM contract_reminders WHERE contract_id = ?`, id); err != nil {
		return 0, err
	}
	for _, r := range c.Reminders {
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO contract_reminders (contract_id, kind, days_before) VALUES (?, ?, ?)`,
			id, r.Kind, r.DaysBefore); err != nil {
			return 0, err
		}
	}
	if prev == nil || prev.Cost != c.Cost || prev.BillingCycle != c.BillingCycle || prev.SeatsBought != c.SeatsBought || prev.SeatsUsed != c.SeatsUsed {
		if _, err := tx.ExecContext(ctx, `INSERT INTO contract_history (contract_id, at, cost_amount, cost_currency, billing_cycle,
			seats_purchased, seats_used) VALUES (?, ?, ?, ?, ?, ?, ?)`, id, now, c.Cost.Amount, c.Cost.Currency, c.BillingCycle,
			c.SeatsBought, c.SeatsUsed); err != nil {
			return 0, err
		}
	}
	return id, syncContract(ctx, tx, s.today(), now, id)
}

// CreateContract validates and stores a contract.
func (s *ContractService) CreateContract(ctx context.Context, c *backend.Contract) error {
	if err := s.db.resolveOwner(ctx, &c.Owner, &c.OwnerID, "", 0, "contract"); err != nil {
		return err
	}
	err := s.db.inTx(ctx, func(tx *sql.Tx) error {
		id, err := s.writeContract(ctx, tx, 0, c)
		if err != nil {
			return err
		}
		if err := setOwnerID(ctx, tx, "contracts", id, c.OwnerID); err != nil {
			return err
		}
		stored, err := findContract(ctx, tx, s.today(), id)
		if err == nil {
			*c = *stored
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("create contract: %w", err)
	}
	return nil
}

// UpdateContract replaces a contract's fields.
func (s *ContractService) UpdateContract(ctx context.Context, id int64, c backend.Contract) (*backend.Contract, error) {
	var out *backend.Contract
	err := s.db.inTx(ctx, func(tx *sql.Tx) error {
		if err := guardVersion(ctx, tx, "contracts", id, c.Version, "contract", func() (any, error) { return findContract(ctx, tx, s.today(), id) }); err != nil {
			return err
		}
		name, member := &c.Owner, &c.OwnerID
		if err := s.db.updateOwner(ctx, tx, "contracts", id, &name, &member, "contract"); err != nil {
			return err
		}
		c.Owner, c.OwnerID = *name, *member
		if _, err := s.writeContract(ctx, tx, id, &c); err != nil {
			return err
		}
		var err error
		out, err = findContract(ctx, tx, s.today(), id)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("update contract %d: %w", id, err)
	}
	return out, nil
}

// DeleteContract removes a contract with its booked payments.
func (s *ContractService) DeleteContract(ctx context.Context, id, version int64) error {
	err := s.db.inTx(ctx, func(tx *sql.Tx) error {
		if err := guardVersion(ctx, tx, "contracts", id, version, "contract", func() (any, error) { return findContract(ctx, tx, s.today(), id) }); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM spend WHERE contract_id = ?`, id); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM contracts WHERE id = ?`, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return backend.Errorf(backend.ENOTFOUND, "That contract no longer exists.")
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("delete contract %d: %w", id, err)
	}
	return nil
}

// ContractHistory returns the price and seat changes, oldest first.
func (s *ContractService) ContractHistory(ctx context.Context, id int64) ([]backend.ContractChange, error) {
	rows, err := s.db.conn(ctx).QueryContext(ctx, `SELECT at, cost_amount, cost_currency, billing_cycle, seats_purchased, seats_used
		FROM contract_history WHERE contract_id = ? ORDER BY id`, id)
	if err != nil {
		return nil, fmt.Errorf("contract history: %w", err)
	}
	defer rows.Close()
	out := []backend.ContractChange{}
	for rows.Next() {
		var h backend.ContractChange
		if err := rows.Scan(&h.At, &h.Cost.Amount, &h.Cost.Currency, &h.BillingCycle, &h.SeatsBought, &h.SeatsUsed); err != nil {
			return nil, err
		}
		out = append(out, h)
	}
	return out, rows.Err()
}
