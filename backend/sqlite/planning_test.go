package sqlite_test

import (
	"context"
	"testing"

	"mopsdesk/backend"
	"mopsdesk/backend/sqlite"
)

// fixedNow is 2026-03-14, so "today" in these tests is the 14th of March.

func TestDeliverableService(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	camps := sqlite.NewCampaignService(db)
	s := sqlite.NewDeliverableService(db)
	c := newCampaign("Spring launch") // 1–31 March 2026
	if err := camps.CreateCampaign(ctx, c); err != nil {
		t.Fatal(err)
	}
	t.Run("OKInsideCampaign", func(t *testing.T) {
		d := &backend.Deliverable{CampaignID: c.ID, Title: "Launch blog post", Type: backend.TypeBlogPost,
			PublishDate: "2026-03-20", Status: backend.DeliverableDraft, Owner: "Dana"}
		if err := s.CreateDeliverable(ctx, d); err != nil {
			t.Fatal(err)
		}
		if d.ID == 0 || d.CampaignName != "Spring launch" || d.OutsideCampaign || d.Overdue {
			t.Fatalf("%+v", d)
		}
	})
	t.Run("WarnOutsideCampaignButAllow", func(t *testing.T) {
		d := &backend.Deliverable{CampaignID: c.ID, Title: "Teaser", Type: backend.TypeSocialPost,
			PublishDate: "2026-02-25", Status: backend.DeliverableScheduled}
		if err := s.CreateDeliverable(ctx, d); err != nil {
			t.Fatal(err)
		}
		if !d.OutsideCampaign || !d.Overdue {
			t.Fatalf("want the outside-campaign warning and overdue flag: %+v", d)
		}
	})
	t.Run("Standalone", func(t *testing.T) {
		d := &backend.Deliverable{Title: "Weekly newsletter", Type: backend.TypeCustom, CustomType: "Newsletter",
			PublishDate: "2026-04-02", Status: backend.DeliverableIdea}
		if err := s.CreateDeliverable(ctx, d); err != nil {
			t.Fatal(err)
		}
		list, _ := s.FindDeliverables(ctx, 0)
		if len(list) != 1 || list[0].CustomType != "Newsletter" || list[0].OutsideCampaign {
			t.Fatalf("standalone = %+v", list)
		}
	})
	t.Run("ErrFields", func(t *testing.T) {
		err := s.CreateDeliverable(ctx, &backend.Deliverable{Type: backend.TypeCustom, PublishDate: "2026-02-30", Status: "done"})
		var e *backend.Error
		if !asError(err, &e) {
			t.Fatal(err)
		}
		for f, key := range map[string]string{"title": "field.required", "customType": "field.required",
			"publishDate": "field.date_invalid", "status": "deliverable.status_unknown"} {
			if e.Fields[f].Key != key {
				t.Errorf("%s = %q, want %q", f, e.Fields[f].Key, key)
			}
		}
	})
	t.Run("PublishedIsNeverOverdue", func(t *testing.T) {
		list, _ := s.FindDeliverables(ctx, c.ID)
		teaser := list[0]
		got, err := s.UpdateDeliverable(ctx, teaser.ID, backend.DeliverableUpdate{Status: ptr(backend.DeliverablePublished)})
		if err != nil || got.Overdue || got.Title != "Teaser" {
			t.Fatalf("%+v %v", got, err)
		}
	})
	t.Run("CampaignDeleteTakesItsDeliverables", func(t *testing.T) {
		if err := camps.DeleteCampaign(ctx, c.ID, c.Version); err != nil {
			t.Fatal(err)
		}
		if list, _ := s.FindDeliverables(ctx, c.ID); len(list) != 0 {
			t.Fatalf("orphans: %+v", list)
		}
		if list, _ := s.FindDeliverables(ctx, 0); len(list) != 1 {
			t.Fatalf("standalone deliverable lost: %+v", list)
		}
	})
}

