package main

import (
	"os/exec"
	"path/filepath"

	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestStampedVersion runs the binary built as make dist builds it, with
// a version stamped in, and checks that the version command and the
// workbook's About sheet say it.
func TestStampedVersion(t *testing.T) {
	const stamp = testVersion
	bin := buildBinary(t)
	out, err := exec.Command(bin, "version").Output()
	if err != nil || !strings.HasPrefix(string(out), "pledgewatch "+stamp) {
		t.Errorf("version: %q, %v", out, err)
	}
	dir := t.TempDir()
	book, err := exec.Command(bin, "run", "--inputs", shippedInputs(t), "--out", dir, "--month", "2025-11", "--quiet").Output()
	if err != nil {
		t.Fatalf("run: %v", err)
	}
	if len(book) > 0 {
		t.Errorf("--quiet printed %q", book)
	}
	f, err := excelize.OpenFile(filepath.Join(dir, "2025-11", "pledgewatch-2025-11.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("About")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if len(r) > 1 && r[0] == "Program" {
			if !strings.HasPrefix(r[1], "pledgewatch "+stamp) {
				t.Errorf("About sheet: Program %q, want the stamped version %s", r[1], stamp)
			}
			return
		}
	}
	t.Errorf("About sheet has no Program row: %q", rows)
}
