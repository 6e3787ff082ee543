package sqlite_test

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"mopsdesk/backend"
	"mopsdesk/backend/sqlite"
)

func newCampaign(name string) *backend.Campaign {
	return &backend.Campaign{
		Name: name, Owner: "Dana", Status: backend.StatusPlanned,
		StartDate: "2026-03-01", EndDate: "2026-03-31",
		Budget: backend.Money{Amount: 1_250_050, Currency: "USD"},
	}
}

func ptr[T any](v T) *T { return &v }

func TestCampaignService_Create(t *testing.T) {
	ctx := context.Background()
	t.Run("OK", func(t *testing.T) {
		s := sqlite.NewCampaignService(mustOpen(t))
		c := newCampaign("  Spring launch ")
		c.Budget.Currency = "kwd"
		c.Budget.Amount = 1_234_567 // 1234.567 KWD
		if err := s.CreateCampaign(ctx, c); err != nil {
			t.Fatal(err)
		}
		if c.ID == 0 || c.Name != "Spring launch" || c.CreatedAt != "2026-03-14T09:30:00Z" {
			t.Fatalf("created = %+v", c)
		}
		got, err := s.FindCampaignByID(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, c) || got.Budget != (backend.Money{Amount: 1_234_567, Currency: "KWD"}) {
			t.Fatalf("read back %+v, want %+v", got, c)
		}
	})
	t.Run("ErrEndBeforeStart", func(t *testing.T) {
		s := sqlite.NewCampaignService(mustOpen(t))
		c := newCampaign("Backwards")
		c.StartDate, c.EndDate = "2026-05-10", "2026-05-01"
		err := s.CreateCampaign(ctx, c)
		var e *backend.Error
		if !asError(err, &e) || e.Code != backend.EINVALID || e.Fields["endDate"].Key != "campaign.end_before_start" {
			t.Fatalf("err = %v, want endDate end_before_start", err)
		}
		if _, n, _ := s.FindCampaigns(ctx, backend.CampaignFilter{}); n != 0 {
			t.Fatalf("an invalid campaign was stored")
		}
	})
	t.Run("ErrUnknownTeam", func(t *testing.T) {
		s := sqlite.NewCampaignService(mustOpen(t))
		c := newCampaign("Orphan")
		c.TeamID = 99
		var e *backend.Error
		if err := s.CreateCampaign(ctx, c); !asError(err, &e) || e.Fields["teamId"].Key != "field.reference_unknown" {
			t.Fatalf("err = %v, want teamId reference_unknown", err)
		}
	})
}

func TestCampaignService_Update(t *testing.T) {
	ctx := context.Background()
	t.Run("OK", func(t *testing.T) {
		s := sqlite.NewCampaignService(mustOpen(t))
		c := newCampaign("Webinar series")
		if err := s.CreateCampaign(ctx, c); err != nil {
			t.Fatal(err)
		}
		got, err := s.UpdateCampaign(ctx, c.ID, backend.CampaignUpdate{Status: ptr(backend.StatusLive), EndDate: ptr("2026-04-15")})
		if err != nil {
			t.Fatal(err)
		}
		if got.Status != backend.StatusLive || got.EndDate != "2026-04-15" || got.Name != "Webinar series" || got.Owner != "Dana" {
			t.Fatalf("updated = %+v", got)
		}
	})
	t.Run("ErrInvalidLeavesStoredUnchanged", func(t *testing.T) {
		s := sqlite.NewCampaignService(mustOpen(t))
		c := newCampaign("Trade show")
		if err := s.CreateCampaign(ctx, c); err != nil {
			t.Fatal(err)
		}
		_, err := s.UpdateCampaign(ctx, c.ID, backend.CampaignUpdate{Name: ptr("Renamed"), EndDate: ptr("2026-02-01")})
		wantCode(t, err, backend.EINVALID)
		got, _ := s.FindCampaignByID(ctx, c.ID)
		if got.Name != "Trade show" || got.EndDate != "2026-03-31" {
			t.Fatalf("half-applied update: %+v", got)
		}
	})
	t.Run("ErrNotFound", func(t *testing.T) {
		s := sqlite.NewCampaignService(mustOpen(t))
		_, err := s.UpdateCampaign(ctx, 42, backend.CampaignUpdate{Name: ptr("x")})
		wantCode(t, err, backend.ENOTFOUND)
		wantCode(t, s.DeleteCampaign(ctx, 42, 1), backend.ENOTFOUND)
	})
}