func TestMilestoneService(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	s := sqlite.NewMilestoneService(db)
	d := sqlite.NewDeliverableService(db)
	for _, m := range []*backend.Milestone{
		{Title: "Brief signed off", Owner: "Dana", DueDate: "2026-03-10"},     // overdue
		{Title: "Old done", Owner: "dana", DueDate: "2026-03-02", Done: true}, // done, not overdue
		{Title: "Creative review", Owner: "Dana", DueDate: "2026-03-17"},      // this week
		{Title: "Someone else's", Owner: "Arif", DueDate: "2026-03-17"},       // other owner
		{Title: "Next week", Owner: "Dana", DueDate: "2026-03-23"},            // outside
	} {
		if err := s.CreateMilestone(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	if err := d.CreateDeliverable(ctx, &backend.Deliverable{Title: "Landing page", Type: backend.TypeLandingPage,
		PublishDate: "2026-03-19", Owner: "DANA", Status: backend.DeliverableReview}); err != nil {
		t.Fatal(err)
	}
	all, _ := s.FindMilestones(ctx, 0)
	if !all[1].Overdue || all[0].Overdue {
		t.Fatalf("overdue flags: %+v %+v", all[0], all[1])
	}
	w, err := s.MyWeek(ctx, "Dana", "2026-03-16")
	if err != nil {
		t.Fatal(err)
	}
	if w.To != "2026-03-22" || len(w.Milestones) != 1 || w.Milestones[0].Title != "Creative review" ||
		len(w.Deliverables) != 1 || len(w.OverdueMilestones) != 1 || w.OverdueMilestones[0].Title != "Brief signed off" {
		t.Fatalf("my week = %+v", w)
	}
	_, err = s.MyWeek(ctx, "", "16/03/2026")
	wantCode(t, err, backend.EINVALID)
	got, err := s.UpdateMilestone(ctx, all[1].ID, backend.MilestoneUpdate{Done: ptr(true)})
	if err != nil || got.Overdue || !got.Done {
		t.Fatalf("%+v %v", got, err)
	}
}

func TestGoalService(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	c := newCampaign("Webinar")
	if err := sqlite.NewCampaignService(db).CreateCampaign(ctx, c); err != nil {
		t.Fatal(err)
	}
	s := sqlite.NewGoalService(db)
	tests := []struct {
		name     string
		goal     backend.Goal
		progress int64
		offTrack bool
	}{
		{"OnTrack", backend.Goal{Metric: backend.MetricMQLs, Target: "500", Actual: "125", DueDate: "2026-04-30"}, 25, false},
		{"PastDueBelowTarget", backend.Goal{Metric: backend.MetricLeads, Target: "1000", Actual: "999", DueDate: "2026-03-13"}, 99, true},
		{"PastDueMet", backend.Goal{Metric: backend.MetricClicks, Target: "10", Actual: "12", DueDate: "2026-03-01"}, 120, false},
		{"DecimalCTR", backend.Goal{Metric: backend.MetricCTR, Target: "2.5", Actual: "0.3", Unit: "%", DueDate: "2026-05-01"}, 12, false},
		{"Custom", backend.Goal{Metric: backend.MetricCustom, CustomMetric: "Demo requests", Target: "3", DueDate: "2026-05-01"}, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := tt.goal
			g.CampaignID = c.ID
			if err := s.CreateGoal(ctx, &g); err != nil {
				t.Fatal(err)
			}
			if g.ProgressPercent != tt.progress || g.OffTrack != tt.offTrack {
				t.Fatalf("progress %d offTrack %v, want %d %v", g.ProgressPercent, g.OffTrack, tt.progress, tt.offTrack)
			}
		})
	}
	for _, bad := range []struct{ target, actual, field, key string }{
		{"", "0", "target", "field.required"},
		{"0", "0", "target", "goal.target_positive"},
		{"-5", "0", "target", "goal.target_positive"},
		{"1e3", "0", "target", "goal.number_invalid"},
		{"100", "12,5", "actual", "goal.number_invalid"},
	} {
		err := s.CreateGoal(ctx, &backend.Goal{CampaignID: c.ID, Metric: backend.MetricLeads, Target: bad.target, Actual: bad.actual, DueDate: "2026-05-01"})
		var e *backend.Error
		if !asError(err, &e) || e.Fields[bad.field].Key != bad.key {
			t.Errorf("target %q actual %q: %v", bad.target, bad.actual, err)
		}
	}
	if list, _ := s.FindGoals(ctx, c.ID); len(list) != len(tests) {
		t.Fatalf("stored %d goals", len(list))
	}
}

func TestCampaignService_Copy(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	camps := sqlite.NewCampaignService(db)
	src := newCampaign("Spring launch")
	src.Status = backend.StatusLive
	src.Tags = []string{"launch"}
	src.Compliance = backend.Compliance{Status: backend.ReviewApproved, Reviewer: "Legal", Date: "2026-02-20"}
	if err := camps.CreateCampaign(ctx, src); err != nil {
		t.Fatal(err)
	}
	sqlite.NewDeliverableService(db).CreateDeliverable(ctx, &backend.Deliverable{CampaignID: src.ID, Title: "Blog", Type: backend.TypeBlogPost, PublishDate: "2026-03-31", Status: backend.DeliverablePublished})
	sqlite.NewMilestoneService(db).CreateMilestone(ctx, &backend.Milestone{CampaignID: src.ID, Title: "Kick-off", DueDate: "2026-02-27", Done: true})
	sqlite.NewGoalService(db).CreateGoal(ctx, &backend.Goal{CampaignID: src.ID, Metric: backend.MetricLeads, Target: "100", Actual: "80", DueDate: "2026-03-31"})

	cp, err := camps.CopyCampaign(ctx, src.ID, backend.CampaignCopy{Name: "Autumn launch", StartDate: "2026-09-01"})
	if err != nil {
		t.Fatal(err)
	}
	// 1–31 March is 31 days; so is 1 September – 1 October.
	if cp.StartDate != "2026-09-01" || cp.EndDate != "2026-10-01" || cp.Status != backend.StatusPlanned ||
		cp.Compliance.Status != backend.ReviewPending || join(cp.Tags) != "launch" {
		t.Fatalf("copy = %+v", cp)
	}
	ds, _ := sqlite.NewDeliverableService(db).FindDeliverables(ctx, cp.ID)
	ms, _ := sqlite.NewMilestoneService(db).FindMilestones(ctx, cp.ID)
	gs, _ := sqlite.NewGoalService(db).FindGoals(ctx, cp.ID)
	if len(ds) != 1 || ds[0].PublishDate != "2026-10-01" || ds[0].Status != backend.DeliverableIdea {
		t.Fatalf("deliverables %+v", ds)
	}
	if len(ms) != 1 || ms[0].DueDate != "2026-08-30" || ms[0].Done {
		t.Fatalf("milestones %+v", ms)
	}
	if len(gs) != 1 || gs[0].DueDate != "2026-10-01" || gs[0].Actual != "0" {
		t.Fatalf("goals %+v", gs)
	}
	_, err = camps.CopyCampaign(ctx, src.ID, backend.CampaignCopy{Name: "", StartDate: "2026-09-01"})
	wantCode(t, err, backend.EINVALID)
	if _, n, _ := camps.FindCampaigns(ctx, backend.CampaignFilter{}); n != 2 {
		t.Fatalf("a failed copy left %d campaigns", n)
	}
}

func TestCalendarService_Range(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	lists := sqlite.NewListService(db)
	email, _ := lists.CreateListItem(ctx, backend.ListChannels, "Email")
	brand, _ := lists.CreateListItem(ctx, backend.ListTeams, "Brand")
	camps := sqlite.NewCampaignService(db)
	a := newCampaign("A")
	a.ChannelIDs, a.TeamID = []int64{email.ID}, brand.ID
	b := newCampaign("B")
	b.StartDate, b.EndDate = "2026-04-01", "2026-04-30"
	camps.CreateCampaign(ctx, a)
	camps.CreateCampaign(ctx, b)
	ds := sqlite.NewDeliverableService(db)
	ds.CreateDeliverable(ctx, &backend.Deliverable{CampaignID: a.ID, Title: "A mail", Type: backend.TypeEmail, PublishDate: "2026-03-05", ChannelID: email.ID, Status: backend.DeliverableIdea})
	ds.CreateDeliverable(ctx, &backend.Deliverable{CampaignID: b.ID, Title: "B post", Type: backend.TypeSocialPost, PublishDate: "2026-03-31", Status: backend.DeliverableIdea})
	ds.CreateDeliverable(ctx, &backend.Deliverable{CampaignID: a.ID, Title: "A teaser", Type: backend.TypeSocialPost, PublishDate: "2026-03-02", Status: backend.DeliverableIdea})
	ms := sqlite.NewMilestoneService(db)
	ms.CreateMilestone(ctx, &backend.Milestone{CampaignID: a.ID, Title: "A review", DueDate: "2026-03-10"})
	ms.CreateMilestone(ctx, &backend.Milestone{Title: "Team offsite", DueDate: "2026-03-20"})
	cal := sqlite.NewCalendarService(db)
	count := func(f backend.CalendarFilter) string {
		t.Helper()
		d, err := cal.CalendarRange(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		names := []string{}
		for _, c := range d.Campaigns {
			names = append(names, c.Name)
		}
		for _, x := range d.Deliverables {
			names = append(names, x.Title)
		}
		for _, x := range d.Milestones {
			names = append(names, x.Title)
		}
		return join(names)
	}
	march := backend.CalendarFilter{From: "2026-03-01", To: "2026-03-31"}
	if got := count(march); got != "A,A teaser,A mail,B post,A review,Team offsite" {
		t.Fatalf("march = %s", got)
	}
	byTeam := march
	byTeam.TeamID = brand.ID
	if got := count(byTeam); got != "A,A teaser,A mail,A review" {
		t.Fatalf("brand team = %s", got)
	}
	byChannel := march
	byChannel.ChannelID = email.ID
	// "A teaser" has no channel of its own: it runs on its campaign's.
	if got := count(byChannel); got != "A,A teaser,A mail,A review" {
		t.Fatalf("email channel = %s", got)
	}
	_, err := cal.CalendarRange(ctx, backend.CalendarFilter{From: "2026-01-01", To: "2028-01-01"})
	wantCode(t, err, backend.EINVALID)

	// The whole plan, for an .ics export of everything: no range at all,
	// filters still apply. A view's month can be empty while the plan is not.
	later := newCampaign("Later")
	later.StartDate, later.EndDate = "2031-01-05", "2031-02-20"
	camps.CreateCampaign(ctx, later)
	ds.CreateDeliverable(ctx, &backend.Deliverable{CampaignID: later.ID, Title: "Later post", Type: backend.TypeSocialPost, PublishDate: "2031-01-10", Status: backend.DeliverableIdea})
	if got := count(backend.CalendarFilter{From: "2026-06-01", To: "2026-06-30"}); got != "" {
		t.Fatalf("june = %s", got)
	}
	if got := count(backend.CalendarFilter{All: true, From: "2026-06-01", To: "2026-06-30"}); got != "A,B,Later,A teaser,A mail,B post,Later post,A review,Team offsite" {
		t.Fatalf("all = %s", got)
	}
	if got := count(backend.CalendarFilter{All: true, TeamID: brand.ID}); got != "A,A teaser,A mail,A review" {
		t.Fatalf("all of brand = %s", got)
	}
}
