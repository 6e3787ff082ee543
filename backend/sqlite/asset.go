package sqlite

import (
	"bufio"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net/http"
	"path"
	"strings"
	"unicode"

	"mopsdesk/backend"
	"mopsdesk/backend/files"
)

// AssetService keeps the asset library: rows here, bytes in the store.
type AssetService struct {
	db    *DB
	files *files.Store
}

// NewAssetService returns an AssetService keeping bytes in store.
func NewAssetService(db *DB, store *files.Store) *AssetService {
	return &AssetService{db: db, files: store}
}

var _ backend.AssetService = (*AssetService)(nil)

// MaxAssetBytes bounds one asset file (videos included).
const MaxAssetBytes = 2 << 30

func (s *AssetService) today() string { return backend.Today(s.db.Now()) }

// titleFromName makes a title of a file name: no extension, separators as spaces.
func titleFromName(name string) string {
	t := strings.TrimSuffix(name, path.Ext(name))
	t = strings.Join(strings.FieldsFunc(t, func(r rune) bool { return r == '_' || r == '-' || unicode.IsSpace(r) }), " ")
	if t == "" {
		return name
	}
	return t
}

// AddAssetFile stores a file's bytes, then records it in one transaction:
// as a new asset, or as a new version of the asset that has the same bytes
// when the user chose so. The bytes are written and renamed into place
// before any row refers to them, so a crash leaves no row without a file.
func (s *AssetService) AddAssetFile(ctx context.Context, name string, r io.Reader, choice backend.DuplicateChoice) (*backend.AddResult, error) {
	name = files.CleanName(name)
	br := bufio.NewReader(r)
	head, _ := br.Peek(512)
	kind := http.DetectContentType(head)
	sum, size, err := s.files.Put(br, MaxAssetBytes)
	if errors.Is(err, files.ErrTooLarge) {
		fe := backend.FieldErrors{}
		fe.Add("file", "asset.too_large", map[string]any{"name": name})
		return nil, fe.Err("asset")
	} else if err != nil {
		return nil, fmt.Errorf("store %s: %w", name, err)
	}
	v := backend.AssetVersion{SHA256: sum, FileName: name, Size: size, ContentType: kind, AddedAt: s.db.timestamp()}
	if strings.HasPrefix(kind, "image/") {
		if f, err := s.files.Open(sum); err == nil {
			v.Width, v.Height, err = files.ImageSize(f)
			f.Close()
			// The note is a message key: the UI says why in the user's language.
			if errors.Is(err, files.ErrNotImage) {
				v.Note = "asset.preview_damaged"
			} else if err != nil {
				v.Note = "asset.preview_too_large"
			}
		}
	}
	res := &backend.AddResult{FileName: name}
	err = s.db.inTx(ctx, func(tx *sql.Tx) error {
		var dup int64
		err := tx.QueryRowContext(ctx, `SELECT asset_id FROM asset_versions WHERE sha256 = ? ORDER BY asset_id LIMIT 1`, sum).Scan(&dup)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		id := int64(0)
		switch {
		case dup != 0 && choice == backend.DuplicateAsk:
			res.DuplicateOf, err = findAsset(ctx, tx, s.today(), dup)
			return err
		case dup != 0 && choice == backend.DuplicateSkip:
			res.Skipped = true
			return nil
		case dup != 0 && choice == backend.DuplicateNewVersion:
			id = dup
			if err := tx.QueryRowContext(ctx, `SELECT max(version) + 1 FROM asset_versions WHERE asset_id = ?`, id).Scan(&v.Version); err != nil {
				return err
			}
		default:
			now := s.db.timestamp()
			ins, err := tx.ExecContext(ctx, `INSERT INTO assets (title, type, created_at, updated_at) VALUES (?, ?, ?, ?)`,
				titleFromName(name), backend.GuessAssetType(kind, name), now, now)
			if err != nil {
				return err
			}
			id, _ = ins.LastInsertId()
			v.Version = 1
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO asset_versions (asset_id, version, sha256, file_name, size, content_type,
			width, height, note, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			id, v.Version, v.SHA256, v.FileName, v.Size, v.ContentType, v.Width, v.Height, v.Note, v.AddedAt); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE assets SET updated_at = ? WHERE id = ?`, v.AddedAt, id); err != nil {
			return err
		}
		a, err := findAsset(ctx, tx, s.today(), id)
		if err != nil {
			return err
		}
		res.Asset = a
		return reindexAsset(ctx, tx, a)
	})
	if err != nil {
		return nil, fmt.Errorf("add %s: %w", name, err)
	}
	return res, nil
}

// reindexAsset rewrites an asset's search row.
func reindexAsset(ctx context.Context, tx *sql.Tx, a *backend.Asset) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM asset_search WHERE rowid = ?`, a.ID); err != nil {
		return err
	}
	names := make([]string, len(a.Versions))
	for i, v := range a.Versions {
		names[i] = v.FileName
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO asset_search (rowid, title, tags, description, file_names, holder) VALUES (?, ?, ?, ?, ?, ?)`,
		a.ID, a.Title, strings.Join(a.Tags, " "), a.Description, strings.Join(names, " "), a.Licence.Holder)
	return err
}

// ftsQuery turns what a user typed into an FTS5 query: every word must
// match as a prefix. Quotes keep FTS5 syntax characters literal.
func ftsQuery(text string) string {
	words := strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	parts := make([]string, 0, len(words))
	for _, w := range words {
		parts = append(parts, `"`+w+`"*`)
	}
	return strings.Join(parts, " ")
}
