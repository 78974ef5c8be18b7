package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"pledgewatch/analysis"
)

// sheetText returns every row of a sheet as " | "-joined cells.
func sheetText(t *testing.T, book, sheet string) []string {
	t.Helper()
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range rows {
		out = append(out, strings.Join(r, " | "))
	}
	return out
}

func hasRow(rows []string, parts ...string) bool {
	for _, r := range rows {
		ok := true
		for _, p := range parts {
			if !strings.Contains(r, p) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// TestConsecutiveMonths runs October, then November on inputs that
// changed in between, and checks that Changes and History show exactly
// what changed; then re-runs September and checks later pledges are out.
func TestConsecutiveMonths(t *testing.T) {
	in := t.TempDir()
	out := t.TempDir()
	write := func(data []byte) {
		if err := os.WriteFile(filepath.Join(in, "pledges.xlsx"), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run := func(month string) string {
		code, stdout, stderr := runCmd(t, "run", "--inputs", in, "--out", out, "--month", month)
		if code != exitOK {
			t.Fatalf("%s: exit %d: %s", month, code, stderr)
		}
		return strings.TrimSpace(stdout)
	}

	write(baseBook(t, nil))
	run("2025-10")

	// November: the Alibaba plan is revised to 400 billion yuan, the RAISe+
	// row is deleted, a new fund appears.
	write(baseBook(t, func(f *excelize.File) {
		f.SetCellValue("Pledges", "F2", 400)
		f.RemoveRow("Pledges", 4)
		f.SetSheetRow("Pledges", "A4", &[]any{"new-fund", "2025-11-03", "New Capital", "fund", "Hong Kong AI fund", "US$2 billion", "", "", "", "", "", "Hong Kong", "announced", "Example Daily"})
	}))
	book := run("2025-11")

	changes := sheetText(t, book, "Changes")
	for _, want := range [][]string{
		{"Changes since the report for 2025-10"},
		{"pledge", "new", "id:new-fund", "New Capital"},
		{"pledge", "revised", "id:ali-1", "amount", "at least 380 billion CNY", "at least 400 billion CNY"},
		{"pledge", "removed", "id:hk-1", "Hong Kong Government"},
	} {
		if !hasRow(changes, want...) {
			t.Errorf("Changes lacks a row with %q:\n%s", want, strings.Join(changes, "\n"))
		}
	}
	// Total: +20 billion yuan at 7.1698, + US$2 billion, - HK$10 billion at 7.8.
	if !hasRow(changes, "total", "all counted pledges") {
		t.Errorf("Changes lacks the total row:\n%s", strings.Join(changes, "\n"))
	}
	f, _ := excelize.OpenFile(book)
	defer f.Close()
	var totalRow int
	rows, _ := f.GetRows("Changes")
	for i, r := range rows {
		if len(r) > 1 && r[0] == "total" {
			totalRow = i + 1
		}
	}
	raw, _ := f.GetCellValue("Changes", "E"+itoa(totalRow), excelize.Options{RawCellValue: true})
	formula, _ := f.GetCellFormula("Changes", "E"+itoa(totalRow))
	want := 20e9/7.1698 + 2e9 - 10e9/7.8
	if got := parseFloat(t, raw); got < want-1 || got > want+1 || formula == "" {
		t.Errorf("total change = %v (formula %q), want %v", raw, formula, want)
	}

	history := sheetText(t, book, "History")
	if !hasRow(history, "2025-10") || !hasRow(history, "2025-11") {
		t.Errorf("History lacks a month:\n%s", strings.Join(history, "\n"))
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(book), "charts", analysis.ChartOf(analysis.ChartHistory).Name+".png")); err != nil {
		t.Errorf("no history chart: %v", err)
	}

	// An earlier month leaves the November fund out.
	sep := run("2025-09")
	pledges := sheetText(t, sep, "Pledges")
	if !hasRow(pledges, "New Capital", "no", "after the cut-off") {
		t.Errorf("September report counts a November pledge:\n%s", strings.Join(pledges, "\n"))
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func parseFloat(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("not a number: %q", s)
	}
	return v
}
