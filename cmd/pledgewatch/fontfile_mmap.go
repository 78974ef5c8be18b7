//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package main

import (
	"os"
	"syscall"
)

// readFontFile returns the bytes of the font file at path, mapped into
// memory read-only rather than read: a CJK collection is some 20 MB, of
// which drawing the charts touches the tables and glyphs it uses. The
// mapping is kept for the rest of the run, as the parsed font refers to
// it. A file that cannot be mapped (an empty one, a special file, or one
// on a file system without mappings) is read.
func readFontFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	size := info.Size()
	if !info.Mode().IsRegular() || size <= 0 || int64(int(size)) != size {
		return os.ReadFile(path)
	}
	data, err := syscall.Mmap(int(f.Fd()), 0, int(size), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return os.ReadFile(path)
	}
	return data, nil
}
