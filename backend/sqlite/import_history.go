package sqlite

// The record of imports: history, undo as a whole, and saved mappings.

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"mopsdesk/backend"
	"mopsdesk/backend/sheet"
)

// History lists the recorded imports, newest first.
func (s *ImportService) History(ctx context.Context) ([]sheet.ImportRun, error) {
	rows, err := s.db.conn(ctx).QueryContext(ctx, `SELECT id, kind, file_name, sheet, created, updated, skipped, at, COALESCE(undone_at, '') FROM import_runs ORDER BY id DESC LIMIT 200`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []sheet.ImportRun{}
	for rows.Next() {
		var x sheet.ImportRun
		if err := rows.Scan(&x.ID, &x.Kind, &x.FileName, &x.Sheet, &x.Created, &x.Updated, &x.Skipped, &x.At, &x.UndoneAt); err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	return out, rows.Err()
}

// Undo reverses an import as a whole, newest change first: what it
// created is deleted, what it updated gets its earlier values back.
func (s *ImportService) Undo(ctx context.Context, id int64) error {
	return s.db.Batch(ctx, func(ctx context.Context) error {
		var undone sql.NullString
		if err := s.db.conn(ctx).QueryRowContext(ctx, `SELECT undone_at FROM import_runs WHERE id = ?`, id).Scan(&undone); errors.Is(err, sql.ErrNoRows) {
			return backend.Errorf(backend.ENOTFOUND, "Import %d was not found.", id)
		} else if err != nil {
			return err
		}
		if undone.Valid {
			return backend.Errorf(backend.ECONFLICT, "Import %d was already undone.", id)
		}
		rows, err := s.db.conn(ctx).QueryContext(ctx, `SELECT entity, entity_id, count, action, before FROM import_changes WHERE run_id = ? ORDER BY seq DESC`, id)
		if err != nil {
			return err
		}
		var changes []change
		for rows.Next() {
			var c change
			if err := rows.Scan(&c.entity, &c.id, &c.count, &c.action, &c.before); err != nil {
				rows.Close()
				return err
			}
			changes = append(changes, c)
		}
		rows.Close()
		for _, c := range changes {
			if err := s.revert(ctx, c); err != nil {
				return fmt.Errorf("undo %s %d: %w", c.entity, c.id, err)
			}
		}
		_, err = s.db.conn(ctx).ExecContext(ctx, `UPDATE import_runs SET undone_at = ? WHERE id = ?`, s.db.timestamp(), id)
		return err
	})
}

func gone(err error) bool { return backend.ErrorCode(err) == backend.ENOTFOUND }

func (s *ImportService) revert(ctx context.Context, c change) error {
	ignoreGone := func(err error) error {
		if gone(err) {
			return nil
		}
		return err
	}
	if c.entity == "fiscal_year" {
		return s.deleteEmptyFiscalYear(ctx, int(c.id))
	}
	if strings.HasPrefix(c.entity, "list:") {
		return ignoreGone(s.lists.DeleteListItem(ctx, backend.ListKind(strings.TrimPrefix(c.entity, "list:")), c.id))
	}
	if c.action == "create" {
		switch c.entity {
		case "campaign":
			return ignoreGone(s.campaigns.DeleteCampaign(ctx, c.id))
		case "deliverable":
			return ignoreGone(s.deliverables.DeleteDeliverable(ctx, c.id))
		case "spend":
			// Entries that became a contract's or were changed since stay
			// deletable the same way: by id, through the triggers.
			_, err := s.db.conn(ctx).ExecContext(ctx, `DELETE FROM spend WHERE id BETWEEN ? AND ? AND contract_id IS NULL`, c.id, c.id+int64(max(c.count, 1))-1)
			return err
		case "vendor":
			return ignoreGone(s.vendors.DeleteVendor(ctx, c.id))
		case "contract":
			return ignoreGone(s.contracts.DeleteContract(ctx, c.id))
		case "budget_line":
			var l budgetLineBefore
			if err := json.Unmarshal([]byte(c.before), &l); err != nil {
				return err
			}
			_, err := s.budget.SetBudgetLines(ctx, l.Year, []backend.BudgetLine{{TeamID: l.TeamID, CategoryID: l.CategoryID, Period: l.Period}})
			return ignoreGone(err)
		}
		return fmt.Errorf("unknown entity %q", c.entity)
	}
	switch c.entity {
	case "campaign":
		var b backend.Campaign
		if err := json.Unmarshal([]byte(c.before), &b); err != nil {
			return err
		}
		_, err := s.campaigns.UpdateCampaign(ctx, c.id, backend.CampaignUpdate{Name: &b.Name, Objective: &b.Objective, TeamID: &b.TeamID, Owner: &b.Owner,
			ChannelIDs: &b.ChannelIDs, Tags: &b.Tags, Status: &b.Status, StartDate: &b.StartDate, EndDate: &b.EndDate, Budget: &b.Budget, Revenue: &b.AttributedRevenue, Notes: &b.Notes})
		return ignoreGone(err)
	case "deliverable":
		var b backend.Deliverable
		if err := json.Unmarshal([]byte(c.before), &b); err != nil {
			return err
		}
		_, err := s.deliverables.UpdateDeliverable(ctx, c.id, backend.DeliverableUpdate{CampaignID: &b.CampaignID, Title: &b.Title, Type: &b.Type, CustomType: &b.CustomType,
			PublishDate: &b.PublishDate, ChannelID: &b.ChannelID, Owner: &b.Owner, Status: &b.Status, Notes: &b.Notes})
		return ignoreGone(err)
	case "spend":
		var b backend.Spend
		if err := json.Unmarshal([]byte(c.before), &b); err != nil {
			return err
		}
		_, err := s.spend.UpdateSpend(ctx, c.id, backend.SpendUpdate{Date: &b.Date, Amount: &b.Amount, TeamID: &b.TeamID, CategoryID: &b.CategoryID, Vendor: &b.Vendor,
			CampaignID: &b.CampaignID, Status: &b.Status, Reference: &b.Reference, Note: &b.Note})
		return ignoreGone(err)
	case "vendor":
		var b backend.Vendor
		if err := json.Unmarshal([]byte(c.before), &b); err != nil {
			return err
		}
		_, err := s.vendors.UpdateVendor(ctx, c.id, b)
		return ignoreGone(err)
	case "contract":
		var b backend.Contract
		if err := json.Unmarshal([]byte(c.before), &b); err != nil {
			return err
		}
		_, err := s.contracts.UpdateContract(ctx, c.id, b)
		return ignoreGone(err)
	case "asset":
		var b backend.Asset
		if err := json.Unmarshal([]byte(c.before), &b); err != nil {
			return err
		}
		_, err := s.assets.UpdateAsset(ctx, c.id, b)
		return ignoreGone(err)
	case "budget_line":
		var l budgetLineBefore
		if err := json.Unmarshal([]byte(c.before), &l); err != nil {
			return err
		}
		_, err := s.budget.SetBudgetLines(ctx, l.Year, []backend.BudgetLine{{TeamID: l.TeamID, CategoryID: l.CategoryID, Period: l.Period, Amount: l.Amount}})
		return ignoreGone(err)
	}
	return fmt.Errorf("unknown entity %q", c.entity)
}

type budgetLineBefore struct {
	Year       int   `json:"year"`
	TeamID     int64 `json:"teamId"`
	CategoryID int64 `json:"categoryId"`
	Period     int   `json:"period"`
	Amount     int64 `json:"amount"`
}

// ---- profiles ----

// SaveProfile keeps a mapping for files with these headers; saving again
// for the same headers replaces it.
func (s *ImportService) SaveProfile(ctx context.Context, p sheet.ImportProfile) (*sheet.ImportProfile, error) {
	fe := backend.FieldErrors{}
	if strings.TrimSpace(p.Name) == "" {
		fe.Add("name", "field.required", nil)
	}
	if sheet.Kinds[p.Kind] == nil {
		fe.Add("kind", "import.bad_kind", map[string]any{"kind": p.Kind})
	}
	if p.HeaderKey == "" {
		fe.Add("headerKey", "field.required", nil)
	}
	if err := fe.Err("import profile"); err != nil {
		return nil, err
	}
	o := sheet.Options{Mapping: p.Options.Mapping, Constants: p.Options.Constants, Orders: p.Options.Orders, Currency: p.Options.Currency, WideRows: p.Options.WideRows}
	b, _ := json.Marshal(o)
	p.SavedAt = s.db.timestamp()
	err := s.db.inTx(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, `INSERT INTO import_profiles (kind, name, header_key, options, saved_at) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (kind, header_key) DO UPDATE SET name = excluded.name, options = excluded.options, saved_at = excluded.saved_at RETURNING id`,
			p.Kind, strings.TrimSpace(p.Name), p.HeaderKey, string(b), p.SavedAt).Scan(&p.ID)
	})
	if err != nil {
		return nil, err
	}
	p.Options = o
	return &p, nil
}

