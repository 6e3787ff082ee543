package transfer

import (
	"context"

	"mopsdesk/backend"
	"mopsdesk/backend/results/shapes"
)

// ResultsStage is a CRM stage of a results file that no vendor
// documents: its source and records, how many rows carry it, and the
// step the user gave it ("" when none yet: those rows add nothing until
// the user says what the stage is).
type ResultsStage struct {
	Source  backend.ResultSource `json:"source"`
	Records backend.StageRecords `json:"records"`
	Stage   string               `json:"stage"`
	Rows    int                  `json:"rows"`
	Step    backend.FunnelStep   `json:"step,omitempty"`
}

// stageMap is the steps the user saved for CRM stages.
func (s *Service) stageMap(ctx context.Context) (shapes.StageMap, error) {
	if s.s.Stages == nil {
		return nil, nil
	}
	saved, err := s.s.Stages.ResultStages(ctx)
	if err != nil {
		return nil, err
	}
	return shapes.NewStageMap(saved), nil
}

// addStages adds a sheet's undocumented stages to the file's, once per
// source, records and folded stage (two sheets of one export add up).
func addStages(all []ResultsStage, d *shapes.Detection, sheet []shapes.StageCount) []ResultsStage {
	records := backend.StageContacts
	if d.Shape.Kind == shapes.KindDeals {
		records = backend.StageDeals
	}
next:
	for _, c := range sheet {
		for i := range all {
			a := &all[i]
			if a.Source == d.Shape.Source && a.Records == records && backend.FoldStage(a.Stage) == backend.FoldStage(c.Stage) {
				a.Rows += c.Rows
				continue next
			}
		}
		all = append(all, ResultsStage{Source: d.Shape.Source, Records: records, Stage: c.Stage, Rows: c.Rows, Step: c.Step})
	}
	return all
}
