package sqlite_test

import (
	"context"
	"testing"

	"mopsdesk/backend"
	"mopsdesk/backend/sqlite"
)

// directory is a team's members for the tests: the team store's stand-in.
type directory []*backend.Member

func (d directory) FindMembers(context.Context) ([]*backend.Member, error) { return d, nil }

// team returns the members Dana (7, admin), Sam (8, planner) and Lee
// (9, deactivated).
func teamDirectory() directory {
	return directory{
		{ID: 7, Name: "Dana", Role: backend.RoleAdmin, Active: true},
		{ID: 8, Name: "Sam", Role: backend.RolePlanner, Active: true},
		{ID: 9, Name: "Lee", Role: backend.RolePlanner, Active: false},
	}
}

// as returns a context whose calls are made for member id named name.
func as(id int64, name string, role backend.Role) context.Context {
	return backend.WithActor(context.Background(), &backend.Actor{PersonID: id, Name: name, Role: role})
}

// A decision records who decided, from the signed-in person whatever the
// form says; a request made on a host is the signed-in person's. Locally
// both stay the names given.
func TestRequestService_DecidedBy(t *testing.T) {
	f := newBudgetFixture(t)
	f.db.Members = teamDirectory()
	newRequest := func(ctx context.Context) *backend.SpendRequest {
		r := &backend.SpendRequest{Requester: "Someone else", TeamID: f.brand, CategoryID: f.events, Amount: backend.Money{Amount: 5_00, Currency: "USD"}, Purpose: "Pens", Date: "2026-05-04"}
		if err := f.requests.CreateRequest(ctx, r); err != nil {
			t.Fatal(err)
		}
		return r
	}
	t.Run("OKTeam", func(t *testing.T) {
		r := newRequest(as(8, "Sam", backend.RolePlanner))
		if r.Requester != "Sam" || r.RequesterID != 8 || r.DecidedBy != "" {
			t.Fatalf("requested: %+v", r)
		}
		got, err := f.requests.DecideRequest(as(7, "Dana", backend.RoleApprover), r.ID, backend.Decision{Approve: true, By: "Mallory"})
		if err != nil {
			t.Fatal(err)
		}
		if got.DecidedBy != "Dana" || got.DecidedByID != 7 || got.History[1].Actor != "Dana" {
			t.Fatalf("decided: %+v", got)
		}
		again, _ := f.requests.FindRequestByID(context.Background(), r.ID)
		if again.DecidedBy != "Dana" || again.DecidedByID != 7 || again.RequesterID != 8 {
			t.Fatalf("stored: %+v", again)
		}
	})
	t.Run("OKLocal", func(t *testing.T) {
		r := newRequest(context.Background())
		if r.Requester != "Someone else" || r.RequesterID != 0 {
			t.Fatalf("requested: %+v", r)
		}
		got, err := f.requests.DecideRequest(context.Background(), r.ID, backend.Decision{Approve: false, By: "you", Reason: "Too dear"})
		if err != nil {
			t.Fatal(err)
		}
		if got.DecidedBy != "you" || got.DecidedByID != 0 || got.Status != backend.RequestRejected {
			t.Fatalf("decided: %+v", got)
		}
	})
}

