package sqlite_test

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"

	"mopsdesk/backend"
	"mopsdesk/backend/sqlite"
)

// Many campaigns read at once give each the figures and goals it has
// alone: spend in the base currency, at monthly rates, at a planning rate
// (assumed) and with no rate (missing), revenue and ROI, goals in due
// order; a campaign without spend or goals, and an unknown ID left out.
func TestCampaignsSpendAndGoals_SameAsOneByOne(t *testing.T) {
	ctx := context.Background()
	f := newBudgetFixture(t)
	campaigns, goals := sqlite.NewCampaignService(f.db), sqlite.NewGoalService(f.db)
	if err := f.budget.SetFXRate(ctx, backend.FXRate{Currency: "EUR", Month: "2026-05", Rate: "1.1"}); err != nil {
		t.Fatal(err)
	}
	if err := f.budget.SetPlanningRate(ctx, backend.PlanningRate{Currency: "GBP", Rate: "1.3"}); err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for i := 0; i < 4; i++ {
		c := newCampaign(fmt.Sprintf("C%d", i))
		c.AttributedRevenue = int64(i) * 50_000
		if err := campaigns.CreateCampaign(ctx, c); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, c.ID)
	}
	currencies := []string{"USD", "EUR", "GBP", "JPY"}
	statuses := []backend.SpendStatus{backend.SpendActual, backend.SpendCommitted, backend.SpendPlanned}
	for i := 0; i < 40; i++ {
		id := ids[i%3] // the fourth campaign has no spend
		sp := &backend.Spend{Date: fmt.Sprintf("2026-%02d-%02d", 4+i%3, 1+i%27), Amount: backend.Money{Amount: int64(1000 + i*37), Currency: currencies[i%4]},
			TeamID: f.demand, CategoryID: f.ads, Status: statuses[i%3], CampaignID: id}
		if err := f.spend.CreateSpend(ctx, sp); err != nil {
			t.Fatal(err)
		}
	}
	for i, due := range []string{"2026-09-01", "2026-05-01", "2026-07-01", "2026-05-01"} {
		g := &backend.Goal{CampaignID: ids[i%2], Metric: backend.MetricLeads, Target: "100", Actual: fmt.Sprint(i * 30), DueDate: due}
		if err := goals.CreateGoal(ctx, g); err != nil {
			t.Fatal(err)
		}
	}
	spend, err := f.budget.CampaignsSpend(ctx, append(ids, 999))
	if err != nil {
		t.Fatal(err)
	}
	byCampaign, err := goals.FindGoalsOf(ctx, append(ids, 999))
	if err != nil {
		t.Fatal(err)
	}
	if len(spend) != len(ids) {
		t.Fatalf("%d campaigns' spend, want %d (the unknown one left out)", len(spend), len(ids))
	}
	asJSON := func(v any) string {
		b, _ := json.Marshal(v)
		return string(b)
	}
	for _, id := range ids {
		one, err := f.budget.CampaignSpend(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := asJSON(spend[id]), asJSON(one); got != want {
			t.Errorf("campaign %d spend at once:\n%s\none by one:\n%s", id, got, want)
		}
		list, err := goals.FindGoals(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := asJSON(byCampaign[id]), asJSON(list); len(list) > 0 && got != want || len(list) == 0 && len(byCampaign[id]) != 0 {
			t.Errorf("campaign %d goals at once:\n%s\none by one:\n%s", id, got, want)
		}
	}
	if c := spend[ids[0]]; len(c.MissingRates) == 0 || len(c.AssumedRates) == 0 || c.ROIBasisPoints == nil {
		t.Fatalf("the fixture misses a case: %+v", c)
	}
	if _, err := f.budget.CampaignSpend(ctx, 999); backend.ErrorCode(err) != backend.ENOTFOUND {
		t.Fatalf("unknown campaign: %v", err)
	}
}

// AllCampaigns returns what paging through FindCampaigns returns, in the
// same order.
func TestAllCampaigns_SameAsPaging(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	s := sqlite.NewCampaignService(db)
	for i := 0; i < backend.MaxPageSize+20; i++ {
		c := newCampaign(fmt.Sprintf("Campaign %03d", (i*7)%600))
		c.StartDate, c.EndDate = fmt.Sprintf("2026-%02d-01", i%12+1), fmt.Sprintf("2026-%02d-20", i%12+1)
		if err := s.CreateCampaign(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	filter := backend.CampaignFilter{From: "2026-03-01", To: "2026-10-31", Sort: backend.SortByStart}
	all, err := s.AllCampaigns(ctx, filter)
	if err != nil {
		t.Fatal(err)
	}
	var paged []*backend.Campaign
	for off := 0; ; off += backend.MaxPageSize {
		filter.Offset, filter.Limit = off, backend.MaxPageSize
		page, _, err := s.FindCampaigns(ctx, filter)
		if err != nil {
			t.Fatal(err)
		}
		paged = append(paged, page...)
		if len(page) < backend.MaxPageSize {
			break
		}
	}
	if len(all) != len(paged) || len(all) == 0 {
		t.Fatalf("%d campaigns at once, %d paged", len(all), len(paged))
	}
	for i := range all {
		if all[i].ID != paged[i].ID {
			t.Fatalf("campaign %d: %d at once, %d paged", i, all[i].ID, paged[i].ID)
		}
	}
}
