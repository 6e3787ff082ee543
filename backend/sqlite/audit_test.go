package sqlite_test

import (
	"context"
	"encoding/json"
	"errors"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"mopsdesk/backend"
	"mopsdesk/backend/sqlite"
)

// auditLog returns every entry of the log, oldest first.
func auditLog(t *testing.T, db *sqlite.DB, f backend.ChangeFilter) []*backend.Change {
	t.Helper()
	f.Limit = backend.MaxPageSize
	page, err := sqlite.NewAuditService(db).FindChanges(context.Background(), f)
	if err != nil {
		t.Fatal(err)
	}
	if page.Total != len(page.Changes) {
		t.Fatalf("total %d, page %d", page.Total, len(page.Changes))
	}
	out := make([]*backend.Change, len(page.Changes))
	for i, c := range page.Changes {
		out[len(out)-1-i] = c
	}
	return out
}

// fieldsOf renders a change's fields as field: before → after, values as
// JSON, for comparing.
func fieldsOf(c *backend.Change) map[string]string {
	m := map[string]string{}
	for _, f := range c.Fields {
		b, _ := json.Marshal(f.Before)
		a, _ := json.Marshal(f.After)
		m[f.Field] = string(b) + " → " + string(a) + " (" + f.Type + ")"
	}
	return m
}

func wantFields(t *testing.T, c *backend.Change, want map[string]string) {
	t.Helper()
	got := fieldsOf(c)
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s %s field %s = %q, want %q", c.Kind, c.Action, k, got[k], w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%s %s fields = %v, want only %v", c.Kind, c.Action, got, want)
	}
}

var dana = &backend.Actor{PersonID: 7, Name: "Dana", Role: backend.RolePlanner}

func TestAudit_Campaign(t *testing.T) {
	db := mustOpen(t)
	db.Members = teamDirectory()
	ctx := backend.WithActor(context.Background(), dana)
	email, _ := sqlite.NewListService(db).CreateListItem(ctx, backend.ListChannels, "Email")
	s := sqlite.NewCampaignService(db)
	c := newCampaign("Spring launch")
	c.Tags, c.ChannelIDs = []string{"q1", "emea"}, []int64{email.ID}
	if err := s.CreateCampaign(ctx, c); err != nil {
		t.Fatal(err)
	}
	id := strconv.FormatInt(c.ID, 10)
	mine := backend.ChangeFilter{Kind: backend.AuditCampaign, RecordID: id}

	t.Run("CreatedWithTheActor", func(t *testing.T) { wantCreated(t, db, mine) })
	t.Run("ChangedOneEntryWithEachField", func(t *testing.T) {
		_, err := s.UpdateCampaign(ctx, c.ID, backend.CampaignUpdate{Name: ptr("Spring launch EU"), Tags: &[]string{"q1", "apac"},
			Budget: &backend.Money{Amount: 2_000_000, Currency: "USD"}})
		if err != nil {
			t.Fatal(err)
		}
		log := auditLog(t, db, mine)
		if len(log) != 2 {
			t.Fatalf("log = %d entries, want 2", len(log))
		}
		e := log[1]
		if e.Action != backend.AuditChanged || e.Label != "Spring launch EU" || e.Who != "Dana" {
			t.Fatalf("entry = %+v", e)
		}
		wantFields(t, e, map[string]string{
			"name":   `"Spring launch" → "Spring launch EU" (text)`,
			"budget": `{"amount":1250050,"currency":"USD"} → {"amount":2000000,"currency":"USD"} (money)`,
			"tags":   `["q1","emea"] → ["q1","apac"] (list)`,
		})
	})
	t.Run("NothingChangedNoEntry", func(t *testing.T) {
		if _, err := s.UpdateCampaign(ctx, c.ID, backend.CampaignUpdate{Name: ptr("Spring launch EU"), Tags: &[]string{"q1", "apac"}}); err != nil {
			t.Fatal(err)
		}
		if log := auditLog(t, db, mine); len(log) != 2 {
			t.Fatalf("log = %d entries after a change that changed nothing, want 2", len(log))
		}
	})
	t.Run("RolledBackNoEntry", func(t *testing.T) {
		boom := errors.New("boom")
		err := db.Batch(ctx, func(ctx context.Context) error {
			if _, err := s.UpdateCampaign(ctx, c.ID, backend.CampaignUpdate{Name: ptr("Never")}); err != nil {
				return err
			}
			return boom
		})
		if !errors.Is(err, boom) {
			t.Fatal(err)
		}
		// A change the store refuses leaves none either.
		if _, err := s.UpdateCampaign(ctx, c.ID, backend.CampaignUpdate{EndDate: ptr("2020-01-01")}); backend.ErrorCode(err) != backend.EINVALID {
			t.Fatalf("err = %v", err)
		}
		if log := auditLog(t, db, mine); len(log) != 2 {
			t.Fatalf("log = %d entries after a rollback, want 2", len(log))
		}
	})
	t.Run("LocalWorkspaceAndDeleted", func(t *testing.T) {
		if err := s.DeleteCampaign(context.Background(), c.ID, 0); err != nil {
			t.Fatal(err)
		}
		log := auditLog(t, db, mine)
		if len(log) != 3 {
			t.Fatalf("log = %d entries, want 3", len(log))
		}
		e := log[2]
		if e.Action != backend.AuditDeleted || e.MemberID != 0 || e.Who != "" || e.Label != "Spring launch EU" {
			t.Fatalf("entry = %+v", e)
		}
		if f := fieldsOf(e); f["name"] != `"Spring launch EU" → null (text)` || f["tags"] != `["apac","q1"] → null (list)` {
			t.Fatalf("fields = %v", f)
		}
	})
	t.Run("Filters", func(t *testing.T) { wantFilters(t, db) })
}

