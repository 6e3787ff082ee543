//go:build !windows

package main

// attachConsole is needed on Windows only, where the GUI build starts
// without a console (see console_windows.go).
func attachConsole() {}
