package main

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"sort"
	"sync"
	"sync/atomic"
	"time"
)

// hot is how many campaigns take the writes: few, so that people edit the
// same record at the same time and conflicts happen for real.
const hot = 8

// member is one signed-in person.
type member struct {
	name string
	c    *client
}

// signInTeam creates the first admin with the setup code and invites the
// rest, half Planners and half Approvers, each signing in with their own
// cookie jar.
func signInTeam(ctx context.Context, base, fingerprint, code string, n int, lat *latencies) ([]*member, error) {
	const password = "load-test-password-1"
	admin := &member{name: "Admin", c: newClient(base, fingerprint, lat)}
	if err := admin.c.post(ctx, "setup", "/auth/setup", map[string]string{"code": code, "name": admin.name, "login": "admin", "password": password}, nil); err != nil {
		return nil, fmt.Errorf("setup: %w", err)
	}
	team := []*member{admin}
	for i := 1; i < n; i++ {
		role := "planner"
		if i%2 == 0 {
			role = "approver"
		}
		var inv struct {
			Code string `json:"code"`
		}
		if err := admin.c.call(ctx, "Team.Invite", &inv, role, "load test"); err != nil {
			return nil, fmt.Errorf("invite: %w", err)
		}
		m := &member{name: fmt.Sprintf("Person %02d", i), c: newClient(base, fingerprint, lat)}
		body := map[string]string{"invite": inv.Code, "name": m.name, "login": fmt.Sprintf("person%02d", i), "password": password}
		if err := m.c.post(ctx, "accept", "/auth/accept", body, nil); err != nil {
			return nil, fmt.Errorf("accept invite %d: %w", i, err)
		}
		team = append(team, m)
	}
	return team, nil
}

// campaign is the part of a campaign the load reads and writes.
type campaign struct {
	ID        int64  `json:"id"`
	Name      string `json:"name"`
	Objective string `json:"objective"`
	Version   int64  `json:"version"`
}

// save is one update the host accepted: the version it was made on and
// the version it made, and the objective its author read and wrote.
type save struct {
	from, to    int64
	read, wrote string
}

type workload struct {
	team      []*member
	ids       []int64
	mu        sync.Mutex
	saves     map[int64][]save
	saved     atomic.Int64
	conflicts atomic.Int64
	errors    atomic.Int64
	seeded    map[int64]int64 // campaign → version after seeding
}

// seed creates the hot campaigns.
func (w *workload) seed(ctx context.Context) error {
	w.saves = map[int64][]save{}
	w.seeded = map[int64]int64{}
	year := time.Now().Year()
	for i := 0; i < hot; i++ {
		var c campaign
		in := map[string]any{"name": fmt.Sprintf("Load campaign %d", i), "status": "planned",
			"startDate": fmt.Sprintf("%d-03-01", year), "endDate": fmt.Sprintf("%d-04-30", year), "budget": map[string]any{"currency": "EUR"}}
		if err := w.team[0].c.call(ctx, "Campaigns.Create", &c, in); err != nil {
			return err
		}
		w.ids = append(w.ids, c.ID)
		w.seeded[c.ID] = c.Version
	}
	return nil
}

// run has the team work for d: every person reads about once a second,
// and writes arrive at perSecond, most of them two people editing the
// same campaign from the same version at once.
func (w *workload) run(ctx context.Context, d time.Duration, perSecond int) {
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	var wg sync.WaitGroup
	for _, m := range w.team {
		wg.Add(1)
		go func() { defer wg.Done(); w.read(ctx, m) }()
	}
	tick := time.NewTicker(time.Second / time.Duration(perSecond))
	defer tick.Stop()
	for n := 0; ; n++ {
		select {
		case <-ctx.Done():
			wg.Wait()
			return
		case <-tick.C:
		}
		wg.Add(1)
		go func() { defer wg.Done(); w.write(ctx, n) }()
	}
}

func (w *workload) read(ctx context.Context, m *member) {
	year := time.Now().Year()
	for ctx.Err() == nil {
		var err error
		switch rand.IntN(4) {
		case 0:
			err = m.c.call(ctx, "Campaigns.Find", nil, map[string]any{"limit": 50})
		case 1:
			err = m.c.call(ctx, "Campaigns.Get", nil, w.ids[rand.IntN(len(w.ids))])
		case 2:
			err = m.c.call(ctx, "Calendar.Range", nil, map[string]any{"from": fmt.Sprintf("%d-03-01", year), "to": fmt.Sprintf("%d-03-31", year)})
		case 3:
			err = m.c.call(ctx, "Dashboard.Get", nil, map[string]any{"from": fmt.Sprintf("%d-01-01", year), "to": fmt.Sprintf("%d-12-31", year)})
		}
		if err != nil && ctx.Err() == nil {
			w.fail(err)
		}
		time.Sleep(time.Duration(500+rand.IntN(1000)) * time.Millisecond)
	}
}

