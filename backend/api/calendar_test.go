package api_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"mopsdesk/backend"
	"mopsdesk/backend/api"
)

// TestCalendar_PerDayIsForViewsOnly checks that a month's per-day limit
// trims the view's answer, with the rest counted, while the calendar file
// and workbook exports still hold every item.
func TestCalendar_PerDayIsForViewsOnly(t *testing.T) {
	ctx := context.Background()
	a, _ := newAPI(t, io.Discard)
	c, err := a.Campaigns.Create(ctx, backend.Campaign{Name: "Spring", Status: backend.StatusPlanned,
		StartDate: "2026-03-01", EndDate: "2026-03-31", Budget: backend.Money{Currency: "USD"}})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 4; i++ {
		if _, err := a.Deliverables.Create(ctx, backend.Deliverable{CampaignID: c.ID, Title: fmt.Sprintf("Post %d", i),
			Type: backend.TypeEmail, PublishDate: "2026-03-10", Status: backend.DeliverableIdea}); err != nil {
			t.Fatal(err)
		}
	}
	f := backend.CalendarFilter{From: "2026-03-01", To: "2026-03-31", PerDay: 3}
	s, err := a.Calendar.Range(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Deliverables) != 3 || s.More["2026-03-10"] != 1 || len(s.Campaigns) != 1 {
		t.Fatalf("month answer: %d deliverables, %v more", len(s.Deliverables), s.More)
	}
	var ics bytes.Buffer
	if err := a.Exports.Calendar(ctx, f, &ics); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 4; i++ {
		if !strings.Contains(ics.String(), fmt.Sprintf("Post %d", i)) {
			t.Errorf("the .ics lacks Post %d", i)
		}
	}
	var book bytes.Buffer
	if err := a.Exports.List(ctx, api.ListRequest{Kind: "calendar", Calendar: &f}, &book); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenReader(&book)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	posts := 0
	for _, sheet := range x.GetSheetList() {
		rows, _ := x.GetRows(sheet)
		for _, r := range rows {
			if strings.HasPrefix(strings.Join(r, "|"), "Post ") || strings.Contains(strings.Join(r, "|"), "|Post ") {
				posts++
			}
		}
	}
	if posts != 4 {
		t.Errorf("the workbook lists %d posts, want 4", posts)
	}
}
