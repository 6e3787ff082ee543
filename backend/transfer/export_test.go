package transfer_test

import (
	"context"
	"errors"
	"io"
	"path/filepath"
	"testing"

	"mopsdesk/backend"
	"mopsdesk/backend/files"
	"mopsdesk/backend/sqlite"
	"mopsdesk/backend/transfer"
)

// brokenSettings is a workspace whose settings cannot be read.
type brokenSettings struct {
	backend.WorkspaceService
	err error
}

func (b brokenSettings) Settings(context.Context) (*backend.Settings, error) { return nil, b.err }

// TestWriteWorkspace_SettingsErrorIsReturned: the campaigns sheet needs the
// workspace currency for attributed revenue; when the settings cannot be
// read the export fails with that error instead of writing (or crashing
// on) rows without it.
func TestWriteWorkspace_SettingsErrorIsReturned(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	c := &backend.Campaign{Name: "Spring", Status: backend.StatusPlanned, StartDate: "2026-04-01", EndDate: "2026-04-30", Budget: backend.Money{Currency: "EUR"}}
	if err := sqlite.NewCampaignService(db.DB).CreateCampaign(ctx, c); err != nil {
		t.Fatal(err)
	}
	store, err := files.New(filepath.Join(t.TempDir(), "assets"))
	if err != nil {
		t.Fatal(err)
	}
	broken := errors.New("settings table unreadable")
	s := newServiceWith(db.DB, store, func(s *transfer.Services) { s.Workspace = brokenSettings{s.Workspace, broken} })
	err = s.WriteWorkspace(ctx, []string{"campaigns"}, nil, io.Discard)
	if !errors.Is(err, broken) {
		t.Fatalf("export with unreadable settings: %v, want %v", err, broken)
	}
}
