package main

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"

	"mopsdesk/backend/files"
)

// openCopy copies stored bytes out under a readable name and opens them.
func (a *App) openCopy(src, name string) error {
	dir, err := os.MkdirTemp("", "mopsdesk-open-")
	if err != nil {
		return err
	}
	dst := filepath.Join(dir, files.CleanName(name))
	if err := copyFile(src, dst); err != nil {
		return err
	}
	return openWithSystem(dst)
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	return writeFileAtomic(dst, func(out *os.File) error {
		_, err := io.Copy(out, in)
		return err
	})
}

// openWithSystem hands a file to the platform's "open" command.
func openWithSystem(path string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("open", path)
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", path)
	default:
		cmd = exec.Command("xdg-open", path)
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("open %s: %w", filepath.Base(path), err)
	}
	go cmd.Wait()
	return nil
}

// writeFileAtomic writes through a temporary file in the same folder and
// renames it into place, so a failed export never leaves half a workbook
// where the user expects a whole one (or clobbers the file they had).
func writeFileAtomic(path string, write func(*os.File) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".mopsdesk-export-*")
	if err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("save %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	// A temporary file is private (0600); a saved export is an ordinary
	// document, and one that replaces a file keeps that file's mode.
	mode := os.FileMode(0o644)
	if fi, err := os.Stat(path); err == nil {
		mode = fi.Mode().Perm()
	}
	if err := os.Chmod(tmp.Name(), mode); err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	return nil
}
