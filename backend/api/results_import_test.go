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

const hubspotDeals = "Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Pipeline,Campaign\n" +
	"201,Acme renewal,Closed Won,\"12,000.00\",2026-03-20,2026-03-01,Sales Pipeline,Spring launch\n" +
	"202,Beta new,Contract Sent,5000,2026-04-15,2026-03-01,Sales Pipeline,SL-2026-webinar\n"

// Through the facade: the preview lists the unmatched name once; the
// rule the user saves for it applies at the next preview and the commit;
// Results.Rules lists it.
func TestResultsImport_RuleThroughTheFacade(t *testing.T) {
	a, _ := newAPI(t, &bytes.Buffer{})
	ctx := context.Background()
	c := resultsCampaign(t, a)
	tok := addImport(t, a, "deals.csv", hubspotDeals)
	req := api.ImportRequest{Token: tok, Options: sheet.Options{Kind: transfer.KindResults}}
	p, err := a.Imports.Preview(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	if p.Results == nil || len(p.Results.Unmatched) != 1 || p.Results.Unmatched[0].External != "SL-2026-webinar" || p.Results.Sheets[0].Source != backend.SourceHubSpot {
		t.Fatalf("preview = %+v", p.Results)
	}
	if _, err := a.Results.SaveRule(ctx, backend.ResultRule{Kind: backend.RuleEquals, Text: "SL-2026-webinar", Source: backend.SourceHubSpot, CampaignID: c.ID}); err != nil {
		t.Fatal(err)
	}
	out, err := a.Imports.Commit(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Results.Unmatched) != 0 || out.Results.Matched != out.Results.Facts {
		t.Errorf("after the rule = %+v", out.Results)
	}
	sum, err := a.Results.Summary(ctx, api.ResultsRequest{Group: backend.GroupCampaign})
	if err != nil {
		t.Fatal(err)
	}
	if len(sum.Rows) != 1 || sum.Rows[0].Won != 1 || sum.Rows[0].Opportunities != 2 {
		t.Errorf("summary = %+v", sum.Rows)
	}
	rules, err := a.Results.Rules(ctx)
	if err != nil || len(rules) != 1 || rules[0].CampaignID != c.ID {
		t.Errorf("rules = %+v (%v)", rules, err)
	}
}

// An unmatched name can become a new campaign: named as in the file,
// over the days of its facts (the preview gives them), with the rule that
// sends the name to it, so the commit matches every fact.
func TestResultsImport_NewCampaignForAnUnmatchedName(t *testing.T) {
	a, _ := newAPI(t, &bytes.Buffer{})
	ctx := context.Background()
	resultsCampaign(t, a)
	tok := addImport(t, a, "deals.csv", hubspotDeals+"203,Gamma,Closed Won,100,2026-05-02,2026-04-01,Sales Pipeline,SL-2026-webinar\n")
	req := api.ImportRequest{Token: tok, Options: sheet.Options{Kind: transfer.KindResults}}
	p, err := a.Imports.Preview(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Results.Unmatched) != 1 {
		t.Fatalf("unmatched = %+v", p.Results.Unmatched)
	}
	u := p.Results.Unmatched[0]
	if u.From != "2026-03-01" || u.To != "2026-05-02" {
		t.Fatalf("the name's days = %s – %s", u.From, u.To)
	}
	c, err := a.Results.NewCampaign(ctx, api.NewCampaignRequest{External: u.External, Source: u.Source, From: u.From, To: u.To})
	if err != nil {
		t.Fatal(err)
	}
	if c.ID == 0 || c.Name != "SL-2026-webinar" || c.StartDate != "2026-03-01" || c.EndDate != "2026-05-02" || c.Budget.Currency == "" {
		t.Fatalf("campaign = %+v", c)
	}
	out, err := a.Imports.Commit(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Results.Unmatched) != 0 || out.Results.Matched != out.Results.Facts {
		t.Errorf("after the new campaign = %+v", out.Results)
	}
	rules, err := a.Results.Rules(ctx)
	if err != nil || len(rules) != 1 || rules[0].CampaignID != c.ID || rules[0].Text != "SL-2026-webinar" {
		t.Errorf("rules = %+v (%v)", rules, err)
	}
	// A name that cannot be a campaign (no days) leaves neither a campaign nor a rule.
	if _, err := a.Results.NewCampaign(ctx, api.NewCampaignRequest{External: "Other", Source: u.Source}); backend.ErrorCode(err) != backend.EINVALID {
		t.Errorf("no days: %v", err)
	}
	if rules, _ := a.Results.Rules(ctx); len(rules) != 1 {
		t.Errorf("rules after the refused one = %+v", rules)
	}
}
