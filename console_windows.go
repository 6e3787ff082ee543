//go:build windows

package main

import (
	"os"
	"syscall"
)

// The Windows build is a GUI program (no console window opens when a
// marketer double-clicks it), so Windows gives it no console. A verb typed
// in a console (mopsdesk.exe version, import --dry-run --json, report)
// would then print nothing. attachConsole borrows the parent's console for
// whichever of stdout and stderr has no handle; output redirected to a
// file or a pipe already has one and is left alone.
func attachConsole() {
	kernel32 := syscall.NewLazyDLL("kernel32.dll")
	const attachParentProcess = ^uintptr(0) // ATTACH_PARENT_PROCESS (DWORD -1)
	if r, _, _ := kernel32.NewProc("AttachConsole").Call(attachParentProcess); r == 0 {
		return // started from Explorer: there is no console to attach to
	}
	reopen := func(f **os.File, std int) {
		if h, err := syscall.GetStdHandle(std); err == nil && h != 0 && h != syscall.InvalidHandle {
			return
		}
		if c, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0); err == nil {
			*f = c
		}
	}
	reopen(&os.Stdout, syscall.STD_OUTPUT_HANDLE)
	reopen(&os.Stderr, syscall.STD_ERROR_HANDLE)
}