// On a team workspace an owner is an active member: saved with the
// member's id and name, refused otherwise; an owner left as it was is not
// checked again. Locally an owner is any name.
func TestOwners_Members(t *testing.T) {
	f := newBudgetFixture(t)
	f.db.Members = teamDirectory()
	camps, ms := sqlite.NewCampaignService(f.db), sqlite.NewMilestoneService(f.db)
	dana := as(7, "Dana", backend.RolePlanner)
	notMember := func(t *testing.T, err error) {
		t.Helper()
		var e *backend.Error
		if !asError(err, &e) || e.Code != backend.EINVALID || e.Fields["owner"].Key != "people.not_member" {
			t.Fatalf("err = %v", err)
		}
	}
	t.Run("OKByName", func(t *testing.T) {
		c := newCampaign("Spring")
		c.Owner = " sam "
		if err := camps.CreateCampaign(dana, c); err != nil {
			t.Fatal(err)
		}
		if c.Owner != "Sam" || c.OwnerID != 8 {
			t.Fatalf("owner %q %d", c.Owner, c.OwnerID)
		}
	})
	t.Run("OKByID", func(t *testing.T) {
		m := &backend.Milestone{Title: "Brief", DueDate: "2026-03-02", Owner: "dana", OwnerID: 7}
		if err := ms.CreateMilestone(dana, m); err != nil {
			t.Fatal(err)
		}
		if m.Owner != "Dana" || m.OwnerID != 7 {
			t.Fatalf("owner %q %d", m.Owner, m.OwnerID)
		}
		got, err := ms.UpdateMilestone(dana, m.ID, backend.MilestoneUpdate{Owner: ptr("Sam")})
		if err != nil || got.Owner != "Sam" || got.OwnerID != 8 {
			t.Fatalf("update: %+v %v", got, err)
		}
	})
	t.Run("ErrNotMember", func(t *testing.T) {
		c := newCampaign("Summer")
		c.Owner = "Nobody"
		notMember(t, camps.CreateCampaign(dana, c))
		c.Owner = "Lee" // deactivated
		notMember(t, camps.CreateCampaign(dana, c))
		m := &backend.Milestone{Title: "Brief", DueDate: "2026-03-02", Owner: "Dana", OwnerID: 99}
		notMember(t, ms.CreateMilestone(dana, m))
	})
	t.Run("OKLocal", func(t *testing.T) {
		c := newCampaign("Local")
		c.Owner, c.OwnerID = "Nobody", 7
		if err := camps.CreateCampaign(context.Background(), c); err != nil {
			t.Fatal(err)
		}
		if c.Owner != "Nobody" || c.OwnerID != 0 {
			t.Fatalf("owner %q %d", c.Owner, c.OwnerID)
		}
		// Kept as it was: a team workspace saves the record's other fields.
		got, err := camps.UpdateCampaign(dana, c.ID, backend.CampaignUpdate{Notes: ptr("x"), Owner: ptr("Nobody")})
		if err != nil || got.Owner != "Nobody" || got.OwnerID != 0 {
			t.Fatalf("unchanged owner: %+v %v", got, err)
		}
		_, err = camps.UpdateCampaign(dana, c.ID, backend.CampaignUpdate{Owner: ptr("Somebody")})
		notMember(t, err)
	})
}

// A contract is saved whole: a name typed over the old choice wins over
// the member id it still carries.
func TestOwners_ContractMember(t *testing.T) {
	f := newBudgetFixture(t)
	f.db.Members = teamDirectory()
	dana := as(7, "Dana", backend.RolePlanner)
	t.Run("OK", func(t *testing.T) {
		vendor := &backend.Vendor{Name: "HubSpot", Category: "crm"}
		if err := sqlite.NewVendorService(f.db).CreateVendor(dana, vendor); err != nil {
			t.Fatal(err)
		}
		contracts := sqlite.NewContractService(f.db)
		c := &backend.Contract{VendorID: vendor.ID, Product: "Hub", Owner: "Dana", TeamID: f.demand, CategoryID: f.ads,
			Cost: backend.Money{Amount: 100_00, Currency: "USD"}, BillingCycle: backend.BillAnnual, StartDate: "2026-01-01",
			TermMonths: 12, RenewalDate: "2027-01-01", Status: "active"}
		if err := contracts.CreateContract(dana, c); err != nil || c.OwnerID != 7 {
			t.Fatalf("create: %+v %v", c, err)
		}
		c.Owner = "Sam" // typed over the old choice, its id still sent
		got, err := contracts.UpdateContract(dana, c.ID, *c)
		if err != nil || got.Owner != "Sam" || got.OwnerID != 8 {
			t.Fatalf("update: %+v %v", got, err)
		}
		c.Owner, c.Version = "Nobody", got.Version
		_, err = contracts.UpdateContract(dana, c.ID, *c)
		var e *backend.Error
		if !asError(err, &e) || e.Fields["owner"].Key != "people.not_member" {
			t.Fatalf("err = %v", err)
		}
	})
}

