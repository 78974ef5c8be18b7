//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package main

import "os"

// readFontFile returns the bytes of the font file at path.
func readFontFile(path string) ([]byte, error) { return os.ReadFile(path) }
