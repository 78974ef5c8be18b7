package main

import (
	"os"

	"golang.org/x/sys/windows"
)

// ansiTerminal reports whether console f understands the escape
// sequences the progress line redraws itself with, turning them on where
// the console has them off (the classic console of Windows 10 and later
// needs ENABLE_VIRTUAL_TERMINAL_PROCESSING; Windows Terminal has it on).
// An older console gets no progress line rather than stray escapes.
func ansiTerminal(f *os.File) bool {
	h := windows.Handle(f.Fd())
	var mode uint32
	if err := windows.GetConsoleMode(h, &mode); err != nil {
		return false
	}
	if mode&windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING != 0 {
		return true
	}
	return windows.SetConsoleMode(h, mode|windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING) == nil
}