// wantCreated checks the one entry of the campaign Dana created in
// TestAudit_Campaign: every field it was given, its lists too.
func wantCreated(t *testing.T, db *sqlite.DB, mine backend.ChangeFilter) {
	log := auditLog(t, db, mine)
	if len(log) != 1 {
		t.Fatalf("log = %d entries, want 1", len(log))
	}
	e := log[0]
	if e.Action != backend.AuditCreated || e.Label != "Spring launch" || e.MemberID != 7 || e.Who != "Dana" || e.At != "2026-03-14T09:30:00Z" {
		t.Fatalf("entry = %+v", e)
	}
	wantFields(t, e, map[string]string{
		"name": `null → "Spring launch" (text)`, "owner": `null → "Dana" (text)`, "status": `null → "planned" (text)`,
		"startDate": `null → "2026-03-01" (date)`, "endDate": `null → "2026-03-31" (date)`,
		"budget":           `null → {"amount":1250050,"currency":"USD"} (money)`, // no revenue: none yet
		"complianceStatus": `null → "not_needed" (text)`,
		"tags":             `null → ["q1","emea"] (list)`, "channels": `null → ["Email"] (list)`,
	})
}

// wantFilters checks the log of TestAudit_Campaign through each filter:
// Dana made the channel, the campaign and its change, the local workspace
// deleted it, all on one day.
func wantFilters(t *testing.T, db *sqlite.DB) {
	if got := auditLog(t, db, backend.ChangeFilter{MemberID: backend.LocalMember}); len(got) != 1 || got[0].Action != backend.AuditDeleted {
		t.Fatalf("local = %+v", got)
	}
	if got := auditLog(t, db, backend.ChangeFilter{MemberID: 7, Kind: backend.AuditChannel}); len(got) != 1 || got[0].Label != "Email" {
		t.Fatalf("Dana's channels = %+v", got)
	}
	if got := auditLog(t, db, backend.ChangeFilter{Text: "apac"}); len(got) != 2 {
		t.Fatalf("text apac = %d entries, want 2", len(got))
	}
	if got := auditLog(t, db, backend.ChangeFilter{From: "2026-03-14", To: "2026-03-14"}); len(got) != 4 {
		t.Fatalf("on the day = %d entries, want 4", len(got))
	}
	if got := auditLog(t, db, backend.ChangeFilter{From: "2026-03-15"}); len(got) != 0 {
		t.Fatalf("after the day = %d entries, want 0", len(got))
	}
	authors, err := sqlite.NewAuditService(db).ChangeAuthors(context.Background())
	if err != nil || len(authors) != 2 || authors[0].MemberID != backend.LocalMember || authors[1].Name != "Dana" {
		t.Fatalf("authors = %+v, %v", authors, err)
	}
	_, err = sqlite.NewAuditService(db).FindChanges(context.Background(), backend.ChangeFilter{Kind: "nope"})
	if backend.ErrorCode(err) != backend.EINVALID {
		t.Fatalf("unknown kind: %v", err)
	}
}

