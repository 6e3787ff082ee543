package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"mopsdesk/backend"
)

// SpendService keeps spend entries.
type SpendService struct{ db *DB }

// NewSpendService returns a SpendService backed by db.
func NewSpendService(db *DB) *SpendService { return &SpendService{db: db} }

var _ backend.SpendService = (*SpendService)(nil)

const spendSelect = `
	SELECT s.id, s.version, s.date, s.amount, s.currency, s.team_id, t.name, s.category_id, k.name, s.vendor,
		coalesce(s.campaign_id, 0), coalesce(c.name, ''), s.status, s.reference, s.note,
		coalesce(s.request_id, 0), coalesce(s.vendor_id, 0), coalesce(s.contract_id, 0), s.created_at, s.updated_at, count(*) OVER ()
	FROM spend s
	JOIN teams t ON t.id = s.team_id
	JOIN spend_categories k ON k.id = s.category_id
	LEFT JOIN campaigns c ON c.id = s.campaign_id`

func querySpend(ctx context.Context, q queryer, where string, args []any, limit, offset int) ([]*backend.Spend, int, error) {
	rows, err := q.QueryContext(ctx, spendSelect+" WHERE "+where+" ORDER BY s.date DESC, s.id DESC LIMIT ? OFFSET ?",
		append(args, limit, offset)...)
	if err != nil {
		return nil, 0, fmt.Errorf("find spend: %w", err)
	}
	return scanSpend(rows)
}

func scanSpend(rows *sql.Rows) ([]*backend.Spend, int, error) {
	defer rows.Close()
	out, total := []*backend.Spend{}, 0
	for rows.Next() {
		var s backend.Spend
		if err := rows.Scan(&s.ID, &s.Version, &s.Date, &s.Amount.Amount, &s.Amount.Currency, &s.TeamID, &s.TeamName,
			&s.CategoryID, &s.CategoryName, &s.Vendor, &s.CampaignID, &s.CampaignName, &s.Status, &s.Reference,
			&s.Note, &s.RequestID, &s.VendorID, &s.ContractID, &s.CreatedAt, &s.UpdatedAt, &total); err != nil {
			return nil, 0, fmt.Errorf("scan spend: %w", err)
		}
		out = append(out, &s)
	}
	return out, total, rows.Err()
}

// FindSpend returns one page of spend entries, newest first.
func (s *SpendService) FindSpend(ctx context.Context, f backend.SpendFilter) (*backend.SpendPage, error) {
	fe := backend.FieldErrors{}
	for _, d := range []struct{ field, v string }{{"from", f.From}, {"to", f.To}} {
		if _, ok := backend.ParseDay(d.v); d.v != "" && !ok {
			fe.Add(d.field, "field.date_invalid", map[string]any{"value": d.v})
		}
	}
	if f.Limit < 0 || f.Limit > backend.MaxPageSize || f.Offset < 0 {
		fe.Add("limit", "filter.limit_range", map[string]any{"max": backend.MaxPageSize})
	}
	if err := fe.Err("spend filter"); err != nil {
		return nil, err
	}
	where, args := []string{"1 = 1"}, []any{}
	add := func(cond string, v any) { where, args = append(where, cond), append(args, v) }
	if f.From != "" {
		add("s.date >= ?", f.From)
	}
	if f.To != "" {
		add("s.date <= ?", f.To)
	}
	if f.TeamID != 0 {
		add("s.team_id = ?", f.TeamID)
	}
	if f.CategoryID != 0 {
		add("s.category_id = ?", f.CategoryID)
	}
	if f.CampaignID != 0 {
		add("s.campaign_id = ?", f.CampaignID)
	}
	if f.VendorID != 0 {
		add("s.vendor_id = ?", f.VendorID)
	}
	if v := strings.TrimSpace(f.Vendor); v != "" {
		add("s.vendor = ? COLLATE NOCASE", v)
	}
	if len(f.Statuses) > 0 {
		marks := strings.TrimSuffix(strings.Repeat("?,", len(f.Statuses)), ",")
		where = append(where, "s.status IN ("+marks+")")
		for _, st := range f.Statuses {
			args = append(args, string(st))
		}
	}
	limit := f.Limit
	if limit == 0 {
		limit = backend.MaxPageSize
	}
	list, total, err := querySpend(ctx, s.db.conn(ctx), strings.Join(where, " AND "), args, limit, f.Offset)
	if err != nil {
		return nil, err
	}
	if err := s.inBase(ctx, list); err != nil {
		return nil, err
	}
	return &backend.SpendPage{Entries: list, Total: total}, nil
}

// inBase sets each entry's amount in the base currency, by the rule the
// budget summary uses.
func (s *SpendService) inBase(ctx context.Context, list []*backend.Spend) error {
	if len(list) == 0 {
		return nil
	}
	st, err := settingsOf(ctx, s.db.conn(ctx))
	if err != nil {
		return err
	}
	rates, err := (&BudgetService{db: s.db}).rates(ctx, st.BaseCurrency)
	if err != nil {
		return err
	}
	for _, sp := range list {
		month := sp.Date[:min(7, len(sp.Date))]
		if v, assumed, ok := rates.ToBase(sp.Amount.Amount, sp.Amount.Currency, month); ok {
			rate, _, _ := rates.Rate(sp.Amount.Currency, month)
			sp.Base = &backend.InBase{Amount: v, Currency: st.BaseCurrency, Rate: rate, Assumed: assumed}
		}
	}
	return nil
}

