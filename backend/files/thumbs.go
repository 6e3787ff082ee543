package files

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
)

// ThumbSide is the longest side of a preview, in pixels.
const ThumbSide = 320

// maxThumbSource bounds the bytes read to make one preview.
const maxThumbSource = 64 << 20

// Thumbs makes image previews once and keeps them next to the store,
// under the hash of the original.
type Thumbs struct {
	store *Store
	dir   string
	mu    sync.Mutex // one preview made at a time keeps memory bounded
}

// NewThumbs returns a preview cache for store.
func NewThumbs(store *Store) (*Thumbs, error) {
	dir := filepath.Join(store.root, "thumbs")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	return &Thumbs{store: store, dir: dir}, nil
}

// LargeSide is the longest side of the detail view's preview.
const LargeSide = 1200

// Path returns the preview of the content with hash sum, making it on the
// first request. An error means there is no preview (not an image, too
// large, damaged); the caller shows a type icon.
func (t *Thumbs) Path(sum string) (string, error) { return t.sized(sum, ThumbSide) }

// Large returns the detail view's preview, made and kept like Path's.
func (t *Thumbs) Large(sum string) (string, error) { return t.sized(sum, LargeSide) }

func (t *Thumbs) sized(sum string, side int) (string, error) {
	if _, err := t.store.Path(sum); err != nil {
		return "", err
	}
	name := sum + ".jpg"
	if side != ThumbSide {
		name = fmt.Sprintf("%s-%d.jpg", sum, side)
	}
	dst := filepath.Join(t.dir, name)
	if _, err := os.Stat(dst); err == nil {
		return dst, nil
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if _, err := os.Stat(dst); err == nil {
		return dst, nil
	}
	f, err := t.store.Open(sum)
	if err != nil {
		return "", err
	}
	data, err := io.ReadAll(io.LimitReader(f, maxThumbSource+1))
	f.Close()
	if err != nil {
		return "", err
	}
	if len(data) > maxThumbSource {
		return "", fmt.Errorf("the image is too large to preview")
	}
	jpg, err := Thumbnail(data, side)
	if err != nil {
		return "", err
	}
	tmp, err := os.CreateTemp(t.dir, "thumb-*")
	if err != nil {
		return "", err
	}
	if _, err := io.Copy(tmp, bytes.NewReader(jpg)); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return "", err
	}
	tmp.Close()
	return dst, os.Rename(tmp.Name(), dst)
}

// Original returns the path of the stored bytes with hash sum.
func (t *Thumbs) Original(sum string) (string, error) {
	p, err := t.store.Path(sum)
	if err != nil {
		return "", err
	}
	if _, err := os.Stat(p); err != nil {
		return "", err
	}
	return p, nil
}
