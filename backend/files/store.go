// Package files keeps file contents in the workspace's library folder,
// addressed by their SHA-256: the same bytes are stored once, a file is
// written whole or not at all, and no name a user gives ever becomes a
// path.
package files

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"
	"unicode"
)

// Store is a content-addressed folder.
type Store struct{ root string }

// New returns a store rooted at dir (created if needed). Temporary files
// left by a run that was killed mid-write are removed: they were never
// renamed into place, so nothing refers to them.
func New(dir string) (*Store, error) {
	tmp := filepath.Join(dir, "tmp")
	if err := os.MkdirAll(tmp, 0o700); err != nil {
		return nil, fmt.Errorf("library folder: %w", err)
	}
	if entries, err := os.ReadDir(tmp); err == nil {
		for _, e := range entries {
			os.Remove(filepath.Join(tmp, e.Name()))
		}
	}
	return &Store{root: dir}, nil
}

// ErrTooLarge is returned by Put when the content passes the size limit.
var ErrTooLarge = errors.New("file too large")

var sumPattern = regexp.MustCompile(`^[0-9a-f]{64}$`)

// Path returns where the content with this hash lives. Only a well-formed
// hash is accepted, so no caller can reach outside the store.
func (s *Store) Path(sum string) (string, error) {
	if !sumPattern.MatchString(sum) {
		return "", fmt.Errorf("not a content hash: %q", sum)
	}
	return filepath.Join(s.root, sum[:2], sum), nil
}

// Put copies r into the store (at most maxBytes) and returns its hash and
// size. The bytes go to a temporary file first, are synced, then renamed
// into place: a crash never leaves half a file under a hash.
func (s *Store) Put(r io.Reader, maxBytes int64) (sum string, size int64, err error) {
	tmp, err := os.CreateTemp(filepath.Join(s.root, "tmp"), "put-*")
	if err != nil {
		return "", 0, err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	h := sha256.New()
	size, err = io.Copy(io.MultiWriter(tmp, h), io.LimitReader(r, maxBytes+1))
	if err != nil {
		return "", 0, err
	}
	if size > maxBytes {
		return "", 0, ErrTooLarge
	}
	if err = tmp.Sync(); err != nil {
		return "", 0, err
	}
	if err = tmp.Close(); err != nil {
		return "", 0, err
	}
	sum = hex.EncodeToString(h.Sum(nil))
	dst, _ := s.Path(sum)
	if err = os.MkdirAll(filepath.Dir(dst), 0o700); err != nil {
		return "", 0, err
	}
	if _, statErr := os.Stat(dst); statErr == nil {
		os.Remove(tmp.Name()) // already stored
		// Fresh again: Remove leaves it alone while its row is added.
		now := time.Now()
		os.Chtimes(dst, now, now)
		return sum, size, nil
	}
	if err = os.Rename(tmp.Name(), dst); err != nil {
		return "", 0, err
	}
	return sum, size, nil
}

// idle is how long a stored file must have been left alone before Remove
// takes it: bytes just put (or put again) are about to get their row.
const idle = time.Minute

// Remove deletes the content with this hash, and its previews, once
// nothing refers to it any more (the caller has checked), to give the
// disk space back. Content put in the last minute is kept: another
// action may be adding a row for the same bytes right now. It reports
// whether the file went.
func (s *Store) Remove(sum string, now time.Time) (bool, error) {
	p, err := s.Path(sum)
	if err != nil {
		return false, err
	}
	fi, err := os.Stat(p)
	if errors.Is(err, os.ErrNotExist) {
		return false, nil
	} else if err != nil {
		return false, err
	}
	if now.Sub(fi.ModTime()) < idle {
		return false, nil
	}
	if err := os.Remove(p); err != nil {
		return false, err
	}
	previews, _ := filepath.Glob(filepath.Join(s.root, "thumbs", sum+"*.jpg"))
	for _, t := range previews {
		os.Remove(t)
	}
	return true, nil
}

// Open opens stored content for reading.
func (s *Store) Open(sum string) (*os.File, error) {
	p, err := s.Path(sum)
	if err != nil {
		return nil, err
	}
	return os.Open(p)
}

// CleanName turns a name a user or a browser gave into a safe display
// name: the last path element only, no control characters, at most 200
// characters. It is never used as a path.
func CleanName(name string) string {
	name = strings.ReplaceAll(name, "\\", "/")
	if i := strings.LastIndex(name, "/"); i >= 0 {
		name = name[i+1:]
	}
	name = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return -1
		}
		return r
	}, name)
	// Leading and trailing dots and spaces go: "..", " . " and "file." are
	// not names a user meant, and some systems refuse them.
	name = strings.TrimFunc(name, func(r rune) bool { return r == '.' || unicode.IsSpace(r) })
	if r := []rune(name); len(r) > 200 {
		name = string(r[:200])
	}
	if name == "" {
		return "document"
	}
	return name
}
