// Package sqlite stores MOps Desk data in one SQLite file through
// mattn/go-sqlite3: WAL, foreign keys and a busy timeout are set in the DSN
// so that every pooled connection has them, and each user action runs in
// one transaction.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/mattn/go-sqlite3"

	"mopsdesk/backend"
)

//go:embed migration/*.sql
var migrationFS embed.FS

// DB is an open MOps Desk database.
type DB struct {
	db   *sql.DB
	path string
	// Now returns the current time; tests replace it to pin timestamps.
	Now func() time.Time
	// Members lists a team workspace's members, whom owners must be when
	// a call is made for someone; nil in a local workspace. Set it before
	// serving.
	Members backend.MemberDirectory
}

// NewDB returns a DB for the file at path; call Open before use.
func NewDB(path string) *DB {
	return &DB{path: path, Now: time.Now}
}

// DSN returns the connection string for path. _txlock=immediate makes every
// transaction take the write lock at BEGIN, so a writer never fails halfway
// when upgrading a read lock under another writer.
//
// The string is a file: URI (the driver keeps the query for SQLite, which
// reads the path as a URI), so the path is percent-encoded: a folder named
// "a?b", "#1" or "50%" is a folder, not the start of a query or fragment
// or an escape.
func DSN(path string) string {
	q := url.Values{}
	q.Set("_journal_mode", "WAL")
	q.Set("_foreign_keys", "on")
	q.Set("_busy_timeout", "5000")
	q.Set("_txlock", "immediate")
	q.Set("_synchronous", "NORMAL")
	p := filepath.ToSlash(path)
	if filepath.VolumeName(path) != "" {
		p = "/" + p // C:/data → file:///C:/data
	}
	if strings.HasPrefix(p, "/") {
		// An empty authority: a path starting "//" is not a host name.
		return "file://" + escapePath(p) + "?" + q.Encode()
	}
	return "file:" + escapePath(p) + "?" + q.Encode()
}

// escapePath percent-encodes every byte of p but unreserved characters,
// '/' and a Windows drive's ':', which SQLite decodes back byte for byte
// (UTF-8 names included).
func escapePath(p string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			c == '-', c == '.', c == '_', c == '~', c == '/':
			b.WriteByte(c)
		case c == ':' && i == 2 && p[0] == '/':
			b.WriteByte(c) // /C:/
		default:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}

// Open opens the database file, creating it if needed, and applies every
// migration not yet applied.
func (db *DB) Open() error {
	if db.path == "" {
		return fmt.Errorf("open database: no path given")
	}
	sqlDB, err := sql.Open("sqlite3", DSN(db.path))
	if err != nil {
		return fmt.Errorf("open database: %w", err)
	}
	db.db = sqlDB
	if err := db.db.Ping(); err != nil {
		db.db.Close()
		return fmt.Errorf("open database %s: %w", db.path, db.damaged(err))
	}
	if err := db.checkVersion(); err != nil {
		db.db.Close()
		return db.damaged(err)
	}
	if err := db.migrate(); err != nil {
		db.db.Close()
		return db.damaged(err)
	}
	if err := db.setVersion(); err != nil {
		db.db.Close()
		return fmt.Errorf("record database version: %w", err)
	}
	if err := db.installAuditTriggers(context.Background()); err != nil {
		db.db.Close()
		return fmt.Errorf("install audit triggers: %w", db.damaged(err))
	}
	db.keepReserve()
	return nil
}

// Close closes the database.
func (db *DB) Close() error {
	if db.db == nil {
		return nil
	}
	return db.db.Close()
}

// Path returns the database file path.
func (db *DB) Path() string { return db.path }

