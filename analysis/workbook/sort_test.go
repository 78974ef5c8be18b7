package workbook

import (
	"bytes"
	"regexp"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"pledgewatch/analysis"
)

// cellRef matches a cell reference in a formula: $ before the row marks
// an absolute row, which a moved row keeps.
var cellRef = regexp.MustCompile(`(\$?)([A-Z]{1,3})(\$?)(\d+)`)

// moveFormula rewrites the relative references to row from in a formula
// that moves from row from to row to, as a spreadsheet does when it sorts.
func moveFormula(fm string, from, to int) string {
	out := []byte{}
	last := 0
	for _, m := range cellRef.FindAllStringSubmatchIndex(fm, -1) {
		if m[0] > 0 {
			if c := fm[m[0]-1]; c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_' {
				continue // inside a name such as LOG10
			}
		}
		rowAbs := m[6] < m[7]
		row, _ := strconv.Atoi(fm[m[8]:m[9]])
		if rowAbs || row != from {
			continue
		}
		out = append(out, fm[last:m[8]]...)
		out = append(out, strconv.Itoa(to)...)
		last = m[9]
	}
	return string(append(out, fm[last:]...))
}

// reverseRows turns rows first..last of a sheet upside down, values,
// formulas and styles, with each formula's references to its own row
// moved along, as sorting the table would.
func reverseRows(t testing.TB, f *excelize.File, sheet string, first, last, cols int) {
	t.Helper()
	type cellData struct {
		value   any
		formula string
		style   int
	}
	rows := make([][]cellData, last-first+1)
	for r := first; r <= last; r++ {
		line := make([]cellData, cols)
		for c := 1; c <= cols; c++ {
			name, _ := excelize.CoordinatesToCellName(c, r)
			fm, _ := f.GetCellFormula(sheet, name)
			v, _ := f.GetCellValue(sheet, name, excelize.Options{RawCellValue: true})
			typ, _ := f.GetCellType(sheet, name)
			st, _ := f.GetCellStyle(sheet, name)
			d := cellData{formula: fm, style: st}
			switch {
			case fm != "":
			case v == "":
			case typ == excelize.CellTypeNumber || typ == excelize.CellTypeUnset:
				if x, err := strconv.ParseFloat(v, 64); err == nil {
					d.value = x
				} else {
					d.value = v
				}
			default:
				d.value = v
			}
			line[c-1] = d
		}
		rows[r-first] = line
	}
	for i, line := range rows {
		from, to := first+i, last-i
		for c, d := range line {
			name, _ := excelize.CoordinatesToCellName(c+1, to)
			if err := f.SetCellValue(sheet, name, d.value); err != nil {
				t.Fatal(err)
			}
			if d.formula != "" {
				if err := f.SetCellFormula(sheet, name, moveFormula(d.formula, from, to)); err != nil {
					t.Fatal(err)
				}
			}
			if err := f.SetCellStyle(sheet, name, name, d.style); err != nil {
				t.Fatal(err)
			}
		}
	}
}

func TestMoveFormula(t *testing.T) {
	for _, tc := range []struct {
		in       string
		from, to int
		want     string
	}{
		{"I4/R4", 4, 9, "I9/R9"},
		{"D6/SUM(D$6:D$10)", 6, 8, "D8/SUM(D$6:D$10)"},
		{"(I5/F5)^(1/K5)-1", 5, 7, "(I7/F7)^(1/K7)-1"},
		{`SUMIFS(Pledges!$I$2:$I$6,Pledges!$E$2:$E$6,"=A4")`, 4, 5, `SUMIFS(Pledges!$I$2:$I$6,Pledges!$E$2:$E$6,"=A5")`},
		{"LOG10(A4)", 4, 5, "LOG10(A5)"},
	} {
		if got := moveFormula(tc.in, tc.from, tc.to); got != tc.want {
			t.Errorf("moveFormula(%q, %d, %d) = %q, want %q", tc.in, tc.from, tc.to, got, tc.want)
		}
	}
}

// reversedBook is the book data of the report r with every table sorted
// the other way round.
func reversedBook(t testing.TB, r *analysis.Report, data []byte) []byte {
	t.Helper()
	f := open(t, data)
	l := newLayout(r)
	reverseRows(t, f, sheetPledges, l.pledgeFirst, l.pledgeFirst+len(r.Pledges)-1, len(pledgeColumns))
	for _, sec := range append([]section{l.sectors}, l.investors...) {
		if len(sec.groups) > 1 {
			sheet := sheetInvestors
			if sec.tableName == "SectorTotals" {
				sheet = sheetSectors
			}
			reverseRows(t, f, sheet, sec.first, sec.first+len(sec.groups)-1, len(groupColumns))
		}
	}
	if len(r.Trends) > 1 {
		reverseRows(t, f, sheetTrends, l.trendsFirst, l.trendsFirst+len(r.Trends)-1, len(trendColumns))
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestSummaryUnderAnyRowOrder sorts every table of a written workbook
// the other way round (reversedBook), has LibreOffice recalculate it,
// and checks that the Summary's figures are those of the workbook as
// written.
func TestSummaryUnderAnyRowOrder(t *testing.T) {
	lo := libreOffice(t)
	t.Parallel()
	r := lo.changed
	want := open(t, lo.converted(t, "changed", "xlsx"))
	got := open(t, lo.converted(t, "reversed", "xlsx"))
	l := newLayout(r)

	checked := 0
	for i := range r.Headlines {
		cell := "C" + strconv.Itoa(summaryHeaderRow+1+i)
		if formula(t, want, sheetSummary, cell) == "" {
			continue
		}
		checked++
		w, g := rawFloat(t, want, sheetSummary, cell), rawFloat(t, got, sheetSummary, cell)
		if !same(w, g) {
			t.Errorf("Summary!%s (%s) = %v after sorting, %v before", cell, r.Headlines[i].Topic, g, w)
		}
	}
	if checked < 5 {
		t.Errorf("only %d Summary figures checked", checked)
	}
	// The sort did move the rows: the first pledge row now holds the last.
	first := strconv.Itoa(l.pledgeFirst)
	if a, b := raw(t, want, sheetPledges, "A"+first), raw(t, got, sheetPledges, "A"+first); a == b {
		t.Errorf("Pledges row %s holds %q before and after: nothing was sorted", first, a)
	}
}
