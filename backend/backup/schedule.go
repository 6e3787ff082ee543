package backup

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"sync"
	"time"

	"mopsdesk/backend"
)

// Kinds of backup, by who made it. Only automatic ones are pruned.
const (
	KindAuto          = "auto"
	KindManual        = "manual"
	KindBeforeRestore = "before-restore"
)

// Settings are the user's choices for automatic backups.
type Settings struct {
	// Auto makes a backup once a day while the app runs.
	Auto bool `json:"auto"`
	// Folder is where backups go; empty means the "backups" folder in
	// the data folder.
	Folder string `json:"folder"`
	// KeepDaily and KeepWeekly are how many days and weeks keep their
	// newest automatic backup.
	KeepDaily  int `json:"keepDaily"`
	KeepWeekly int `json:"keepWeekly"`
}

// DefaultSettings back up daily and keep 7 daily and 4 weekly backups.
var DefaultSettings = Settings{Auto: true, KeepDaily: 7, KeepWeekly: 4}

// Validate checks the settings, with message keys for the UI.
func (s Settings) Validate() error {
	f := backend.FieldErrors{}
	if s.Folder != "" && !filepath.IsAbs(s.Folder) {
		f.Add("folder", "backup.folder_absolute", nil)
	}
	if s.KeepDaily < 1 || s.KeepDaily > 366 {
		f.Add("keepDaily", "backup.keep_daily_range", map[string]any{"max": 366})
	}
	if s.KeepWeekly < 0 || s.KeepWeekly > 520 {
		f.Add("keepWeekly", "backup.keep_weekly_range", map[string]any{"max": 520})
	}
	return f.Err("backup settings")
}

// Info is one backup file in the backup folder.
type Info struct {
	Name      string `json:"name"`
	Kind      string `json:"kind"`
	CreatedAt string `json:"createdAt"`
	Size      int64  `json:"size"`
	created   time.Time
}

// Status is what Settings shows about backups.
type Status struct {
	Settings Settings `json:"settings"`
	// FolderPath is the folder backups go to, resolved.
	FolderPath string `json:"folderPath"`
	// LastBackupAt is when the newest backup in the folder was made.
	LastBackupAt string `json:"lastBackupAt,omitempty"`
	// LastError is why the last backup failed; empty when it worked.
	// LastErrorCode is its error code, for the UI to say it in the
	// user's language.
	LastError     string `json:"lastError,omitempty"`
	LastErrorCode string `json:"lastErrorCode,omitempty"`
	LastErrorAt   string `json:"lastErrorAt,omitempty"`
	Backups       []Info `json:"backups"`
	// PendingRestore names the backup that replaces the workspace the
	// next time it opens.
	PendingRestore string `json:"pendingRestore,omitempty"`
	// Damaged says what the database check at start found wrong; empty
	// when it found nothing (or has not finished).
	Damaged string `json:"damaged,omitempty"`
}

// state is what backups.json in the data folder keeps.
type state struct {
	Settings
	LastError     string `json:"lastError,omitempty"`
	LastErrorCode string `json:"lastErrorCode,omitempty"`
	LastErrorAt   string `json:"lastErrorAt,omitempty"`
}

// StateFile and PendingFile live in the data folder, outside what a
// restore replaces.
const (
	StateFile   = "backups.json"
	PendingFile = "restore-pending.json"
)

// Manager makes, lists, prunes and stages backups of one workspace.
type Manager struct {
	Dir   string // the data folder
	Src   Source
	Known []string // migrations this build knows
	Log   *slog.Logger
	Now   func() time.Time
	// Explain, when set, turns the store's errors into the ones a user
	// can act on (a full disk).
	Explain func(error) error
	mu      sync.Mutex // the state file
	running sync.Mutex // one backup at a time
	// damage is what the database check found, kept while the app runs.
	damage string
}

// SetDamage records what the database check at start found wrong, for
// Settings to show.
func (m *Manager) SetDamage(msg string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.damage = msg
}

