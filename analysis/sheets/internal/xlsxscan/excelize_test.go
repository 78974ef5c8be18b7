package xlsxscan

import (
	"bytes"
	"fmt"
	"math"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"pledgewatch/analysis/sheets/internal/xlsxtest"
)

// These tests read workbooks that excelize and LibreOffice write, and
// check that the scanner finds in them what excelize finds.

// values is a Sink that keeps each cell that has a value as "B7=value",
// as excelize gives it with raw cell values.
type values struct{ got []string }

func (v *values) Wants(int) bool { return true }

func (v *values) Row(n int, cells []Cell) bool {
	for _, c := range cells {
		if c.Kind != NoValue { // empty to excelize
			v.got = append(v.got, columnName(c.Col)+strconv.Itoa(n)+"="+c.Text())
		}
	}
	return true
}

// excelizeValues returns each non-empty cell of each sheet as excelize
// reads it, raw.
func excelizeValues(t *testing.T, data []byte) map[string][]string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string][]string{}
	for _, name := range f.GetSheetList() {
		rows, err := f.GetRows(name)
		if err != nil {
			t.Fatal(err)
		}
		var cells []string
		for r, row := range rows {
			for c, v := range row {
				if v != "" {
					cells = append(cells, columnName(c+1)+strconv.Itoa(r+1)+"="+v)
				}
			}
		}
		out[name] = cells
	}
	return out
}

// typedBook writes, in excelize's normal mode as a user's program would,
// the kinds of values people type: text with markup characters, white
// space, CJK and emoji; numbers large, small and inexact; dates,
// percentages, booleans and formulas.
func typedBook(t *testing.T) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	date, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	if err != nil {
		t.Fatal(err)
	}
	pct, err := f.NewStyle(&excelize.Style{NumFmt: 9})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.NewSheet("Second"); err != nil {
		t.Fatal(err)
	}
	set := func(sheet, ref string, v any, style int) {
		if err := f.SetCellValue(sheet, ref, v); err != nil {
			t.Fatal(err)
		}
		if style != 0 {
			if err := f.SetCellStyle(sheet, ref, ref, style); err != nil {
				t.Fatal(err)
			}
		}
	}
	for i, v := range []any{"阿里巴巴集团", "AI & cloud <infra>", `quote " and apostrophe '`, "  leading and trailing  ", "tab\there\nnew line",
		"😀 emoji", "=not a formula", "#N/A", "under_x000D_score", 380.5, 0.1 + 0.2, 1e-7, 1234567890123, -2.5, math.MaxInt32, true, false} {
		set("Sheet1", "A"+strconv.Itoa(i+3), v, 0)
		set("Second", columnName(i+1)+"2", v, 0)
	}
	set("Sheet1", "B1", time.Date(2025, 2, 24, 0, 0, 0, 0, time.UTC), date)
	set("Sheet1", "C1", time.Date(1900, 3, 1, 0, 0, 0, 0, time.UTC), date)
	set("Sheet1", "D1", 0.41, pct)
	if err := f.SetCellFormula("Sheet1", "E1", "1+6.8"); err != nil {
		t.Fatal(err)
	}
	return xlsxtest.Write(t, f)
}

// streamedBook writes rows rows with excelize's StreamWriter, as large
// exports are written: strings inline, dates as styled numbers, gaps.
func streamedBook(t testing.TB, rows int) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	date, err := f.NewStyle(&excelize.Style{NumFmt: 22}) // m/d/yy h:mm, built in
	if err != nil {
		t.Fatal(err)
	}
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	day0 := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for r := 1; r <= rows; r++ {
		row := []any{fmt.Sprintf("row %d & <more>", r), r, float64(r) / 7, excelize.Cell{StyleID: date, Value: day0.AddDate(0, 0, r)},
			nil, r%3 == 0, fmt.Sprintf("%d中文", r*r)}
		if r%5 == 0 {
			row[1] = nil
		}
		ref, _ := excelize.CoordinatesToCellName(1, r)
		if err := sw.SetRow(ref, row); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	return xlsxtest.Write(t, f)
}

// TestScanMatchesExcelize reads workbooks written by excelize (shared
// strings, inline strings) and, when LibreOffice is installed, by
// LibreOffice, and checks that every cell the scanner finds is what
// excelize finds, whatever the pieces the input arrives in.
func TestScanMatchesExcelize(t *testing.T) {
	books := map[string][]byte{
		"normal mode":   typedBook(t),
		"stream writer": streamedBook(t, 3000),
	}
	conv := xlsxtest.StartLibreOffice(t, books["normal mode"])
	t.Parallel()
	if lo := conv.Wait(t); lo != nil {
		books["LibreOffice"] = lo
	}
	for bname, data := range books {
		want := excelizeValues(t, data)
		wb := openBook(t, data, Options{})
		for wname, wrap := range wraps {
			if wname == "one byte" && bname == "stream writer" && testing.Short() {
				continue
			}
			for _, sheet := range wb.Sheets() {
				var v values
				if err := scanPart(t, wb, sheet.Part, wrap, &v); err != nil {
					t.Fatalf("%s, %s, sheet %s: %v", bname, wname, sheet.Name, err)
				}
				w := want[sheet.Name]
				if len(w) == 0 {
					t.Fatalf("%s: excelize finds no cells in sheet %s", bname, sheet.Name)
				}
				if !slices.Equal(v.got, w) {
					for i := range max(len(v.got), len(w)) {
						if i >= len(v.got) || i >= len(w) || v.got[i] != w[i] {
							t.Fatalf("%s, %s, sheet %s, cell %d:\n got %q\nwant %q", bname, wname, sheet.Name, i, v.got[i:min(i+1, len(v.got))], w[i:min(i+1, len(w))])
						}
					}
				}
			}
		}
	}
}
