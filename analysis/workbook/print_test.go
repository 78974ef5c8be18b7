package workbook

import (
	"strings"
	"testing"
)

// TestPrintSetup holds every sheet to print on A4, landscape, one page
// wide, with a footer naming the sheet, the month and the page, and the
// header row of a sheet's main table repeated on every page (and not the
// title and notes above it).
func TestPrintSetup(t *testing.T) {
	_, data := testBook(t)
	f := open(t, data)
	titles := map[string]string{}
	for _, d := range f.GetDefinedName() {
		if d.Name == "_xlnm.Print_Titles" {
			titles[d.Scope] = d.RefersTo
		}
	}
	for _, name := range f.GetSheetList() {
		pl, err := f.GetPageLayout(name)
		if err != nil {
			t.Fatal(err)
		}
		if pl.Size == nil || *pl.Size != paperA4 || pl.Orientation == nil || *pl.Orientation != "landscape" ||
			pl.FitToWidth == nil || *pl.FitToWidth != 1 || pl.FitToHeight == nil || *pl.FitToHeight != 0 {
			t.Errorf("%s: page layout %+v, want A4 landscape one page wide", name, pl)
		}
		hf, err := f.GetHeaderFooter(name)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(hf.OddFooter, "&A") || !strings.Contains(hf.OddFooter, "Page &P of &N") || !strings.Contains(hf.OddFooter, "report for "+testMeta(t).Month) {
			t.Errorf("%s: footer %q lacks sheet, month or page", name, hf.OddFooter)
		}
	}
	for sheet, want := range map[string]string{sheetPledges: "'Pledges'!$1:$1", sheetSummary: "'Summary'!$6:$6", sheetMetrics: "'Metrics'!$1:$1",
		// Sheets of several sections repeat no header: the first
		// section's would head the others on later pages.
		sheetInvestors: "", sheetTrends: ""} {
		if got := titles[sheet]; got != want {
			t.Errorf("%s: print titles %q, want %q", sheet, got, want)
		}
	}
	// A sheet declared by a column list prints its printed columns, from
	// A to the last of them, and those fit the width of the page.
	areas := map[string]string{}
	for _, d := range f.GetDefinedName() {
		if d.Name == "_xlnm.Print_Area" {
			areas[d.Scope] = d.RefersTo
		}
	}
	for sheet, cs := range map[string]columns{sheetPledges: pledgeColumns, sheetMetrics: metricColumns, sheetTrends: trendColumns,
		sheetComparisons: comparisonColumns, sheetProgress: progressColumns, sheetEvidence: evidenceColumns} {
		want := "'" + sheet + "'!$A$1:$" + cs.letter(cs[cs.printed()-1].key) + "$"
		if !strings.HasPrefix(areas[sheet], want) {
			t.Errorf("%s: print area %q, want %q and its last row", sheet, areas[sheet], want)
		}
		width := 0.0
		for _, c := range cs[:cs.printed()] {
			width += c.width
		}
		if width > pageWidth {
			t.Errorf("%s: printed columns %.0f characters wide, more than the %.0f that print at 7 pt on A4", sheet, width, pageWidth)
		}
	}
	// Every style names its font, bold ones included.
	for id := 1; id < len(f.Styles.CellXfs.Xf); id++ {
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		if st.Font == nil || st.Font.Family == "" {
			t.Errorf("style %d names no font: %+v", id, st)
		}
	}
}
