//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestNamedPipeInput checks that a named pipe with a spreadsheet's name
// is refused at its file rather than opened: opening it would wait for a
// writer for ever.
func TestNamedPipeInput(t *testing.T) {
	inputs := t.TempDir()
	if err := os.WriteFile(filepath.Join(inputs, "pledges.xlsx"), baseBook(t, nil), 0o644); err != nil {
		t.Fatal(err)
	}
	pipe := filepath.Join(inputs, "stream.csv")
	if err := syscall.Mkfifo(pipe, 0o644); err != nil {
		t.Skipf("cannot make a named pipe: %v", err)
	}
	code, _, stderr := runCmd(t, "validate", "--inputs", inputs)
	want := "error: " + pipe + ": a named pipe, not a regular file, so it is not read; put the spreadsheet itself in the folder"
	if code != exitInvalid || !strings.Contains(stderr, want) {
		t.Errorf("exit %d, stderr:\n%s\nwant exit %d and %q", code, stderr, exitInvalid, want)
	}
}
