// Package readtest reads a workbook of inputs for the tests and
// benchmarks of the packages that take a report: the shipped inputs, or a
// generated book.
package readtest

import (
	"os"
	"testing"

	"pledgewatch/analysis/sheets"
)

// Read reads the workbook at path, named name where its problems and
// rows are placed, and ends the test when the file cannot be read; the
// reader holds the inputs and the problems of its cells.
func Read(tb testing.TB, path, name string) *sheets.Reader {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	rd := &sheets.Reader{}
	if err := rd.ReadXLSX(f, name); err != nil {
		tb.Fatal(err)
	}
	return rd
}
