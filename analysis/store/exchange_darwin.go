package store

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// exchange puts folder tmp at final. Where final exists the two are
// swapped atomically (renamex_np RENAME_SWAP, on APFS and HFS+), so tmp
// then holds the old report. A file system without the swap (network
// shares, exFAT) gets exchangeAside.
func exchange(tmp, final, aside string) error {
	err := unix.RenamexNp(tmp, final, unix.RENAME_SWAP)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, unix.ENOENT):
		return os.Rename(tmp, final) // no previous report
	case errors.Is(err, unix.ENOTSUP) || errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOSYS):
		return exchangeAside(tmp, final, aside)
	}
	return err
}
