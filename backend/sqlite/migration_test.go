package sqlite_test

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"testing"

	"mopsdesk/backend"
	"mopsdesk/backend/sqlite"
)

// TestMigration0002_MovesChannels opens a database written by the first
// release (one channel per campaign) and checks that the campaign keeps
// its channel after the upgrade.
func TestMigration0002_MovesChannels(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	raw, err := sql.Open("sqlite3", sqlite.DSN(path))
	if err != nil {
		t.Fatal(err)
	}
	first, err := os.ReadFile("migration/0001_initial.sql")
	if err != nil {
		t.Fatal(err)
	}
	for _, stmt := range []string{
		`CREATE TABLE migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`,
		string(first),
		`INSERT INTO migrations VALUES ('migration/0001_initial.sql', '2026-01-01T00:00:00Z')`,
		`INSERT INTO channels (id, name) VALUES (7, 'Email')`,
		`INSERT INTO campaigns (id, name, channel_id, status, start_date, end_date, budget_currency, created_at, updated_at)
		 VALUES (1, 'Old one', 7, 'planned', '2026-03-01', '2026-03-31', 'USD', 'x', 'x'),
		        (2, 'No channel', NULL, 'idea', '2026-04-01', '2026-04-02', 'USD', 'x', 'x')`,
	} {
		if _, err := raw.Exec(stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	raw.Close()

	db := sqlite.NewDB(path)
	if err := db.Open(); err != nil {
		t.Fatalf("upgrade: %v", err)
	}
	defer db.Close()
	s := sqlite.NewCampaignService(db)
	c, err := s.FindCampaignByID(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.ChannelIDs) != 1 || c.ChannelIDs[0] != 7 || c.ChannelNames[0] != "Email" || c.Compliance.Status != backend.ReviewNotNeeded {
		t.Fatalf("after upgrade: %+v", c)
	}
	c2, _ := s.FindCampaignByID(context.Background(), 2)
	if len(c2.ChannelIDs) != 0 || len(c2.Tags) != 0 {
		t.Fatalf("campaign without channel: %+v", c2)
	}
	names, _ := db.Migrations(context.Background())
	if len(names) < 3 {
		t.Fatalf("migrations %v", names)
	}
}

func TestCampaignService_ChannelsTagsCompliance(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	lists := sqlite.NewListService(db)
	s := sqlite.NewCampaignService(db)
	email, _ := lists.CreateListItem(ctx, backend.ListChannels, "Email")
	social, _ := lists.CreateListItem(ctx, backend.ListChannels, "Paid social")
	c := newCampaign("Launch")
	c.ChannelIDs = []int64{social.ID, email.ID}
	c.Tags = []string{"Q1", "launch"}
	c.Objective = "500 MQLs from the EMEA mid-market"
	c.Compliance = backend.Compliance{Status: backend.ReviewPending, Comment: "Claims need legal"}
	if err := s.CreateCampaign(ctx, c); err != nil {
		t.Fatal(err)
	}
	if join(c.ChannelNames) != "Paid social,Email" || join(c.Tags) != "Q1,launch" {
		t.Fatalf("stored channels %v tags %v", c.ChannelNames, c.Tags)
	}
	other := newCampaign("Other")
	other.Tags = []string{"brand"}
	if err := s.CreateCampaign(ctx, other); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name   string
		filter backend.CampaignFilter
		want   string
	}{
		{"ByChannel", backend.CampaignFilter{ChannelID: email.ID}, "Launch"},
		{"ByTagIgnoringCase", backend.CampaignFilter{Tag: "q1"}, "Launch"},
		{"ByOwner", backend.CampaignFilter{Owner: "dana"}, "Launch,Other"},
		{"SearchObjective", backend.CampaignFilter{Search: "emea"}, "Launch"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			list, _, err := s.FindCampaigns(ctx, tt.filter)
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, c := range list {
				names = append(names, c.Name)
			}
			if join(names) != tt.want {
				t.Fatalf("got %s, want %s", join(names), tt.want)
			}
		})
	}
	t.Run("ErrLiveWhilePending", func(t *testing.T) {
		_, err := s.UpdateCampaign(ctx, c.ID, backend.CampaignUpdate{Status: ptr(backend.StatusLive)})
		var e *backend.Error
		if !asError(err, &e) || e.Fields["status"].Key != "campaign.live_needs_approval" {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("LiveOnceApproved", func(t *testing.T) {
		got, err := s.UpdateCampaign(ctx, c.ID, backend.CampaignUpdate{Status: ptr(backend.StatusLive),
			Compliance: &backend.Compliance{Status: backend.ReviewApproved, Reviewer: "Ana (Legal)", Date: "2026-02-20"}})
		if err != nil || got.Status != backend.StatusLive || got.Compliance.Reviewer != "Ana (Legal)" {
			t.Fatalf("%+v %v", got, err)
		}
		if join(got.ChannelNames) != "Paid social,Email" {
			t.Fatalf("an update without channels changed them: %v", got.ChannelNames)
		}
	})
	t.Run("ChannelInUseCountsCampaigns", func(t *testing.T) {
		wantCode(t, lists.DeleteListItem(ctx, backend.ListChannels, email.ID), backend.ECONFLICT)
	})
	t.Run("ErrDeletedChannel", func(t *testing.T) {
		_, err := s.UpdateCampaign(ctx, c.ID, backend.CampaignUpdate{ChannelIDs: &[]int64{999}})
		var e *backend.Error
		if !asError(err, &e) || e.Fields["channelIds"].Key != "field.reference_unknown" {
			t.Fatalf("err = %v", err)
		}
		got, _ := s.FindCampaignByID(ctx, c.ID)
		if len(got.ChannelIDs) != 2 {
			t.Fatalf("a rejected update changed the channels: %v", got.ChannelIDs)
		}
	})
}
