package sqlite_test

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"

	"mopsdesk/backend"
	"mopsdesk/backend/sqlite"
)

// TestCalendarRange_PerDay checks that a month's answer read with a
// per-day limit is the very answer cut from the full read: the same items
// kept on each day, the same "+N more" counts, filters applied to both.
func TestCalendarRange_PerDay(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	email, _ := sqlite.NewListService(db).CreateListItem(ctx, backend.ListChannels, "Email")
	camps := sqlite.NewCampaignService(db)
	a, b := newCampaign("A"), newCampaign("B")
	a.ChannelIDs = []int64{email.ID}
	camps.CreateCampaign(ctx, a)
	camps.CreateCampaign(ctx, b)
	ds, ms := sqlite.NewDeliverableService(db), sqlite.NewMilestoneService(db)
	// Day k of March gets k deliverables and k%3 milestones, alternating campaigns.
	for day := 1; day <= 6; day++ {
		date := fmt.Sprintf("2026-03-%02d", day)
		for i := 0; i < day; i++ {
			c := []int64{a.ID, b.ID}[i%2]
			if err := ds.CreateDeliverable(ctx, &backend.Deliverable{CampaignID: c, Title: fmt.Sprintf("D%d.%d", day, i),
				Type: backend.TypeEmail, PublishDate: date, Status: backend.DeliverableIdea}); err != nil {
				t.Fatal(err)
			}
		}
		for i := 0; i < day%3; i++ {
			if err := ms.CreateMilestone(ctx, &backend.Milestone{CampaignID: []int64{b.ID, a.ID}[i%2], Title: fmt.Sprintf("M%d.%d", day, i), DueDate: date}); err != nil {
				t.Fatal(err)
			}
		}
	}
	cal := sqlite.NewCalendarService(db)
	shown := func(f backend.CalendarFilter, perDay int) string {
		t.Helper()
		d, err := cal.CalendarRange(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := json.Marshal(d.Shown(perDay))
		return string(raw)
	}
	for _, f := range []backend.CalendarFilter{
		{From: "2026-03-01", To: "2026-03-31"},
		{From: "2026-03-01", To: "2026-03-31", ChannelID: email.ID},
		{From: "2026-03-02", To: "2026-03-05", Search: "d"},
	} {
		for _, perDay := range []int{1, 2, 3, 50} {
			limited := f
			limited.PerDay = perDay
			if got, want := shown(limited, perDay), shown(f, perDay); got != want {
				t.Errorf("filter %+v, %d a day:\n got %s\nwant %s", f, perDay, got, want)
			}
		}
	}
	// The 6th: six deliverables and no milestone; three shown, three more.
	d, _ := cal.CalendarRange(ctx, backend.CalendarFilter{From: "2026-03-06", To: "2026-03-06", PerDay: 3})
	if s := d.Shown(3); len(s.Deliverables) != 3 || s.More["2026-03-06"] != 3 {
		t.Errorf("6 March: %d shown, %d more", len(s.Deliverables), s.More["2026-03-06"])
	}
}
