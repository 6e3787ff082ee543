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
	return s.rules(ctx, s.db.conn(ctx), 0)
}

// rules lists every rule, or only rule id.
func (s *ResultRuleService) rules(ctx context.Context, q queryer, id int64) ([]backend.ResultRule, error) {
	rows, err := q.QueryContext(ctx, `SELECT r.id, r.kind, r.text, r.source, coalesce(r.campaign_id, 0), coalesce(c.name, ''), r.created_at
		FROM result_rules r LEFT JOIN campaigns c ON c.id = r.campaign_id WHERE ? = 0 OR r.id = ? ORDER BY r.id`, id, id)
	if err != nil {
		return nil, fmt.Errorf("result rules: %w", err)
	}
	defer rows.Close()
	out := []backend.ResultRule{}
	for rows.Next() {
		var r backend.ResultRule
		if err := rows.Scan(&r.ID, &r.Kind, &r.Text, &r.Source, &r.CampaignID, &r.CampaignName, &r.CreatedAt); err != nil {
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
		if err := campaignExists(ctx, tx, r.CampaignID); err != nil {
			return err
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

// campaignExists returns an EINVALID error on "campaignId" when a
// campaign (other than 0, no campaign) does not exist.
func campaignExists(ctx context.Context, tx *sql.Tx, id int64) error {
	if id == 0 {
		return nil
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM campaigns WHERE id = ?`, id).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return &backend.Error{Code: backend.EINVALID, Message: "That campaign no longer exists.",
			Fields: map[string]backend.FieldError{"campaignId": {Key: "field.reference_unknown"}}}
	}
	return nil
}

// CreateResultRule adds r; a rule of the same kind, text and source is
// an EINVALID error on "text" (change that rule's campaign instead).
func (s *ResultRuleService) CreateResultRule(ctx context.Context, r *backend.ResultRule) error {
	if err := r.Validate(); err != nil {
		return err
	}
	campaign := sql.NullInt64{Int64: r.CampaignID, Valid: r.CampaignID != 0}
	err := s.db.inTx(ctx, func(tx *sql.Tx) error {
		if err := campaignExists(ctx, tx, r.CampaignID); err != nil {
			return err
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM result_rules WHERE kind = ? AND text = ? AND source = ?`, r.Kind, r.Text, r.Source).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return &backend.Error{Code: backend.EINVALID, Message: "A rule with this text already exists; change its campaign instead.",
				Fields: map[string]backend.FieldError{"text": {Key: "results.rule_duplicate"}}}
		}
		r.CreatedAt = s.db.timestamp()
		res, err := tx.ExecContext(ctx, `INSERT INTO result_rules (kind, text, source, campaign_id, created_at) VALUES (?, ?, ?, ?, ?)`,
			r.Kind, r.Text, r.Source, campaign, r.CreatedAt)
		if err != nil {
			return err
		}
		r.ID, err = res.LastInsertId()
		return err
	})
	if err != nil {
		return fmt.Errorf("create result rule: %w", err)
	}
	return nil
}

// UpdateResultRule gives a rule another campaign (0: its names are
// ignored); ENOTFOUND when there is no such rule.
func (s *ResultRuleService) UpdateResultRule(ctx context.Context, id, campaignID int64) (*backend.ResultRule, error) {
	if campaignID < 0 {
		return nil, &backend.Error{Code: backend.EINVALID, Message: "That campaign no longer exists.",
			Fields: map[string]backend.FieldError{"campaignId": {Key: "field.reference_unknown"}}}
	}
	var out *backend.ResultRule
	err := s.db.inTx(ctx, func(tx *sql.Tx) error {
		if err := campaignExists(ctx, tx, campaignID); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE result_rules SET campaign_id = ? WHERE id = ?`, sql.NullInt64{Int64: campaignID, Valid: campaignID != 0}, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return backend.Errorf(backend.ENOTFOUND, "That rule no longer exists.")
		}
		list, err := s.rules(ctx, tx, id)
		if err != nil || len(list) == 0 {
			return err
		}
		out = &list[0]
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("update result rule: %w", err)
	}
	return out, nil
}
