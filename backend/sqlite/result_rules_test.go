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

// The rules screen lists every rule with its campaign's name, adds one
// (a second of the same kind, text and source is a field error on the
// text, an unknown campaign one on the campaign), changes a rule's
// campaign (or makes it ignore its names) and deletes it.
func TestResultRules_CreateUpdateList(t *testing.T) {
	db := mustOpen(t)
	ctx := context.Background()
	cs, rules := sqlite.NewCampaignService(db), sqlite.NewResultRuleService(db)
	c := &backend.Campaign{Name: "Spring webinar", Status: backend.StatusPlanned, StartDate: "2026-03-01", EndDate: "2026-03-31", Budget: backend.Money{Currency: "USD"}}
	if err := cs.CreateCampaign(ctx, c); err != nil {
		t.Fatal(err)
	}
	r := backend.ResultRule{Kind: backend.RuleContains, Text: "webinar-eu", CampaignID: c.ID}
	if err := rules.CreateResultRule(ctx, &r); err != nil || r.ID == 0 || r.CreatedAt == "" {
		t.Fatalf("create: %+v (%v)", r, err)
	}
	t.Run("ErrDuplicate", func(t *testing.T) {
		dup := backend.ResultRule{Kind: backend.RuleContains, Text: " webinar-eu ", CampaignID: 0}
		if err := rules.CreateResultRule(ctx, &dup); fieldKey(err, "text") != "results.rule_duplicate" {
			t.Errorf("a duplicate rule: %v", err)
		}
	})
	t.Run("ErrTextRequired", func(t *testing.T) {
		empty := backend.ResultRule{Kind: backend.RuleEquals, Text: "  "}
		if err := rules.CreateResultRule(ctx, &empty); fieldKey(err, "text") != "field.required" {
			t.Errorf("an empty text: %v", err)
		}
	})
	t.Run("ErrCampaignUnknown", func(t *testing.T) {
		lost := backend.ResultRule{Kind: backend.RuleEquals, Text: "x", CampaignID: c.ID + 99}
		if err := rules.CreateResultRule(ctx, &lost); fieldKey(err, "campaignId") != "field.reference_unknown" {
			t.Errorf("an unknown campaign: %v", err)
		}
		if _, err := rules.UpdateResultRule(ctx, r.ID, c.ID+99); fieldKey(err, "campaignId") != "field.reference_unknown" {
			t.Errorf("changing to an unknown campaign: %v", err)
		}
	})
	list, err := rules.ResultRules(ctx)
	if err != nil || len(list) != 1 || list[0].CampaignName != "Spring webinar" || list[0].CreatedAt != r.CreatedAt {
		t.Fatalf("rules = %+v (%v)", list, err)
	}
	ignored, err := rules.UpdateResultRule(ctx, r.ID, 0)
	if err != nil || ignored.CampaignID != 0 || ignored.CampaignName != "" || ignored.Text != "webinar-eu" {
		t.Fatalf("ignore: %+v (%v)", ignored, err)
	}
	back, err := rules.UpdateResultRule(ctx, r.ID, c.ID)
	if err != nil || back.CampaignName != "Spring webinar" {
		t.Fatalf("back to the campaign: %+v (%v)", back, err)
	}
	if err := rules.DeleteResultRule(ctx, r.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := rules.UpdateResultRule(ctx, r.ID, c.ID); backend.ErrorCode(err) != backend.ENOTFOUND {
		t.Errorf("changing a deleted rule: %v", err)
	}
	if list, _ := rules.ResultRules(ctx); len(list) != 0 {
		t.Errorf("after delete: %+v", list)
	}
}

// A source's cost choice is remembered, the last one winning.
func TestResultBookings_Remembered(t *testing.T) {
	db := mustOpen(t)
	ctx := context.Background()
	rules := sqlite.NewResultRuleService(db)
	if list, err := rules.ResultBookings(ctx); err != nil || len(list) != 0 {
		t.Fatalf("new workspace: %+v (%v)", list, err)
	}
	for _, b := range []backend.ResultBooking{
		{Source: backend.SourceGoogleAds, Book: true, CategoryID: 3, CategoryName: "Paid media"},
		{Source: backend.SourceMetaAds},
		{Source: backend.SourceGoogleAds, Book: true, CategoryID: 4, CategoryName: "Search"},
	} {
		if err := rules.SaveResultBooking(ctx, b); err != nil {
			t.Fatal(err)
		}
	}
	list, err := rules.ResultBookings(ctx)
	want := []backend.ResultBooking{{Source: backend.SourceGoogleAds, Book: true, CategoryID: 4, CategoryName: "Search"}, {Source: backend.SourceMetaAds}}
	if err != nil || len(list) != 2 || list[0].Source != want[0].Source || list[0].CategoryID != 4 || list[0].CategoryName != "Search" || !list[0].Book || list[1].Book {
		t.Fatalf("bookings = %+v (%v), want %+v", list, err, want)
	}
	if err := rules.SaveResultBooking(ctx, backend.ResultBooking{}); fieldKey(err, "source") != "field.required" {
		t.Errorf("no source: %v", err)
	}
}

// fieldKey is the message key err gives field ("" for none).
func fieldKey(err error, field string) string {
	var e *backend.Error
	if !asError(err, &e) {
		return ""
	}
	return e.Fields[field].Key
}