var namePattern = regexp.MustCompile(`^mopsdesk-(auto|manual|before-restore)-(\d{8}T\d{6}Z)\.zip$`)

const stampLayout = "20060102T150405Z"

func (m *Manager) now() time.Time {
	if m.Now != nil {
		return m.Now()
	}
	return time.Now()
}

func (m *Manager) load() state {
	st := state{Settings: DefaultSettings}
	if b, err := os.ReadFile(filepath.Join(m.Dir, StateFile)); err == nil {
		json.Unmarshal(b, &st)
	}
	return st
}

func (m *Manager) save(st state) error {
	b, _ := json.MarshalIndent(st, "", " ")
	tmp := filepath.Join(m.Dir, StateFile+".tmp")
	if err := os.WriteFile(tmp, b, 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, filepath.Join(m.Dir, StateFile))
}

func (m *Manager) folder(s Settings) string {
	if s.Folder != "" {
		return s.Folder
	}
	return filepath.Join(m.Dir, "backups")
}

// List returns the backups in the backup folder, newest first.
func (m *Manager) list(folder string) []Info {
	entries, _ := os.ReadDir(folder)
	var out []Info
	for _, e := range entries {
		sm := namePattern.FindStringSubmatch(e.Name())
		if sm == nil || e.IsDir() {
			continue
		}
		at, err := time.Parse(stampLayout, sm[2])
		if err != nil {
			continue
		}
		fi, err := e.Info()
		if err != nil {
			continue
		}
		out = append(out, Info{Name: e.Name(), Kind: sm[1], CreatedAt: at.Format(time.RFC3339), Size: fi.Size(), created: at})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].created.After(out[j].created) })
	return out
}

// Status returns the settings, the backups and how the last one went.
func (m *Manager) Status() (*Status, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	st := m.load()
	folder := m.folder(st.Settings)
	s := &Status{Settings: st.Settings, FolderPath: folder, Damaged: m.damage, LastError: st.LastError, LastErrorCode: st.LastErrorCode, LastErrorAt: st.LastErrorAt, Backups: m.list(folder)}
	if s.Backups == nil {
		s.Backups = []Info{}
	}
	for _, b := range s.Backups {
		if b.Kind != KindBeforeRestore {
			s.LastBackupAt = b.CreatedAt
			break
		}
	}
	if p, err := ReadPending(m.Dir); err == nil {
		s.PendingRestore = filepath.Base(p)
	}
	return s, nil
}

// UpdateSettings validates and keeps new settings.
func (m *Manager) UpdateSettings(s Settings) (*Status, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	m.mu.Lock()
	st := m.load()
	st.Settings = s
	err := m.save(st)
	m.mu.Unlock()
	if err != nil {
		return nil, fmt.Errorf("save backup settings: %w", err)
	}
	return m.Status()
}

// BackUp writes a backup of the given kind into the backup folder and
// records how it went: a failure is kept until a backup works, so the
// user sees it.
func (m *Manager) BackUp(ctx context.Context, kind string) (*Info, error) {
	// One backup at a time; Status and Settings stay answerable meanwhile.
	m.running.Lock()
	defer m.running.Unlock()
	m.mu.Lock()
	st := m.load()
	m.mu.Unlock()
	folder := m.folder(st.Settings)
	at := m.now().UTC().Truncate(time.Second)
	name := fmt.Sprintf("mopsdesk-%s-%s.zip", kind, at.Format(stampLayout))
	// Names are by the second; a second backup in the same second (the
	// one a restore makes of the state it replaces, say) never replaces
	// the first.
	for i := 0; i < 60; i++ {
		if _, err := os.Lstat(filepath.Join(folder, name)); err == nil {
			at = at.Add(time.Second)
			name = fmt.Sprintf("mopsdesk-%s-%s.zip", kind, at.Format(stampLayout))
		}
	}
	src := m.Src
	src.Now = func() time.Time { return at }
	_, err := Write(ctx, src, filepath.Join(folder, name))
	if err != nil {
		if m.Explain != nil {
			err = m.Explain(err)
		}
		msg := backend.ErrorMessage(err)
		if backend.ErrorCode(err) == backend.EINTERNAL {
			// Not a bug of ours but the disk or folder: the user needs
			// the system's words to fix it.
			msg = err.Error()
		}
		m.record(backend.ErrorCode(err), msg, at)
		return nil, fmt.Errorf("back up to %s: %w", folder, err)
	}
	m.record("", "", at)
	if kind == KindAuto {
		m.prune(folder, st.Settings)
	}
	fi, _ := os.Stat(filepath.Join(folder, name))
	info := &Info{Name: name, Kind: kind, CreatedAt: at.Format(time.RFC3339), created: at}
	if fi != nil {
		info.Size = fi.Size()
	}
	return info, nil
}

