//go:build !windows

package store

import (
	"bufio"
	"errors"
	"os"
	"syscall"

	"github.com/google/renameio/v2"
)

// writeFile writes a file through renameio: into a temporary file that
// is synced and renamed to path only once complete.
func writeFile(path string, write File) error {
	pf, err := renameio.NewPendingFile(path, renameio.WithPermissions(0o644))
	if err != nil {
		return err
	}
	defer pf.Cleanup()
	bw := bufio.NewWriterSize(pf, bufferSize)
	if err := write(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return pf.CloseAtomicallyReplace()
}

// syncDir makes the entries of folder dir (files created, renamed)
// durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// isReadOnly reports whether err says the file system is read-only.
func isReadOnly(err error) bool { return errors.Is(err, syscall.EROFS) }

// explainRename returns the error of a failed rename of the month folder.
func explainRename(err error) error { return err }
