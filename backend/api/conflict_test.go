package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"strings"
	"testing"

	"mopsdesk/backend"
	"mopsdesk/backend/api"
)

// An older client that sends no version is refused with a field error the
// UI can translate, and nothing it sent is stored or deleted.
func TestVersions_SaveWithoutVersionIsRefused(t *testing.T) {
	ctx := context.Background()
	a, _ := newAPI(t, io.Discard)
	c, err := a.Campaigns.Create(ctx, backend.Campaign{Name: "Spring launch", Status: backend.StatusPlanned, StartDate: "2026-03-01", EndDate: "2026-03-31", Budget: backend.Money{Currency: "USD"}})
	if err != nil {
		t.Fatal(err)
	}
	name := "Overwritten"
	_, errUpdate := a.Campaigns.Update(ctx, c.ID, backend.CampaignUpdate{Name: &name})
	_, errMove := a.Campaigns.Move(ctx, c.ID, backend.CampaignMove{StartDate: "2026-04-01", EndDate: "2026-04-30"})
	errDelete := a.Campaigns.Delete(ctx, c.ID, 0)
	for what, err := range map[string]error{"update": errUpdate, "move": errMove, "delete": errDelete} {
		if p := api.FormatError(err); p.Code != backend.EINVALID || p.Fields["version"].Key != "conflict.version_required" {
			t.Errorf("%s without a version: %+v", what, p)
		}
	}
	if got, _ := a.Campaigns.Get(ctx, c.ID); got.Name != "Spring launch" || got.StartDate != "2026-03-01" {
		t.Fatalf("stored %+v", got)
	}
}

// The conflict payload the UI receives holds the record as stored now.
func TestVersions_ConflictPayloadCarriesTheCurrentRecord(t *testing.T) {
	ctx := context.Background()
	a, _ := newAPI(t, io.Discard)
	c, _ := a.Campaigns.Create(ctx, backend.Campaign{Name: "Spring launch", Status: backend.StatusPlanned, StartDate: "2026-03-01", EndDate: "2026-03-31", Budget: backend.Money{Currency: "USD"}})
	danas, mine := "Dana's name", "Sam's name"
	if _, err := a.Campaigns.Update(ctx, c.ID, backend.CampaignUpdate{Version: c.Version, Name: &danas}); err != nil {
		t.Fatal(err)
	}
	_, err := a.Campaigns.Update(ctx, c.ID, backend.CampaignUpdate{Version: c.Version, Name: &mine})
	b, _ := json.Marshal(api.FormatError(err))
	var p struct {
		Code    string
		Current struct {
			Name    string
			Version int64
		}
	}
	if err := json.Unmarshal(b, &p); err != nil || p.Code != "conflict" || p.Current.Name != danas || p.Current.Version <= c.Version {
		t.Fatalf("%s", b)
	}
}

// A bulk edit names the version of each selected asset: the ones nobody
// changed get the edit, the ones changed meanwhile are left as stored and
// named in Conflicts as they are now.
func TestAssets_BulkEditPartialConflict(t *testing.T) {
	ctx := context.Background()
	a, _ := newAPI(t, io.Discard)
	var list []*backend.Asset
	for _, name := range []string{"logo.pdf", "hero.pdf", "banner.pdf"} {
		res, err := a.Files.AddAsset(ctx, name, bytes.NewReader([]byte("%PDF-1.4 "+name)), backend.DuplicateAsk)
		if err != nil {
			t.Fatal(err)
		}
		list = append(list, res.Asset)
	}
	// Dana retitles the hero while Sam has the list open.
	hero := *list[1]
	hero.Title = "Hero (final)"
	if _, err := a.Assets.Update(ctx, hero.ID, hero); err != nil {
		t.Fatal(err)
	}
	sel := []backend.RecordVersion{}
	for _, x := range list {
		sel = append(sel, backend.RecordVersion{ID: x.ID, Version: x.Version})
	}
	res, err := a.Assets.BulkEdit(ctx, sel, []string{"spring"}, &backend.Licence{Type: "royalty_free", Holder: "Studio K"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Assets) != 2 || len(res.Conflicts) != 1 || res.Conflicts[0].ID != hero.ID || res.Conflicts[0].Title != "Hero (final)" {
		t.Fatalf("%+v", res)
	}
	got, _ := a.Assets.Get(ctx, hero.ID)
	if strings.Join(got.Tags, ",") != "" || got.Licence.Holder != "" {
		t.Fatalf("the changed asset was edited: %+v", got)
	}
	for _, x := range []int64{list[0].ID, list[2].ID} {
		if got, _ := a.Assets.Get(ctx, x); strings.Join(got.Tags, ",") != "spring" || got.Licence.Holder != "Studio K" {
			t.Fatalf("asset %d: %+v", x, got)
		}
	}
	if _, err := a.Assets.BulkEdit(ctx, []backend.RecordVersion{{ID: hero.ID}}, []string{"x"}, nil); backend.ErrorCode(err) != backend.EINVALID {
		t.Fatalf("a bulk edit without versions: %v", err)
	}
}
