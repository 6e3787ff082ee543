package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"mopsdesk/backend"
)

const assetSelect = `
	SELECT a.id, a.version, a.title, a.type, a.description, a.source, a.licence_type, a.licence_holder, a.usage_rights,
		a.licence_start, a.licence_expiry, a.created_at, a.updated_at,
		(SELECT json_group_array(x.tag) FROM (SELECT tag FROM asset_tags WHERE asset_id = a.id ORDER BY position) x),
		(SELECT json_group_array(campaign_id) FROM asset_campaigns WHERE asset_id = a.id),
		(SELECT json_group_array(json_object('version', v.version, 'sha256', v.sha256, 'fileName', v.file_name, 'size', v.size,
			'contentType', v.content_type, 'width', v.width, 'height', v.height, 'note', v.note, 'addedAt', v.added_at))
		 FROM (SELECT * FROM asset_versions WHERE asset_id = a.id ORDER BY version DESC) v),
		count(*) OVER ()
	FROM assets a`

func queryAssets(ctx context.Context, q queryer, today, where string, args []any, limit, offset int) ([]*backend.Asset, int, error) {
	rows, err := q.QueryContext(ctx, assetSelect+" WHERE "+where+" ORDER BY a.updated_at DESC, a.id DESC LIMIT ? OFFSET ?", append(args, limit, offset)...)
	if err != nil {
		return nil, 0, fmt.Errorf("find assets: %w", err)
	}
	defer rows.Close()
	out, total := []*backend.Asset{}, 0
	for rows.Next() {
		var a backend.Asset
		var tags, camps, versions string
		l := &a.Licence
		if err := rows.Scan(&a.ID, &a.Version, &a.Title, &a.Type, &a.Description, &a.Source, &l.Type, &l.Holder, &l.UsageRights,
			&l.Start, &l.Expiry, &a.CreatedAt, &a.UpdatedAt, &tags, &camps, &versions, &total); err != nil {
			return nil, 0, fmt.Errorf("scan asset: %w", err)
		}
		for _, dec := range []struct {
			raw string
			v   any
		}{{tags, &a.Tags}, {camps, &a.CampaignIDs}, {versions, &a.Versions}} {
			if err := jsonUnmarshal(dec.raw, dec.v); err != nil {
				return nil, 0, err
			}
		}
		a.LicenceState = a.Licence.State(today, 30)
		out = append(out, &a)
	}
	return out, total, rows.Err()
}

func findAsset(ctx context.Context, q queryer, today string, id int64) (*backend.Asset, error) {
	list, _, err := queryAssets(ctx, q, today, "a.id = ?", []any{id}, 1, 0)
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		return nil, backend.Errorf(backend.ENOTFOUND, "That asset no longer exists.")
	}
	return list[0], nil
}

// FindAssetByID returns one asset or ENOTFOUND.
func (s *AssetService) FindAssetByID(ctx context.Context, id int64) (*backend.Asset, error) {
	return findAsset(ctx, s.db.conn(ctx), s.today(), id)
}

// FindAssets returns one page of the assets matching f, newest first.
func (s *AssetService) FindAssets(ctx context.Context, f backend.AssetFilter) (*backend.AssetPage, error) {
	if f.Limit < 0 || f.Limit > backend.MaxPageSize || f.Offset < 0 {
		fe := backend.FieldErrors{}
		fe.Add("limit", "filter.limit_range", map[string]any{"max": backend.MaxPageSize})
		return nil, fe.Err("asset filter")
	}
	today := s.today()
	horizon := f.Horizon
	if horizon <= 0 {
		horizon = 30
	}
	t, _ := backend.ParseDay(today)
	until := t.AddDate(0, 0, horizon).Format(backend.DayLayout)
	where, args := []string{"1 = 1"}, []any{}
	add := func(cond string, v ...any) { where, args = append(where, cond), append(args, v...) }
	if q := ftsQuery(f.Search); q != "" {
		add("a.id IN (SELECT rowid FROM asset_search WHERE asset_search MATCH ?)", q)
	}
	if f.Type != "" {
		add("a.type = ?", f.Type)
	}
	if tag := strings.TrimSpace(f.Tag); tag != "" {
		add("EXISTS (SELECT 1 FROM asset_tags WHERE asset_id = a.id AND tag = ?)", tag)
	}
	if f.CampaignID != 0 {
		add("EXISTS (SELECT 1 FROM asset_campaigns WHERE asset_id = a.id AND campaign_id = ?)", f.CampaignID)
	}
	switch f.Licence {
	case backend.LicenceExpired:
		add("a.licence_expiry <> '' AND a.licence_expiry < ?", today)
	case backend.LicenceExpiring:
		add("a.licence_expiry BETWEEN ? AND ?", today, until)
	case backend.LicenceValid:
		add("((a.licence_expiry = '' AND (a.licence_type <> '' OR a.licence_holder <> '')) OR a.licence_expiry > ?)", until)
	case backend.LicenceNone:
		add("a.licence_expiry = '' AND a.licence_type = '' AND a.licence_holder = ''")
	}
	limit := f.Limit
	if limit == 0 {
		limit = backend.MaxPageSize
	}
	list, total, err := queryAssets(ctx, s.db.conn(ctx), today, strings.Join(where, " AND "), args, limit, f.Offset)
	if err != nil {
		return nil, err
	}
	return &backend.AssetPage{Assets: list, Total: total}, nil
}

