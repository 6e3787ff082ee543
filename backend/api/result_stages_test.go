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

const hubspotContacts = "Record ID,First Name,Last Name,Email,Lifecycle Stage,Create Date,Original Source,Campaign\n" +
	"301,Ana,Nowak,ana@example.com,Lead,2026-03-02,Paid Search,Spring launch\n" +
	"302,Ben,Ali,ben@example.com,Marketing Qualified Lead,2026-03-02,Paid Search,Spring launch\n" +
	"303,Cem,Kaya,cem@example.com,Webinar Attendee,2026-03-02,Paid Search,Spring launch\n" +
	"304,Dia,Lee,dia@example.com,Webinar Attendee,2026-03-02,Paid Search,Spring launch\n"

// Through the facade: the preview lists the custom stage once with its
// rows and holds them out; the step the user saves applies at the next
// preview and the commit, and to the next file of that source, which
// still lists it (with its step) so that it can be changed.
func TestResultsImport_StageMappingThroughTheFacade(t *testing.T) {
	a, _ := newAPI(t, &bytes.Buffer{})
	ctx := context.Background()
	resultsCampaign(t, a)
	req := api.ImportRequest{Token: addImport(t, a, "contacts.csv", hubspotContacts), Options: sheet.Options{Kind: transfer.KindResults}}
	p, err := a.Imports.Preview(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	want := transfer.ResultsStage{Source: backend.SourceHubSpot, Records: backend.StageContacts, Stage: "Webinar Attendee", Rows: 2}
	if len(p.Results.Stages) != 1 || p.Results.Stages[0] != want {
		t.Fatalf("stages = %+v", p.Results.Stages)
	}
	if _, err := a.Results.SaveStage(ctx, backend.ResultStage{Source: backend.SourceHubSpot, Records: backend.StageContacts, Stage: "Webinar Attendee", Step: backend.StepMQL}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Imports.Commit(ctx, req); err != nil {
		t.Fatal(err)
	}
	sum, err := a.Results.Summary(ctx, api.ResultsRequest{Group: backend.GroupCampaign})
	if err != nil {
		t.Fatal(err)
	}
	if len(sum.Rows) != 1 || sum.Rows[0].Leads != 4 || sum.Rows[0].MQLs != 3 || sum.Rows[0].SQLs != 0 {
		t.Fatalf("summary = %+v", sum.Rows)
	}
	// The next file of the source: the saved step applies, and the
	// stage is listed with it.
	next := hubspotContacts + "305,Eli,Ray,eli@example.com,webinar attendee,2026-03-09,Paid Search,Spring launch\n"
	req2 := api.ImportRequest{Token: addImport(t, a, "contacts-2.csv", next), Options: sheet.Options{Kind: transfer.KindResults}}
	out, err := a.Imports.Commit(ctx, req2)
	if err != nil {
		t.Fatal(err)
	}
	want.Rows, want.Step = 3, backend.StepMQL
	if len(out.Results.Stages) != 1 || out.Results.Stages[0] != want {
		t.Errorf("stages of the next file = %+v", out.Results.Stages)
	}
	sum, err = a.Results.Summary(ctx, api.ResultsRequest{Group: backend.GroupCampaign})
	if err != nil {
		t.Fatal(err)
	}
	if len(sum.Rows) != 1 || sum.Rows[0].Leads != 5 || sum.Rows[0].MQLs != 4 {
		t.Errorf("summary after the next file = %+v", sum.Rows)
	}
	if _, err := a.Results.SaveStage(ctx, backend.ResultStage{Source: backend.SourceHubSpot, Records: backend.StageContacts, Stage: "Webinar Attendee", Step: backend.StepLost}); backend.ErrorCode(err) != backend.EINVALID {
		t.Errorf("a contact stage mapped to lost: %v", err)
	}
}
