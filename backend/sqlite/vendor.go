package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"mopsdesk/backend"
)

// VendorService keeps vendors.
type VendorService struct{ db *DB }

// NewVendorService returns a VendorService backed by db.
func NewVendorService(db *DB) *VendorService { return &VendorService{db: db} }

var _ backend.VendorService = (*VendorService)(nil)

func queryVendors(ctx context.Context, q queryer, where string, args ...any) ([]*backend.Vendor, error) {
	rows, err := q.QueryContext(ctx, `
		SELECT v.id, v.version, v.name, v.website, v.category, v.contacts, v.notes,
			(SELECT count(*) FROM contracts c WHERE c.vendor_id = v.id), v.created_at, v.updated_at
		FROM vendors v WHERE `+where+` ORDER BY v.name COLLATE NOCASE`, args...)
	if err != nil {
		return nil, fmt.Errorf("find vendors: %w", err)
	}
	defer rows.Close()
	out := []*backend.Vendor{}
	for rows.Next() {
		var v backend.Vendor
		if err := rows.Scan(&v.ID, &v.Version, &v.Name, &v.Website, &v.Category, &v.Contacts, &v.Notes, &v.Contracts, &v.CreatedAt, &v.UpdatedAt); err != nil {
			return nil, err
		}
		out = append(out, &v)
	}
	return out, rows.Err()
}

// FindVendors returns every vendor by name.
func (s *VendorService) FindVendors(ctx context.Context) ([]*backend.Vendor, error) {
	return queryVendors(ctx, s.db.conn(ctx), "1 = 1")
}

// FindVendorByID returns one vendor or ENOTFOUND.
func (s *VendorService) FindVendorByID(ctx context.Context, id int64) (*backend.Vendor, error) {
	return findVendor(ctx, s.db.conn(ctx), id)
}

func findVendor(ctx context.Context, q queryer, id int64) (*backend.Vendor, error) {
	list, err := queryVendors(ctx, q, "v.id = ?", id)
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		return nil, backend.Errorf(backend.ENOTFOUND, "That vendor no longer exists.")
	}
	return list[0], nil
}

func vendorTaken(name string) error {
	return &backend.Error{Code: backend.ECONFLICT, Message: fmt.Sprintf("There is already a vendor called %q.", name),
		Fields: map[string]backend.FieldError{"name": {Key: "vendor.name_taken", Params: map[string]any{"name": name}}}}
}

// CreateVendor validates and stores a vendor.
func (s *VendorService) CreateVendor(ctx context.Context, v *backend.Vendor) error {
	v.Normalize()
	if err := v.Validate(); err != nil {
		return err
	}
	err := s.db.inTx(ctx, func(tx *sql.Tx) error {
		now := s.db.timestamp()
		res, err := tx.ExecContext(ctx, `INSERT INTO vendors (name, website, category, contacts, notes, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, v.Name, v.Website, v.Category, v.Contacts, v.Notes, now, now)
		if err != nil {
			return err
		}
		id, _ := res.LastInsertId()
		stored, err := findVendor(ctx, tx, id)
		if err == nil {
			*v = *stored
		}
		return err
	})
	if isUniqueViolation(err) {
		return vendorTaken(v.Name)
	} else if err != nil {
		return fmt.Errorf("create vendor: %w", err)
	}
	return nil
}

// UpdateVendor replaces a vendor's fields.
func (s *VendorService) UpdateVendor(ctx context.Context, id int64, v backend.Vendor) (*backend.Vendor, error) {
	v.Normalize()
	if err := v.Validate(); err != nil {
		return nil, err
	}
	var out *backend.Vendor
	err := s.db.inTx(ctx, func(tx *sql.Tx) error {
		if err := guardVersion(ctx, tx, "vendors", id, v.Version, "vendor", func() (any, error) { return findVendor(ctx, tx, id) }); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE vendors SET name = ?, website = ?, category = ?, contacts = ?, notes = ?, updated_at = ?
			WHERE id = ?`, v.Name, v.Website, v.Category, v.Contacts, v.Notes, s.db.timestamp(), id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return backend.Errorf(backend.ENOTFOUND, "That vendor no longer exists.")
		}
		out, err = findVendor(ctx, tx, id)
		return err
	})
	if isUniqueViolation(err) {
		return nil, vendorTaken(v.Name)
	} else if err != nil {
		return nil, fmt.Errorf("update vendor: %w", err)
	}
	return out, nil
}

// DeleteVendor removes a vendor that has no contracts.
func (s *VendorService) DeleteVendor(ctx context.Context, id, version int64) error {
	err := s.db.inTx(ctx, func(tx *sql.Tx) error {
		if err := guardVersion(ctx, tx, "vendors", id, version, "vendor", func() (any, error) { return findVendor(ctx, tx, id) }); err != nil {
			return err
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM contracts WHERE vendor_id = ?`, id).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return &backend.Error{Code: backend.ECONFLICT, Message: "This vendor still has contracts.",
				Fields: map[string]backend.FieldError{"name": {Key: "vendor.has_contracts", Params: map[string]any{"count": n}}}}
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM vendors WHERE id = ?`, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return backend.Errorf(backend.ENOTFOUND, "That vendor no longer exists.")
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("delete vendor: %w", err)
	}
	return nil
}
