package main

import (
	"bytes"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/xuri/excelize/v2"
)

// A run in Chinese writes the same files twice over, byte for byte, and
// its workbook's sheets have Chinese names.
func TestReproducibleInChinese(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the program three times")
	}
	for _, code := range []string{"zh-Hant", "zh-Hans"} {
		var trees []map[string][]byte
		for i := 0; i < 2; i++ {
			out := t.TempDir()
			if code, _, stderr := runCmd(t, "run", "--inputs", shippedInputs(t), "--out", out, "--month", "2025-11", "--quiet", "--lang", code); code != exitOK {
				t.Fatalf("run %d: exit %d: %s", i, code, stderr)
			}
			trees = append(trees, readTree(t, filepath.Join(out, "2025-11")))
		}
		var names []string
		for n := range trees[0] {
			names = append(names, n)
		}
		sort.Strings(names)
		if len(names) != len(trees[1]) || len(names) < 7 {
			t.Fatalf("%s: runs wrote %d and %d files", code, len(names), len(trees[1]))
		}
		for _, n := range names {
			if !bytes.Equal(trees[0][n], trees[1][n]) {
				t.Errorf("%s: %s differs between two runs of the same month", code, n)
			}
		}
		f, err := excelize.OpenReader(bytes.NewReader(trees[0]["pledgewatch-2025-11.xlsx"]))
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range f.GetSheetList() {
			if !strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
				t.Errorf("%s: sheet %q", code, s)
			}
		}
		f.Close()
	}
}

func TestLangFlag(t *testing.T) {
	code, _, stderr := runCmd(t, "run", "--inputs", shippedInputs(t), "--out", t.TempDir(), "--lang", "fr")
	if code != exitUsage || !strings.Contains(stderr, "--lang") || !strings.Contains(stderr, "zh-Hant") {
		t.Errorf("--lang fr: exit %d, %s", code, stderr)
	}
	code, _, stderr = runCmd(t, "run", "-h")
	if code != exitOK || !strings.Contains(stderr, "-lang") {
		t.Errorf("run -h does not document --lang: exit %d, %s", code, stderr)
	}
}
