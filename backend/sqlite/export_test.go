package sqlite

import (
	"context"
	"database/sql"
)

// QueryRowForTest lets the package's tests read the tables directly.
func (db *DB) QueryRowForTest(ctx context.Context, query string, args ...any) *sql.Row {
	return db.db.QueryRowContext(ctx, query, args...)
}

// ExecForTest lets the package's tests change the tables directly.
func (db *DB) ExecForTest(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return db.db.ExecContext(ctx, query, args...)
}

// MigrateForTest runs SQL as a later migration would run.
func (db *DB) MigrateForTest(body string) error {
	tx, err := db.db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := applyMigration(tx, body); err != nil {
		return err
	}
	return tx.Commit()
}
