package store

import (
	"errors"
	"fmt"

	"golang.org/x/sys/windows"
)

// writeFile writes a file into a temporary file that is synced and
// renamed to path only once complete (renameio has no Windows support).
func writeFile(path string, write File) error { return writeFileReplace(path, write) }

// syncDir does nothing: Windows cannot flush a folder, and NTFS journals
// the renames of its entries.
func syncDir(dir string) error { return nil }

// isReadOnly reports whether err says the disk or share is read-only.
func isReadOnly(err error) bool { return errors.Is(err, windows.ERROR_WRITE_PROTECT) }

// explainRename adds the likely cause to a failed rename of the month
// folder: Windows will not rename a folder while a file in it is open,
// which it is while the workbook is open in Excel.
func explainRename(err error) error {
	if errors.Is(err, windows.ERROR_SHARING_VIOLATION) || errors.Is(err, windows.ERROR_ACCESS_DENIED) {
		return fmt.Errorf("%w (is a file of the report open, the workbook in Excel perhaps? close it and run again; the previous report is unchanged)", err)
	}
	return err
}
