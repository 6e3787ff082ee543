package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"

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
	return withLastChange(ctx, tx, backend.Conflict(what, cur), table, id)
}

// checkVersion is backend.CheckVersion inside tx for the row id of table:
// a conflict also says who last changed the record and when.
func checkVersion(ctx context.Context, tx *sql.Tx, table string, id int64, what string, sent, stored int64, current any) error {
	err := backend.CheckVersion(what, sent, stored, current)
	if err == nil {
		return nil
	}
	return withLastChange(ctx, tx, err, table, id)
}

// withLastChange adds to the conflict err the audit log's last entry on
// the row id of table (its person and time), the change the refused save
// ran into. A change the log keeps under another record (an import is one
// entry for its whole file) is not named: the conflict then says no one.
func withLastChange(ctx context.Context, tx *sql.Tx, err error, table string, id int64) error {
	var e *backend.Error
	if !errors.As(err, &e) || e.Code != backend.ECONFLICT {
		return err
	}
	kind, ok := auditKindOf(table)
	if !ok {
		return err
	}
	var c backend.LastChange
	switch qerr := tx.QueryRowContext(ctx, `
		SELECT who, member_id, at FROM audit_log WHERE kind = ? AND record = ? ORDER BY id DESC LIMIT 1`,
		kind, strconv.FormatInt(id, 10)).Scan(&c.By, &c.ByID, &c.At); {
	case errors.Is(qerr, sql.ErrNoRows):
	case qerr != nil:
		return fmt.Errorf("find the last change of %s %d: %w", kind, id, qerr)
	default:
		e.Changed = &c
	}
	return err
}

// auditKindOf is the audit log's kind for the records of table.
func auditKindOf(table string) (backend.AuditKind, bool) {
	for _, t := range auditTables {
		if t.table == table && t.record == "$.id" {
			return t.kind, true
		}
	}
	return "", false
}