// Mapping a name gives every record naming it without a member the
// member's id and name, all in one transaction, and undoes like a rename.
func TestPeopleService_MapToMember(t *testing.T) {
	ctx := context.Background()
	x := newPeopleFixture(t) // "Dnaa" owns a campaign, a deliverable, a contract and requests; "Sam" a milestone
	x.db.Members = teamDirectory()
	people := x.people
	unmapped := func() map[string]int {
		list, err := people.FindUnmapped(ctx)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]int{}
		for _, p := range list {
			out[p.Name] = p.Uses
		}
		return out
	}
	if u := unmapped(); u["Dnaa"] != 4 || u["Sam"] != 1 || u["Dana"] != 1 {
		t.Fatalf("unmapped before: %v", u)
	}
	t.Run("ErrOneTransaction", func(t *testing.T) {
		// The last table refuses the change: none of the others keep theirs.
		if _, err := x.db.ExecForTest(ctx, `CREATE TRIGGER no_map BEFORE UPDATE OF requester_id ON spend_requests BEGIN SELECT RAISE(ABORT, 'no'); END`); err != nil {
			t.Fatal(err)
		}
		if _, err := people.MapToMember(ctx, "Dnaa", 7); err == nil {
			t.Fatal("mapped through a refused write")
		}
		x.db.ExecForTest(ctx, `DROP TRIGGER no_map`)
		if u := unmapped(); u["Dnaa"] != 4 {
			t.Fatalf("after the failed mapping: %v", u)
		}
	})
	var mapping *backend.PersonRename
	t.Run("OK", func(t *testing.T) {
		var err error
		mapping, err = people.MapToMember(ctx, "Dnaa", 7)
		if err != nil {
			t.Fatal(err)
		}
		if mapping.Records != 4 || mapping.From != "Dnaa" || mapping.To != "Dana" || mapping.MemberID != 7 {
			t.Fatalf("%+v", mapping)
		}
		c, _ := x.camps.FindCampaignByID(ctx, x.c2.ID)
		r, _ := x.requests.FindRequestByID(ctx, x.req.ID)
		if c.Owner != "Dana" || c.OwnerID != 7 || r.Requester != "Dana" || r.RequesterID != 7 {
			t.Fatalf("campaign %q %d, request %q %d", c.Owner, c.OwnerID, r.Requester, r.RequesterID)
		}
		// "Dana" of the other campaign names no member yet: still offered.
		if u := unmapped(); u["Dnaa"] != 0 || u["Dana"] != 1 || u["Sam"] != 1 {
			t.Fatalf("unmapped after: %v", u)
		}
		renames, _ := people.FindRenames(ctx)
		if len(renames) != 1 || renames[0].MemberID != 7 {
			t.Fatalf("renames %+v", renames)
		}
	})
	t.Run("OKUndo", func(t *testing.T) {
		if _, err := people.UndoRename(ctx, mapping.ID); err != nil {
			t.Fatal(err)
		}
		c, _ := x.camps.FindCampaignByID(ctx, x.c2.ID)
		if c.Owner != "Dnaa" || c.OwnerID != 0 {
			t.Fatalf("campaign %q %d", c.Owner, c.OwnerID)
		}
		if u := unmapped(); u["Dnaa"] != 4 {
			t.Fatalf("unmapped after undo: %v", u)
		}
	})
}

// Only a member can be mapped to, and only on a team workspace.
func TestPeopleService_MapToMemberErrors(t *testing.T) {
	ctx := context.Background()
	x := newPeopleFixture(t)
	x.db.Members = teamDirectory()
	people := x.people
	t.Run("ErrUnknownMember", func(t *testing.T) {
		_, err := people.MapToMember(ctx, "Sam", 42)
		var e *backend.Error
		if !asError(err, &e) || e.Fields["memberId"].Key != "people.not_member" {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("ErrLocal", func(t *testing.T) {
		x.db.Members = nil
		_, err := people.MapToMember(ctx, "Sam", 8)
		wantCode(t, err, backend.EINVALID)
	})
}

// My week on a team workspace is the signed-in member's: what names them
// by id (whatever its name says) and, by their name, what names no member.
func TestMilestoneService_MyWeekByMember(t *testing.T) {
	f := newBudgetFixture(t)
	f.db.Members = teamDirectory()
	ms := sqlite.NewMilestoneService(f.db)
	add := func(ctx context.Context, title, owner string) *backend.Milestone {
		m := &backend.Milestone{Title: title, DueDate: "2026-03-03", Owner: owner}
		if err := ms.CreateMilestone(ctx, m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	dana := as(7, "Dana", backend.RolePlanner)
	byID := add(dana, "By id", "Dana")
	add(context.Background(), "By name", "dana")
	add(dana, "Sam's", "Sam")
	other := add(dana, "Another Dana's", "Dana")
	// The first kept its member but shows an older name; the last names
	// Dana but is another member's.
	f.db.ExecForTest(context.Background(), `UPDATE milestones SET owner = 'Dana (old)' WHERE id = ?`, byID.ID)
	f.db.ExecForTest(context.Background(), `UPDATE milestones SET owner_id = 10 WHERE id = ?`, other.ID)

	w, err := ms.MyWeek(dana, "Sam", "2026-03-02")
	if err != nil {
		t.Fatal(err)
	}
	titles := []string{}
	for _, m := range w.Milestones {
		titles = append(titles, m.Title)
	}
	if w.Owner != "Dana" || len(titles) != 2 || titles[0] != "By id" || titles[1] != "By name" {
		t.Fatalf("my week: %q %v", w.Owner, titles)
	}
	local, err := ms.MyWeek(context.Background(), "Dana", "2026-03-02")
	if err != nil {
		t.Fatal(err)
	}
	if len(local.Milestones) != 2 || local.Milestones[0].Title != "By name" || local.Milestones[1].Title != "Another Dana's" {
		t.Fatalf("local week: %+v", local.Milestones)
	}
}