// Profiles lists the saved mappings.
func (s *ImportService) Profiles(ctx context.Context) ([]sheet.ImportProfile, error) {
	rows, err := s.db.conn(ctx).QueryContext(ctx, `SELECT id, kind, name, header_key, options, saved_at FROM import_profiles ORDER BY kind, name`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []sheet.ImportProfile{}
	for rows.Next() {
		var p sheet.ImportProfile
		var o string
		if err := rows.Scan(&p.ID, &p.Kind, &p.Name, &p.HeaderKey, &o, &p.SavedAt); err != nil {
			return nil, err
		}
		json.Unmarshal([]byte(o), &p.Options)
		out = append(out, p)
	}
	return out, rows.Err()
}

// DeleteProfile removes a saved mapping.
func (s *ImportService) DeleteProfile(ctx context.Context, id int64) error {
	return deleteRow(ctx, s.db, "import_profiles", id, "import profile")
}

func (s *ImportService) profileFor(ctx context.Context, kind, headerKey string) (*sheet.ImportProfile, error) {
	var p sheet.ImportProfile
	var o string
	err := s.db.conn(ctx).QueryRowContext(ctx, `SELECT id, kind, name, header_key, options, saved_at FROM import_profiles WHERE kind = ? AND header_key = ?`, kind, headerKey).
		Scan(&p.ID, &p.Kind, &p.Name, &p.HeaderKey, &o, &p.SavedAt)
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(o), &p.Options); err != nil {
		return nil, err
	}
	return &p, nil
}

// deleteEmptyFiscalYear removes a fiscal year an import opened, unless
// something else has been planned or spent in it since.
func (s *ImportService) deleteEmptyFiscalYear(ctx context.Context, year int) error {
	st, err := settingsOf(ctx, s.db.conn(ctx))
	if err != nil {
		return err
	}
	from, to := backend.FiscalYearRange(year, st.FiscalYearStartMonth)
	_, err = s.db.conn(ctx).ExecContext(ctx, `DELETE FROM fiscal_years WHERE year = ?
		AND NOT EXISTS (SELECT 1 FROM spend WHERE date BETWEEN ? AND ?)
		AND NOT EXISTS (SELECT 1 FROM budget_lines WHERE fiscal_year = ?)`, year, from, to, year)
	return err
}
