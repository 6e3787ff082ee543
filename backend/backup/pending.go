package backup

import (
	"encoding/json"
	"os"
	"path/filepath"
)

// pending is what restore-pending.json holds.
type pending struct {
	File string `json:"file"`
}

// StageRestore checks the backup called name and marks it to replace the
// workspace the next time the workspace opens: a window or serve mode
// that has the workspace open cannot swap its files under its own feet.
func (m *Manager) StageRestore(name string) (*Status, error) {
	p, err := m.Path(name)
	if err != nil {
		return nil, err
	}
	if _, err := Verify(p, m.Known); err != nil {
		return nil, err
	}
	b, _ := json.Marshal(pending{File: p})
	if err := os.WriteFile(filepath.Join(m.Dir, PendingFile), b, 0o600); err != nil {
		return nil, err
	}
	return m.Status()
}

// CancelRestore forgets a staged restore.
func (m *Manager) CancelRestore() (*Status, error) {
	if err := ClearPending(m.Dir); err != nil {
		return nil, err
	}
	return m.Status()
}

// ReadPending returns the backup file staged to replace the workspace in
// dir, or an error when none is.
func ReadPending(dir string) (string, error) {
	b, err := os.ReadFile(filepath.Join(dir, PendingFile))
	if err != nil {
		return "", err
	}
	var p pending
	if err := json.Unmarshal(b, &p); err != nil || p.File == "" {
		return "", os.ErrNotExist
	}
	return p.File, nil
}

// ClearPending removes the mark a staged restore left.
func ClearPending(dir string) error {
	err := os.Remove(filepath.Join(dir, PendingFile))
	if os.IsNotExist(err) {
		return nil
	}
	return err
}
