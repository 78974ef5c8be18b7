package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"pledgewatch/analysis/sheets"
)

// TestHelpNamesEveryTable checks that run -h and validate -h name every
// sheet and CSV file the reader reads.
func TestHelpNamesEveryTable(t *testing.T) {
	for _, cmd := range []string{"run", "validate"} {
		code, _, stderr := runCmd(t, cmd, "-h")
		if code != exitOK {
			t.Fatalf("%s -h: exit %d", cmd, code)
		}
		for _, name := range append(sheets.CSVFiles(), sheets.Sheets()...) {
			if !strings.Contains(stderr, name) {
				t.Errorf("%s -h does not name %s:\n%s", cmd, name, stderr)
			}
		}
	}
}

// TestTemplateToStdout checks that template --out - writes the workbook
// to standard output and no file named "-".
func TestTemplateToStdout(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	code, stdout, stderr := runCmd(t, "template", "--out", "-")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "-")); !os.IsNotExist(err) {
		t.Errorf("a file named - was written (%v)", err)
	}
	f, err := excelize.OpenReader(bytes.NewReader([]byte(stdout)))
	if err != nil {
		t.Fatalf("standard output is not a workbook: %v", err)
	}
	defer f.Close()
	if got, want := len(f.GetSheetList()), len(sheets.Sheets()); got < want {
		t.Errorf("the workbook has %d sheets, want at least %d", got, want)
	}
}
