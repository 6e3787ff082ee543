package backend

import (
	"context"
	"strings"
)

// FunnelStep is the step of the funnel a CRM stage stands for. A contact
// counts for its step and every step before it (a customer is also a
// lead, an MQL, an SQL and an opportunity), so the funnel's counts are
// cumulative and each conversion rate (see KPIs) is the share of one step
// that reached the next. A deal is an opportunity whatever its step;
// StepWon adds a won deal and its revenue, StepLost takes its amount out
// of pipeline.
type FunnelStep string

// The funnel steps a stage can be mapped to.
const (
	StepLead        FunnelStep = "lead"
	StepMQL         FunnelStep = "mql"
	StepSQL         FunnelStep = "sql"
	StepOpportunity FunnelStep = "opportunity"
	StepWon         FunnelStep = "won"
	StepLost        FunnelStep = "lost"
	// StepIgnore leaves the stage's rows out: not in the funnel at all
	// (a subscriber, a partner).
	StepIgnore FunnelStep = "ignore"
)

// StageRecords is what a CRM export lists: contacts and leads, or deals
// and opportunities.
type StageRecords string

// The records a stage belongs to.
const (
	StageContacts StageRecords = "contacts"
	StageDeals    StageRecords = "deals"
)

// StageSteps are the steps a stage of each kind of record may be mapped
// to: a contact's stage goes from lead to won; a deal is always an
// opportunity, open, won or lost.
var StageSteps = map[StageRecords][]FunnelStep{
	StageContacts: {StepLead, StepMQL, StepSQL, StepOpportunity, StepWon, StepIgnore},
	StageDeals:    {StepOpportunity, StepWon, StepLost, StepIgnore},
}

// ResultStage is a CRM stage no export documents (a custom lifecycle
// stage, a custom pipeline's deal stage) and the funnel step the user
// said it is. It applies to every later results import of its Source and
// Records; stages are compared folded (FoldStage).
type ResultStage struct {
	ID        int64        `json:"id"`
	Source    ResultSource `json:"source"`
	Records   StageRecords `json:"records"`
	Stage     string       `json:"stage"`
	Step      FunnelStep   `json:"step"`
	CreatedAt string       `json:"createdAt"`
}

// Validate returns an EINVALID error naming each wrong field.
func (s *ResultStage) Validate() error {
	s.Stage = strings.TrimSpace(s.Stage)
	fe := FieldErrors{}
	if s.Source == "" {
		fe.Add("source", "field.required", nil)
	}
	steps, ok := StageSteps[s.Records]
	if !ok {
		fe.Add("records", "field.required", nil)
	}
	if FoldStage(s.Stage) == "" {
		fe.Add("stage", "field.required", nil)
	}
	validateText(fe, "stage", s.Stage, MaxNameLength)
	if ok && !hasStep(steps, s.Step) {
		fe.Add("step", "field.required", nil) // one of the record's steps
	}
	return fe.Err("stage")
}

func hasStep(steps []FunnelStep, s FunnelStep) bool {
	for _, x := range steps {
		if x == s {
			return true
		}
	}
	return false
}

// FoldStage is a stage as it is compared: lower case, runs of spaces as
// one, trimmed ("Closed  Won" and "closed won" are one stage).
func FoldStage(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// ResultStageService keeps the steps the user gave to CRM stages.
type ResultStageService interface {
	// ResultStages lists the saved stages, oldest first.
	ResultStages(ctx context.Context) ([]ResultStage, error)
	// SaveResultStage saves s; the stage of the same source, records and
	// folded text is replaced (its step changed).
	SaveResultStage(ctx context.Context, s *ResultStage) error
}
