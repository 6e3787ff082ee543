package sqlite

// The store side of the spreadsheet round trip (backend.ImportStore): the
// record of imports for history and undo, saved mappings, and the lookups
// an import makes by natural key. The import itself is backend/transfer.

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"mopsdesk/backend"
)

// ImportStore keeps the record of imports and answers their lookups.
type ImportStore struct {
	db *DB
}

// NewImportStore returns the import record of db.
func NewImportStore(db *DB) *ImportStore { return &ImportStore{db: db} }

// Batch runs fn in one transaction (see DB.Batch). The audit log gets one
// entry for the whole import or undo (RecordImport, MarkImportUndone), not
// one per row: the triggers are paused for the transaction, so a ledger of
// a million lines imports as fast as without a log.
func (s *ImportStore) Batch(ctx context.Context, fn func(ctx context.Context) error) error {
	if _, nested := ctx.Value(txKey{}).(*sql.Tx); nested {
		return s.db.Batch(ctx, fn)
	}
	return s.db.Batch(ctx, func(ctx context.Context) error {
		tx := ctx.Value(txKey{}).(*sql.Tx)
		if _, err := tx.ExecContext(ctx, `INSERT INTO audit_pause (id) VALUES (1)`); err != nil {
			return err
		}
		err := fn(ctx)
		if _, perr := tx.ExecContext(ctx, `DELETE FROM audit_pause`); err == nil {
			err = perr
		}
		return err
	})
}

// RecordImport stores a finished import and its changes.
func (s *ImportStore) RecordImport(ctx context.Context, run *backend.ImportRun, changes []backend.ImportChange) (int64, error) {
	run.At = s.db.timestamp()
	var id int64
	err := s.db.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO import_runs (kind, file_name, sheet, created, updated, skipped, at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			run.Kind, run.FileName, strings.TrimSpace(run.Sheet), run.Created, run.Updated, run.Skipped, run.At)
		if err != nil {
			return err
		}
		id, _ = res.LastInsertId()
		run.ID = id
		if err := s.db.logImport(ctx, tx, run, backend.AuditCreated); err != nil {
			return err
		}
		stmt, err := tx.PrepareContext(ctx, `INSERT INTO import_changes (run_id, seq, entity, entity_id, count, action, before) VALUES (?, ?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer stmt.Close()
		for i, c := range changes {
			if _, err := stmt.ExecContext(ctx, id, i, c.Entity, c.EntityID, c.Count, c.Action, c.Before); err != nil {
				return err
			}
		}
		return nil
	})
	run.ID = id
	return id, err
}

// ImportRuns lists the recorded imports, newest first.
func (s *ImportStore) ImportRuns(ctx context.Context) ([]backend.ImportRun, error) {
	rows, err := s.db.conn(ctx).QueryContext(ctx, `SELECT id, kind, file_name, sheet, created, updated, skipped, at, COALESCE(undone_at, '') FROM import_runs ORDER BY id DESC LIMIT 200`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []backend.ImportRun{}
	for rows.Next() {
		var x backend.ImportRun
		if err := rows.Scan(&x.ID, &x.Kind, &x.FileName, &x.Sheet, &x.Created, &x.Updated, &x.Skipped, &x.At, &x.UndoneAt); err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	return out, rows.Err()
}

// ImportChanges returns an import's changes, newest first.
func (s *ImportStore) ImportChanges(ctx context.Context, id int64) ([]backend.ImportChange, error) {
	var undone sql.NullString
	if err := s.db.conn(ctx).QueryRowContext(ctx, `SELECT undone_at FROM import_runs WHERE id = ?`, id).Scan(&undone); errors.Is(err, sql.ErrNoRows) {
		return nil, backend.Errorf(backend.ENOTFOUND, "Import %d was not found.", id)
	} else if err != nil {
		return nil, err
	}
	if undone.Valid {
		return nil, backend.Errorf(backend.ECONFLICT, "Import %d was already undone.", id)
	}
	rows, err := s.db.conn(ctx).QueryContext(ctx, `SELECT entity, entity_id, count, action, before FROM import_changes WHERE run_id = ? ORDER BY seq DESC`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var changes []backend.ImportChange
	for rows.Next() {
		var c backend.ImportChange
		if err := rows.Scan(&c.Entity, &c.EntityID, &c.Count, &c.Action, &c.Before); err != nil {
			return nil, err
		}
		changes = append(changes, c)
	}
	return changes, rows.Err()
}

// MarkImportUndone records that an import was undone.
func (s *ImportStore) MarkImportUndone(ctx context.Context, id int64) error {
	return s.db.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE import_runs SET undone_at = ? WHERE id = ?`, s.db.timestamp(), id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return nil
		}
		run := &backend.ImportRun{ID: id}
		if err := tx.QueryRowContext(ctx, `SELECT kind, file_name, created, updated, skipped FROM import_runs WHERE id = ?`, id).
			Scan(&run.Kind, &run.FileName, &run.Created, &run.Updated, &run.Skipped); err != nil {
			return err
		}
		return s.db.logImport(ctx, tx, run, backend.AuditDeleted)
	})
}

// SaveImportProfile stores a mapping for a kind and headers.
func (s *ImportStore) SaveImportProfile(ctx context.Context, p *backend.StoredProfile) error {
	p.SavedAt = s.db.timestamp()
	return s.db.inTx(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, `INSERT INTO import_profiles (kind, name, header_key, options, saved_at) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (kind, header_key) DO UPDATE SET name = excluded.name, options = excluded.options, saved_at = excluded.saved_at RETURNING id`,
			p.Kind, p.Name, p.HeaderKey, p.Options, p.SavedAt).Scan(&p.ID)
	})
}

