package remote

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"time"

	"mopsdesk/backend"
)

// Events reads the host's event stream (/api/events, server-sent events)
// until it ends, ctx ends, or nothing at all arrives for idle (the host
// sends a comment every 25 s, so silence means the network is gone). open
// is called once the stream is open; emit gets each event's name and data.
// It always returns an error saying why the stream ended.
func (h *Host) Events(ctx context.Context, idle time.Duration, open func(), emit func(name string, data json.RawMessage)) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var silent atomic.Bool
	watchdog := time.AfterFunc(idle, func() { silent.Store(true); cancel() })
	defer watchdog.Stop()

	req, err := h.request(ctx, http.MethodGet, "/api/events", nil)
	if err != nil {
		return err
	}
	req.Header.Set("Accept", "text/event-stream")
	resp, err := h.client.Do(req)
	if err != nil {
		return h.streamEnded(ctx, silent.Load(), err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return readHostError(resp)
	}
	open()
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 64<<10), 4<<20)
	name, data := "", []string{}
	for sc.Scan() {
		watchdog.Reset(idle)
		line := sc.Text()
		switch {
		case line == "":
			if len(data) > 0 {
				if name == "" {
					name = "message"
				}
				emit(name, json.RawMessage(strings.Join(data, "\n")))
			}
			name, data = "", data[:0]
		case strings.HasPrefix(line, ":"):
			// a comment: the stream's keep-alive
		case strings.HasPrefix(line, "event:"):
			name = strings.TrimSpace(strings.TrimPrefix(line, "event:"))
		case strings.HasPrefix(line, "data:"):
			data = append(data, strings.TrimPrefix(strings.TrimPrefix(line, "data:"), " "))
		}
	}
	err = sc.Err()
	if err == nil {
		err = io.EOF
	}
	return h.streamEnded(ctx, silent.Load(), err)
}

func (h *Host) streamEnded(ctx context.Context, silent bool, err error) error {
	var e *backend.Error
	if errors.As(err, &e) {
		return e
	}
	if silent {
		return unreachableError(h.Address, h.Address+" has not answered for a while.")
	}
	if ctx.Err() != nil {
		return backend.Canceled(ctx.Err())
	}
	if errors.Is(err, io.EOF) {
		return unreachableError(h.Address, h.Address+" closed the connection.")
	}
	return unreachable(h.Address, err)
}
