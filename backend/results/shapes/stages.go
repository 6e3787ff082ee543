package shapes

import (
	"sort"

	"mopsdesk/backend"
)

// documentedStages are the CRM stages the vendors document, folded
// (backend.FoldStage), by the records they belong to, with the funnel
// step each stands for. Labels and internal values are both listed: an
// export writes labels, an API-built file the internal values.
var documentedStages = map[backend.StageRecords]map[string]backend.FunnelStep{
	backend.StageContacts: {
		// HubSpot lifecycle stages. A subscriber has only opted in to
		// hear from you and "Other" is HubSpot's wildcard (staff,
		// suppliers): neither is a lead. An evangelist is a customer.
		"subscriber": backend.StepIgnore, "other": backend.StepIgnore,
		"lead":                     backend.StepLead,
		"marketing qualified lead": backend.StepMQL, "marketingqualifiedlead": backend.StepMQL,
		"sales qualified lead": backend.StepSQL, "salesqualifiedlead": backend.StepSQL,
		"mql": backend.StepMQL, "sql": backend.StepSQL, // the usual shorthand of a custom stage
		"opportunity": backend.StepOpportunity,
		"customer":    backend.StepWon, "evangelist": backend.StepWon,
		// Salesforce Lead Status, the default picklist: a converted lead
		// was qualified by sales; one closed without converting stays a
		// lead that went no further.
		"open - not contacted": backend.StepLead, "working - contacted": backend.StepLead,
		"closed - not converted": backend.StepLead, "closed - converted": backend.StepSQL,
		// Salesforce's other default set (Sales Path) and its older one.
		"new": backend.StepLead, "working": backend.StepLead, "nurturing": backend.StepLead, "unqualified": backend.StepLead,
		"open": backend.StepLead, "contacted": backend.StepLead, "qualified": backend.StepSQL,
	},
	backend.StageDeals: {
		// HubSpot's default sales pipeline (label and internal value).
		"appointment scheduled": backend.StepOpportunity, "appointmentscheduled": backend.StepOpportunity,
		"qualified to buy": backend.StepOpportunity, "qualifiedtobuy": backend.StepOpportunity,
		"presentation scheduled": backend.StepOpportunity, "presentationscheduled": backend.StepOpportunity,
		"decision maker bought-in": backend.StepOpportunity, "decisionmakerboughtin": backend.StepOpportunity,
		"contract sent": backend.StepOpportunity, "contractsent": backend.StepOpportunity,
		"closed won": backend.StepWon, "closedwon": backend.StepWon,
		"closed lost": backend.StepLost, "closedlost": backend.StepLost,
		// Salesforce's default Opportunity stages: open until Closed Won
		// (IsWon, IsClosed) or Closed Lost (IsClosed, not IsWon).
		"prospecting": backend.StepOpportunity, "qualification": backend.StepOpportunity,
		"needs analysis": backend.StepOpportunity, "value proposition": backend.StepOpportunity,
		"id. decision makers": backend.StepOpportunity, "perception analysis": backend.StepOpportunity,
		"proposal/price quote": backend.StepOpportunity, "negotiation/review": backend.StepOpportunity,
	},
}

// StageMap is the steps the workspace's user gave to stages no vendor
// documents, by source, records and folded stage.
type StageMap map[stageKey]backend.FunnelStep

type stageKey struct {
	source  backend.ResultSource
	records backend.StageRecords
	stage   string
}

// NewStageMap makes a StageMap of the saved stages.
func NewStageMap(saved []backend.ResultStage) StageMap {
	m := StageMap{}
	for _, s := range saved {
		m[stageKey{s.Source, s.Records, backend.FoldStage(s.Stage)}] = s.Step
	}
	return m
}

// StageCount is a stage of a file that no vendor documents: how many
// rows carry it and the step the saved mapping gives it ("" when none
// does: those rows are held out of the facts until the user says).
type StageCount struct {
	Stage string             `json:"stage"`
	Rows  int                `json:"rows"`
	Step  backend.FunnelStep `json:"step"`
}

// stageCounts are the undocumented stages a Reader met, by folded stage.
type stageCounts map[string]*StageCount

// records is what the detected shape's rows are, as stages know it.
func (r *Reader) records() backend.StageRecords {
	if r.d.Shape.Kind == KindDeals {
		return backend.StageDeals
	}
	return backend.StageContacts
}

// stageStep is the funnel step of a row's stage: the documented one, or
// the one the user saved; ok is false for a stage nobody has mapped.
// Every undocumented stage is counted for the preview.
func (r *Reader) stageStep(stage string) (step backend.FunnelStep, ok bool) {
	k := backend.FoldStage(stage)
	if step, ok := documentedStages[r.records()][k]; ok {
		return step, true
	}
	step, ok = r.Stages[stageKey{r.d.Shape.Source, r.records(), k}]
	if r.stages == nil {
		r.stages = stageCounts{}
	}
	c := r.stages[k]
	if c == nil {
		c = &StageCount{Stage: stage, Step: step}
		r.stages[k] = c
	}
	c.Rows++
	return step, ok
}

// UnknownStages lists the stages of the rows read that no vendor
// documents, most rows first: unmapped ones have no Step.
func (r *Reader) UnknownStages() []StageCount {
	out := make([]StageCount, 0, len(r.stages))
	for _, c := range r.stages {
		out = append(out, *c)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Rows != out[j].Rows {
			return out[i].Rows > out[j].Rows
		}
		return out[i].Stage < out[j].Stage
	})
	return out
}
