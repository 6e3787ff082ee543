package sqlite_test

import (
	"context"
	"testing"

	"mopsdesk/backend"
	"mopsdesk/backend/sqlite"
)

// A stage saved again with other spacing or case changes its step
// instead of adding a second; the same words for deals or for another
// source are other stages; a step the records cannot have is refused.
func TestResultStages_SaveReplace(t *testing.T) {
	db := mustOpen(t)
	ctx := context.Background()
	stages := sqlite.NewResultStageService(db)
	st := backend.ResultStage{Source: backend.SourceHubSpot, Records: backend.StageContacts, Stage: " Webinar Attendee ", Step: backend.StepLead}
	if err := stages.SaveResultStage(ctx, &st); err != nil {
		t.Fatal(err)
	}
	again := backend.ResultStage{Source: backend.SourceHubSpot, Records: backend.StageContacts, Stage: "webinar  attendee", Step: backend.StepMQL}
	if err := stages.SaveResultStage(ctx, &again); err != nil {
		t.Fatal(err)
	}
	for _, other := range []backend.ResultStage{
		{Source: backend.SourceHubSpot, Records: backend.StageDeals, Stage: "Webinar Attendee", Step: backend.StepLost},
		{Source: backend.SourceSalesforce, Records: backend.StageContacts, Stage: "Webinar Attendee", Step: backend.StepIgnore},
	} {
		if err := stages.SaveResultStage(ctx, &other); err != nil {
			t.Fatal(err)
		}
	}
	list, err := stages.ResultStages(ctx)
	if err != nil || len(list) != 3 || list[0].ID != st.ID || list[0].Step != backend.StepMQL || list[0].Stage != "webinar  attendee" {
		t.Fatalf("stages = %+v (%v)", list, err)
	}
	for _, bad := range []backend.ResultStage{
		{Source: backend.SourceHubSpot, Records: backend.StageDeals, Stage: "Demo", Step: backend.StepMQL},
		{Source: backend.SourceHubSpot, Records: backend.StageContacts, Stage: "Gone", Step: backend.StepLost},
		{Source: backend.SourceHubSpot, Records: "tickets", Stage: "Open", Step: backend.StepLead},
		{Source: backend.SourceHubSpot, Records: backend.StageContacts, Stage: "  ", Step: backend.StepLead},
	} {
		if err := stages.SaveResultStage(ctx, &bad); backend.ErrorCode(err) != backend.EINVALID {
			t.Errorf("%+v: %v", bad, err)
		}
	}
}