// UpdateAsset replaces an asset's metadata (its versions stay).
func (s *AssetService) UpdateAsset(ctx context.Context, id int64, a backend.Asset) (*backend.Asset, error) {
	a.Normalize()
	if err := a.Validate(); err != nil {
		return nil, err
	}
	var out *backend.Asset
	err := s.db.inTx(ctx, func(tx *sql.Tx) error {
		if err := guardVersion(ctx, tx, "assets", id, a.Version, "asset", func() (any, error) { return findAsset(ctx, tx, s.today(), id) }); err != nil {
			return err
		}
		l := a.Licence
		res, err := tx.ExecContext(ctx, `UPDATE assets SET title = ?, type = ?, description = ?, source = ?, licence_type = ?,
			licence_holder = ?, usage_rights = ?, licence_start = ?, licence_expiry = ?, updated_at = ? WHERE id = ?`,
			a.Title, a.Type, a.Description, a.Source, l.Type, l.Holder, l.UsageRights, l.Start, l.Expiry, s.db.timestamp(), id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return backend.Errorf(backend.ENOTFOUND, "That asset no longer exists.")
		}
		for _, stmt := range []string{`DELETE FROM asset_tags WHERE asset_id = ?`, `DELETE FROM asset_campaigns WHERE asset_id = ?`} {
			if _, err := tx.ExecContext(ctx, stmt, id); err != nil {
				return err
			}
		}
		for i, tag := range a.Tags {
			if _, err := tx.ExecContext(ctx, `INSERT INTO asset_tags (asset_id, tag, position) VALUES (?, ?, ?)`, id, tag, i); err != nil {
				return err
			}
		}
		fe := backend.FieldErrors{}
		for _, c := range a.CampaignIDs {
			if !exists(ctx, tx, "campaigns", c) {
				fe.Add("campaignIds", "field.reference_unknown", nil)
				continue
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO asset_campaigns (asset_id, campaign_id) VALUES (?, ?)`, id, c); err != nil {
				return err
			}
		}
		if err := fe.Err("asset"); err != nil {
			return err
		}
		if out, err = findAsset(ctx, tx, s.today(), id); err != nil {
			return err
		}
		return reindexAsset(ctx, tx, out)
	})
	if err != nil {
		return nil, fmt.Errorf("update asset %d: %w", id, err)
	}
	return out, nil
}

// DeleteAsset removes an asset and its search row, and the stored bytes
// of its versions that no other asset or document shares.
func (s *AssetService) DeleteAsset(ctx context.Context, id, version int64) error {
	err := s.deleteAsset(ctx, id, version)
	// On a full disk the delete itself needs room to be written: the
	// reserve kept beside the database gives it, once.
	if backend.ErrorCode(Explain(err)) == backend.EDISKFULL && s.db.useReserve() {
		err = s.deleteAsset(ctx, id, version)
	}
	return err
}

func (s *AssetService) deleteAsset(ctx context.Context, id, version int64) error {
	var sums []string
	err := s.db.inTx(ctx, func(tx *sql.Tx) error {
		if err := guardVersion(ctx, tx, "assets", id, version, "asset", func() (any, error) { return findAsset(ctx, tx, s.today(), id) }); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, `SELECT DISTINCT sha256 FROM asset_versions WHERE asset_id = ?`, id)
		if err != nil {
			return err
		}
		for rows.Next() {
			var sum string
			rows.Scan(&sum)
			sums = append(sums, sum)
		}
		rows.Close()
		if _, err := tx.ExecContext(ctx, `DELETE FROM asset_search WHERE rowid = ?`, id); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM assets WHERE id = ?`, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return backend.Errorf(backend.ENOTFOUND, "That asset no longer exists.")
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("delete asset %d: %w", id, err)
	}
	s.freeFiles(ctx, sums)
	return nil
}

// freeFiles removes the stored bytes no asset version or document uses
// any more, so deleting assets gives the disk space back (a full disk
// is freed this way). A file that stays is only space, never a loss.
func (s *AssetService) freeFiles(ctx context.Context, sums []string) {
	for _, sum := range sums {
		var used bool
		err := s.db.conn(ctx).QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM asset_versions WHERE sha256 = ?1)
			OR EXISTS (SELECT 1 FROM contract_documents WHERE sha256 = ?1)`, sum).Scan(&used)
		if err != nil || used {
			continue
		}
		s.files.Remove(sum, s.db.Now())
	}
	s.db.keepReserve()
}

// LicenceWarnings lists campaigns that use an asset whose licence ends
// before the campaign does.
func (s *AssetService) LicenceWarnings(ctx context.Context, campaignID int64) ([]backend.LicenceWarning, error) {
	q := `SELECT a.id, a.title, a.licence_expiry, c.id, c.name, c.end_date
		FROM asset_campaigns ac JOIN assets a ON a.id = ac.asset_id JOIN campaigns c ON c.id = ac.campaign_id
		WHERE a.licence_expiry <> '' AND a.licence_expiry < c.end_date`
	args := []any{}
	if campaignID != 0 {
		q, args = q+" AND c.id = ?", append(args, campaignID)
	}
	rows, err := s.db.conn(ctx).QueryContext(ctx, q+" ORDER BY a.licence_expiry", args...)
	if err != nil {
		return nil, fmt.Errorf("licence warnings: %w", err)
	}
	defer rows.Close()
	out := []backend.LicenceWarning{}
	for rows.Next() {
		var w backend.LicenceWarning
		if err := rows.Scan(&w.AssetID, &w.AssetTitle, &w.Expiry, &w.CampaignID, &w.Campaign, &w.EndDate); err != nil {
			return nil, err
		}
		out = append(out, w)
	}
	return out, rows.Err()
}
