package remote

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"mopsdesk/backend"
)

// LocalID names the workspace on this computer in the switcher.
const LocalID = "local"

// Workspace is a workspace the window can switch to: this computer's, or
// a team host it connected to. It never carries the session's secret.
type Workspace struct {
	ID string `json:"id"`
	// Local marks this computer's workspace (no address, no pin).
	Local bool   `json:"local"`
	Name  string `json:"name"`
	// Address and Fingerprint are the host and its pinned certificate.
	Address     string `json:"address"`
	Fingerprint string `json:"fingerprint"`
	// Person is who signed in there, Login what they sign in with.
	Person string `json:"person"`
	Login  string `json:"login"`
	// Current marks the workspace the window shows now.
	Current bool `json:"current"`
}

// WorkspaceID is the id of the team workspace at a host address.
func WorkspaceID(address string) string {
	sum := sha256.Sum256([]byte(strings.ToLower(address)))
	return "team-" + hex.EncodeToString(sum[:6])
}

// Book keeps the team workspaces this computer connected to, in Dir (the
// app's configuration folder, never the webview's storage): a list, and
// each session's token in a file of its own that only this user may read.
type Book struct {
	Dir string
}

type bookFile struct {
	Current    string      `json:"current"`
	Workspaces []Workspace `json:"workspaces"`
}

func (b *Book) listPath() string           { return filepath.Join(b.Dir, "workspaces.json") }
func (b *Book) tokenPath(id string) string { return filepath.Join(b.Dir, "sessions", id) }

func (b *Book) read() (bookFile, error) {
	var f bookFile
	data, err := os.ReadFile(b.listPath())
	if errors.Is(err, fs.ErrNotExist) {
		return f, nil
	} else if err != nil {
		return f, fmt.Errorf("read the list of team workspaces: %w", err)
	}
	if err := json.Unmarshal(data, &f); err != nil {
		return f, fmt.Errorf("read the list of team workspaces: %w", err)
	}
	return f, nil
}

func (b *Book) write(f bookFile) error {
	data, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return err
	}
	return writePrivate(b.listPath(), data)
}

// writePrivate writes a file only its owner can read (0600, in a 0700
// folder), through a temporary file so a crash never leaves half of it.
func writePrivate(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// List returns the remembered team workspaces and the current one's id
// ("" for this computer's).
func (b *Book) List() ([]Workspace, string, error) {
	f, err := b.read()
	return f.Workspaces, f.Current, err
}

// Find returns the remembered workspace with that id.
func (b *Book) Find(id string) (Workspace, error) {
	list, _, err := b.List()
	if err != nil {
		return Workspace{}, err
	}
	for _, w := range list {
		if w.ID == id {
			return w, nil
		}
	}
	return Workspace{}, backend.Errorf(backend.ENOTFOUND, "This computer does not know that team workspace (any more).")
}

// Put remembers a workspace (replacing one with the same id) and its
// session's token.
func (b *Book) Put(w Workspace, token string) error {
	f, err := b.read()
	if err != nil {
		return err
	}
	w.Current, w.Local = false, false
	kept := f.Workspaces[:0]
	for _, x := range f.Workspaces {
		if x.ID != w.ID {
			kept = append(kept, x)
		}
	}
	f.Workspaces = append(kept, w)
	if err := writePrivate(b.tokenPath(w.ID), []byte(token)); err != nil {
		return fmt.Errorf("keep the session: %w", err)
	}
	return b.write(f)
}

// Token returns a workspace's session token ("" when there is none).
func (b *Book) Token(id string) (string, error) {
	data, err := os.ReadFile(b.tokenPath(id))
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	return strings.TrimSpace(string(data)), err
}

// SetCurrent remembers which workspace the window shows ("" or LocalID:
// this computer's), so the next start opens it again.
func (b *Book) SetCurrent(id string) error {
	f, err := b.read()
	if err != nil {
		return err
	}
	if id == LocalID {
		id = ""
	}
	if f.Current == id {
		return nil
	}
	f.Current = id
	return b.write(f)
}

// Forget drops a workspace and its session from this computer.
func (b *Book) Forget(id string) error {
	f, err := b.read()
	if err != nil {
		return err
	}
	kept := f.Workspaces[:0]
	for _, x := range f.Workspaces {
		if x.ID != id {
			kept = append(kept, x)
		}
	}
	f.Workspaces = kept
	if f.Current == id {
		f.Current = ""
	}
	if err := os.Remove(b.tokenPath(id)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return b.write(f)
}