// write is one update of a hot campaign by someone who read it first;
// every other write is raced by a second person who read the same version.
func (w *workload) write(ctx context.Context, n int) {
	id := w.ids[rand.IntN(len(w.ids))]
	a := w.team[rand.IntN(len(w.team))]
	var c campaign
	if err := a.c.call(ctx, "Campaigns.Get", &c, id); err != nil {
		if ctx.Err() == nil {
			w.fail(err)
		}
		return
	}
	people := []*member{a}
	if n%2 == 0 {
		people = append(people, w.team[(rand.IntN(len(w.team)-1)+1+indexOf(w.team, a))%len(w.team)])
	}
	var wg sync.WaitGroup
	for i, m := range people {
		wg.Add(1)
		go func() {
			defer wg.Done()
			objective := fmt.Sprintf("write %d by %s (%d)", n, m.name, i)
			var out campaign
			err := m.c.call(ctx, "Campaigns.Update", &out, id, map[string]any{"objective": objective, "version": c.Version})
			var ae *apiError
			switch {
			case err == nil:
				w.saved.Add(1)
				w.mu.Lock()
				w.saves[id] = append(w.saves[id], save{from: c.Version, to: out.Version, read: c.Objective, wrote: objective})
				w.mu.Unlock()
			case errors.As(err, &ae) && ae.Code == "conflict":
				w.conflicts.Add(1)
			default:
				if ctx.Err() == nil {
					w.fail(err)
				}
			}
		}()
	}
	wg.Wait()
}

func indexOf(team []*member, m *member) int {
	for i, x := range team {
		if x == m {
			return i
		}
	}
	return 0
}

func (w *workload) fail(err error) {
	if w.errors.Add(1) <= 5 {
		fmt.Fprintln(os.Stderr, "load: call failed:", err)
	}
}

// check proves no update was lost: on each campaign the accepted saves
// form one chain of versions (each made on the version the one before
// it made), so no save overwrote another it had not seen; and the audit
// log holds exactly one entry per accepted change.
func (w *workload) check(ctx context.Context) error {
	var problems []string
	for _, id := range w.ids {
		chain := w.saves[id]
		sort.Slice(chain, func(i, j int) bool { return chain[i].to < chain[j].to })
		at := w.seeded[id]
		for _, s := range chain {
			if s.from != at {
				problems = append(problems, fmt.Sprintf("campaign %d: a save made on version %d was accepted after version %d (a lost update)", id, s.from, at))
			}
			at = s.to
		}
		var c campaign
		if err := w.team[0].c.call(ctx, "Campaigns.Get", &c, id); err != nil {
			return err
		}
		if c.Version != at {
			problems = append(problems, fmt.Sprintf("campaign %d: stored version %d, the last accepted save made %d", id, c.Version, at))
		}
	}
	for _, id := range w.ids {
		p, err := w.overwrites(ctx, id)
		if err != nil {
			return fmt.Errorf("audit log: %w", err)
		}
		problems = append(problems, p...)
	}
	entries, err := w.auditCount(ctx)
	if err != nil {
		return fmt.Errorf("audit log: %w", err)
	}
	if want := w.saved.Load() + int64(hot); entries != want {
		problems = append(problems, fmt.Sprintf("the audit log holds %d campaign entries, want %d (%d creates + %d accepted saves)", entries, want, hot, w.saved.Load()))
	}
	fmt.Fprintf(os.Stderr, "load: %d accepted saves, %d conflicts, %d audit entries, %d failed calls\n", w.saved.Load(), w.conflicts.Load(), entries, w.errors.Load())
	if w.errors.Load() > 0 {
		problems = append(problems, fmt.Sprintf("%d calls failed", w.errors.Load()))
	}
	if len(problems) > 0 {
		for _, p := range problems {
			fmt.Fprintln(os.Stderr, "load:", p)
		}
		return fmt.Errorf("%d problem(s)", len(problems))
	}
	return nil
}

// auditCount counts the audit log's entries about campaigns: one per
// campaign created and one per accepted save.
func (w *workload) auditCount(ctx context.Context) (int64, error) {
	var page struct {
		Total int64 `json:"total"`
	}
	err := w.team[0].c.call(ctx, "Audit.Log", &page, map[string]any{"kind": "campaign", "limit": 1})
	return page.Total, err
}

// overwrites proves no save replaced a change its author had not seen,
// from the audit log alone (so it holds for a host without versions too):
// each accepted save's entry must show, as the objective it replaced, the
// objective its author read.
func (w *workload) overwrites(ctx context.Context, id int64) ([]string, error) {
	type field struct {
		Field  string `json:"field"`
		Before any    `json:"before"`
		After  any    `json:"after"`
	}
	replaced := map[string]string{} // objective written → objective it replaced
	for offset := 0; ; offset += 200 {
		var page struct {
			Changes []struct {
				Fields []field `json:"fields"`
			} `json:"changes"`
			Total int `json:"total"`
		}
		if err := w.team[0].c.call(ctx, "Audit.Record", &page, "campaign", fmt.Sprint(id), offset, 200); err != nil {
			return nil, err
		}
		for _, c := range page.Changes {
			for _, f := range c.Fields {
				if f.Field == "objective" {
					replaced[fmt.Sprint(f.After)] = fmt.Sprint(f.Before)
				}
			}
		}
		if offset+200 >= page.Total {
			break
		}
	}
	var problems []string
	for _, s := range w.saves[id] {
		before, ok := replaced[s.wrote]
		switch {
		case !ok:
			problems = append(problems, fmt.Sprintf("campaign %d: the accepted save %q is not in the audit log", id, s.wrote))
		case before != s.read:
			problems = append(problems, fmt.Sprintf("campaign %d: the save %q replaced %q, which its author never saw (a lost update)", id, s.wrote, before))
		}
	}
	return problems, nil
}
