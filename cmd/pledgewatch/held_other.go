//go:build !windows

package main

// heldOpen reports whether opening a file failed because another program
// holds it: Unix systems have no such lock on opening.
func heldOpen(err error) bool { return false }
