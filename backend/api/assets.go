package api

import (
	"context"
	"errors"
	"io"
	"strings"

	"mopsdesk/backend"
)

// Assets is the facade for the asset library's metadata. Adding files and
// fetching bytes go through each transport (see FileStore).
type Assets struct {
	s        Services
	previews *Previews
}

// Find returns one page of assets matching the filter.
func (a *Assets) Find(ctx context.Context, f backend.AssetFilter) (*backend.AssetPage, error) {
	return call(ctx, a.s, "Assets.Find", func(ctx context.Context) (*backend.AssetPage, error) {
		return a.s.Assets.FindAssets(ctx, f)
	})
}

// Get returns one asset with its versions.
func (a *Assets) Get(ctx context.Context, id int64) (*backend.Asset, error) {
	return call(ctx, a.s, "Assets.Get", func(ctx context.Context) (*backend.Asset, error) {
		return a.s.Assets.FindAssetByID(ctx, id)
	})
}

// Update replaces an asset's metadata.
func (a *Assets) Update(ctx context.Context, id int64, in backend.Asset) (*backend.Asset, error) {
	return call(ctx, a.s, "Assets.Update", func(ctx context.Context) (*backend.Asset, error) {
		if err := backend.RequireVersion("asset", in.Version); err != nil {
			return nil, err
		}
		return a.s.Assets.UpdateAsset(ctx, id, in)
	})
}

// BulkEdit adds tags to, and (when given) sets the licence of, several
// assets, each named with the version the list showed. Each asset is saved
// in its own transaction. An asset someone changed meanwhile is left as
// stored and returned in Conflicts as it is now, while the others are
// edited: the person then sees which ones differ and may apply the edit to
// them again. Any other failure stops and is reported with the assets
// already changed.
func (a *Assets) BulkEdit(ctx context.Context, assets []backend.RecordVersion, addTags []string, licence *backend.Licence) (*backend.AssetBulkResult, error) {
	return call(ctx, a.s, "Assets.BulkEdit", func(ctx context.Context) (*backend.AssetBulkResult, error) {
		out := &backend.AssetBulkResult{Assets: []*backend.Asset{}, Conflicts: []*backend.Asset{}}
		for _, rv := range assets {
			if err := backend.RequireVersion("asset", rv.Version); err != nil {
				return out, err
			}
		}
		for _, rv := range assets {
			cur, err := a.s.Assets.FindAssetByID(ctx, rv.ID)
			if err != nil {
				return out, err
			}
			if cur.Version != rv.Version {
				out.Conflicts = append(out.Conflicts, cur)
				continue
			}
			cur.Tags = append(cur.Tags, addTags...)
			if licence != nil {
				cur.Licence = *licence
			}
			upd, err := a.s.Assets.UpdateAsset(ctx, rv.ID, *cur)
			var e *backend.Error
			if errors.As(err, &e) && e.Code == backend.ECONFLICT && e.Current != nil {
				// Changed between reading and writing it.
				if now, ok := e.Current.(*backend.Asset); ok {
					out.Conflicts = append(out.Conflicts, now)
					continue
				}
			}
			if err != nil {
				return out, err
			}
			out.Assets = append(out.Assets, upd)
		}
		return out, nil
	})
}

// Delete removes an asset.
func (a *Assets) Delete(ctx context.Context, id, version int64) error {
	_, err := call(ctx, a.s, "Assets.Delete", func(ctx context.Context) (struct{}, error) {
		if err := backend.RequireVersion("asset", version); err != nil {
			return struct{}{}, err
		}
		return struct{}{}, a.s.Assets.DeleteAsset(ctx, id, version)
	})
	return err
}

// LicenceWarnings lists campaigns using assets whose licence ends first.
func (a *Assets) LicenceWarnings(ctx context.Context, campaignID int64) ([]backend.LicenceWarning, error) {
	return call(ctx, a.s, "Assets.LicenceWarnings", func(ctx context.Context) ([]backend.LicenceWarning, error) {
		return a.s.Assets.LicenceWarnings(ctx, campaignID)
	})
}

// PreviewsPending returns how many image previews are still being made.
func (a *Assets) PreviewsPending(ctx context.Context) int {
	return a.previews.Pending()
}

// AddAsset stores one file in the library (used by the transports) and
// queues the preview of an image.
func (f *FileStore) AddAsset(ctx context.Context, name string, r io.Reader, choice backend.DuplicateChoice) (*backend.AddResult, error) {
	res, err := call(ctx, f.s, "Files.AddAsset", func(ctx context.Context) (*backend.AddResult, error) {
		return f.s.Assets.AddAssetFile(ctx, name, r, choice)
	})
	if err == nil && res.Asset != nil && len(res.Asset.Versions) > 0 {
		if v := res.Asset.Versions[0]; strings.HasPrefix(v.ContentType, "image/") && v.Note == "" {
			f.previews.enqueue(v.SHA256)
		}
	}
	return res, err
}
