package live_test

import (
	"testing"

	"mopsdesk/backend/live"
)

// A subscriber that stops reading is dropped once its buffer is full;
// publishing never waits for it, and the others get every notice.
func TestHub_SlowSubscriberDoesNotBlock(t *testing.T) {
	h := live.NewHub()
	slow := h.Subscribe()
	fast := h.Subscribe()
	got := 0
	for i := range live.Buffer * 3 {
		h.Publish(live.Change{Area: "campaigns", ID: int64(i + 1)}) // would block forever if it waited for slow
		select {
		case m := <-fast.C:
			if m.Data.(live.Change).ID != int64(i+1) {
				t.Fatalf("fast got %+v, want id %d", m.Data, i+1)
			}
			got++
		default:
			t.Fatalf("fast subscriber missed notice %d", i+1)
		}
	}
	select {
	case <-slow.Gone:
	default:
		t.Fatal("the slow subscriber was not dropped")
	}
	if got != live.Buffer*3 || h.Subscribers() != 1 {
		t.Fatalf("fast got %d, %d subscribers left", got, h.Subscribers())
	}
}

// A client that reconnects with the id of the last notice it saw gets
// the ones it missed; with an id the hub cannot place it is told to
// reload everything.
func TestHub_Since(t *testing.T) {
	h := live.NewHub()
	first := h.Subscribe()
	h.Publish(live.Change{ID: 1})
	m1 := <-first.C
	h.Publish(live.Change{ID: 2})
	h.Publish(live.Change{ID: 3})
	again, ok := h.Since(m1.ID)
	if !ok {
		t.Fatal("not caught up")
	}
	for _, want := range []int64{2, 3} {
		m := <-again.C
		if c := m.Data.(live.Change); c.ID != want || c.Type != live.TypeChange {
			t.Fatalf("replayed %+v, want id %d", c, want)
		}
	}
	select {
	case m := <-again.C:
		t.Fatalf("replayed too much: %+v", m)
	default:
	}
	for _, stale := range []string{"0000.1", "junk", m1.ID + "9"} {
		if _, ok := h.Since(stale); ok {
			t.Errorf("Since(%q) claims to be caught up", stale)
		}
	}
	for range live.Keep + 1 {
		h.Publish(live.Change{})
	}
	if _, ok := h.Since(m1.ID); ok {
		t.Error("an id older than what the hub keeps claims to be caught up")
	}
	if _, ok := h.Since(""); !ok {
		t.Error("a new client is always caught up")
	}
}
