package api

import (
	"log/slog"
	"runtime/debug"
	"sync"

	"mopsdesk/backend/files"
)

// Previews makes image previews in the background, one at a time, so that
// adding a thousand photos never blocks a call or the window; the page
// asks how many are left to show progress.
type Previews struct {
	thumbs *files.Thumbs
	log    *slog.Logger
	mu     sync.Mutex
	queue  []string
	seen   map[string]bool
	busy   bool
}

func newPreviews(t *files.Thumbs, log *slog.Logger) *Previews {
	return &Previews{thumbs: t, log: log, seen: map[string]bool{}}
}

// enqueue asks for the preview of content sum.
func (p *Previews) enqueue(sum string) {
	if p == nil || p.thumbs == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.seen[sum] {
		return
	}
	p.seen[sum] = true
	p.queue = append(p.queue, sum)
	if !p.busy {
		p.busy = true
		go p.run()
	}
}

func (p *Previews) run() {
	for {
		p.mu.Lock()
		if len(p.queue) == 0 {
			p.busy = false
			p.mu.Unlock()
			return
		}
		sum := p.queue[0]
		p.mu.Unlock()
		p.make(sum)
		p.mu.Lock()
		p.queue = p.queue[1:]
		p.mu.Unlock()
	}
}

// make makes one preview. A panic in it (a decoder's, on a malformed
// image) is logged and the file keeps its type icon: on this goroutine
// it would end the whole app.
func (p *Previews) make(sum string) {
	defer func() {
		if r := recover(); r != nil {
			p.log.Error("preview failed", "sha256", sum, "panic", r, "stack", string(debug.Stack()))
		}
	}()
	if _, err := p.thumbs.Path(sum); err != nil {
		p.log.Debug("no preview", "sha256", sum, "err", err)
	}
}

// Pending returns how many previews are still to be made.
func (p *Previews) Pending() int {
	if p == nil {
		return 0
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.queue)
}
