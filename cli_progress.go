package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"mopsdesk/backend"
	"mopsdesk/backend/dispatch"
)

// withTerminalProgress returns ctx with a progress receiver that keeps
// one updating line on stderr ("rows 1,200 of 5,000"), and the function
// that ends that line. Progress is shown only when stderr is a terminal:
// a script or a log file gets the usual output and nothing else.
func withTerminalProgress(ctx context.Context, stderr io.Writer) (context.Context, func()) {
	f, ok := stderr.(*os.File)
	if !ok || !isTerminal(f) {
		return ctx, func() {}
	}
	var mu sync.Mutex
	shown := false
	p := dispatch.Throttle(func(s backend.Step) {
		mu.Lock()
		defer mu.Unlock()
		shown = true
		if s.Total > 0 {
			fmt.Fprintf(f, "\r\033[K%s %d of %d (%d%%)", s.Unit, s.Done, s.Total, s.Done*100/s.Total)
		} else {
			fmt.Fprintf(f, "\r\033[K%s %d", s.Unit, s.Done)
		}
	}, 100*time.Millisecond)
	return backend.WithProgress(ctx, p), func() {
		mu.Lock()
		defer mu.Unlock()
		if shown {
			fmt.Fprint(f, "\r\033[K")
		}
	}
}

// isTerminal reports whether f is a character device (a terminal), not a
// file or a pipe.
func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
