package api_test

import (
	"bytes"
	"context"
	"testing"

	"mopsdesk/backend"
	"mopsdesk/backend/api"
	"mopsdesk/backend/sheet"
	"mopsdesk/backend/transfer"
)

// The rules screen through the facade: a rule added there matches the
// next preview, changed to ignore it leaves the name out, deleted the
// name is unmatched again; adding the same rule twice is a field error.
func TestResultsRules_CreateUpdateDelete(t *testing.T) {
	a, _ := newAPI(t, &bytes.Buffer{})
	ctx := context.Background()
	c := resultsCampaign(t, a)
	tok := addImport(t, a, "deals.csv", hubspotDeals)
	req := api.ImportRequest{Token: tok, Options: sheet.Options{Kind: transfer.KindResults}}
	preview := func() *transfer.ResultsRead {
		t.Helper()
		p, err := a.Imports.Preview(ctx, req)
		if err != nil {
			t.Fatal(err)
		}
		return p.Results
	}
	r, err := a.Results.CreateRule(ctx, backend.ResultRule{Kind: backend.RuleContains, Text: "webinar", CampaignID: c.ID})
	if err != nil {
		t.Fatal(err)
	}
	if got := preview(); len(got.Unmatched) != 0 || got.Matched != got.Facts {
		t.Errorf("with the rule: %+v", got)
	}
	if _, err := a.Results.CreateRule(ctx, backend.ResultRule{Kind: backend.RuleContains, Text: "webinar"}); backend.ErrorCode(err) != backend.EINVALID {
		t.Errorf("the same rule again: %v", err)
	}
	ignored, err := a.Results.UpdateRule(ctx, r.ID, 0)
	if err != nil || ignored.CampaignID != 0 {
		t.Fatalf("ignore: %+v (%v)", ignored, err)
	}
	if got := preview(); got.Ignored != 1 || len(got.Unmatched) != 0 {
		t.Errorf("with the rule ignoring: %+v", got)
	}
	rules, err := a.Results.Rules(ctx)
	if err != nil || len(rules) != 1 || rules[0].CampaignName != "" {
		t.Fatalf("rules = %+v (%v)", rules, err)
	}
	if err := a.Results.DeleteRule(ctx, r.ID); err != nil {
		t.Fatal(err)
	}
	if got := preview(); len(got.Unmatched) != 1 || got.Unmatched[0].External != "SL-2026-webinar" {
		t.Errorf("after delete: %+v", got.Unmatched)
	}
}
