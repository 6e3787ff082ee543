package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"mopsdesk/backend"
)

// ResultRuleService keeps the matching rules of results imports (see
// backend.ResultRuleService).
type ResultRuleService struct{ db *DB }

// NewResultRuleService returns a ResultRuleService backed by db.
func NewResultRuleService(db *DB) *ResultRuleService { return &ResultRuleService{db: db} }

var _ backend.ResultRuleService = (*ResultRuleService)(nil)

// ResultRules lists the rules, oldest first.
func (s *ResultRuleService) ResultRules(ctx context.Context) ([]backend.ResultRule, error) {
	rows, err := s.db.conn(ctx).QueryContext(ctx, `SELECT id, kind, text, source, coalesce(campaign_id, 0), created_at FROM result_rules ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("result rules: %w", err)
	}
	defer rows.Close()
	out := []backend.ResultRule{}
	for rows.Next() {
		var r backend.ResultRule
		if err := rows.Scan(&r.ID, &r.Kind, &r.Text, &r.Source, &r.CampaignID, &r.CreatedAt); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// SaveResultRule adds r, or changes the campaign of the rule with the
// same kind, text and source.
func (s *ResultRuleService) SaveResultRule(ctx context.Context, r *backend.ResultRule) error {
	if err := r.Validate(); err != nil {
		return err
	}
	campaign := sql.NullInt64{Int64: r.CampaignID, Valid: r.CampaignID != 0}
	err := s.db.inTx(ctx, func(tx *sql.Tx) error {
		if campaign.Valid {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM campaigns WHERE id = ?`, r.CampaignID).Scan(&n); err != nil {
				return err
			}
			if n == 0 {
				return &backend.Error{Code: backend.EINVALID, Message: "That campaign no longer exists.",
					Fields: map[string]backend.FieldError{"campaignId": {Key: "field.reference_unknown"}}}
			}
		}
		now := s.db.timestamp()
		if _, err := tx.ExecContext(ctx, `INSERT INTO result_rules (kind, text, source, campaign_id, created_at) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (kind, text, source) DO UPDATE SET campaign_id = excluded.campaign_id`, r.Kind, r.Text, r.Source, campaign, now); err != nil {
			return err
		}
		return tx.QueryRowContext(ctx, `SELECT id, created_at FROM result_rules WHERE kind = ? AND text = ? AND source = ?`, r.Kind, r.Text, r.Source).
			Scan(&r.ID, &r.CreatedAt)
	})
	if err != nil {
		return fmt.Errorf("save result rule: %w", err)
	}
	return nil
}

// DeleteResultRule removes a rule; ENOTFOUND when there is none.
func (s *ResultRuleService) DeleteResultRule(ctx context.Context, id int64) error {
	res, err := s.db.conn(ctx).ExecContext(ctx, `DELETE FROM result_rules WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("delete result rule: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return backend.Errorf(backend.ENOTFOUND, "That rule no longer exists.")
	}
	return nil
}
