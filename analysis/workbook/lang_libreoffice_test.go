package workbook

import (
	"math"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"pledgewatch/analysis/lang"
)

// LibreOffice recalculates every formula of the Traditional and the
// Simplified Chinese workbooks, whose formulas name sheets such as
// '承諾', to the value pledgewatch cached, the sums of a group shown by
// its Chinese short name included.
func TestLibreOfficeRecalculatesChinese(t *testing.T) {
	lo := libreOffice(t)
	for _, c := range []struct {
		book string
		l    lang.Lang
	}{{"chinese", lang.Traditional}, {"chinese-hans", lang.Simplified}} {
		t.Run(c.l.String(), func(t *testing.T) {
			recalculatesAlike(t, open(t, lo.book(c.book)), open(t, lo.converted(t, c.book, "xlsx")), lang.New(c.l).Sprintf("sheet."+sheetCharts))
		})
	}
}

// recalculatesAlike compares every formula's cached value in orig with
// LibreOffice's in recalc, the sheet charts aside.
func recalculatesAlike(t *testing.T, orig, recalc *excelize.File, charts string) {
	t.Helper()
	checked, quoted := 0, 0
	for _, sheet := range orig.GetSheetList() {
		if sheet == charts {
			continue
		}
		rows, err := orig.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c := range row {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				fm := formula(t, orig, sheet, cell)
				if fm == "" {
					continue
				}
				checked++
				if hasHan(fm) {
					quoted++
				}
				want, got := raw(t, orig, sheet, cell), raw(t, recalc, sheet, cell)
				w, err1 := strconv.ParseFloat(want, 64)
				g, err2 := strconv.ParseFloat(got, 64)
				switch {
				case err1 == nil && err2 == nil:
					if math.Abs(w-g) > 1e-9*math.Max(1, math.Abs(w)) {
						t.Errorf("%s!%s = %s: pledgewatch cached %v, LibreOffice computes %v", sheet, cell, fm, w, g)
					}
				case want != got:
					t.Errorf("%s!%s = %s: pledgewatch cached %q, LibreOffice computes %q", sheet, cell, fm, want, got)
				}
			}
		}
	}
	t.Logf("%d formulas recalculated by LibreOffice match, %d of them naming a Chinese sheet", checked, quoted)
	if checked < 40 || quoted < 5 {
		t.Errorf("only %d formulas checked, %d naming a Chinese sheet", checked, quoted)
	}
}
