package main

import (
	"errors"

	"golang.org/x/sys/windows"
)

// heldOpen reports whether opening a file failed because another program
// holds it open without sharing it (a sharing or lock violation), as
// Excel holds a workbook while it saves, or another program may.
func heldOpen(err error) bool {
	return errors.Is(err, windows.ERROR_SHARING_VIOLATION) || errors.Is(err, windows.ERROR_LOCK_VIOLATION)
}
