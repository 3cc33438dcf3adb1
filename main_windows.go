//go:build windows

package main

import (
	"os"

	"golang.org/x/sys/windows"
)

// attachConsole lets the admin commands print in the Command Prompt or
// PowerShell window they were typed in. The program is built as a
// windowed program, so that opening it from the Start menu shows no
// console; Windows starts such a program with no console of its own, and
// what it printed would be lost. Output sent to a file or a pipe is left
// as it is.
func attachConsole() {
	out := stdHandleUnset(windows.STD_OUTPUT_HANDLE)
	errOut := stdHandleUnset(windows.STD_ERROR_HANDLE)
	if !out && !errOut {
		return
	}
	const attachParentProcess = ^uintptr(0) // ATTACH_PARENT_PROCESS, (DWORD)-1
	attach := windows.NewLazySystemDLL("kernel32.dll").NewProc("AttachConsole")
	if ok, _, _ := attach.Call(attachParentProcess); ok == 0 {
		return // started from Explorer or a script with no console: nothing to print to
	}
	con, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0)
	if err != nil {
		return
	}
	if out {
		os.Stdout = con
	}
	if errOut {
		os.Stderr = con
	}
}

// stdHandleUnset reports whether the standard handle leads nowhere.
func stdHandleUnset(which uint32) bool {
	h, err := windows.GetStdHandle(which)
	if err != nil || h == 0 || h == windows.InvalidHandle {
		return true
	}
	_, err = windows.GetFileType(h)
	return err != nil
}
