//go:build !windows

package main

import "os"

// ansiTerminal reports whether terminal f understands the escape
// sequences the progress line redraws itself with; Unix terminals do.
func ansiTerminal(f *os.File) bool { return true }
