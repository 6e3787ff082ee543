package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"mopsdesk/backend"
)

// WorkspaceService keeps the workspace settings record.
type WorkspaceService struct{ db *DB }

// NewWorkspaceService returns a WorkspaceService backed by db.
func NewWorkspaceService(db *DB) *WorkspaceService { return &WorkspaceService{db: db} }

var _ backend.WorkspaceService = (*WorkspaceService)(nil)

// Settings returns the workspace settings, or the defaults for a workspace
// that has never saved any.
func (s *WorkspaceService) Settings(ctx context.Context) (*backend.Settings, error) {
	var st backend.Settings
	err := s.db.conn(ctx).QueryRowContext(ctx, `
		SELECT name, base_currency, fiscal_year_start_month, language, underuse_threshold, calendar, week_start, updated_at
		FROM settings WHERE id = 1`).
		Scan(&st.Name, &st.BaseCurrency, &st.FiscalYearStartMonth, &st.Language, &st.UnderuseThreshold, &st.Calendar, &st.WeekStart, &st.UpdatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		d := backend.DefaultSettings()
		return &d, nil
	} else if err != nil {
		return nil, fmt.Errorf("read settings: %w", err)
	}
	return &st, nil
}

// UpdateSettings validates and stores the settings.
func (s *WorkspaceService) UpdateSettings(ctx context.Context, st backend.Settings) (*backend.Settings, error) {
	st.Normalize()
	if err := st.Validate(); err != nil {
		return nil, err
	}
	st.UpdatedAt = s.db.timestamp()
	err := s.db.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `
			INSERT INTO settings (id, name, base_currency, fiscal_year_start_month, language, underuse_threshold, calendar, week_start, updated_at)
			VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET name = excluded.name, base_currency = excluded.base_currency,
				fiscal_year_start_month = excluded.fiscal_year_start_month, language = excluded.language,
				underuse_threshold = excluded.underuse_threshold, calendar = excluded.calendar,
				week_start = excluded.week_start, updated_at = excluded.updated_at`,
			st.Name, st.BaseCurrency, st.FiscalYearStartMonth, st.Language, st.UnderuseThreshold, st.Calendar, st.WeekStart, st.UpdatedAt)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("update settings: %w", err)
	}
	return &st, nil
}

// WorkspaceID returns the identity created with the database.
func (s *WorkspaceService) WorkspaceID(ctx context.Context) (string, error) {
	var id string
	if err := s.db.conn(ctx).QueryRowContext(ctx, `SELECT uid FROM workspace_identity WHERE id = 1`).Scan(&id); err != nil {
		return "", fmt.Errorf("workspace identity: %w", err)
	}
	return id, nil
}

// CurrenciesInUse counts each currency's entries across the tables that
// keep money; spend is counted from its monthly roll-up, so this stays
// cheap however many entries there are.
func (s *WorkspaceService) CurrenciesInUse(ctx context.Context) ([]string, error) {
	rows, err := s.db.conn(ctx).QueryContext(ctx, `
		SELECT currency FROM (
			SELECT currency, SUM(entries) AS n FROM spend_monthly GROUP BY currency
			UNION ALL SELECT currency, COUNT(*) FROM spend_requests GROUP BY currency
			UNION ALL SELECT cost_currency, COUNT(*) FROM contracts GROUP BY cost_currency
			UNION ALL SELECT budget_currency, COUNT(*) FROM campaigns GROUP BY budget_currency
			UNION ALL SELECT currency, COUNT(*) FROM fx_rates GROUP BY currency
		) GROUP BY currency HAVING SUM(n) > 0 ORDER BY SUM(n) DESC, currency`)
	if err != nil {
		return nil, fmt.Errorf("currencies in use: %w", err)
	}
	defer rows.Close()
	out := []string{}
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}