func TestCampaignService_Find(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	s := sqlite.NewCampaignService(db)
	lists := sqlite.NewListService(db)
	brand, _ := lists.CreateListItem(ctx, backend.ListTeams, "Brand")
	email, _ := lists.CreateListItem(ctx, backend.ListChannels, "Email")
	seed := []struct {
		name, start, end string
		status           backend.CampaignStatus
		team, channel    int64
	}{
		{"Q1 newsletter", "2026-01-05", "2026-03-30", backend.StatusLive, 0, email.ID},
		{"Brand refresh", "2026-02-01", "2026-02-28", backend.StatusCompleted, brand.ID, 0},
		{"100% off_sale", "2026-04-01", "2026-04-10", backend.StatusIdea, brand.ID, email.ID},
		{"Summer event", "2026-06-20", "2026-07-02", backend.StatusPlanned, 0, 0},
	}
	for _, sd := range seed {
		c := newCampaign(sd.name)
		c.StartDate, c.EndDate, c.Status, c.TeamID = sd.start, sd.end, sd.status, sd.team
		if sd.channel != 0 {
			c.ChannelIDs = []int64{sd.channel}
		}
		if err := s.CreateCampaign(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name   string
		filter backend.CampaignFilter
		want   string
	}{
		{"AllByStart", backend.CampaignFilter{}, "Q1 newsletter,Brand refresh,100% off_sale,Summer event"},
		{"ByNameDesc", backend.CampaignFilter{Sort: backend.SortByName, Desc: true}, "Summer event,Q1 newsletter,Brand refresh,100% off_sale"},
		{"ByStatus", backend.CampaignFilter{Sort: backend.SortByStatus}, "100% off_sale,Summer event,Q1 newsletter,Brand refresh"},
		{"Team", backend.CampaignFilter{TeamID: brand.ID}, "Brand refresh,100% off_sale"},
		{"Channel", backend.CampaignFilter{ChannelID: email.ID}, "Q1 newsletter,100% off_sale"},
		{"Statuses", backend.CampaignFilter{Statuses: []backend.CampaignStatus{backend.StatusLive, backend.StatusPlanned}}, "Q1 newsletter,Summer event"},
		{"OverlapsMarch", backend.CampaignFilter{From: "2026-03-01", To: "2026-03-31"}, "Q1 newsletter"},
		{"OverlapsOnLastDay", backend.CampaignFilter{From: "2026-07-02", To: "2026-07-31"}, "Summer event"},
		{"SearchLikeCharsAreLiteral", backend.CampaignFilter{Search: "100%"}, "100% off_sale"},
		{"SearchUnderscoreLiteral", backend.CampaignFilter{Search: "f_s"}, "100% off_sale"},
		{"SearchIgnoresCase", backend.CampaignFilter{Search: "NEWS"}, "Q1 newsletter"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			list, total, err := s.FindCampaigns(ctx, tt.filter)
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, c := range list {
				names = append(names, c.Name)
			}
			if join(names) != tt.want || total != len(list) {
				t.Fatalf("got %s (total %d), want %s", join(names), total, tt.want)
			}
		})
	}
	t.Run("ErrBadFilter", func(t *testing.T) {
		_, _, err := s.FindCampaigns(ctx, backend.CampaignFilter{Sort: "id; DROP TABLE campaigns", From: "March"})
		wantCode(t, err, backend.EINVALID)
	})
}

func TestCampaignService_Paging(t *testing.T) {
	ctx := context.Background()
	s := sqlite.NewCampaignService(mustOpen(t))
	for i := 0; i < 25; i++ {
		c := newCampaign(fmt.Sprintf("Campaign %02d", i))
		if err := s.CreateCampaign(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	seen := map[int64]bool{}
	for offset := 0; offset < 25; offset += 10 {
		page, total, err := s.FindCampaigns(ctx, backend.CampaignFilter{Offset: offset, Limit: 10})
		if err != nil || total != 25 {
			t.Fatalf("page at %d: total %d, %v", offset, total, err)
		}
		for _, c := range page {
			if seen[c.ID] {
				t.Fatalf("campaign %d on two pages", c.ID)
			}
			seen[c.ID] = true
		}
	}
	if len(seen) != 25 {
		t.Fatalf("pages covered %d campaigns, want 25", len(seen))
	}
	page, total, err := s.FindCampaigns(ctx, backend.CampaignFilter{Offset: 100, Limit: 10})
	if err != nil || len(page) != 0 || total != 25 {
		t.Fatalf("past the end: %d rows, total %d, %v", len(page), total, err)
	}
	// The total counts the filter's match, not the table: a search, a page
	// exactly as long as the match, and the page after it.
	for _, f := range []backend.CampaignFilter{{Search: "campaign 1", Limit: 4}, {Search: "campaign 1", Limit: 10}, {Search: "campaign 1", Limit: 10, Offset: 10}} {
		page, total, err := s.FindCampaigns(ctx, f)
		if want := min(max(10-f.Offset, 0), f.Limit); err != nil || len(page) != want || total != 10 {
			t.Fatalf("%+v: %d rows, total %d, %v; want %d rows of 10", f, len(page), total, err, want)
		}
	}
}
