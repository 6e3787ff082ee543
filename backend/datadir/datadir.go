// Package datadir decides where a workspace lives on disk: the database
// file and the asset library folder.
package datadir

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
)

// EnvVar names the environment variable that overrides the data folder.
const EnvVar = "MOPSDESK_DATA"

// AppDirName is the folder name under the platform's data directory.
const AppDirName = "MOpsDesk"

// Resolve returns the data folder: flag if given, else $MOPSDESK_DATA, else
// the platform's usual place for application data:
//
//	Linux:   $XDG_DATA_HOME/mopsdesk, or ~/.local/share/mopsdesk
//	macOS:   ~/Library/Application Support/MOpsDesk
//	Windows: %AppData%\MOpsDesk
func Resolve(flag string, getenv func(string) string) (string, error) {
	if flag != "" {
		return filepath.Abs(flag)
	}
	if v := getenv(EnvVar); v != "" {
		return filepath.Abs(v)
	}
	return platformDir(runtime.GOOS, getenv)
}

func platformDir(goos string, getenv func(string) string) (string, error) {
	switch goos {
	case "windows":
		if v := getenv("AppData"); v != "" {
			return filepath.Join(v, AppDirName), nil
		}
		return "", errors.New("%AppData% is not set; pass --data DIR")
	case "darwin":
		home := getenv("HOME")
		if home == "" {
			return "", errors.New("$HOME is not set; pass --data DIR")
		}
		return filepath.Join(home, "Library", "Application Support", AppDirName), nil
	default: // Linux and the other Unixes follow the XDG base directory spec.
		if v := getenv("XDG_DATA_HOME"); filepath.IsAbs(v) {
			return filepath.Join(v, "mopsdesk"), nil
		}
		home := getenv("HOME")
		if home == "" {
			return "", errors.New("$HOME is not set; pass --data DIR")
		}
		return filepath.Join(home, ".local", "share", "mopsdesk"), nil
	}
}

// Layout is where each part of a workspace lives inside the data folder.
type Layout struct {
	Dir      string
	Database string
	Assets   string
}

// Prepare creates the data folder and the asset folder (private to the
// user: budgets and contracts are not for other accounts on the machine).
func Prepare(dir string) (Layout, error) {
	l := Layout{Dir: dir, Database: filepath.Join(dir, "mopsdesk.db"), Assets: filepath.Join(dir, "assets")}
	for _, d := range []string{l.Dir, l.Assets} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			return l, fmt.Errorf("create data folder: %w", err)
		}
	}
	return l, nil
}
