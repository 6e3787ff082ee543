// Package live tells every open window that the workspace changed: the
// change notices a write publishes once it has committed, and the hub
// that hands them (and a call's progress) to each connected client
// without letting a slow one hold up the others.
package live

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"strconv"
	"strings"
	"sync"
)

// Change is the notice of one committed change, as every client gets it:
// {"type":"change","by":"Dana","area":"campaigns","method":"Campaigns.Update","id":12,"label":"Spring launch"}.
type Change struct {
	// Type is always "change".
	Type string `json:"type"`
	// By names the signed-in person who made it; empty in the local
	// workspace (one person, perhaps in another tab).
	By string `json:"by"`
	// Area is what changed: "campaigns", "budget", "contracts", …
	Area string `json:"area"`
	// Method is the facade method (or upload) that made the change.
	Method string `json:"method"`
	// ID and Label name the record when the call's result (or its first
	// argument, for a deletion) does.
	ID    int64  `json:"id,omitempty"`
	Label string `json:"label,omitempty"`
	// Origin is the tab or window the change came from, so that it can
	// tell its own changes from everyone else's.
	Origin string `json:"origin,omitempty"`
}

// TypeChange is the Type of every Change.
const TypeChange = "change"

type originKey struct{}

// WithOrigin returns ctx carrying the tab or window a call comes from.
func WithOrigin(ctx context.Context, origin string) context.Context {
	if origin == "" || len(origin) > 100 {
		return ctx
	}
	return context.WithValue(ctx, originKey{}, origin)
}

// OriginFrom returns the tab or window a call comes from ("" unknown).
func OriginFrom(ctx context.Context) string {
	o, _ := ctx.Value(originKey{}).(string)
	return o
}

// Message is one event for the clients: Kind names it ("change",
// "progress"), Data is its JSON payload. ID is set for the messages a
// client must not miss (changes), so that one that reconnects can ask
// for what it missed; progress is not numbered.
type Message struct {
	ID   string
	Kind string
	Data any
}

// Subscriber receives the hub's messages on C until it is dropped: Gone
// is closed when it fell too far behind (its buffer filled) or
// unsubscribed. A dropped client reconnects and catches up (Since).
type Subscriber struct {
	C    <-chan Message
	Gone <-chan struct{}
	c    chan Message
	gone chan struct{}
	once sync.Once
}

func (s *Subscriber) drop() { s.once.Do(func() { close(s.gone) }) }

// Buffer is how many messages a subscriber may fall behind before it is
// dropped; Keep is how many numbered messages the hub keeps for clients
// that reconnect.
const (
	Buffer = 256
	Keep   = 512
)

// Hub hands each published message to every subscriber. Publishing never
// blocks: a subscriber whose buffer is full is dropped instead.
type Hub struct {
	mu     sync.Mutex
	boot   string
	seq    uint64
	recent []Message // the last Keep numbered messages, oldest first
	subs   map[*Subscriber]struct{}
}

// NewHub returns a hub whose message ids start afresh: ids carry a
// random prefix, so an id from before a restart is never taken for one
// of this hub's.
func NewHub() *Hub {
	b := make([]byte, 4)
	rand.Read(b)
	return &Hub{boot: hex.EncodeToString(b), subs: map[*Subscriber]struct{}{}}
}

// Subscribe adds a subscriber.
func (h *Hub) Subscribe() *Subscriber {
	s, _ := h.Since("")
	return s
}

// Since adds a subscriber that first receives the numbered messages
// after the one called last (a client's Last-Event-ID). caughtUp is false
// when last is not empty and the hub cannot tell what came after it (an
// id of an earlier run, or one too old to be kept): the client should
// then load everything afresh.
func (h *Hub) Since(last string) (s *Subscriber, caughtUp bool) {
	c := make(chan Message, Buffer)
	gone := make(chan struct{})
	s = &Subscriber{C: c, Gone: gone, c: c, gone: gone}
	h.mu.Lock()
	defer h.mu.Unlock()
	caughtUp = true
	if last != "" {
		var missed []Message
		missed, caughtUp = h.after(last)
		for _, m := range missed {
			select {
			case c <- m:
			default:
				caughtUp = false
			}
		}
	}
	h.subs[s] = struct{}{}
	return s, caughtUp
}

// after returns the kept messages after id, and whether it could tell.
func (h *Hub) after(id string) ([]Message, bool) {
	boot, n, ok := strings.Cut(id, ".")
	seq, err := strconv.ParseUint(n, 10, 64)
	if !ok || err != nil || boot != h.boot || seq > h.seq {
		return nil, false
	}
	if seq == h.seq {
		return nil, true
	}
	first := h.seq - uint64(len(h.recent)) + 1 // the id of recent[0]
	if seq+1 < first {
		return nil, false
	}
	return h.recent[seq+1-first:], true
}

// Unsubscribe removes s; its Gone closes.
func (h *Hub) Unsubscribe(s *Subscriber) {
	h.mu.Lock()
	delete(h.subs, s)
	h.mu.Unlock()
	s.drop()
}

// Publish sends a change to every subscriber, numbered so that a client
// that reconnects gets what it missed.
func (h *Hub) Publish(c Change) {
	c.Type = TypeChange
	h.mu.Lock()
	defer h.mu.Unlock()
	h.seq++
	m := Message{ID: h.boot + "." + strconv.FormatUint(h.seq, 10), Kind: TypeChange, Data: c}
	h.recent = append(h.recent, m)
	if len(h.recent) > Keep {
		h.recent = append(h.recent[:0:0], h.recent[len(h.recent)-Keep:]...)
	}
	h.send(m)
}

// Send sends a message that is not kept (the progress of a call): a
// client that misses it loses nothing the next one does not bring.
func (h *Hub) Send(kind string, data any) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.send(Message{Kind: kind, Data: data})
}

// send hands m to every subscriber, dropping those whose buffer is full.
func (h *Hub) send(m Message) {
	for s := range h.subs {
		select {
		case s.c <- m:
		default:
			delete(h.subs, s)
			s.drop()
		}
	}
}

// Subscribers reports how many subscribers are connected.
func (h *Hub) Subscribers() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.subs)
}