// migrate applies the embedded migrations in file-name order, each in its
// own transaction together with its row in the migrations table.
func (db *DB) migrate() error {
	if _, err := db.db.Exec(`CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("create migrations table: %w", err)
	}
	names, err := fs.Glob(migrationFS, "migration/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	for _, name := range names {
		if err := db.migrateFile(name); err != nil {
			return fmt.Errorf("migration %s: %w", name, err)
		}
	}
	return nil
}

func (db *DB) migrateFile(name string) error {
	tx, err := db.db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRow(`SELECT count(*) FROM migrations WHERE name = ?`, name).Scan(&n); err != nil {
		return err
	} else if n > 0 {
		return nil
	}
	body, err := fs.ReadFile(migrationFS, name)
	if err != nil {
		return err
	}
	if err := applyMigration(tx, string(body)); err != nil {
		return err
	}
	if _, err := tx.Exec(`INSERT INTO migrations (name, applied_at) VALUES (?, ?)`, name, db.timestamp()); err != nil {
		return err
	}
	return tx.Commit()
}

// applyMigration runs a migration's SQL. The audit triggers go first (Open
// puts them back, fitted to the new schema): SQLite refuses to drop a
// column a trigger reads.
func applyMigration(tx *sql.Tx, body string) error {
	if err := dropAuditTriggers(tx); err != nil {
		return err
	}
	_, err := tx.Exec(body)
	return err
}

// Migrations returns the names of the applied migrations in order.
func (db *DB) Migrations(ctx context.Context) ([]string, error) {
	rows, err := db.db.QueryContext(ctx, `SELECT name FROM migrations ORDER BY name`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, err
		}
		out = append(out, strings.TrimPrefix(name, "migration/"))
	}
	return out, rows.Err()
}

// timestamp returns the current instant as UTC RFC 3339.
func (db *DB) timestamp() string {
	return db.Now().UTC().Format(time.RFC3339)
}

// txKey marks a context that carries a Batch's transaction.
type txKey struct{}

// dbtx is what both a connection pool and a transaction offer.
type dbtx interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// conn returns the Batch transaction ctx carries, or the pool: reads in a
// batch see its own writes and never wait on its lock.
func (db *DB) conn(ctx context.Context) dbtx {
	if tx, ok := ctx.Value(txKey{}).(*sql.Tx); ok {
		return tx
	}
	return db.db
}

// Batch runs fn in one transaction that every service call made with the
// context it is given joins: many actions (an import) stored whole or not
// at all. Inside a Batch it is a savepoint, so one part (a row of an
// import) can fail without the rest. A write the full disk stopped
// empties the write-ahead log its rolled-back pages would keep full.
func (db *DB) Batch(ctx context.Context, fn func(ctx context.Context) error) error {
	if tx, ok := ctx.Value(txKey{}).(*sql.Tx); ok {
		return savepoint(ctx, tx, fn)
	}
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		end := &batchEnd{}
		defer end.run(tx)
		return fn(context.WithValue(context.WithValue(ctx, txKey{}, tx), batchEndKey{}, end))
	})
	if err != nil && backend.ErrorCode(Explain(err)) == backend.EDISKFULL {
		db.shrinkLog()
	}
	return err
}

type batchEndKey struct{}

// batchEnd holds what must run on a Batch's connection as its transaction
// ends, committed or not: settings of the connection (a raised page
// cache) that a rollback does not undo.
type batchEnd struct{ fns []func(tx *sql.Tx) }

func (e *batchEnd) run(tx *sql.Tx) {
	for _, fn := range e.fns {
		fn(tx)
	}
}

// onBatchEnd has fn run as the Batch of ctx ends; it reports false
// outside a Batch.
func onBatchEnd(ctx context.Context, fn func(tx *sql.Tx)) bool {
	e, ok := ctx.Value(batchEndKey{}).(*batchEnd)
	if ok {
		e.fns = append(e.fns, fn)
	}
	return ok
}

// savepoint runs fn inside tx, its work rolled back when it fails.
func savepoint(ctx context.Context, tx *sql.Tx, fn func(ctx context.Context) error) error {
	if _, err := tx.ExecContext(ctx, `SAVEPOINT batch`); err != nil {
		return err
	}
	err := fn(ctx)
	if err != nil {
		tx.ExecContext(ctx, `ROLLBACK TO batch`)
	}
	tx.ExecContext(ctx, `RELEASE batch`)
	return err
}

// inTx runs fn in one transaction: committed if fn returns nil, rolled
// back otherwise, so a user action is stored whole or not at all. Inside a
// Batch it runs in the batch's transaction. What the transaction changed
// is written to the audit log just before it commits (audit.go).
func (db *DB) inTx(ctx context.Context, fn func(*sql.Tx) error) error {
	if tx, ok := ctx.Value(txKey{}).(*sql.Tx); ok {
		return fn(tx)
	}
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	if err := db.foldAudit(ctx, tx); err != nil {
		return fmt.Errorf("audit log: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// isPrimaryKeyViolation reports whether err is SQLite's PRIMARY KEY error.
func isPrimaryKeyViolation(err error) bool {
	var e sqlite3.Error
	return errors.As(err, &e) && e.ExtendedCode == sqlite3.ErrConstraintPrimaryKey
}

// isUniqueViolation reports whether err is SQLite's UNIQUE constraint error.
func isUniqueViolation(err error) bool {
	var e sqlite3.Error
	return errors.As(err, &e) && e.ExtendedCode == sqlite3.ErrConstraintUnique
}
