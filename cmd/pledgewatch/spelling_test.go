package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestInputsSpelling runs one month with the inputs folder spelt three
// ways: the workbooks are byte for byte the same, and name the input
// file by its name in the folder.
func TestInputsSpelling(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "inputs")
	if err := os.Mkdir(in, 0o755); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(shippedInputs(t), "pledgewatch.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(in, "pledgewatch.xlsx"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	var books [][]byte
	for i, spelt := range []string{"inputs", "./inputs/", in} {
		out := filepath.Join(dir, "out"+string(rune('a'+i)))
		if code, _, stderr := runCmd(t, "run", "--inputs", spelt, "--out", out, "--month", "2025-11", "--quiet"); code != exitOK {
			t.Fatalf("--inputs %s: exit %d: %s", spelt, code, stderr)
		}
		book, err := os.ReadFile(filepath.Join(out, "2025-11", "pledgewatch-2025-11.xlsx"))
		if err != nil {
			t.Fatal(err)
		}
		books = append(books, book)
		if i > 0 && !bytes.Equal(book, books[0]) {
			t.Errorf("--inputs %s gives another workbook than --inputs inputs", spelt)
		}
	}
	rows := sheetText(t, filepath.Join(dir, "outa", "2025-11", "pledgewatch-2025-11.xlsx"), "About")
	if !hasRow(rows, "Inputs folder", "inputs") || !hasRow(rows, "pledgewatch.xlsx") || hasRow(rows, dir) {
		t.Errorf("About does not name the folder inputs and the file pledgewatch.xlsx alone:\n%v", rows)
	}
}
