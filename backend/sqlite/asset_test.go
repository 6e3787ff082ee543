package sqlite_test

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"mopsdesk/backend"
	"mopsdesk/backend/files"
	"mopsdesk/backend/sqlite"
)

func newAssets(t testing.TB) (*sqlite.DB, *sqlite.AssetService) {
	t.Helper()
	db := sqlite.NewDB(filepath.Join(t.TempDir(), "a.db"))
	db.Now = func() time.Time { return time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC) }
	if err := db.Open(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	store, err := files.New(filepath.Join(t.TempDir(), "assets"))
	if err != nil {
		t.Fatal(err)
	}
	return db, sqlite.NewAssetService(db, store)
}

func smallPNG(t testing.TB) []byte {
	var buf bytes.Buffer
	png.Encode(&buf, image.NewRGBA(image.Rect(0, 0, 40, 20)))
	return buf.Bytes()
}

func TestAssetService_Add(t *testing.T) {
	ctx := context.Background()
	_, s := newAssets(t)
	logo := smallPNG(t)
	res, err := s.AddAssetFile(ctx, "acme_logo-2026.png", bytes.NewReader(logo), "")
	if err != nil {
		t.Fatal(err)
	}
	a := res.Asset
	if a.Title != "acme logo 2026" || a.Type != "logo" || len(a.Versions) != 1 || a.Versions[0].Width != 40 || a.Versions[0].Height != 20 {
		t.Fatalf("%+v", a)
	}
	t.Run("DuplicateIsReported", func(t *testing.T) {
		res, err := s.AddAssetFile(ctx, "copy.png", bytes.NewReader(logo), backend.DuplicateAsk)
		if err != nil || res.Asset != nil || res.DuplicateOf == nil || res.DuplicateOf.ID != a.ID {
			t.Fatalf("%+v %v", res, err)
		}
	})
	t.Run("DuplicateAsNewVersion", func(t *testing.T) {
		res, err := s.AddAssetFile(ctx, "acme-logo-v2.png", bytes.NewReader(logo), backend.DuplicateNewVersion)
		if err != nil || res.Asset.ID != a.ID || len(res.Asset.Versions) != 2 || res.Asset.Versions[0].Version != 2 {
			t.Fatalf("%+v %v", res.Asset, err)
		}
	})
	t.Run("DuplicateSkippedOrKept", func(t *testing.T) {
		res, _ := s.AddAssetFile(ctx, "x.png", bytes.NewReader(logo), backend.DuplicateSkip)
		if !res.Skipped || res.Asset != nil {
			t.Fatalf("%+v", res)
		}
		res, _ = s.AddAssetFile(ctx, "x.png", bytes.NewReader(logo), backend.DuplicateKeepBoth)
		if res.Asset == nil || res.Asset.ID == a.ID {
			t.Fatalf("%+v", res)
		}
	})
	t.Run("TypeFromContentNotName", func(t *testing.T) {
		res, _ := s.AddAssetFile(ctx, "brief.png", strings.NewReader("%PDF-1.7 brief"), "")
		if res.Asset.Type != "document" || res.Asset.Versions[0].ContentType != "application/pdf" {
			t.Fatalf("%+v", res.Asset)
		}
	})
	t.Run("CorruptImageGetsANote", func(t *testing.T) {
		res, err := s.AddAssetFile(ctx, "broken.png", bytes.NewReader(logo[:30]), "")
		if err != nil || res.Asset.Versions[0].Note != "asset.preview_damaged" {
			t.Fatalf("%+v %v", res, err)
		}
	})
	t.Run("PathInNameIsOnlyAName", func(t *testing.T) {
		res, _ := s.AddAssetFile(ctx, "../../etc/passwd", strings.NewReader("root:x:0:0"), "")
		if res.Asset.Versions[0].FileName != "passwd" {
			t.Fatalf("%+v", res.Asset.Versions[0])
		}
	})
}

