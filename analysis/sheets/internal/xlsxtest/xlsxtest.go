// Package xlsxtest makes workbooks for the tests of analysis/sheets and
// its xlsx scanner: zips of parts written by hand, and workbooks opened
// and saved by LibreOffice, as a user's spreadsheet would save them.
package xlsxtest

import (
	"archive/zip"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
)

// Zip writes a zip of the given parts, by name to content, in name order.
func Zip(tb testing.TB, parts map[string]string) []byte {
	tb.Helper()
	var names []string
	for name := range parts {
		names = append(names, name)
	}
	slices.Sort(names)
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	for _, name := range names {
		w, err := z.Create(name)
		if err != nil {
			tb.Fatal(err)
		}
		if _, err := w.Write([]byte(parts[name])); err != nil {
			tb.Fatal(err)
		}
	}
	if err := z.Close(); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes()
}

// LibreOffice converts a workbook with LibreOffice (as a user who opens
// and saves it would), or returns nil when LibreOffice is not installed,
// fails, or the tests run with -short.
func LibreOffice(tb testing.TB, data []byte) []byte {
	tb.Helper()
	soffice, err := exec.LookPath("soffice")
	if err != nil || testing.Short() {
		tb.Log("LibreOffice not used (not installed, or -short)")
		return nil
	}
	dir := tb.TempDir()
	in := filepath.Join(dir, "in", "book.xlsx")
	if err := os.MkdirAll(filepath.Dir(in), 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(in, data, 0o644); err != nil {
		tb.Fatal(err)
	}
	cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", filepath.Join(dir, "out"), in)
	if out, err := cmd.CombinedOutput(); err != nil {
		tb.Logf("LibreOffice failed, not used: %v\n%s", err, out)
		return nil
	}
	b, err := os.ReadFile(filepath.Join(dir, "out", "book.xlsx"))
	if err != nil {
		tb.Logf("LibreOffice wrote nothing: %v", err)
		return nil
	}
	return b
}
