package backend

import (
	"context"
	"errors"
	"testing"
)

func TestReportProgress_ReachesTheReceiverOfTheContext(t *testing.T) {
	var got []Step
	ctx := WithProgress(context.Background(), func(s Step) { got = append(got, s) })
	ReportProgress(ctx, Step{Unit: "rows", Done: 10, Total: 100})
	ReportProgress(context.Background(), Step{Unit: "rows", Done: 20}) // no receiver: ignored
	if len(got) != 1 || got[0] != (Step{Unit: "rows", Done: 10, Total: 100}) {
		t.Fatalf("got %+v", got)
	}
}

func TestCanceled_IsTheCancelCode(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if code := ErrorCode(Canceled(ctx.Err())); code != ECANCELED {
		t.Fatalf("code %q", code)
	}
	other := errors.New("disk")
	if Canceled(other) != other {
		t.Fatal("other errors must pass through")
	}
}