const profileColumns = `SELECT id, kind, name, header_key, options, saved_at FROM import_profiles`

func scanProfile(sc interface{ Scan(...any) error }) (backend.StoredProfile, error) {
	var p backend.StoredProfile
	err := sc.Scan(&p.ID, &p.Kind, &p.Name, &p.HeaderKey, &p.Options, &p.SavedAt)
	return p, err
}

// ImportProfiles lists the saved mappings.
func (s *ImportStore) ImportProfiles(ctx context.Context) ([]backend.StoredProfile, error) {
	rows, err := s.db.conn(ctx).QueryContext(ctx, profileColumns+` ORDER BY kind, name`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []backend.StoredProfile
	for rows.Next() {
		p, err := scanProfile(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// ImportProfileFor returns the mapping saved for a kind and headers.
func (s *ImportStore) ImportProfileFor(ctx context.Context, kind, headerKey string) (*backend.StoredProfile, error) {
	p, err := scanProfile(s.db.conn(ctx).QueryRowContext(ctx, profileColumns+` WHERE kind = ? AND header_key = ?`, kind, headerKey))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &p, nil
}

// DeleteImportProfile removes a saved mapping.
func (s *ImportStore) DeleteImportProfile(ctx context.Context, id int64) error {
	return deleteRow(ctx, s.db, "import_profiles", id, "import profile", versionGuard{})
}

// CampaignNames lists every campaign's id and name, oldest first.
func (s *ImportStore) CampaignNames(ctx context.Context) ([]backend.ListItem, error) {
	rows, err := s.db.conn(ctx).QueryContext(ctx, `SELECT id, name FROM campaigns ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []backend.ListItem
	for rows.Next() {
		var it backend.ListItem
		if err := rows.Scan(&it.ID, &it.Name); err != nil {
			return nil, err
		}
		out = append(out, it)
	}
	return out, rows.Err()
}

// lookup runs a query for one id; no row is 0.
func (s *ImportStore) lookup(ctx context.Context, query string, args ...any) (int64, error) {
	var id int64
	err := s.db.conn(ctx).QueryRowContext(ctx, query, args...).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return id, err
}

// DeliverableByKey finds a deliverable by title, publish date and campaign.
func (s *ImportStore) DeliverableByKey(ctx context.Context, title, publishDate string, campaignID int64) (int64, error) {
	return s.lookup(ctx, `SELECT id FROM deliverables WHERE title = ? COLLATE NOCASE AND publish_date = ? AND COALESCE(campaign_id, 0) = ? ORDER BY id LIMIT 1`,
		title, publishDate, campaignID)
}

// ContractByRef finds the contract a line ID was given to.
func (s *ImportStore) ContractByRef(ctx context.Context, ref string) (int64, error) {
	return s.lookup(ctx, `SELECT contract_id FROM contract_refs WHERE ref = ?`, ref)
}

// ContractByProduct finds a vendor's contract for a product without a line ID.
func (s *ImportStore) ContractByProduct(ctx context.Context, vendorID int64, product string) (int64, error) {
	return s.lookup(ctx, `SELECT id FROM contracts WHERE vendor_id = ? AND product = ? COLLATE NOCASE
		AND id NOT IN (SELECT contract_id FROM contract_refs) ORDER BY id LIMIT 1`, vendorID, product)
}

// SetContractRef gives a contract the line ID a file knows it by.
func (s *ImportStore) SetContractRef(ctx context.Context, contractID int64, ref string) error {
	return s.db.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO contract_refs (contract_id, ref) VALUES (?, ?)
			ON CONFLICT (contract_id) DO UPDATE SET ref = excluded.ref`, contractID, ref)
		return err
	})
}

// AssetByFileName finds the asset whose newest version has this file name.
func (s *ImportStore) AssetByFileName(ctx context.Context, name string) (int64, error) {
	return s.lookup(ctx, `SELECT asset_id FROM asset_versions WHERE file_name = ? COLLATE NOCASE ORDER BY version DESC LIMIT 1`, name)
}

// FiscalYearGranularity returns how a fiscal year is planned.
func (s *ImportStore) FiscalYearGranularity(ctx context.Context, year int) (backend.Granularity, bool, error) {
	var g string
	err := s.db.conn(ctx).QueryRowContext(ctx, `SELECT granularity FROM fiscal_years WHERE year = ?`, year).Scan(&g)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	return backend.Granularity(g), err == nil, err
}

// DeleteEmptyFiscalYear removes a fiscal year an import opened, unless
// something else has been planned or spent in it since.
func (s *ImportStore) DeleteEmptyFiscalYear(ctx context.Context, year int) error {
	return s.db.inTx(ctx, func(tx *sql.Tx) error {
		st, err := settingsOf(ctx, tx)
		if err != nil {
			return err
		}
		from, to := backend.FiscalYearRange(year, st.FiscalYearStartMonth)
		_, err = tx.ExecContext(ctx, `DELETE FROM fiscal_years WHERE year = ?
			AND NOT EXISTS (SELECT 1 FROM spend WHERE date BETWEEN ? AND ?)
			AND NOT EXISTS (SELECT 1 FROM budget_lines WHERE fiscal_year = ?)`, year, from, to, year)
		return err
	})
}

// BudgetLineAmount returns one plan cell's amount.
func (s *ImportStore) BudgetLineAmount(ctx context.Context, year int, teamID, categoryID int64, period int) (int64, bool, error) {
	var amount int64
	err := s.db.conn(ctx).QueryRowContext(ctx, `SELECT amount FROM budget_lines WHERE fiscal_year = ? AND team_id = ? AND category_id = ? AND period = ?`,
		year, teamID, categoryID, period).Scan(&amount)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	return amount, err == nil, err
}
