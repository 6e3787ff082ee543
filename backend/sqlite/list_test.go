package sqlite_test

import (
	"context"
	"errors"
	"testing"

	"mopsdesk/backend"
	"mopsdesk/backend/sqlite"
)

func asError(err error, target **backend.Error) bool { return errors.As(err, target) }

func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	if got := backend.ErrorCode(err); got != code {
		t.Fatalf("error code = %q (%v), want %q", got, err, code)
	}
}

func TestListService(t *testing.T) {
	ctx := context.Background()
	t.Run("OK", func(t *testing.T) {
		s := sqlite.NewListService(mustOpen(t))
		for _, n := range []string{"Events", "brand", " Demand gen "} {
			if _, err := s.CreateListItem(ctx, backend.ListTeams, n); err != nil {
				t.Fatal(err)
			}
		}
		items, err := s.ListItems(ctx, backend.ListTeams)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, it := range items {
			names = append(names, it.Name)
		}
		if want := "brand,Demand gen,Events"; join(names) != want {
			t.Fatalf("names = %s, want %s", join(names), want)
		}
	})
	t.Run("ErrNameTakenIgnoringCase", func(t *testing.T) {
		s := sqlite.NewListService(mustOpen(t))
		if _, err := s.CreateListItem(ctx, backend.ListChannels, "Email"); err != nil {
			t.Fatal(err)
		}
		_, err := s.CreateListItem(ctx, backend.ListChannels, "EMAIL")
		wantCode(t, err, backend.ECONFLICT)
	})
	t.Run("ErrNameRequired", func(t *testing.T) {
		s := sqlite.NewListService(mustOpen(t))
		_, err := s.CreateListItem(ctx, backend.ListTeams, "   ")
		wantCode(t, err, backend.EINVALID)
	})
	t.Run("ErrUnknownList", func(t *testing.T) {
		s := sqlite.NewListService(mustOpen(t))
		_, err := s.ListItems(ctx, backend.ListKind("vendors; DROP TABLE teams"))
		wantCode(t, err, backend.EINVALID)
	})
	t.Run("RenameFollowsCampaigns", func(t *testing.T) {
		db := mustOpen(t)
		s := sqlite.NewListService(db)
		team, _ := s.CreateListItem(ctx, backend.ListTeams, "Content")
		c := newCampaign("Spring launch")
		c.TeamID = team.ID
		if err := sqlite.NewCampaignService(db).CreateCampaign(ctx, c); err != nil {
			t.Fatal(err)
		}
		renamed, err := s.RenameListItem(ctx, backend.ListTeams, team.ID, "Content & SEO")
		if err != nil || renamed.Uses != 1 {
			t.Fatalf("rename = %+v, %v", renamed, err)
		}
		got, _ := sqlite.NewCampaignService(db).FindCampaignByID(ctx, c.ID)
		if got.TeamName != "Content & SEO" {
			t.Fatalf("campaign team = %q", got.TeamName)
		}
	})
	t.Run("ErrDeleteInUse", func(t *testing.T) {
		db := mustOpen(t)
		s := sqlite.NewListService(db)
		ch, _ := s.CreateListItem(ctx, backend.ListChannels, "Paid social")
		c := newCampaign("Retargeting")
		c.ChannelIDs = []int64{ch.ID}
		if err := sqlite.NewCampaignService(db).CreateCampaign(ctx, c); err != nil {
			t.Fatal(err)
		}
		err := s.DeleteListItem(ctx, backend.ListChannels, ch.ID)
		wantCode(t, err, backend.ECONFLICT)
		if items, _ := s.ListItems(ctx, backend.ListChannels); len(items) != 1 {
			t.Fatalf("in-use channel was deleted")
		}
		if err := sqlite.NewCampaignService(db).DeleteCampaign(ctx, c.ID, c.Version); err != nil {
			t.Fatal(err)
		}
		if err := s.DeleteListItem(ctx, backend.ListChannels, ch.ID); err != nil {
			t.Fatalf("delete unused: %v", err)
		}
		wantCode(t, s.DeleteListItem(ctx, backend.ListChannels, ch.ID), backend.ENOTFOUND)
	})
}

func join(s []string) string {
	out := ""
	for i, v := range s {
		if i > 0 {
			out += ","
		}
		out += v
	}
	return out
}