// record keeps how the last backup went (code and msg empty: it worked).
func (m *Manager) record(code, msg string, at time.Time) {
	m.mu.Lock()
	defer m.mu.Unlock()
	st := m.load()
	if msg == "" && st.LastError == "" {
		return
	}
	st.LastError, st.LastErrorCode, st.LastErrorAt = msg, code, ""
	if msg != "" {
		st.LastErrorAt = at.Format(time.RFC3339)
	}
	m.save(st)
}

// prune removes the automatic backups the retention does not keep: the
// newest of each of the last KeepDaily days and KeepWeekly ISO weeks
// that have one. Backups made by hand or before a restore stay.
func (m *Manager) prune(folder string, s Settings) {
	keep := map[string]bool{}
	days, weeks := map[string]bool{}, map[string]bool{}
	for _, b := range m.list(folder) {
		if b.Kind != KindAuto {
			continue
		}
		day := b.created.Format("2006-01-02")
		y, w := b.created.ISOWeek()
		week := fmt.Sprintf("%d-%02d", y, w)
		if !days[day] && len(days) < s.KeepDaily {
			days[day] = true
			keep[b.Name] = true
		}
		if !weeks[week] && len(weeks) < s.KeepWeekly {
			weeks[week] = true
			keep[b.Name] = true
		}
		if !keep[b.Name] {
			if err := os.Remove(filepath.Join(folder, b.Name)); err != nil && m.Log != nil {
				m.Log.Warn("remove old backup", "file", b.Name, "err", err)
			}
		}
	}
}

// RecordFailure keeps msg as the last backup problem, shown in Settings
// until a backup works (a restore that failed at start, say).
func (m *Manager) RecordFailure(code, msg string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	st := m.load()
	st.LastError, st.LastErrorCode, st.LastErrorAt = msg, code, m.now().UTC().Format(time.RFC3339)
	m.save(st)
}

// Due reports whether an automatic backup is due: on, and no backup in
// the folder from the last 24 hours.
func (m *Manager) Due() bool {
	s, _ := m.Status()
	if !s.Settings.Auto {
		return false
	}
	last, err := time.Parse(time.RFC3339, s.LastBackupAt)
	return err != nil || m.now().Sub(last) >= 24*time.Hour
}

// Run makes automatic backups while ctx lives: at start when one is due,
// then whenever one falls due (checked every few minutes, so a laptop
// that slept catches up when it wakes).
func (m *Manager) Run(ctx context.Context, every time.Duration) {
	for {
		if m.Due() {
			if _, err := m.BackUp(ctx, KindAuto); err != nil && ctx.Err() == nil && m.Log != nil {
				m.Log.Error("automatic backup failed", "err", err)
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(every):
		}
	}
}

// Path returns the backup file called name in the backup folder; only
// names this package writes are accepted.
func (m *Manager) Path(name string) (string, error) {
	if !namePattern.MatchString(name) {
		return "", backend.Errorf(backend.ENOTFOUND, "There is no backup called %q.", name)
	}
	s, _ := m.Status()
	p := filepath.Join(s.FolderPath, name)
	if _, err := os.Stat(p); errors.Is(err, fs.ErrNotExist) {
		return "", backend.Errorf(backend.ENOTFOUND, "There is no backup called %q.", name)
	}
	return p, nil
}
