package api_test

import (
	"context"
	"database/sql"
	"io"
	"reflect"
	"strings"
	"testing"
	"time"

	"mopsdesk/backend"
	"mopsdesk/backend/api"
	"mopsdesk/backend/datadir"
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
	_, err = a.Lists.Create(context.Background(), backend.ListTeams, "Brand")
	p := api.FormatError(err)
	if p.Code != backend.EBUSY || p.Message == backend.ErrorMessage(io.EOF) {
		t.Fatalf("payload %+v", p)
	}
}

// TestUnavailable: a window opened without its workspace (held by another
// process, say) answers every call the page can make with the reason,
// and none of them panics on the missing stores.
func TestUnavailable(t *testing.T) {
	held := &datadir.LockedError{Dir: "/data", Holder: datadir.Holder{PID: 4312, Mode: "serve", Since: time.Now()}}
	a := api.New(api.Services{Unavailable: held})
	for _, f := range a.Bindings() {
		v := reflect.ValueOf(f)
		for i := 0; i < v.NumMethod(); i++ {
			m := v.Method(i)
			name := reflect.TypeOf(f).Method(i).Name
			in := make([]reflect.Value, m.Type().NumIn())
			for j := range in {
				in[j] = reflect.Zero(m.Type().In(j))
			}
			out := m.Call(in)
			last := out[len(out)-1]
			if last.Type() != reflect.TypeOf((*error)(nil)).Elem() {
				continue // About, Currencies, Today: no store needed
			}
			err, _ := last.Interface().(error)
			if err == nil {
				continue // Imports.Discard: nothing to do without a workspace
			}
			if p := api.FormatError(err); p.Code != backend.EINUSE || !strings.Contains(p.Message, "process 4312") {
				t.Errorf("%T.%s: %+v", f, name, p)
			}
		}
	}
}
