package sqlite_test

import (
	"context"
	"testing"

	"mopsdesk/backend"
	"mopsdesk/backend/sqlite"
)

// A budget save names each cell's version as the grid showed it. The
// cells nobody touched are stored; a cell someone changed meanwhile is
// left as they set it and reported with its amount and version now.
func TestBudgetLines_PartialConflict(t *testing.T) {
	ctx := context.Background()
	f := newBudgetFixture(t)
	plan, err := f.budget.SetBudgetLinesIfUnchanged(ctx, 2026, []backend.BudgetLine{
		{TeamID: f.demand, CategoryID: f.ads, Period: 1, Amount: 100_00},
		{TeamID: f.demand, CategoryID: f.ads, Period: 2, Amount: 200_00},
	})
	if err != nil || len(plan.Conflicts) != 0 {
		t.Fatalf("%+v %v", plan, err)
	}
	shown := cells(plan)
	if shown[1].Version == 0 || shown[2].Version == 0 || shown[1].Version == shown[2].Version {
		t.Fatalf("cell versions %+v", shown)
	}
	// Dana changes May; Sam's grid still shows the old plan.
	if _, err := f.budget.SetBudgetLinesIfUnchanged(ctx, 2026, []backend.BudgetLine{{TeamID: f.demand, CategoryID: f.ads, Period: 2, Amount: 250_00, Version: shown[2].Version}}); err != nil {
		t.Fatal(err)
	}
	danas := cells(mustPlan(t, f.budget, 2026))[2]
	// Sam pastes April to June (June was empty when he saw it).
	plan, err = f.budget.SetBudgetLinesIfUnchanged(ctx, 2026, []backend.BudgetLine{
		{TeamID: f.demand, CategoryID: f.ads, Period: 1, Amount: 110_00, Version: shown[1].Version},
		{TeamID: f.demand, CategoryID: f.ads, Period: 2, Amount: 220_00, Version: shown[2].Version},
		{TeamID: f.demand, CategoryID: f.ads, Period: 3, Amount: 330_00},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Conflicts) != 1 || plan.Conflicts[0].Period != 2 || plan.Conflicts[0].Amount != 250_00 || plan.Conflicts[0].Version != danas.Version {
		t.Fatalf("conflicts %+v, want May at Dana's 250.00 v%d", plan.Conflicts, danas.Version)
	}
	got := cells(plan)
	if got[1].Amount != 110_00 || got[2].Amount != 250_00 || got[3].Amount != 330_00 {
		t.Fatalf("stored %+v", got)
	}

	t.Run("EmptyCellFilledMeanwhile", func(t *testing.T) {
		// Sam saw July empty; Dana typed into it first.
		f.budget.SetBudgetLinesIfUnchanged(ctx, 2026, []backend.BudgetLine{{TeamID: f.brand, CategoryID: f.ads, Period: 4, Amount: 40_00}})
		plan, err := f.budget.SetBudgetLinesIfUnchanged(ctx, 2026, []backend.BudgetLine{{TeamID: f.brand, CategoryID: f.ads, Period: 4, Amount: 1}})
		if err != nil || len(plan.Conflicts) != 1 || plan.Conflicts[0].Amount != 40_00 {
			t.Fatalf("%+v %v", plan, err)
		}
	})
	t.Run("ClearedAndTypedAgainIsANewVersion", func(t *testing.T) {
		// Sam's grid shows April; Dana clears it and types it again.
		april := cells(mustPlan(t, f.budget, 2026))[1]
		f.budget.SetBudgetLinesIfUnchanged(ctx, 2026, []backend.BudgetLine{{TeamID: f.demand, CategoryID: f.ads, Period: 1, Version: april.Version}})
		f.budget.SetBudgetLinesIfUnchanged(ctx, 2026, []backend.BudgetLine{{TeamID: f.demand, CategoryID: f.ads, Period: 1, Amount: 999_00}})
		plan, err := f.budget.SetBudgetLinesIfUnchanged(ctx, 2026, []backend.BudgetLine{{TeamID: f.demand, CategoryID: f.ads, Period: 1, Amount: 5, Version: april.Version}})
		if err != nil || len(plan.Conflicts) != 1 || plan.Conflicts[0].Amount != 999_00 {
			t.Fatalf("a cell typed again kept the old version: %+v %v", plan, err)
		}
	})
	t.Run("ClearedMeanwhile", func(t *testing.T) {
		june := cells(mustPlan(t, f.budget, 2026))[3]
		f.budget.SetBudgetLinesIfUnchanged(ctx, 2026, []backend.BudgetLine{{TeamID: f.demand, CategoryID: f.ads, Period: 3, Version: june.Version}})
		plan, err := f.budget.SetBudgetLinesIfUnchanged(ctx, 2026, []backend.BudgetLine{{TeamID: f.demand, CategoryID: f.ads, Period: 3, Amount: 7, Version: june.Version}})
		if err != nil || len(plan.Conflicts) != 1 || plan.Conflicts[0].Amount != 0 || plan.Conflicts[0].Version != 0 {
			t.Fatalf("%+v %v", plan, err)
		}
	})
}

func mustPlan(t *testing.T, b *sqlite.BudgetService, year int) *backend.BudgetPlan {
	t.Helper()
	p, err := b.BudgetPlan(context.Background(), year)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// cells returns Demand gen's ad cells of a plan by period.
func cells(p *backend.BudgetPlan) map[int]backend.BudgetLine {
	out := map[int]backend.BudgetLine{}
	for _, l := range p.Lines {
		if l.CategoryID == 1 && l.TeamID == 1 {
			out[l.Period] = l
		}
	}
	return out
}

// A calendar drag names the version the calendar showed: a campaign
// changed since is not moved, nor is its plan.
func TestMoveCampaign_StaleVersion(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	camps, ds := sqlite.NewCampaignService(db), sqlite.NewDeliverableService(db)
	c := newCampaign("Spring launch")
	if err := camps.CreateCampaign(ctx, c); err != nil {
		t.Fatal(err)
	}
	d := &backend.Deliverable{CampaignID: c.ID, Title: "Blog", Type: backend.TypeBlogPost, PublishDate: "2026-03-20", Status: backend.DeliverableDraft}
	if err := ds.CreateDeliverable(ctx, d); err != nil {
		t.Fatal(err)
	}
	dana, err := camps.UpdateCampaign(ctx, c.ID, backend.CampaignUpdate{Version: c.Version, EndDate: ptr("2026-04-15")})
	if err != nil {
		t.Fatal(err)
	}
	_, err = camps.MoveCampaign(ctx, c.ID, backend.CampaignMove{StartDate: "2026-03-08", EndDate: "2026-04-07", ShiftPlan: true, Version: c.Version})
	if cur := conflictOf(t, err).Current.(*backend.Campaign); cur.EndDate != "2026-04-15" || cur.Version != dana.Version {
		t.Fatalf("current %+v", cur)
	}
	if got, _ := ds.FindDeliverableByID(ctx, d.ID); got.PublishDate != "2026-03-20" || got.Version != d.Version {
		t.Fatalf("the plan moved: %+v", got)
	}
	moved, err := camps.MoveCampaign(ctx, c.ID, backend.CampaignMove{StartDate: "2026-03-08", EndDate: "2026-04-22", ShiftPlan: true, Version: dana.Version})
	if err != nil || moved.Campaign.Version == dana.Version {
		t.Fatalf("%+v %v", moved, err)
	}
	// The deliverable moved with it: its version changed too, so a form
	// still open on it cannot put the old day back.
	if got, _ := ds.FindDeliverableByID(ctx, d.ID); got.PublishDate != "2026-03-27" || got.Version == d.Version {
		t.Fatalf("the plan did not move: %+v", got)
	}
}

// Whatever writes a record changes its version, not only a person's save:
// renaming an owner everywhere does.
func TestVersions_AnyWriteChangesTheVersion(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	camps := sqlite.NewCampaignService(db)
	c := newCampaign("Spring launch")
	if err := camps.CreateCampaign(ctx, c); err != nil {
		t.Fatal(err)
	}
	if _, err := sqlite.NewPeopleService(db).RenamePerson(ctx, "Dana", "Dana Karimi"); err != nil {
		t.Fatal(err)
	}
	_, err := camps.UpdateCampaign(ctx, c.ID, backend.CampaignUpdate{Version: c.Version, Notes: ptr("mine")})
	if cur := conflictOf(t, err).Current.(*backend.Campaign); cur.Owner != "Dana Karimi" {
		t.Fatalf("current %+v", cur)
	}
}

// Two approvers decide one request: the second, who saw it pending, is
// refused with the decision the first made.
func TestDecideRequest_StaleVersion(t *testing.T) {
	ctx := context.Background()
	f := newBudgetFixture(t)
	r := &backend.SpendRequest{Requester: "Arif", TeamID: f.brand, CategoryID: f.events, Amount: backend.Money{Amount: 250_000, Currency: "EUR"}, Purpose: "Booth", Date: "2026-06-02"}
	if err := f.requests.CreateRequest(ctx, r); err != nil {
		t.Fatal(err)
	}
	if _, err := f.requests.DecideRequest(ctx, r.ID, backend.Decision{Approve: true, By: "Dana", Version: r.Version}); err != nil {
		t.Fatal(err)
	}
	_, err := f.requests.DecideRequest(ctx, r.ID, backend.Decision{By: "Sam", Reason: "Too much", Version: r.Version})
	if cur := conflictOf(t, err).Current.(*backend.SpendRequest); cur.Status != backend.RequestApproved {
		t.Fatalf("current %+v", cur)
	}
}
