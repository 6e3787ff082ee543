//go:build windows

package datadir

import (
	"errors"
	"os"
	"syscall"
	"unsafe"
)

var (
	kernel32         = syscall.NewLazyDLL("kernel32.dll")
	procLockFileEx   = kernel32.NewProc("LockFileEx")
	procUnlockFileEx = kernel32.NewProc("UnlockFileEx")
)

const (
	lockfileExclusiveLock   = 0x2
	lockfileFailImmediately = 0x1
	errLockViolation        = syscall.Errno(33)
)

// lockFile takes an exclusive LockFileEx lock on one byte of f far past
// its end (so that others can still read who holds it) without waiting;
// held reports that another process has it.
func lockFile(f *os.File) (held bool, err error) {
	ol := syscall.Overlapped{OffsetHigh: 1}
	r, _, e := procLockFileEx.Call(f.Fd(), lockfileExclusiveLock|lockfileFailImmediately, 0, 1, 0, uintptr(unsafe.Pointer(&ol)))
	if r != 0 {
		return false, nil
	}
	if errors.Is(e, errLockViolation) || errors.Is(e, syscall.ERROR_IO_PENDING) {
		return true, nil
	}
	return false, e
}

func unlockFile(f *os.File) error {
	ol := syscall.Overlapped{OffsetHigh: 1}
	r, _, e := procUnlockFileEx.Call(f.Fd(), 0, 1, 0, uintptr(unsafe.Pointer(&ol)))
	if r == 0 {
		return e
	}
	return nil
}
