package transfer_test

import (
	"context"
	"path/filepath"
	"strconv"
	"testing"

	"mopsdesk/backend"
	"mopsdesk/backend/files"
	"mopsdesk/backend/sheet"
	"mopsdesk/backend/sqlite"
)

// An import is one entry of the audit log, with who made it and what it
// did; its rows (and the teams and categories it added) are not logged
// one by one, its preview leaves nothing, and its undo is one entry more.
func TestImport_AuditLogHoldsOneEntryPerRun(t *testing.T) {
	db := mustOpen(t)
	store, err := files.New(filepath.Join(t.TempDir(), "assets"))
	if err != nil {
		t.Fatal(err)
	}
	s := newService(db.DB, store)
	ctx := backend.WithActor(context.Background(), &backend.Actor{PersonID: 3, Name: "Dana", Role: backend.RolePlanner})
	path := spendBook(t, t.TempDir(), 40)
	log := func() []*backend.Change {
		t.Helper()
		page, err := sqlite.NewAuditService(db.DB).FindChanges(context.Background(), backend.ChangeFilter{})
		if err != nil {
			t.Fatal(err)
		}
		return page.Changes
	}
	if _, err := s.Preview(ctx, path, "ledger.xlsx", sheet.Options{Kind: "spend"}); err != nil {
		t.Fatal(err)
	}
	if got := log(); len(got) != 0 {
		t.Fatalf("a preview left %d entries", len(got))
	}
	p, err := s.Commit(ctx, path, "ledger.xlsx", sheet.Options{Kind: "spend"})
	if err != nil || p.Create != 40 {
		t.Fatalf("import: %+v %v", p, err)
	}
	got := log()
	if len(got) != 1 {
		t.Fatalf("log = %d entries after an import of 40 rows, want 1", len(got))
	}
	e := got[0]
	if e.Kind != backend.AuditImport || e.Action != backend.AuditCreated || e.Who != "Dana" || e.Label != "ledger.xlsx" ||
		e.RecordID != strconv.FormatInt(p.RunID, 10) || len(e.Fields) != 4 || e.Fields[1].Field != "created" || e.Fields[1].After != float64(40) {
		t.Fatalf("entry = %+v", e)
	}
	if err := s.Undo(ctx, p.RunID); err != nil {
		t.Fatal(err)
	}
	if got := log(); len(got) != 2 || got[0].Action != backend.AuditDeleted || got[0].Kind != backend.AuditImport {
		t.Fatalf("log after undo = %+v", got)
	}
}
