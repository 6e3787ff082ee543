package transfer_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
	"time"

	"mopsdesk/backend/files"
	"mopsdesk/backend/sqlite"
	"mopsdesk/backend/transfer"
)

// fixedNow is the clock every test database runs on.
var fixedNow = time.Date(2026, 3, 14, 9, 30, 0, 0, time.UTC)

// testDB is a store opened for a test, with a second connection to read
// and change its tables directly.
type testDB struct {
	*sqlite.DB
	raw *sql.DB
}

// QueryRowForTest reads the tables directly.
func (d *testDB) QueryRowForTest(ctx context.Context, query string, args ...any) *sql.Row {
	return d.raw.QueryRowContext(ctx, query, args...)
}

// ExecForTest changes the tables directly.
func (d *testDB) ExecForTest(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return d.raw.ExecContext(ctx, query, args...)
}

// mustOpen opens a fresh database in a temp dir and closes it at the end.
func mustOpen(tb testing.TB) *testDB {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "mopsdesk.db")
	db := sqlite.NewDB(path)
	db.Now = func() time.Time { return fixedNow }
	if err := db.Open(); err != nil {
		tb.Fatal(err)
	}
	raw, err := sql.Open("sqlite3", sqlite.DSN(path))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		raw.Close()
		db.Close()
	})
	return &testDB{DB: db, raw: raw}
}

// newService is the round trip over every store of db.
func newService(db *sqlite.DB, store *files.Store) *transfer.Service {
	return newServiceWith(db, store, func(*transfer.Services) {})
}

// newServiceWith is newService with the services adjusted by change first.
func newServiceWith(db *sqlite.DB, store *files.Store, change func(*transfer.Services)) *transfer.Service {
	s := transfer.Services{Store: sqlite.NewImportStore(db), Workspace: sqlite.NewWorkspaceService(db), Lists: sqlite.NewListService(db),
		Campaigns: sqlite.NewCampaignService(db), Deliverables: sqlite.NewDeliverableService(db), Milestones: sqlite.NewMilestoneService(db),
		Calendar: sqlite.NewCalendarService(db), Budget: sqlite.NewBudgetService(db), Spend: sqlite.NewSpendService(db), Requests: sqlite.NewRequestService(db),
		Vendors: sqlite.NewVendorService(db), Contracts: sqlite.NewContractService(db), Assets: sqlite.NewAssetService(db, store),
		Results: sqlite.NewResultsService(db), Rules: sqlite.NewResultRuleService(db), Explain: sqlite.Explain, Now: func() time.Time { return db.Now() }}
	change(&s)
	return transfer.New(s)
}
