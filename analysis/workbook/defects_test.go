package workbook

import (
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"pledgewatch/analysis"
	"pledgewatch/analysis/internal/readtest"
)

// shippedBook writes the workbook of the shipped inputs for October 2025.
func shippedBook(t *testing.T) (*analysis.Report, *excelize.File) {
	t.Helper()
	rd := readtest.Read(t, "../../inputs/pledgewatch.xlsx", "inputs/pledgewatch.xlsx")
	r, probs := analysis.Build(rd.Inputs, analysis.Options{AsOf: time.Date(2025, 10, 31, 0, 0, 0, 0, time.UTC)})
	if probs.HasErrors() {
		t.Fatal(probs.Err())
	}
	r.Changes = &analysis.Changes{}
	return r, open(t, writeBook(t, r, Meta{Version: "test", Month: "2025-10"}))
}

// TestWorkbookDefects names each defect of the October 2025 workbook and
// shows it gone.
func TestWorkbookDefects(t *testing.T) {
	r, f := shippedBook(t)
	t.Run("typed +327 beside a formula", func(t *testing.T) {
		for i, h := range r.Headlines {
			if h.Ref.Kind != analysis.RefComparison {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(3, summaryHeaderRow+1+i)
			formula, err := f.GetCellFormula(sheetSummary, cell)
			if err != nil || !strings.Contains(formula, sheetComparisons) {
				t.Errorf("%s (%s) holds %q, not a formula reading Comparisons: %v", cell, h.Sentence, formula, err)
			}
		}
	})
	t.Run("one figure in two forms on Investors", func(t *testing.T) {
		// US$128.2M showed as US$0.13B in one section and as US$128.2M in
		// another; US$53.2B beside US$53.00B.
		for _, col := range []string{colGroupTotal, colGroupPerYear} {
			formats := map[string]bool{}
			rows, err := f.GetRows(sheetInvestors, excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			for i := range rows {
				cell := col + strconvI(i+1)
				v, _ := f.GetCellValue(sheetInvestors, cell, excelize.Options{RawCellValue: true})
				if v == "" || strings.ContainsAny(v[:1], "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") {
					continue
				}
				style, err := f.GetCellStyle(sheetInvestors, cell)
				if err != nil {
					t.Fatal(err)
				}
				st, err := f.GetStyle(style)
				if err != nil {
					t.Fatal(err)
				}
				if st.CustomNumFmt != nil {
					formats[*st.CustomNumFmt] = true
				}
			}
			if len(formats) != 1 {
				t.Errorf("column %s of Investors has %d number formats: %v", col, len(formats), formats)
			}
		}
	})
}

func strconvI(i int) string {
	s, _ := excelize.CoordinatesToCellName(1, i)
	return strings.TrimPrefix(s, "A")
}