// newSearchFixture adds three assets to a new library: a hero photo for a
// campaign running into 2027 whose licence expires on 15 Dec 2026, brand
// guidelines of one's own, and an old banner whose licence has expired.
func newSearchFixture(t *testing.T) (db *sqlite.DB, s *sqlite.AssetService, c *backend.Campaign, hero *backend.Asset) {
	t.Helper()
	ctx := context.Background()
	db, s = newAssets(t)
	add := func(name, content string, edit func(a *backend.Asset)) *backend.Asset {
		res, err := s.AddAssetFile(ctx, name, strings.NewReader(content), "")
		if err != nil {
			t.Fatal(err)
		}
		a := *res.Asset
		edit(&a)
		got, err := s.UpdateAsset(ctx, a.ID, a)
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	c = newCampaign("Spring launch") // ends 2026-03-31... push it later
	c.StartDate, c.EndDate = "2026-11-01", "2027-01-31"
	if err := sqlite.NewCampaignService(db).CreateCampaign(ctx, c); err != nil {
		t.Fatal(err)
	}
	hero = add("hero.jpg", "hero bytes", func(a *backend.Asset) {
		a.Title, a.Tags, a.Description = "Hero photo – Kraków", []string{"spring", "photo"}, "Old town at dusk"
		a.Licence = backend.Licence{Type: "Rights-managed", Holder: "Getty Images", Expiry: "2026-12-15"}
		a.CampaignIDs = []int64{c.ID}
	})
	add("guide.pdf", "guide bytes", func(a *backend.Asset) {
		a.Title, a.Tags = "Brand guidelines", []string{"brand"}
		a.Licence = backend.Licence{Type: "Own", Holder: "Acme"}
	})
	add("archive-7731.jpg", "old bytes", func(a *backend.Asset) {
		a.Title = "Old banner"
		a.Licence = backend.Licence{Holder: "Shutterstock", Expiry: "2026-01-01"}
	})
	return db, s, c, hero
}

func TestAssetService_SearchAndLicences(t *testing.T) {
	ctx := context.Background()
	db, s, c, hero := newSearchFixture(t)
	titles := func(f backend.AssetFilter) string {
		t.Helper()
		p, err := s.FindAssets(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, a := range p.Assets {
			out = append(out, a.Title)
		}
		return strings.Join(out, "|")
	}
	for _, tt := range []struct {
		name string
		f    backend.AssetFilter
		want string
	}{
		{"Prefix", backend.AssetFilter{Search: "guid"}, "Brand guidelines"},
		{"TagWord", backend.AssetFilter{Search: "spring"}, "Hero photo – Kraków"},
		{"Diacritics", backend.AssetFilter{Search: "krakow"}, "Hero photo – Kraków"},
		{"Holder", backend.AssetFilter{Search: "getty"}, "Hero photo – Kraków"},
		{"FileName", backend.AssetFilter{Search: "7731"}, "Old banner"},
		{"SyntaxIsLiteral", backend.AssetFilter{Search: `"brand" OR NEAR(* -`}, ""},
		{"Expired", backend.AssetFilter{Licence: backend.LicenceExpired}, "Old banner"},
		{"Expiring", backend.AssetFilter{Licence: backend.LicenceExpiring}, "Hero photo – Kraków"},
		{"Valid", backend.AssetFilter{Licence: backend.LicenceValid}, "Brand guidelines"},
		{"Campaign", backend.AssetFilter{CampaignID: c.ID}, "Hero photo – Kraków"},
		{"Tag", backend.AssetFilter{Tag: "BRAND"}, "Brand guidelines"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := titles(tt.f); got != tt.want {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
		})
	}
	t.Run("LicenceEndsBeforeCampaign", func(t *testing.T) {
		w, err := s.LicenceWarnings(ctx, c.ID)
		if err != nil || len(w) != 1 || w[0].AssetID != hero.ID || w[0].Expiry != "2026-12-15" || w[0].EndDate != "2027-01-31" {
			t.Fatalf("%+v %v", w, err)
		}
	})
	t.Run("ExpiringLicenceIsInTheDigest", func(t *testing.T) {
		d, err := sqlite.NewContractService(db).Digest(ctx, 60)
		if err != nil {
			t.Fatal(err)
		}
		var found bool
		for _, e := range d {
			found = found || (e.Kind == backend.RemindLicence && e.AssetID == hero.ID && e.Date == "2026-12-15" && e.Due)
		}
		if !found {
			t.Fatalf("digest %+v", d)
		}
	})
	t.Run("ErrExpiryBeforeStart", func(t *testing.T) {
		bad := *hero
		bad.Licence.Start, bad.Licence.Expiry = "2026-06-01", "2026-05-01"
		_, err := s.UpdateAsset(ctx, hero.ID, bad)
		wantCode(t, err, backend.EINVALID)
		got, _ := s.FindAssetByID(ctx, hero.ID)
		if got.Licence.Expiry != "2026-12-15" {
			t.Fatalf("changed: %+v", got.Licence)
		}
	})
}

// BenchmarkAssetSearch searches 20,000 assets as a user types (target
// under 50 ms per search).
func BenchmarkAssetSearch(b *testing.B) {
	ctx := context.Background()
	_, s := newAssets(b)
	words := []string{"spring", "summer", "brand", "logo", "hero", "banner", "webinar", "event", "social", "email"}
	for i := 0; i < 20_000; i++ {
		res, err := s.AddAssetFile(ctx, fmt.Sprintf("%s-%s-%05d.jpg", words[i%10], words[(i/10)%10], i), strings.NewReader(fmt.Sprint("asset ", i)), "")
		if err != nil {
			b.Fatal(err)
		}
		if i%7 == 0 {
			a := *res.Asset
			a.Tags = []string{words[(i/3)%10], "campaign"}
			a.Description = "Shot for the " + words[(i/7)%10] + " campaign"
			if _, err := s.UpdateAsset(ctx, a.ID, a); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ResetTimer()
	for _, q := range []string{"sp", "spring hero", "webinar 0012"} {
		b.Run(q, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := s.FindAssets(ctx, backend.AssetFilter{Search: q, Limit: 50}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
