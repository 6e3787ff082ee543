package sqlite

import (
	"context"
	"fmt"

	"mopsdesk/backend"
)

// ResultBookings returns the remembered cost choice of every source that
// was imported, by source.
func (s *ResultRuleService) ResultBookings(ctx context.Context) ([]backend.ResultBooking, error) {
	rows, err := s.db.conn(ctx).QueryContext(ctx, `SELECT source, book_cost, category_id, category_name FROM result_sources ORDER BY source`)
	if err != nil {
		return nil, fmt.Errorf("result bookings: %w", err)
	}
	defer rows.Close()
	out := []backend.ResultBooking{}
	for rows.Next() {
		var b backend.ResultBooking
		if err := rows.Scan(&b.Source, &b.Book, &b.CategoryID, &b.CategoryName); err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, rows.Err()
}

// SaveResultBooking remembers a source's cost choice (in the Batch of
// ctx, if any), replacing the one before.
func (s *ResultRuleService) SaveResultBooking(ctx context.Context, b backend.ResultBooking) error {
	if b.Source == "" {
		return &backend.Error{Code: backend.EINVALID, Message: "A source is required.",
			Fields: map[string]backend.FieldError{"source": {Key: "field.required"}}}
	}
	_, err := s.db.conn(ctx).ExecContext(ctx, `INSERT INTO result_sources (source, book_cost, category_id, category_name, updated_at) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (source) DO UPDATE SET book_cost = excluded.book_cost, category_id = excluded.category_id,
		category_name = excluded.category_name, updated_at = excluded.updated_at`,
		b.Source, b.Book, b.CategoryID, b.CategoryName, s.db.timestamp())
	if err != nil {
		return fmt.Errorf("save result booking: %w", err)
	}
	return nil
}
