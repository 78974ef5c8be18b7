package store

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// exchange puts folder tmp at final. Where final exists the two are
// swapped atomically (renameat2 RENAME_EXCHANGE), so tmp then holds the
// old report; the standard library has no call for this. A file system
// without the exchange gets exchangeAside.
func exchange(tmp, final, aside string) error {
	err := unix.Renameat2(unix.AT_FDCWD, tmp, unix.AT_FDCWD, final, unix.RENAME_EXCHANGE)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, unix.ENOENT):
		return os.Rename(tmp, final) // no previous report
	case errors.Is(err, unix.ENOSYS) || errors.Is(err, unix.EINVAL):
		return exchangeAside(tmp, final, aside)
	}
	return err
}
