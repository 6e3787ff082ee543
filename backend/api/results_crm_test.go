package api_test

import (
	"context"
	"io"
	"testing"

	"mopsdesk/backend"
	"mopsdesk/backend/api"
)

// Regression: a HubSpot contacts export (contacts at lifecycle stage
// Opportunity and Customer) and a HubSpot deals export of the same
// campaign and days both counted opportunities and won: the funnel's
// opportunities and won doubled. Once a source's deals are imported for
// a month, its opportunities, won, pipeline and revenue come from the
// deals and its leads, MQLs and SQLs from the contacts; contacts alone
// still give every step.
func TestResults_ContactsAndDealsCountOpportunitiesOnce(t *testing.T) {
	a, _ := newAPI(t, io.Discard)
	ctx := context.Background()
	resultsCampaign(t, a)
	funnel := func(f backend.ResultFilter) [5]int64 {
		t.Helper()
		sum, err := a.Results.Summary(ctx, api.ResultsRequest{Group: backend.GroupCampaign, Filter: f})
		if err != nil {
			t.Fatal(err)
		}
		c := sum.Total.ResultCounts
		return [5]int64{c.Leads, c.MQLs, c.SQLs, c.Opportunities, c.Won}
	}
	importResults(t, a, "hubspot-contacts.csv", "Record ID,First Name,Lifecycle Stage,Create Date,Original Source,Original Source Drill-Down 2\n"+
		"101,Ana,Lead,2026-03-02,Paid Search,Spring launch\n"+
		"102,Ben,Marketing Qualified Lead,2026-03-02,Paid Search,Spring launch\n"+
		"103,Cem,Opportunity,2026-03-02,Paid Search,Spring launch\n"+
		"104,Dia,Customer,2026-03-02,Paid Search,Spring launch\n"+
		"105,Eli,Customer,2026-04-07,Paid Search,Spring launch\n")
	if got := funnel(backend.ResultFilter{}); got != [5]int64{5, 4, 3, 3, 2} {
		t.Fatalf("contacts alone: leads, MQLs, SQLs, opportunities, won = %v, want every step from the contacts", got)
	}
	importResults(t, a, "hubspot-deals.csv", "Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Pipeline,Campaign\n"+
		"201,Acme,Closed Won,1200,2026-03-20,2026-03-02,Sales Pipeline,Spring launch\n"+
		"202,Beta,Contract Sent,500,2026-04-15,2026-03-02,Sales Pipeline,Spring launch\n"+
		"203,Gamma,Closed Lost,300,2026-03-10,2026-03-02,Sales Pipeline,Spring launch\n"+
		"204,Delta,Appointment Scheduled,800,,2026-03-03,Sales Pipeline,Spring launch\n")
	// March: the deals' 4 opportunities and 1 won, the contacts' leads,
	// MQLs and SQLs; April has no deal, so its customer is still won.
	for _, c := range []struct {
		f    backend.ResultFilter
		want [5]int64
	}{
		{backend.ResultFilter{}, [5]int64{5, 4, 3, 5, 2}},
		{backend.ResultFilter{From: "2026-03-01", To: "2026-03-31"}, [5]int64{4, 3, 2, 4, 1}},
		{backend.ResultFilter{From: "2026-03-02", To: "2026-03-20"}, [5]int64{4, 3, 2, 4, 1}}, // from the facts
		{backend.ResultFilter{From: "2026-04-01", To: "2026-04-30"}, [5]int64{1, 1, 1, 1, 1}},
	} {
		if got := funnel(c.f); got != c.want {
			t.Errorf("%s..%s: leads, MQLs, SQLs, opportunities, won = %v, want %v", c.f.From, c.f.To, got, c.want)
		}
	}
	d, err := a.Dashboard.Get(ctx, api.DashboardRequest{From: "2026-03-01", To: "2026-03-31"})
	if err != nil || d.Results == nil {
		t.Fatalf("dashboard: %v", err)
	}
	if fn := d.Results.Funnel; fn[3].Count != 4 || fn[4].Count != 1 {
		t.Errorf("dashboard funnel: %+v", fn)
	}
}

// Regression: a contacts export and a deals export naming the same
// campaign and channel ("Original Source" in both) on the same day gave
// facts of one key, so the deals import replaced the contacts' facts and
// the leads were gone. They are two facts; importing either again still
// replaces only its own.
func TestResults_ContactsAndDealsOfOneDayBothKept(t *testing.T) {
	a, _ := newAPI(t, io.Discard)
	ctx := context.Background()
	resultsCampaign(t, a)
	contacts := "Record ID,First Name,Lifecycle Stage,Create Date,Original Source,Campaign\n" +
		"101,Ana,Lead,2026-03-02,Paid Search,Spring launch\n" +
		"102,Ben,Sales Qualified Lead,2026-03-02,Paid Search,Spring launch\n"
	deals := "Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Pipeline,Campaign,Original Source\n" +
		"201,Acme,Contract Sent,1200,2026-03-20,2026-03-02,Sales Pipeline,Spring launch,Paid Search\n"
	importResults(t, a, "hubspot-contacts.csv", contacts)
	if out := importResults(t, a, "hubspot-deals.csv", deals); out.Results.Counts.Replaced != 0 {
		t.Errorf("the deals replaced %d facts", out.Results.Counts.Replaced)
	}
	if out := importResults(t, a, "hubspot-contacts.csv", contacts); out.Results.Counts.Replaced != 1 {
		t.Errorf("the contacts again replaced %d facts, want their own 1", out.Results.Counts.Replaced)
	}
	sum, err := a.Results.Summary(ctx, api.ResultsRequest{Group: backend.GroupCampaign})
	if err != nil {
		t.Fatal(err)
	}
	if c := sum.Total.ResultCounts; c.Leads != 2 || c.MQLs != 1 || c.SQLs != 1 || c.Opportunities != 1 || sum.Total.Pipeline.Amount != 120_000 {
		t.Errorf("leads, MQLs, SQLs, opportunities = %d %d %d %d, pipeline %d", c.Leads, c.MQLs, c.SQLs, c.Opportunities, sum.Total.Pipeline.Amount)
	}
}
