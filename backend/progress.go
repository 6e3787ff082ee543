package backend

import (
	"context"
	"errors"
)

// ECANCELED: the user cancelled the work, or the window or browser tab
// that asked for it went away. Nothing was stored.
const ECANCELED = "canceled"

// Step is how far one long piece of work has come: Done of Total units
// (Total 0 when not known yet). Unit names what is counted ("rows",
// "files", "sheets", "bytes") so the UI can say it in the user's words.
type Step struct {
	Unit  string `json:"unit"`
	Done  int64  `json:"done"`
	Total int64  `json:"total"`
}

// Progress receives steps of long work. It is called from the worker's
// goroutine and must return quickly.
type Progress func(Step)

type progressKey struct{}

// WithProgress returns a context whose long work reports to p. The
// transports attach one per call (a progress bar in the window, a line on
// the command line's stderr).
func WithProgress(ctx context.Context, p Progress) context.Context {
	if p == nil {
		return ctx
	}
	return context.WithValue(ctx, progressKey{}, p)
}

// ReportProgress tells the progress receiver of ctx, if any, how far the
// work has come. Work reports at natural boundaries (a block of rows, a
// file), not per item.
func ReportProgress(ctx context.Context, s Step) {
	if p, ok := ctx.Value(progressKey{}).(Progress); ok {
		p(s)
	}
}

// Canceled turns a context's cancellation into the ECANCELED error the UI
// understands; other errors pass through unchanged. Long work returns
// Canceled(ctx.Err()) when it notices it was stopped.
func Canceled(err error) error {
	if errors.Is(err, context.Canceled) {
		return &Error{Code: ECANCELED, Message: "The work was cancelled; nothing was changed."}
	}
	return err
}
