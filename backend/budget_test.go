package backend_test

import (
	"testing"

	"mopsdesk/backend"
)

func TestVarianceBasisPoints(t *testing.T) {
	for _, tt := range []struct {
		name                       string
		planned, committed, actual int64
		want                       *int64
	}{
		{"UnderBudget", 1_300_000, 118_800, 101_200, basisPoints(8308)}, // 10,800 of 13,000 left: 83.08 %
		{"NothingSpent", 500_000, 0, 0, basisPoints(10_000)},
		{"OverBudget", 100_000, 0, 172_500, basisPoints(-7250)},
		{"AllSpent", 100_000, 40_000, 60_000, basisPoints(0)},
		{"HalfToEven", 160_000, 0, 159_999, basisPoints(0)},   // 0.5 basis point
		{"HalfToEvenUp", 160_000, 0, 159_976, basisPoints(2)}, // 1.5 basis points
		{"NoPlan", 0, 5_000, 0, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := backend.VarianceBasisPoints(tt.planned, tt.committed, tt.actual)
			if (got == nil) != (tt.want == nil) || got != nil && *got != *tt.want {
				t.Fatalf("got %v, want %v", basisPointsOf(got), basisPointsOf(tt.want))
			}
		})
	}
}

func basisPoints(v int64) *int64 { return &v }

func basisPointsOf(p *int64) any {
	if p == nil {
		return nil
	}
	return *p
}
