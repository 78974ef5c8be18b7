package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"pledgewatch/analysis/extract"
	"pledgewatch/analysis/sheets"
)

// seedsDir is the folder of the seed articles the shipped dataset was
// curated from: $PLEDGEWATCH_SEEDS, else shared/seeds beside the
// repository; a test that needs them is skipped where it is absent.
func seedsDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("PLEDGEWATCH_SEEDS")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "seeds")
	}
	p, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(p); err != nil {
		t.Skipf("the seed articles are not at %s (set PLEDGEWATCH_SEEDS to their folder): %v", p, err)
	}
	return p
}

// TestExtractCommand runs extract on the seed articles as a user would,
// twice, and reads the candidates workbooks back: the default name, then
// the next free one; the sheets and headers the declarations give; one
// row per figure.
func TestExtractCommand(t *testing.T) {
	inputs, seeds := shippedInputs(t), seedsDir(t)
	t.Chdir(t.TempDir())
	code, stdout, stderr := runCmd(t, "extract", "--inputs", inputs, seeds)
	first := "candidates-" + clock().Format("2006-01-02") + ".xlsx"
	if code != exitOK || !strings.Contains(stdout, "wrote "+first) || !strings.Contains(stdout, "read 5 article(s)") {
		t.Fatalf("exit %d\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
	summary := stdout
	was, err := os.ReadFile(first)
	if err != nil {
		t.Fatal(err)
	}
	// Flags after the articles, and a file among them.
	code, stdout, stderr = runCmd(t, "extract", filepath.Join(seeds, "002_859ee533752fb0ff.txt"), "--inputs", inputs)
	second := strings.TrimSuffix(first, ".xlsx") + "-2.xlsx"
	if code != exitOK || !strings.Contains(stdout, "wrote "+second) {
		t.Fatalf("second run: exit %d\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
	if now, _ := os.ReadFile(first); !bytes.Equal(now, was) {
		t.Error("the second run changed the first workbook")
	}

	f, err := excelize.OpenFile(first)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got, want := f.GetSheetList(), []string{candidatesSheet, extract.Pledges, extract.Metrics}; !slices.Equal(got, want) {
		t.Fatalf("sheets %v, want %v", got, want)
	}
	rows, err := f.GetRows(candidatesSheet)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range extract.Columns {
		names = append(names, c.Name)
	}
	if !slices.Equal(rows[0], names) {
		t.Errorf("Candidates header %v, want %v", rows[0], names)
	}
	col := func(name string) int { return slices.Index(names, name) }
	counts := map[string]int{}
	for _, r := range rows[1:] {
		r = append(r, make([]string, len(names)-len(r))...)
		counts[r[col("status")]]++
		if r[col("status")] != string(extract.New) && r[col("row")] == "" {
			t.Errorf("%q is %s and names no row", r[col("text")], r[col("status")])
		}
		if !strings.Contains(r[col("sentence")], r[col("text")]) {
			t.Errorf("%q is not in its sentence %q", r[col("text")], r[col("sentence")])
		}
	}
	if counts[string(extract.InInputs)] < 30 || counts[string(extract.New)] == 0 {
		t.Errorf("statuses %v: want most figures in inputs and some new", counts)
	}
	// The summary of the first run counts the rows of its workbook.
	if want := fmt.Sprintf("%d figure(s): %d in inputs, %d differ from a row, %d new", len(rows)-1,
		counts[string(extract.InInputs)], counts[string(extract.Differs)], counts[string(extract.New)]); !strings.Contains(summary, want) {
		t.Errorf("summary %q, want it to say %q", summary, want)
	}
	// A conversion in brackets names the amount it converts.
	comments, err := f.GetComments(candidatesSheet)
	if err != nil {
		t.Fatal(err)
	}
	linked := false
	for _, c := range comments {
		if strings.Contains(c.Text, "converts at least 380 billion yuan") {
			linked = true
		}
	}
	if !linked {
		t.Errorf("no note links US$53 billion to the 380 billion yuan it converts: %+v", comments)
	}
	for _, sheet := range []string{extract.Pledges, extract.Metrics} {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(rows[0], sheets.Columns(sheet)) {
			t.Errorf("%s header %v, want the contract's %v", sheet, rows[0], sheets.Columns(sheet))
		}
		if len(rows) < 2 {
			t.Errorf("%s: no new rows", sheet)
		}
	}
}

// TestExtractBadArticles checks that unreadable articles are named with
// what to do, that the others are still read and written, and that the
// exit code says something went wrong.
func TestExtractBadArticles(t *testing.T) {
	inputs := shippedInputs(t)
	dir := t.TempDir()
	good, _ := os.ReadFile(filepath.Join(seedsDir(t), "002_859ee533752fb0ff.txt"))
	files := map[string][]byte{
		"good.txt":  good,
		"empty.md":  nil,
		"scan.txt":  []byte("%PDF-1.7\x00\x00binary"),
		"gbk.html":  {0xB0, 0xA2, 0xC0, 0xEF},
		"notes.pdf": []byte("%PDF"), // not an article: left out of a folder
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(t.TempDir(), "c.xlsx")
	code, stdout, stderr := runCmd(t, "extract", "--inputs", inputs, "--out", out, dir, filepath.Join(dir, "missing.txt"))
	if code != exitInvalid {
		t.Errorf("exit %d, want %d", code, exitInvalid)
	}
	for _, want := range []string{"empty.md: empty article", "scan.txt: not a text file", "gbk.html: unknown text encoding", "missing.txt: no such file", "4 article(s) could not be read"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if strings.Contains(stderr, "notes.pdf") {
		t.Errorf("a file that is no article was read from the folder:\n%s", stderr)
	}
	if !strings.Contains(stdout, "read 1 article(s)") {
		t.Errorf("stdout %q: want the good article read", stdout)
	}
	if _, err := os.Stat(out); err != nil {
		t.Errorf("no workbook for the good article: %v", err)
	}
}

func TestExtractUsage(t *testing.T) {
	for _, args := range [][]string{{"extract"}, {"extract", "--nonsense", "a.txt"}} {
		if code, _, stderr := runCmd(t, args...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d\n%s", args, code, exitUsage, stderr)
		}
	}
	code, _, stderr := runCmd(t, "extract", "-h")
	if code != exitOK || !strings.Contains(stderr, "Usage: pledgewatch extract") || !strings.Contains(stderr, "-inputs") {
		t.Errorf("extract -h: exit %d\n%s", code, stderr)
	}
	code, stdout, _ := runCmd(t, "help")
	if code != exitOK || !strings.Contains(stdout, "pledgewatch extract") {
		t.Errorf("the help does not list extract:\n%s", stdout)
	}
	out := filepath.Join(t.TempDir(), "taken.xlsx")
	if err := os.WriteFile(out, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = runCmd(t, "extract", "--inputs", shippedInputs(t), "--out", out, seedsDir(t))
	if code != exitFailure || !strings.Contains(stderr, "already exists") {
		t.Errorf("--out onto a file: exit %d\n%s", code, stderr)
	}
	if b, _ := os.ReadFile(out); string(b) != "mine" {
		t.Error("extract replaced an existing file")
	}
}
