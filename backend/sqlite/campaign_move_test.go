package sqlite_test

import (
	"context"
	"testing"

	"mopsdesk/backend"
	"mopsdesk/backend/sqlite"
)

// Moving a campaign can take its deliverables and milestones along by the
// same number of days, all in one transaction; moving it back the same
// way puts everything where it was. Another campaign's plan stays put.
func TestCampaignService_MoveCampaign(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	camps, ds, ms := sqlite.NewCampaignService(db), sqlite.NewDeliverableService(db), sqlite.NewMilestoneService(db)
	c, other := newCampaign("Spring launch"), newCampaign("Other") // 1–31 March 2026
	for _, x := range []*backend.Campaign{c, other} {
		if err := camps.CreateCampaign(ctx, x); err != nil {
			t.Fatal(err)
		}
	}
	for _, d := range []*backend.Deliverable{
		{CampaignID: c.ID, Title: "Blog", Type: backend.TypeBlogPost, PublishDate: "2026-03-20", Status: backend.DeliverableDraft},
		{CampaignID: c.ID, Title: "Teaser", Type: backend.TypeSocialPost, PublishDate: "2026-02-27", Status: backend.DeliverableScheduled},
		{CampaignID: other.ID, Title: "Other blog", Type: backend.TypeBlogPost, PublishDate: "2026-03-20", Status: backend.DeliverableDraft},
	} {
		if err := ds.CreateDeliverable(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	for _, m := range []*backend.Milestone{
		{CampaignID: c.ID, Title: "Brief", DueDate: "2026-02-25"},
		{CampaignID: other.ID, Title: "Other brief", DueDate: "2026-02-25"},
	} {
		if err := ms.CreateMilestone(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	days := func(id int64) []string {
		var out []string
		dl, _ := ds.FindDeliverables(ctx, id)
		for _, d := range dl {
			out = append(out, d.Title+" "+d.PublishDate)
		}
		ml, _ := ms.FindMilestones(ctx, id)
		for _, m := range ml {
			out = append(out, m.Title+" "+m.DueDate)
		}
		return out
	}

	t.Run("OKShiftPlan", func(t *testing.T) {
		// Three weeks later, across a month end.
		got, err := camps.MoveCampaign(ctx, c.ID, backend.CampaignMove{StartDate: "2026-03-22", EndDate: "2026-04-21", ShiftPlan: true})
		if err != nil {
			t.Fatal(err)
		}
		if got.Days != 21 || got.Deliverables != 2 || got.Milestones != 1 || got.Campaign.StartDate != "2026-03-22" || got.Campaign.EndDate != "2026-04-21" {
			t.Fatalf("%+v", got)
		}
		wantDays(t, days(c.ID), "Blog 2026-04-10", "Teaser 2026-03-20", "Brief 2026-03-18")
		wantDays(t, days(other.ID), "Other blog 2026-03-20", "Other brief 2026-02-25")
	})
	t.Run("OKUndo", func(t *testing.T) {
		got, err := camps.MoveCampaign(ctx, c.ID, backend.CampaignMove{StartDate: "2026-03-01", EndDate: "2026-03-31", ShiftPlan: true})
		if err != nil || got.Days != -21 {
			t.Fatalf("%+v %v", got, err)
		}
		wantDays(t, days(c.ID), "Blog 2026-03-20", "Teaser 2026-02-27", "Brief 2026-02-25")
	})
	t.Run("OKCampaignOnly", func(t *testing.T) {
		got, err := camps.MoveCampaign(ctx, c.ID, backend.CampaignMove{StartDate: "2026-03-08", EndDate: "2026-04-07"})
		if err != nil || got.Days != 7 || got.Deliverables != 0 || got.Milestones != 0 {
			t.Fatalf("%+v %v", got, err)
		}
		wantDays(t, days(c.ID), "Blog 2026-03-20", "Teaser 2026-02-27", "Brief 2026-02-25")
	})
	t.Run("ErrEndBeforeStart", func(t *testing.T) {
		_, err := camps.MoveCampaign(ctx, c.ID, backend.CampaignMove{StartDate: "2026-05-01", EndDate: "2026-04-01", ShiftPlan: true})
		wantCode(t, err, backend.EINVALID)
		// Nothing moved: not the campaign, not its plan.
		if got, _ := camps.FindCampaignByID(ctx, c.ID); got.StartDate != "2026-03-08" {
			t.Fatalf("campaign moved to %s", got.StartDate)
		}
		wantDays(t, days(c.ID), "Blog 2026-03-20", "Teaser 2026-02-27", "Brief 2026-02-25")
	})
}

// wantDays checks that got holds the items and days of want, in any order.
func wantDays(t *testing.T, got []string, want ...string) {
	t.Helper()
	have := map[string]bool{}
	for _, g := range got {
		have[g] = true
	}
	if len(got) != len(want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	for _, w := range want {
		if !have[w] {
			t.Fatalf("got %q, want %q", got, want)
		}
	}
}
