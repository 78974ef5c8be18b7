package workbook

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"pledgewatch/analysis/internal/entered"
	"pledgewatch/analysis/lang"
)

// notYetWorded are the columns left out of the check: the Checks
// messages, which are warnings about the inputs and stay in English with
// the input errors.
var notYetWorded = map[string][]string{
	sheetChecks: {"message"},
}

// TestNoEnglishInChinese: in the Chinese workbooks of the shipped inputs,
// no cell the program words holds three English words in a row; the
// analyst's data is shown as entered and left out of the check.
func TestNoEnglishInChinese(t *testing.T) {
	r, _ := shippedBook(t)
	texts, err := entered.Texts("../../inputs/pledgewatch.xlsx", nil)
	if err != nil {
		t.Fatal(err)
	}
	decl := map[string]columns{sheetChecks: checksColumns}
	for _, l := range []lang.Lang{lang.Traditional, lang.Simplified} {
		t.Run(l.String(), func(t *testing.T) {
			p := lang.New(l).WithNames(r.LocalGroupNames(l == lang.Traditional))
			f := open(t, writeBook(t, r, Meta{Version: "test", Month: "2025-10", Lang: p}))
			checked := 0
			for i, en := range sheetNames {
				name := f.GetSheetList()[i]
				var skip []string
				for _, k := range notYetWorded[en] {
					skip = append(skip, decl[en].letter(k))
				}
				rows, err := f.GetRows(name)
				if err != nil {
					t.Fatal(err)
				}
				for ri, row := range rows {
					for ci, c := range row {
						cell, _ := excelize.CoordinatesToCellName(ci+1, ri+1)
						if c == "" || slices.Contains(skip, strings.TrimRight(cell, "0123456789")) {
							continue
						}
						checked++
						if run := entered.EnglishRun.FindString(entered.Without(c, texts)); run != "" {
							t.Errorf("%s!%s: %q holds %q", name, cell, c, run)
						}
					}
				}
			}
			if checked < 500 {
				t.Errorf("only %d cells checked", checked)
			}
		})
	}
}

// TestShippedSameFigures: the Chinese workbooks of the shipped inputs
// hold the English one's numbers and formulas, cell for cell.
func TestShippedSameFigures(t *testing.T) {
	r, en := shippedBook(t)
	for _, l := range []lang.Lang{lang.Traditional, lang.Simplified} {
		t.Run(l.String(), func(t *testing.T) {
			p := lang.New(l).WithNames(r.LocalGroupNames(l == lang.Traditional))
			zh := open(t, writeBook(t, r, Meta{Version: "test", Month: "2025-10", Lang: p}))
			numbers := 0
			for i, enName := range en.GetSheetList() {
				zhName := zh.GetSheetList()[i]
				a, _ := en.GetRows(enName, excelize.Options{RawCellValue: true})
				b, _ := zh.GetRows(zhName, excelize.Options{RawCellValue: true})
				if len(a) != len(b) {
					t.Errorf("%s: %d rows, English has %d", zhName, len(b), len(a))
					continue
				}
				for ri := range a {
					for ci := range max(len(a[ri]), len(b[ri])) {
						x, y := at(a[ri], ci), at(b[ri], ci)
						if !isNumber(x) && !isNumber(y) {
							continue
						}
						numbers++
						cell, _ := excelize.CoordinatesToCellName(ci+1, ri+1)
						if x != y {
							t.Errorf("%s!%s = %q, English %q", zhName, cell, y, x)
						}
						fa, _ := en.GetCellFormula(enName, cell)
						fb, _ := zh.GetCellFormula(zhName, cell)
						if (fa == "") != (fb == "") {
							t.Errorf("%s!%s: a formula in one language only", zhName, cell)
						}
					}
				}
			}
			if numbers < 300 {
				t.Errorf("only %d numbers compared", numbers)
			}
		})
	}
}

func at(row []string, i int) string {
	if i < len(row) {
		return row[i]
	}
	return ""
}

var numberRE = regexp.MustCompile(`^-?[0-9.]+(E[-+]?[0-9]+)?$`)

func isNumber(s string) bool { return numberRE.MatchString(s) }