func findSpendByID(ctx context.Context, q queryer, id int64) (*backend.Spend, error) {
	// No ORDER BY here: with one, SQLite may walk the date index over the
	// whole table instead of looking the id up.
	rows, err := q.QueryContext(ctx, spendSelect+" WHERE s.id = ?", id)
	if err != nil {
		return nil, fmt.Errorf("find spend: %w", err)
	}
	list, _, err := scanSpend(rows)
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		return nil, backend.Errorf(backend.ENOTFOUND, "That spend entry no longer exists.")
	}
	return list[0], nil
}

// checkSpend checks what only the store can: the team, category and
// campaign exist, and the date falls in a fiscal year that has a budget.
func checkSpend(ctx context.Context, tx *sql.Tx, sp *backend.Spend) error {
	fe := backend.FieldErrors{}
	if !exists(ctx, tx, "teams", sp.TeamID) {
		fe.Add("teamId", "field.reference_unknown", nil)
	}
	if !exists(ctx, tx, "spend_categories", sp.CategoryID) {
		fe.Add("categoryId", "field.reference_unknown", nil)
	}
	if sp.CampaignID != 0 && !exists(ctx, tx, "campaigns", sp.CampaignID) {
		fe.Add("campaignId", "field.reference_unknown", nil)
	}
	if sp.VendorID != 0 && !exists(ctx, tx, "vendors", sp.VendorID) {
		fe.Add("vendorId", "field.reference_unknown", nil)
	}
	st, err := settingsOf(ctx, tx)
	if err != nil {
		return err
	}
	fy, _ := backend.FiscalYearOf(sp.Date, st.FiscalYearStartMonth)
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM fiscal_years WHERE year = ?`, fy).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		fe.Add("date", "spend.no_fiscal_year", map[string]any{"year": backend.FiscalYearLabel(fy, st.FiscalYearStartMonth)})
	}
	return fe.Err("spend entry")
}

// FindSpendByID returns one spend entry as stored (ENOTFOUND when gone).
func (s *SpendService) FindSpendByID(ctx context.Context, id int64) (*backend.Spend, error) {
	return findSpendByID(ctx, s.db.conn(ctx), id)
}

// CreateSpend validates and stores a spend entry.
func (s *SpendService) CreateSpend(ctx context.Context, sp *backend.Spend) error {
	err := s.db.inTx(ctx, func(tx *sql.Tx) error { return insertSpend(ctx, tx, s.db.timestamp(), sp) })
	if err != nil {
		return fmt.Errorf("create spend: %w", err)
	}
	return nil
}

func insertSpend(ctx context.Context, tx *sql.Tx, now string, sp *backend.Spend) error {
	sp.Normalize()
	if err := sp.Validate(); err != nil {
		return err
	}
	if err := checkSpend(ctx, tx, sp); err != nil {
		return err
	}
	res, err := tx.ExecContext(ctx, `
		INSERT INTO spend (date, amount, currency, team_id, category_id, vendor, vendor_id, campaign_id, status, reference, note,
			request_id, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		sp.Date, sp.Amount.Amount, sp.Amount.Currency, sp.TeamID, sp.CategoryID, sp.Vendor, nullID(sp.VendorID), nullID(sp.CampaignID),
		sp.Status, sp.Reference, sp.Note, nullID(sp.RequestID), now, now)
	if err != nil {
		return err
	}
	id, _ := res.LastInsertId()
	stored, err := findSpendByID(ctx, tx, id)
	if err == nil {
		*sp = *stored
	}
	return err
}

// UpdateSpend applies upd and returns the stored result.
func (s *SpendService) UpdateSpend(ctx context.Context, id int64, upd backend.SpendUpdate) (*backend.Spend, error) {
	var out *backend.Spend
	err := s.db.inTx(ctx, func(tx *sql.Tx) error {
		sp, err := findSpendByID(ctx, tx, id)
		if err != nil {
			return err
		}
		if sp.ContractID != 0 {
			return fromContract()
		}
		if err := checkVersion(ctx, tx, "spend", id, "spend entry", upd.Version, sp.Version, sp); err != nil {
			return err
		}
		upd.Apply(sp)
		sp.Normalize()
		if err := sp.Validate(); err != nil {
			return err
		}
		if err := checkSpend(ctx, tx, sp); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `
			UPDATE spend SET date = ?, amount = ?, currency = ?, team_id = ?, category_id = ?, vendor = ?, vendor_id = ?, campaign_id = ?,
				status = ?, reference = ?, note = ?, updated_at = ? WHERE id = ?`,
			sp.Date, sp.Amount.Amount, sp.Amount.Currency, sp.TeamID, sp.CategoryID, sp.Vendor, nullID(sp.VendorID), nullID(sp.CampaignID),
			sp.Status, sp.Reference, sp.Note, s.db.timestamp(), id); err != nil {
			return err
		}
		out, err = findSpendByID(ctx, tx, id)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("update spend %d: %w", id, err)
	}
	return out, nil
}

// DeleteSpend removes a spend entry; a contract's payments go with the contract.
func (s *SpendService) DeleteSpend(ctx context.Context, id, version int64) error {
	var contract sql.NullInt64
	if err := s.db.conn(ctx).QueryRowContext(ctx, `SELECT contract_id FROM spend WHERE id = ?`, id).Scan(&contract); err == nil && contract.Valid {
		return fromContract()
	}
	return deleteRow(ctx, s.db, "spend", id, "That spend entry no longer exists.", versionGuard{version, "spend entry",
		func(tx *sql.Tx) (any, error) { return findSpendByID(ctx, tx, id) }})
}

func fromContract() error {
	return &backend.Error{Code: backend.ECONFLICT, Message: "This payment follows its contract; change the contract instead.",
		Fields: map[string]backend.FieldError{"contractId": {Key: "spend.from_contract"}}}
}
