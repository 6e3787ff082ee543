package backend_test

import (
	"encoding/json"
	"strings"
	"testing"

	"mopsdesk/backend"
)

func shownFixture() *backend.CalendarData {
	return &backend.CalendarData{
		From: "2026-03-01", To: "2026-03-31",
		Campaigns: []*backend.Campaign{
			{ID: 1, Version: 4, Name: "Spring", TeamID: 2, TeamName: "Brand", ChannelIDs: []int64{5, 1}, ChannelNames: []string{"Ads", "Email"},
				Status: backend.StatusLive, StartDate: "2026-03-01", EndDate: "2026-03-20", Notes: "long notes", Tags: []string{"q1"}},
			{ID: 3, Name: "Loose", Status: backend.StatusIdea, StartDate: "2026-03-10", EndDate: "2026-03-12"},
		},
		ContractDates: []backend.ContractDate{{ContractID: 9, Vendor: "Acme", Kind: backend.RemindCancel, Date: "2026-03-02"}},
		Deliverables: []*backend.Deliverable{
			{ID: 10, Version: 2, CampaignID: 1, CampaignName: "Spring", Title: "Post A", Type: backend.TypeCustom, CustomType: "Podcast",
				PublishDate: "2026-03-02", ChannelID: 5, ChannelName: "Ads", Owner: "Ann", Status: "draft", Notes: "n", Overdue: true, CreatedAt: "x"},
			{ID: 11, CampaignID: 7, CampaignName: "Winter", Title: "Post B", Type: "email", PublishDate: "2026-03-02", Status: "idea"},
			{ID: 12, Title: "Standalone", Type: "email", PublishDate: "2026-03-02", Status: "idea"},
			{ID: 13, CampaignID: 1, CampaignName: "Spring", Title: "Post C", Type: "email", PublishDate: "2026-03-05", Status: "idea"},
		},
		Milestones: []*backend.Milestone{
			{ID: 20, Version: 3, CampaignID: 1, CampaignName: "Spring", Title: "Launch", Owner: "Bo", DueDate: "2026-03-02", Done: true},
			{ID: 21, CampaignID: 8, CampaignName: "Autumn", Title: "Review", DueDate: "2026-03-05", Overdue: true},
		},
	}
}

// TestCalendarShownKeepsWhatViewsRead checks that, without a per-day
// limit, every item is there with every field a view or an item form reads,
// and names are said once.
func TestCalendarShownKeepsWhatViewsRead(t *testing.T) {
	s := shownFixture().Shown(0)
	if len(s.Campaigns) != 2 || len(s.Deliverables) != 4 || len(s.Milestones) != 2 || len(s.ContractDates) != 1 || s.More != nil {
		t.Fatalf("lost items: %+v", s)
	}
	want := backend.CalendarCampaign{ID: 1, Name: "Spring", TeamID: 2, ChannelIDs: []int64{5, 1}, Status: backend.StatusLive,
		StartDate: "2026-03-01", EndDate: "2026-03-20"}
	if got := s.Campaigns[0]; got.ID != want.ID || got.Version != 4 || got.Name != want.Name || got.TeamID != 2 || len(got.ChannelIDs) != 2 ||
		got.ChannelIDs[0] != 5 || got.Status != want.Status || got.StartDate != want.StartDate || got.EndDate != want.EndDate {
		t.Errorf("campaign = %+v, want %+v", got, want)
	}
	if s.Campaigns[1].ChannelIDs == nil {
		t.Error("a campaign with no channel should send [], not null")
	}
	d := s.Deliverables[0]
	if d != (backend.CalendarDeliverable{ID: 10, Version: 2, CampaignID: 1, Title: "Post A", Type: backend.TypeCustom, CustomType: "Podcast",
		PublishDate: "2026-03-02", ChannelID: 5, Owner: "Ann", Status: "draft", Notes: "n", Overdue: true}) {
		t.Errorf("deliverable = %+v", d)
	}
	if m := s.Milestones[0]; m != (backend.CalendarMilestone{ID: 20, Version: 3, CampaignID: 1, Title: "Launch", Owner: "Bo", DueDate: "2026-03-02", Done: true}) {
		t.Errorf("milestone = %+v", m)
	}
	if s.Teams[2] != "Brand" || s.Channels[5] != "Ads" || s.Channels[1] != "Email" || len(s.Teams) != 1 {
		t.Errorf("names: teams %v channels %v", s.Teams, s.Channels)
	}
	// Campaigns out of the range are named for the items in it; listed and standalone ones are not.
	if len(s.CampaignNames) != 2 || s.CampaignNames[7] != "Winter" || s.CampaignNames[8] != "Autumn" {
		t.Errorf("campaignNames = %v", s.CampaignNames)
	}
	raw, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	for _, gone := range []string{"createdAt", "channelName", "campaignName\"", "long notes", "q1", "\"customType\":\"\""} {
		if strings.Contains(string(raw), gone) {
			t.Errorf("answer holds %s: %s", gone, raw)
		}
	}
}

// TestCalendarShownPerDay checks the month cell limit: each day keeps its
// first items in the order the month grid lists them (contract dates,
// deliverables, milestones) and More counts exactly the rest.
func TestCalendarShownPerDay(t *testing.T) {
	s := shownFixture().Shown(2)
	// 2 March: contract, deliverables 10, 11, 12, milestone 20 → contract and 10 kept, 3 more.
	// 5 March: deliverable 13, milestone 21 → both kept.
	if len(s.ContractDates) != 1 || len(s.Deliverables) != 2 || s.Deliverables[0].ID != 10 || s.Deliverables[1].ID != 13 ||
		len(s.Milestones) != 1 || s.Milestones[0].ID != 21 {
		t.Fatalf("kept %+v %+v %+v", s.ContractDates, s.Deliverables, s.Milestones)
	}
	if len(s.More) != 1 || s.More["2026-03-02"] != 3 {
		t.Errorf("more = %v, want 3 on 2026-03-02", s.More)
	}
	// Every campaign is kept: the bars and their "+N more" are laid out from all of them.
	if len(s.Campaigns) != 2 {
		t.Errorf("campaigns = %d", len(s.Campaigns))
	}
	// Names follow the items sent: Winter's deliverable was left out.
	if len(s.CampaignNames) != 1 || s.CampaignNames[8] != "Autumn" {
		t.Errorf("campaignNames = %v", s.CampaignNames)
	}
	total := 0
	for _, n := range s.More {
		total += n
	}
	if kept := len(s.ContractDates) + len(s.Deliverables) + len(s.Milestones); kept+total != 7 {
		t.Errorf("kept %d + more %d, want 7 items", kept, total)
	}
}
