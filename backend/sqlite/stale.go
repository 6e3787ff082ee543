package sqlite

import (
	"context"
	"database/sql"
	"errors"

	"mopsdesk/backend"
)

// guardVersion refuses, inside tx, a write to the row id of table that
// was based on version sent when the row now holds another: the error
// carries the record as current reads it. Every transaction takes the
// write lock at BEGIN (see DSN), so nothing can change the row between
// this check and the write that follows. A row that is gone passes: the
// write that follows reports it as not found. Sent 0 writes
// unconditionally (see backend.CheckVersion). table is one of our fixed
// table names.
func guardVersion(ctx context.Context, tx *sql.Tx, table string, id, sent int64, what string, current func() (any, error)) error {
	if sent == 0 {
		return nil
	}
	var stored int64
	err := tx.QueryRowContext(ctx, `SELECT version FROM `+table+` WHERE id = ?`, id).Scan(&stored)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && stored == sent) {
		return nil
	} else if err != nil {
		return err
	}
	cur, err := current()
	if err != nil {
		return err
	}
	return backend.Conflict(what, cur)
}
