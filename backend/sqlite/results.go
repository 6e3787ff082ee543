package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"mopsdesk/backend"
)

// ResultsService keeps results data (see backend.ResultsService).
type ResultsService struct{ db *DB }

// NewResultsService returns a ResultsService backed by db.
func NewResultsService(db *DB) *ResultsService { return &ResultsService{db: db} }

var _ backend.ResultsService = (*ResultsService)(nil)

// AttachImport gives the pending facts of this Batch their import.
func (s *ResultsService) AttachImport(ctx context.Context, importID int64) error {
	if importID <= 0 {
		return errors.New("attach results: no import")
	}
	return s.db.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE result_facts SET import_id = ? WHERE import_id = 0`, importID); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `UPDATE result_facts SET superseded_by = ? WHERE superseded_by = 0`, importID)
		return err
	})
}

// DeleteImport removes an import's facts and brings back those they
// replaced, unless a later import stored the same fact again.
func (s *ResultsService) DeleteImport(ctx context.Context, importID int64) error {
	return s.db.inTx(ctx, func(tx *sql.Tx) error {
		months, err := importMonths(ctx, tx, `SELECT DISTINCT substr(date_from, 1, 7) FROM result_facts WHERE import_id = ? OR superseded_by = ?`, importID, importID)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM result_facts WHERE import_id = ?`, importID); err != nil {
			return err
		}
		// A later import that stored the key again replaces it now.
		if _, err := tx.ExecContext(ctx, `UPDATE result_facts SET superseded_by = (
			SELECT l.import_id FROM result_facts l WHERE l.superseded_by IS NULL AND l.source = result_facts.source
			AND l.external = result_facts.external AND l.channel = result_facts.channel AND l.medium = result_facts.medium
			AND l.date_from = result_facts.date_from AND l.date_to = result_facts.date_to AND l.records = result_facts.records)
			WHERE superseded_by = ?`, importID); err != nil {
			return err
		}
		return rebuildMonths(ctx, tx, months)
	})
}

func importMonths(ctx context.Context, tx *sql.Tx, q string, args ...any) (map[string]bool, error) {
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	months := map[string]bool{}
	for rows.Next() {
		var m string
		if err := rows.Scan(&m); err != nil {
			return nil, err
		}
		months[m] = true
	}
	return months, rows.Err()
}

// Match gives a source's external campaign to a workspace campaign.
func (s *ResultsService) Match(ctx context.Context, source backend.ResultSource, external string, campaignID int64) error {
	return s.db.inTx(ctx, func(tx *sql.Tx) error {
		months, err := importMonths(ctx, tx, `SELECT DISTINCT substr(date_from, 1, 7) FROM result_facts
			WHERE source = ? AND external = ? AND superseded_by IS NULL`, source, external)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE result_facts SET campaign_id = ? WHERE source = ? AND external = ?`,
			nullID(campaignID), source, external); err != nil {
			return err
		}
		return rebuildMonths(ctx, tx, months)
	})
}

// Overlaps reports the facts of other imports whose days overlap the
// pending facts' without being the same days.
func (s *ResultsService) Overlaps(ctx context.Context) ([]backend.ResultOverlap, error) {
	// The days each external campaign of the new facts spans pick the
	// earlier facts that may overlap; each of those is then checked
	// against the new facts of its campaign (few, by the key index).
	rows, err := s.db.conn(ctx).QueryContext(ctx, `
		WITH spans AS (SELECT source, external, min(date_from) AS first, max(date_to) AS last
			FROM result_facts WHERE import_id = 0 AND superseded_by IS NULL GROUP BY source, external)
		SELECT o.source, o.external, o.import_id, o.source_file, min(o.date_from), max(o.date_to)
		FROM spans s JOIN result_facts o INDEXED BY result_facts_key
			ON o.source = s.source AND o.external = s.external AND o.superseded_by IS NULL
			AND o.import_id <> 0 AND o.date_from <= s.last AND o.date_to >= s.first
		WHERE EXISTS (SELECT 1 FROM result_facts n INDEXED BY result_facts_key
			WHERE n.source = o.source AND n.external = o.external AND n.superseded_by IS NULL AND n.import_id = 0
			AND n.date_from <= o.date_to AND n.date_to >= o.date_from
			AND NOT (n.date_from = o.date_from AND n.date_to = o.date_to))
		GROUP BY o.source, o.external, o.import_id ORDER BY o.source, o.external, o.import_id`)
	if err != nil {
		return nil, fmt.Errorf("result overlaps: %w", err)
	}
	defer rows.Close()
	out := []backend.ResultOverlap{}
	for rows.Next() {
		var o backend.ResultOverlap
		if err := rows.Scan(&o.Source, &o.External, &o.ImportID, &o.SourceFile, &o.From, &o.To); err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}
