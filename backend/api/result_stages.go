package api

import (
	"context"

	"mopsdesk/backend"
)

// SaveStage says which funnel step a CRM stage no vendor documents is (a
// custom lifecycle stage or a custom pipeline's deal stage) for every
// results import of its source; it applies at the next preview or
// commit. Saving the same stage again changes its step.
func (r *Results) SaveStage(ctx context.Context, stage backend.ResultStage) (*backend.ResultStage, error) {
	return call(ctx, r.s, "Results.SaveStage", func(ctx context.Context) (*backend.ResultStage, error) {
		if err := r.s.ResultStages.SaveResultStage(ctx, &stage); err != nil {
			return nil, err
		}
		return &stage, nil
	})
}
