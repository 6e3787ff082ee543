package datadir

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"mopsdesk/backend"
)

// LockFile is the file in the data folder that the process holding the
// workspace keeps locked; it also says which process that is.
const LockFile = "mopsdesk.lock"

// Holder describes the process that has a data folder open for writing.
type Holder struct {
	PID int `json:"pid"`
	// Mode is what the process is: "desktop", "serve", "import",
	// "restore".
	Mode  string    `json:"mode"`
	Since time.Time `json:"since"`
}

// Lock is an exclusive hold on one data folder: while it is held, no
// other MOps Desk window, serve or writing command opens the folder. The
// operating system releases it when the process ends, however it ends.
type Lock struct {
	f    *os.File
	path string
}

// LockedError says that another process holds the data folder.
type LockedError struct {
	Dir    string
	Holder Holder // zero when the holder has not said who it is yet
}

// Error names the process that has the folder open, in plain words.
func (e *LockedError) Error() string {
	who := "another MOps Desk"
	if e.Holder.PID != 0 {
		who = fmt.Sprintf("%s (process %d, since %s)", modeName(e.Holder.Mode), e.Holder.PID,
			e.Holder.Since.Local().Format("2 Jan 2006 15:04 MST"))
	}
	return fmt.Sprintf("The workspace in %s is already open in %s. Close it there first, or choose another folder with --data.", e.Dir, who)
}

// As lets the error travel as an application error with code in_use and
// a message key naming the holder, so that the window says it in the
// user's language.
func (e *LockedError) As(target any) bool {
	p, ok := target.(**backend.Error)
	if !ok {
		return false
	}
	h := e.Holder
	key, params := "workspace.in_use.unknown", map[string]any{}
	if h.PID != 0 {
		// The process id is a name, not an amount: no digit grouping.
		params = map[string]any{"pid": strconv.Itoa(h.PID), "command": "mopsdesk " + h.Mode, "since": h.Since.Local().Format("2006-01-02 15:04")}
		switch h.Mode {
		case "desktop":
			key = "workspace.in_use.desktop"
		case "serve":
			key = "workspace.in_use.serve"
		default:
			key = "workspace.in_use.command"
		}
	}
	*p = &backend.Error{Code: backend.EINUSE, Message: e.Error(),
		Fields: map[string]backend.FieldError{"workspace": {Key: key, Params: params}}}
	return true
}

func modeName(mode string) string {
	switch mode {
	case "desktop":
		return "the MOps Desk window"
	case "serve", "host", "import", "restore", "backup":
		return "'mopsdesk " + mode + "'"
	default:
		return "MOps Desk"
	}
}

// Acquire takes the data folder dir for this process, saying it is mode
// since now. It returns a *LockedError when another process has it.
func Acquire(dir, mode string, now time.Time) (*Lock, error) {
	path := filepath.Join(dir, LockFile)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("lock data folder: %w", err)
	}
	held, err := lockFile(f)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("lock data folder: %w", err)
	}
	if held {
		h, _ := ReadHolder(dir)
		f.Close()
		return nil, &LockedError{Dir: dir, Holder: h}
	}
	b, _ := json.Marshal(Holder{PID: os.Getpid(), Mode: mode, Since: now.UTC().Truncate(time.Second)})
	err = f.Truncate(0)
	if err == nil {
		_, err = f.WriteAt(append(b, '\n'), 0)
	}
	if err != nil {
		unlockFile(f)
		f.Close()
		return nil, fmt.Errorf("lock data folder: %w", err)
	}
	return &Lock{f: f, path: path}, nil
}

// ReadHolder returns who the lock file says holds the folder (the last
// holder, when nobody holds it now).
func ReadHolder(dir string) (Holder, error) {
	b, err := os.ReadFile(filepath.Join(dir, LockFile))
	if err != nil {
		return Holder{}, err
	}
	var h Holder
	if strings.TrimSpace(string(b)) == "" {
		return h, nil
	}
	err = json.Unmarshal(b, &h)
	return h, err
}

// Release gives the folder up; the lock file stays, emptied.
func (l *Lock) Release() error {
	if l == nil || l.f == nil {
		return nil
	}
	l.f.Truncate(0)
	err := unlockFile(l.f)
	if cerr := l.f.Close(); err == nil {
		err = cerr
	}
	l.f = nil
	return err
}
