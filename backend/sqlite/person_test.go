package sqlite_test

import (
	"context"
	"testing"

	"mopsdesk/backend"
	"mopsdesk/backend/sqlite"
)

// peopleFixture names "Dnaa" (a typo of the fixture's "Dana") as the owner
// of a campaign, a deliverable and a contract and as a requester, and
// "Sam" as a milestone's owner.
type peopleFixture struct {
	*budgetFixture
	camps  *sqlite.CampaignService
	people *sqlite.PeopleService
	c2     *backend.Campaign
	req    *backend.SpendRequest
}

func newPeopleFixture(t *testing.T) *peopleFixture {
	t.Helper()
	ctx := context.Background()
	f := newBudgetFixture(t)
	camps, ds, ms := sqlite.NewCampaignService(f.db), sqlite.NewDeliverableService(f.db), sqlite.NewMilestoneService(f.db)
	people := sqlite.NewPeopleService(f.db)
	c1, c2 := newCampaign("Spring"), newCampaign("Summer") // owner Dana
	c2.Owner = "Dnaa"
	for _, c := range []*backend.Campaign{c1, c2} {
		if err := camps.CreateCampaign(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	d := &backend.Deliverable{CampaignID: c1.ID, Title: "Blog", Type: backend.TypeBlogPost, PublishDate: "2026-03-20", Status: backend.DeliverableDraft, Owner: "Dnaa"}
	if err := ds.CreateDeliverable(ctx, d); err != nil {
		t.Fatal(err)
	}
	m := &backend.Milestone{CampaignID: c1.ID, Title: "Brief", DueDate: "2026-03-02", Owner: "Sam"}
	if err := ms.CreateMilestone(ctx, m); err != nil {
		t.Fatal(err)
	}
	vendor := &backend.Vendor{Name: "HubSpot", Category: "crm"}
	if err := sqlite.NewVendorService(f.db).CreateVendor(ctx, vendor); err != nil {
		t.Fatal(err)
	}
	contract := &backend.Contract{VendorID: vendor.ID, Product: "Hub", Owner: "Dnaa", TeamID: f.demand, CategoryID: f.ads,
		Cost: backend.Money{Amount: 100_00, Currency: "USD"}, BillingCycle: backend.BillAnnual, StartDate: "2026-01-01",
		TermMonths: 12, RenewalDate: "2027-01-01", Status: "active"}
	if err := sqlite.NewContractService(f.db).CreateContract(ctx, contract); err != nil {
		t.Fatal(err)
	}
	req := &backend.SpendRequest{Requester: "Dnaa", TeamID: f.brand, CategoryID: f.events, Amount: backend.Money{Amount: 1_00, Currency: "USD"}, Purpose: "Pens"}
	if err := f.requests.CreateRequest(ctx, req); err != nil {
		t.Fatal(err)
	}
	return &peopleFixture{budgetFixture: f, camps: camps, people: people, c2: c2, req: req}
}

// The people list gathers every owner and requester with how often each
// is named; a rename fixes a typo everywhere in one go and can be undone,
// leaving records renamed since then alone.
func TestPeopleService(t *testing.T) {
	ctx := context.Background()
	x := newPeopleFixture(t)
	f, camps, people, c2, req := x.budgetFixture, x.camps, x.people, x.c2, x.req

	t.Run("FindPeople", func(t *testing.T) {
		list, err := people.FindPeople(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(list) != 3 || list[0].Name != "Dnaa" || list[0].Uses != 4 || list[0].Campaigns != 1 || list[0].Deliverables != 1 ||
			list[0].Contracts != 1 || list[0].Requests != 1 || list[1].Name != "Dana" || list[2].Name != "Sam" || list[2].Milestones != 1 {
			for _, p := range list {
				t.Logf("%+v", p)
			}
			t.Fatal("wrong people")
		}
	})
	var rename *backend.PersonRename
	t.Run("OKMerge", func(t *testing.T) {
		var err error
		rename, err = people.RenamePerson(ctx, "Dnaa", " Dana ")
		if err != nil {
			t.Fatal(err)
		}
		if rename.Records != 4 || rename.From != "Dnaa" || rename.To != "Dana" || rename.ID == 0 {
			t.Fatalf("%+v", rename)
		}
		list, _ := people.FindPeople(ctx)
		if len(list) != 2 || list[0].Name != "Dana" || list[0].Uses != 5 {
			t.Fatalf("after the merge: %+v", list[0])
		}
		if got, _ := f.requests.FindRequestByID(ctx, req.ID); got.Requester != "Dana" {
			t.Fatalf("requester %q", got.Requester)
		}
	})
	t.Run("OKUndo", func(t *testing.T) {
		// Renamed again since: that record keeps its newer name.
		if _, err := camps.UpdateCampaign(ctx, c2.ID, backend.CampaignUpdate{Owner: ptr("Robin")}); err != nil {
			t.Fatal(err)
		}
		got, err := people.UndoRename(ctx, rename.ID)
		if err != nil || got.UndoneAt == "" {
			t.Fatalf("%+v %v", got, err)
		}
		list, _ := people.FindPeople(ctx)
		uses := map[string]int{}
		for _, p := range list {
			uses[p.Name] = p.Uses
		}
		if uses["Dnaa"] != 3 || uses["Dana"] != 1 || uses["Robin"] != 1 || uses["Sam"] != 1 {
			t.Fatalf("after undo: %v", uses)
		}
		_, err = people.UndoRename(ctx, rename.ID)
		wantCode(t, err, backend.ECONFLICT)
		renames, _ := people.FindRenames(ctx)
		if len(renames) != 1 || renames[0].UndoneAt == "" {
			t.Fatalf("renames %+v", renames)
		}
	})
	t.Run("ErrUnknownName", func(t *testing.T) {
		_, err := people.RenamePerson(ctx, "Nobody", "Dana")
		wantCode(t, err, backend.ENOTFOUND)
	})
	t.Run("ErrSameName", func(t *testing.T) {
		_, err := people.RenamePerson(ctx, "Sam", "Sam")
		var e *backend.Error
		if !asError(err, &e) || e.Fields["to"].Key != "people.same_name" {
			t.Fatalf("err = %v", err)
		}
	})
}
