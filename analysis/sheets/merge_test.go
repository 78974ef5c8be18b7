package sheets

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"pledgewatch/analysis"
	"pledgewatch/analysis/sheets/internal/xlsxtest"
)

// mergedBook writes a Pledges sheet with excelize, merging the given
// ranges the way Excel does: the value stays in the top-left cell and the
// other cells of the range are empty.
func mergedBook(t *testing.T, rows [][]any, merges ...string) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "Pledges")
	for i, r := range rows {
		if err := f.SetSheetRow("Pledges", fmt.Sprintf("A%d", i+1), &r); err != nil {
			t.Fatal(err)
		}
	}
	for _, m := range merges {
		from, to, _ := strings.Cut(m, ":")
		if err := f.MergeCell("Pledges", from, to); err != nil {
			t.Fatal(err)
		}
	}
	return xlsxtest.Write(t, f)
}

var mergeHeader = []any{"announced", "investor", "program", "amount", "currency", "unit", "status"}

// TestMergedCells checks that a merged range is read as Excel shows it:
// every cell of the range has the top-left cell's value, with a warning
// that names the range, whether or not the sheet is scanned on a
// goroutine of its own.
func TestMergedCells(t *testing.T) {
	rows := [][]any{
		mergeHeader,
		{"2024-02-28", "Hong Kong Government", "AI Subsidy Scheme", 3, "HKD", "billion", "withdrawn"},
		{"2022-10-19", "Hong Kong Government", "RAISe+ Scheme", 10, "HKD", "", ""},
		{"2025-02-24", "Alibaba", "Cloud", 380, "CNY", "billion", "announced"},
	}
	data := mergedBook(t, rows, "F2:F3", "G2:G3")
	for _, split := range []int64{0, 1} { // the default, and always
		t.Run(fmt.Sprintf("split from %d", split), func(t *testing.T) {
			old := splitFrom
			splitFrom = split
			defer func() { splitFrom = old }()
			var rd Reader
			if err := rd.ReadXLSX(bytes.NewReader(data), "m.xlsx"); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range rd.Inputs.Pledges {
				got = append(got, fmt.Sprintf("%s: %g %s, %s", p.Program, p.Amount.Value, p.Amount.Currency, p.Status))
			}
			compare(t, "pledge", got, []string{
				"AI Subsidy Scheme: 3e+09 HKD, withdrawn",
				"RAISe+ Scheme: 1e+10 HKD, withdrawn",
				"Cloud: 3.8e+11 CNY, announced",
			})
			compare(t, "problem", problemLines(&rd.Problems), []string{
				`warning: m.xlsx: sheet "Pledges", cell F2: the cells F2:F3 are merged, so the value of F2 is read in each of them, as Excel shows it; unmerge them and type the value in each cell if that is not meant`,
				`warning: m.xlsx: sheet "Pledges", cell G2: the cells G2:G3 are merged, so the value of G2 is read in each of them, as Excel shows it; unmerge them and type the value in each cell if that is not meant`,
			})
		})
	}
}

// TestMergedCellsIgnored checks the merges that change nothing read: a
// title above the header, a range in a column the table does not read,
// and a range across columns the table does not read.
func TestMergedCellsIgnored(t *testing.T) {
	rows := [][]any{
		{"Pledges, as of 2025-11"},
		nil,
		append(append([]any{}, mergeHeader...), "comment"),
		{"2025-02-24", "Alibaba", "Cloud", 380, "CNY", "billion", "announced", "see note"},
		{"2025-02-25", "Tencent", "AI", 5, "USD", "billion", "", ""},
	}
	data := mergedBook(t, rows, "A1:G1", "H4:H5", "I5:J5")
	var rd Reader
	if err := rd.ReadXLSX(bytes.NewReader(data), "m.xlsx"); err != nil {
		t.Fatal(err)
	}
	if len(rd.Inputs.Pledges) != 2 || rd.Inputs.Pledges[1].Status != analysis.PledgeAnnounced {
		t.Errorf("pledges %v; want two, the second with the default status", rd.Inputs.Pledges)
	}
	compare(t, "problem", problemLines(&rd.Problems), []string{
		`warning: m.xlsx: sheet "Pledges", cell H3: "comment": unknown column, ignored; the pledges columns are ` + strings.Join(specForSheet("Pledges").names(), ", "),
	})
}

// TestMergedCellsAcrossHeader checks that a range that joins the header
// to a data row is an error.
func TestMergedCellsAcrossHeader(t *testing.T) {
	rows := [][]any{
		mergeHeader,
		{"2025-02-24", "Alibaba", "Cloud", 380, "CNY", "", "announced"},
	}
	var rd Reader
	if err := rd.ReadXLSX(bytes.NewReader(mergedBook(t, rows, "F1:F2")), "m.xlsx"); err != nil {
		t.Fatal(err)
	}
	compare(t, "problem", problemLines(&rd.Problems), []string{
		`error: m.xlsx: sheet "Pledges", cell F1:F2: merged cells cross the header row 1; unmerge them, so that the header is one row and each value in its own cell`,
	})
}
