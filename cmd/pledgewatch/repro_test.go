package main

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"testing"
)

// readTree returns every file under dir by its relative path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		files[rel], err = os.ReadFile(p)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestReproducible runs one month a second time, into an output folder
// of its own, and compares every file byte for byte with the first run's.
func TestReproducible(t *testing.T) {
	trees := []map[string][]byte{readTree(t, filepath.Join(shippedReport(t).out, "2025-11"))}
	out := t.TempDir()
	if code, _, stderr := runCmd(t, "run", "--inputs", shippedInputs(t), "--out", out, "--month", "2025-11", "--quiet"); code != exitOK {
		t.Fatalf("second run: exit %d: %s", code, stderr)
	}
	trees = append(trees, readTree(t, filepath.Join(out, "2025-11")))
	var names []string
	for n := range trees[0] {
		names = append(names, n)
	}
	sort.Strings(names)
	if len(names) != len(trees[1]) || len(names) < 7 {
		t.Fatalf("runs wrote %d and %d files", len(names), len(trees[1]))
	}
	for _, n := range names {
		if !bytes.Equal(trees[0][n], trees[1][n]) {
			t.Errorf("%s differs between two runs of the same month", n)
		}
	}
}
