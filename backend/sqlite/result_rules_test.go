package sqlite_test

import (
	"context"
	"testing"

	"mopsdesk/backend"
	"mopsdesk/backend/sqlite"
)

// A rule saved again for the same kind, text and source changes its
// campaign instead of adding a second; a wrong kind is refused; a
// deleted campaign takes its rules with it.
func TestResultRules_SaveReplaceDelete(t *testing.T) {
	db := mustOpen(t)
	ctx := context.Background()
	cs, rules := sqlite.NewCampaignService(db), sqlite.NewResultRuleService(db)
	var ids []int64
	for _, n := range []string{"Spring", "Autumn"} {
		c := &backend.Campaign{Name: n, Status: backend.StatusPlanned, StartDate: "2026-03-01", EndDate: "2026-03-31", Budget: backend.Money{Currency: "USD"}}
		if err := cs.CreateCampaign(ctx, c); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, c.ID)
	}
	r := backend.ResultRule{Kind: backend.RuleStartsWith, Text: " Q2-Launch ", Source: backend.SourceGoogleAds, CampaignID: ids[0]}
	if err := rules.SaveResultRule(ctx, &r); err != nil {
		t.Fatal(err)
	}
	again := backend.ResultRule{Kind: backend.RuleStartsWith, Text: "Q2-Launch", Source: backend.SourceGoogleAds, CampaignID: ids[1]}
	if err := rules.SaveResultRule(ctx, &again); err != nil {
		t.Fatal(err)
	}
	list, err := rules.ResultRules(ctx)
	if err != nil || len(list) != 1 || list[0].ID != r.ID || list[0].CampaignID != ids[1] || list[0].Text != "Q2-Launch" {
		t.Fatalf("rules = %+v (%v)", list, err)
	}
	bad := backend.ResultRule{Kind: "regex", Text: "x"}
	if err := rules.SaveResultRule(ctx, &bad); backend.ErrorCode(err) != backend.EINVALID {
		t.Errorf("a wrong kind: %v", err)
	}
	if err := cs.DeleteCampaign(ctx, ids[1], 0); err != nil {
		t.Fatal(err)
	}
	if list, _ := rules.ResultRules(ctx); len(list) != 0 {
		t.Errorf("rules of a deleted campaign = %+v", list)
	}
	if err := rules.DeleteResultRule(ctx, r.ID); backend.ErrorCode(err) != backend.ENOTFOUND {
		t.Errorf("deleting a gone rule: %v", err)
	}
}
