package api_test

import (
	"database/sql"
	"io"
	"testing"

	"mopsdesk/backend"
	"mopsdesk/backend/api"
	"mopsdesk/backend/sqlite"
)

// TestBusyDatabase holds the database's write lock from another
// connection, as a backup or sync tool might: a change then fails, after
// the busy timeout, with the "busy" code the UI explains, not as an
// internal error.
func TestBusyDatabase(t *testing.T) {
	a, db := newAPIWith(t, io.Discard, func(*api.Services) {})
	other, err := sql.Open("sqlite3", sqlite.DSN(db.Path()))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	tx, err := other.Begin() // _txlock=immediate: holds the write lock
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	_, err = a.Lists.Create(backend.ListTeams, "Brand")
	p := api.FormatError(err)
	if p.Code != backend.EBUSY || p.Message == backend.ErrorMessage(io.EOF) {
		t.Fatalf("payload %+v", p)
	}
}
