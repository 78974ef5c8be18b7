package workbook

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"pledgewatch/analysis"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// dump lists the contents of every cell of a workbook, sheet by sheet:
// the value as stored, the formula and the number format. Numbers are
// given to 12 significant digits, so the dump does not depend on the last
// bits of a float. Given sheet names, it lists those sheets only.
func dump(t *testing.T, f *excelize.File, only ...string) string {
	t.Helper()
	var b strings.Builder
	for _, sheet := range f.GetSheetList() {
		if len(only) > 0 && !slices.Contains(only, sheet) {
			continue
		}
		fmt.Fprintf(&b, "== %s\n", sheet)
		if tables, _ := f.GetTables(sheet); len(tables) > 0 {
			for _, tb := range tables {
				fmt.Fprintf(&b, "table %s %s\n", tb.Name, tb.Range)
			}
		}
		if panes, _ := f.GetPanes(sheet); panes.Freeze {
			fmt.Fprintf(&b, "frozen rows %d\n", panes.YSplit)
		}
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c, v := range row {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				fm, _ := f.GetCellFormula(sheet, cell)
				if v == "" && fm == "" {
					continue
				}
				if x, err := strconv.ParseFloat(v, 64); err == nil {
					v = strconv.FormatFloat(x, 'g', 12, 64)
				} else {
					v = strconv.Quote(v)
				}
				fmt.Fprintf(&b, "%s %s", cell, v)
				if fm != "" {
					fmt.Fprintf(&b, " =%s", fm)
				}
				if id, err := f.GetCellStyle(sheet, cell); err == nil && id != 0 {
					if st, err := f.GetStyle(id); err == nil && st.CustomNumFmt != nil {
						fmt.Fprintf(&b, " [%s]", *st.CustomNumFmt)
					}
				}
				b.WriteByte('\n')
			}
		}
	}
	return b.String()
}

// TestGolden compares the cell contents of the test workbooks with the
// files in testdata: golden.txt for the test report, with no earlier
// report to compare with, and golden-changes.txt for the sheets that
// change when there is one. go test -run Golden -update rewrites them.
func TestGolden(t *testing.T) {
	changed, _ := changedReport(t)
	for _, tc := range []struct {
		file   string
		report *analysis.Report
		sheets []string
	}{
		{"golden.txt", testReport(t), nil},
		{"golden-changes.txt", changed, []string{sheetChanges, sheetCharts, sheetHistory}},
	} {
		got := dump(t, open(t, writeBook(t, tc.report, testMeta(t))), tc.sheets...)
		compareGolden(t, filepath.Join("testdata", tc.file), got)
	}
}

func compareGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -run Golden -update to create it)", err)
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < max(len(gl), len(wl)); i++ {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Errorf("workbook differs from %s at line %d:\n got: %s\nwant: %s\n(run go test -run Golden -update if the change is intended)", path, i+1, g, w)
				return
			}
		}
	}
}
