package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTemplateCommand writes the blank workbook, refuses to replace it,
// and checks that validate and run take it as it is: the example rows are
// the Alibaba plan as CNA states it, so the Summary gives at least
// 380 / 7.1698 = US$53.0B, and US$53.0B / 3 = US$17.7B a year.
func TestTemplateCommand(t *testing.T) {
	in := t.TempDir()
	path := filepath.Join(in, "mine.xlsx")
	code, stdout, stderr := runCmd(t, "template", "--out", path)
	if code != exitOK || !strings.Contains(stdout, "wrote "+path) {
		t.Fatalf("exit %d\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
	first, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	code, _, stderr = runCmd(t, "template", "--out", path)
	if code != exitFailure || !strings.Contains(stderr, "already exists") {
		t.Errorf("second template: exit %d, stderr %s; want a refusal", code, stderr)
	}
	if again, _ := os.ReadFile(path); !bytes.Equal(first, again) {
		t.Error("the second template changed the first")
	}
	code, stdout, stderr = runCmd(t, "validate", "--inputs", in)
	if code != exitOK || !strings.Contains(stdout+stderr, "0 warning(s)") {
		t.Fatalf("validate: exit %d\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
	book, _ := runBook(t, in, "2025-11")
	rows, err := book.GetRows("Summary")
	if err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	for _, r := range rows {
		all.WriteString(strings.Join(r, " | ") + "\n")
	}
	for _, want := range []string{
		"1 pledge with a stated amount comes to at least US$53.0B. The 1 pledge with a stated amount and span comes to at least US$17.7B a year.",
		"more than 3.33x",
	} {
		if !strings.Contains(all.String(), want) {
			t.Errorf("Summary lacks %q:\n%s", want, all.String())
		}
	}
}
