package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"mopsdesk/backend"
)

// ResultStageService keeps the funnel steps the user gave to CRM stages
// (see backend.ResultStageService).
type ResultStageService struct{ db *DB }

// NewResultStageService returns a ResultStageService backed by db.
func NewResultStageService(db *DB) *ResultStageService { return &ResultStageService{db: db} }

var _ backend.ResultStageService = (*ResultStageService)(nil)

// ResultStages lists the saved stages, oldest first.
func (s *ResultStageService) ResultStages(ctx context.Context) ([]backend.ResultStage, error) {
	rows, err := s.db.conn(ctx).QueryContext(ctx, `SELECT id, source, records, stage, step, created_at FROM result_stages ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("result stages: %w", err)
	}
	defer rows.Close()
	out := []backend.ResultStage{}
	for rows.Next() {
		var r backend.ResultStage
		if err := rows.Scan(&r.ID, &r.Source, &r.Records, &r.Stage, &r.Step, &r.CreatedAt); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// SaveResultStage adds st, or changes the step (and the stage's spelling)
// of the saved stage with the same source, records and folded stage.
func (s *ResultStageService) SaveResultStage(ctx context.Context, st *backend.ResultStage) error {
	if err := st.Validate(); err != nil {
		return err
	}
	key := backend.FoldStage(st.Stage)
	err := s.db.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO result_stages (source, records, stage, stage_key, step, created_at) VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT (source, records, stage_key) DO UPDATE SET step = excluded.step, stage = excluded.stage`,
			st.Source, st.Records, st.Stage, key, st.Step, s.db.timestamp()); err != nil {
			return err
		}
		return tx.QueryRowContext(ctx, `SELECT id, created_at FROM result_stages WHERE source = ? AND records = ? AND stage_key = ?`,
			st.Source, st.Records, key).Scan(&st.ID, &st.CreatedAt)
	})
	if err != nil {
		return fmt.Errorf("save result stage: %w", err)
	}
	return nil
}
