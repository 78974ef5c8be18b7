package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestUnreadFilesFlag holds that a spreadsheet the program does not read
// is a warning by default, an error that stops the run with
// --unread-files error, and that any other value is a usage error.
func TestUnreadFilesFlag(t *testing.T) {
	in := t.TempDir()
	if err := os.WriteFile(filepath.Join(in, "pledges.xlsx"), baseBook(t, nil), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(in, "more.ods"), []byte("PK\x03\x04"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		flag string
		code int
		want string
	}{
		{"", exitOK, "warning: " + filepath.Join(in, "more.ods")},
		{"error", exitInvalid, "error: " + filepath.Join(in, "more.ods")},
		{"maybe", exitUsage, `--unread-files "maybe": use warning or error`},
	} {
		args := []string{"validate", "--inputs", in, "--month", "2025-11"}
		if tc.flag != "" {
			args = append(args, "--unread-files", tc.flag)
		}
		code, _, stderr := runCmd(t, args...)
		if code != tc.code || !strings.Contains(stderr, tc.want) {
			t.Errorf("--unread-files %q: exit %d, stderr:\n%s\nwant exit %d and %q", tc.flag, code, stderr, tc.code, tc.want)
		}
	}
}