func TestAudit_BudgetLineAndContract(t *testing.T) {
	x := newContractFixture(t)
	ctx := backend.WithActor(context.Background(), dana)
	if _, err := x.budget.SetBudgetLines(ctx, 2026, []backend.BudgetLine{
		{TeamID: x.demand, CategoryID: x.ads, Period: 1, Amount: 100_000},
		{TeamID: x.demand, CategoryID: x.ads, Period: 2, Amount: 50_000},
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := x.budget.SetBudgetLines(ctx, 2026, []backend.BudgetLine{{TeamID: x.demand, CategoryID: x.ads, Period: 2, Amount: 70_000}}); err != nil {
		t.Fatal(err)
	}
	line := backend.ChangeFilter{Kind: backend.AuditBudgetLine, RecordID: backend.BudgetLineRecord(2026, x.demand, x.ads)}
	log := auditLog(t, x.db, line)
	if len(log) != 2 || log[0].Action != backend.AuditCreated || log[1].Action != backend.AuditChanged || log[0].Label != "Demand gen · Ads · 2026" {
		t.Fatalf("budget line log = %+v", log)
	}
	wantFields(t, log[0], map[string]string{
		"period.1": `null → {"amount":100000,"currency":"USD"} (money)`,
		"period.2": `null → {"amount":50000,"currency":"USD"} (money)`,
	})
	wantFields(t, log[1], map[string]string{"period.2": `{"amount":50000,"currency":"USD"} → {"amount":70000,"currency":"USD"} (money)`})

	// The fixture's contract was made in the local workspace: one entry,
	// none for the schedule of spend it wrote.
	all := auditLog(t, x.db, backend.ChangeFilter{Kind: backend.AuditContract})
	if len(all) != 1 || all[0].Label != "Marketing Hub Pro" || all[0].Action != backend.AuditCreated {
		t.Fatalf("contract log = %+v", all)
	}
	if f := fieldsOf(all[0]); f["vendor"] != `null → "HubSpot" (text)` || f["autoRenew"] != `null → true (bool)` {
		t.Fatalf("contract fields = %v", f)
	}
	if got := auditLog(t, x.db, backend.ChangeFilter{Kind: backend.AuditSpend}); len(got) != 0 {
		t.Fatalf("schedule spend logged: %+v", got)
	}
	upd := x.c
	upd.SeatsUsed = 9
	if _, err := x.contracts.UpdateContract(ctx, x.c.ID, upd); err != nil {
		t.Fatal(err)
	}
	all = auditLog(t, x.db, backend.ChangeFilter{Kind: backend.AuditContract})
	if len(all) != 2 {
		t.Fatalf("contract log = %d entries, want 2", len(all))
	}
	wantFields(t, all[1], map[string]string{"seatsUsed": `6 → 9 (number)`})
}

func TestAudit_ImportIsOneEntry(t *testing.T) {
	f := newBudgetFixture(t)
	ctx := backend.WithActor(context.Background(), dana)
	imports := sqlite.NewImportStore(f.db)
	before := len(auditLog(t, f.db, backend.ChangeFilter{}))
	run := &backend.ImportRun{Kind: "spend", FileName: "ledger.xlsx", Created: 3}
	err := imports.Batch(ctx, func(ctx context.Context) error {
		for i := 0; i < 3; i++ {
			sp := &backend.Spend{Date: "2026-04-10", Amount: backend.Money{Amount: int64(100 + i), Currency: "USD"},
				TeamID: f.demand, CategoryID: f.ads, Status: backend.SpendActual}
			if err := f.spend.CreateSpend(ctx, sp); err != nil {
				return err
			}
		}
		_, err := imports.RecordImport(ctx, run, nil)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	log := auditLog(t, f.db, backend.ChangeFilter{})
	if len(log) != before+1 {
		t.Fatalf("log grew by %d entries, want 1", len(log)-before)
	}
	e := log[len(log)-1]
	if e.Kind != backend.AuditImport || e.Action != backend.AuditCreated || e.Label != "ledger.xlsx" || e.Who != "Dana" ||
		e.RecordID != strconv.FormatInt(run.ID, 10) {
		t.Fatalf("entry = %+v", e)
	}
	wantFields(t, e, map[string]string{"importKind": `null → "spend" (text)`, "created": `null → 3 (number)`,
		"updated": `null → 0 (number)`, "skipped": `null → 0 (number)`})

	// The pause ends with the import: the next change is logged.
	f.addSpend(t, "2026-04-11", 5, "USD", f.demand, f.ads, backend.SpendActual)
	if got := auditLog(t, f.db, backend.ChangeFilter{Kind: backend.AuditSpend}); len(got) != 1 {
		t.Fatalf("spend after the import = %d entries, want 1", len(got))
	}
	// Undo is one entry too.
	if err := imports.Batch(ctx, func(ctx context.Context) error { return imports.MarkImportUndone(ctx, run.ID) }); err != nil {
		t.Fatal(err)
	}
	log = auditLog(t, f.db, backend.ChangeFilter{Kind: backend.AuditImport})
	if len(log) != 2 || log[1].Action != backend.AuditDeleted {
		t.Fatalf("import log = %+v", log)
	}
}

// A workspace whose settings were never saved plans in the default
// currency: a budget line's history says which.
func TestAudit_BudgetLineInTheDefaultCurrency(t *testing.T) {
	db := mustOpen(t)
	ctx := context.Background()
	lists := sqlite.NewListService(db)
	team, _ := lists.CreateListItem(ctx, backend.ListTeams, "Brand")
	cat, _ := lists.CreateListItem(ctx, backend.ListCategories, "Events")
	budget := sqlite.NewBudgetService(db)
	if _, err := budget.CreateFiscalYear(ctx, 2027, backend.Monthly); err != nil {
		t.Fatal(err)
	}
	if _, err := budget.SetBudgetLines(ctx, 2027, []backend.BudgetLine{{TeamID: team.ID, CategoryID: cat.ID, Period: 1, Amount: 120_000}}); err != nil {
		t.Fatal(err)
	}
	log := auditLog(t, db, backend.ChangeFilter{Kind: backend.AuditBudgetLine})
	if len(log) != 1 {
		t.Fatalf("log = %+v", log)
	}
	wantFields(t, log[0], map[string]string{"period.1": `null → {"amount":120000,"currency":"USD"} (money)`})
}

// Deciding a request is one entry for the request, by whoever decided,
// and one for the committed spend the approval books.
func TestAudit_RequestDecided(t *testing.T) {
	f := newBudgetFixture(t)
	ctx := backend.WithActor(context.Background(), &backend.Actor{PersonID: 9, Name: "Ana", Role: backend.RoleApprover})
	r := &backend.SpendRequest{Requester: "Arif", TeamID: f.brand, CategoryID: f.events, Amount: backend.Money{Amount: 75_000, Currency: "USD"},
		Purpose: "Teaser stand", Date: "2026-09-15"}
	if err := f.requests.CreateRequest(context.Background(), r); err != nil {
		t.Fatal(err)
	}
	if _, err := f.requests.DecideRequest(ctx, r.ID, backend.Decision{Approve: true, By: "Ana"}); err != nil {
		t.Fatal(err)
	}
	log := auditLog(t, f.db, backend.ChangeFilter{Kind: backend.AuditRequest, RecordID: strconv.FormatInt(r.ID, 10)})
	if len(log) != 2 || log[0].Who != "" || log[1].Who != "Ana" || log[1].Label != "Teaser stand" {
		t.Fatalf("request log = %+v", log)
	}
	wantFields(t, log[1], map[string]string{"status": `"pending" → "approved" (text)`})
	spend := auditLog(t, f.db, backend.ChangeFilter{Kind: backend.AuditSpend, MemberID: 9})
	if len(spend) != 1 || spend[0].Action != backend.AuditCreated || fieldsOf(spend[0])["status"] != `null → "committed" (text)` {
		t.Fatalf("spend log = %+v", spend)
	}
}

// The triggers follow the schema as it is at open: a later migration may
// drop a column they read, and its field is then left out.
func TestAudit_TriggersFollowTheSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "m.db")
	db := sqlite.NewDB(path)
	if err := db.Open(); err != nil {
		t.Fatal(err)
	}
	if err := db.MigrateForTest(`ALTER TABLE campaigns DROP COLUMN objective; DROP TABLE contract_documents`); err != nil {
		t.Fatalf("a migration dropping a column the log reads: %v", err)
	}
	db.Close()
	db = sqlite.NewDB(path)
	if err := db.Open(); err != nil {
		t.Fatalf("reopen after the schema changed: %v", err)
	}
	defer db.Close()
	var trigger string
	if err := db.QueryRowForTest(context.Background(), `SELECT sql FROM sqlite_master WHERE name = 'audit_campaigns_update'`).Scan(&trigger); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(trigger, "objective") || !strings.Contains(trigger, "'name'") {
		t.Fatalf("trigger after the column went:\n%s", trigger)
	}
	// The other triggers are back too.
	if _, err := sqlite.NewListService(db).CreateListItem(context.Background(), backend.ListTeams, "Brand"); err != nil {
		t.Fatal(err)
	}
	if got := auditLog(t, db, backend.ChangeFilter{Kind: backend.AuditTeam}); len(got) != 1 {
		t.Fatalf("log = %+v", got)
	}
}
