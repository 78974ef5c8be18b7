package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// errSharing stands for Windows' ERROR_SHARING_VIOLATION in a test on
// any platform.
var errSharing = errors.New("the process cannot access the file because it is being used by another process")

// TestHeldInput opens the shipped workbook as if another program held it
// exclusively, as Windows reports it: the run fails, naming the file and
// saying to close it, and writes nothing.
func TestHeldInput(t *testing.T) {
	open0, held0 := openInput, isHeld
	t.Cleanup(func() { openInput, isHeld = open0, held0 })
	openInput = func(path string) (*os.File, error) {
		if strings.HasSuffix(path, "pledgewatch.xlsx") {
			return nil, &os.PathError{Op: "open", Path: path, Err: errSharing}
		}
		return open0(path)
	}
	isHeld = func(err error) bool { return errors.Is(err, errSharing) }

	out := t.TempDir()
	in := shippedInputs(t)
	code, _, stderr := runCmd(t, "run", "--inputs", in, "--out", out, "--month", "2025-11")
	if code != exitFailure {
		t.Errorf("exit %d, want %d", code, exitFailure)
	}
	want := "cannot read the input " + filepath.Join(in, "pledgewatch.xlsx") + ": another program has it open and will not share it (Excel saving it, perhaps); close it there and run again"
	if !strings.Contains(stderr, want) {
		t.Errorf("stderr:\n%s\nwant it to hold:\n%s", stderr, want)
	}
	if _, err := os.Stat(filepath.Join(out, "2025-11")); !os.IsNotExist(err) {
		t.Errorf("a report was written (%v)", err)
	}
}
