package workbook

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"pledgewatch/analysis"
)

// progressReport is testReport with evidence of delivery: HK$1 billion
// of the HK$10 billion fund disbursed, then HK$0.5 billion more, and more
// than HK$1.2 billion spent; the Alibaba plan is approved with no amount.
func progressReport(t testing.TB) *analysis.Report {
	t.Helper()
	in := testInputs(t)
	in.Pledges[1].Years, in.Pledges[1].StartYear = 5, 2025
	ev := func(row int, id, date, stage, amount, basis string) analysis.Evidence {
		e := analysis.Evidence{Loc: analysis.At("inputs/pledgewatch.xlsx", "Progress", row, nil),
			PledgeID: id, Date: day(date), Stage: analysis.StageOf(stage), Basis: analysis.AmountBasisOf(basis), Source: "LegCo paper", Amount: analysis.Amount{Undisclosed: true}}
		if amount != "" {
			a, err := analysis.PledgeAmount(amount, "", "", "")
			if err != nil {
				t.Fatal(err)
			}
			e.Amount, e.AmountText = a, amount
		}
		return e
	}
	in.Progress = []analysis.Evidence{
		ev(2, "hk-itiof-2024", "2025-03-31", "disbursed", "HK$1 billion", "cumulative"),
		ev(3, "hk-itiof-2024", "2025-09-30", "disbursed", "HK$0.5 billion", "increment"),
		ev(4, "hk-itiof-2024", "2025-10-31", "spent", "more than HK$1.2 billion", "cumulative"),
		ev(5, "alibaba-ai-infra-2025", "2025-06-30", "approved", "", ""),
	}
	r, probs := analysis.Build(in, analysis.Options{Currency: "USD", AsOf: day("2025-11-30")})
	if probs.HasErrors() {
		t.Fatalf("build: %v", probs.Err())
	}
	return r
}

// TestProgressSheet checks the figures of the Progress sheet by hand and
// that the derived ones are formulas over the cells of their row.
func TestProgressSheet(t *testing.T) {
	f := open(t, writeBook(t, progressReport(t), testMeta(t)))
	rows, err := f.GetRows(sheetProgress, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(rows[progressHead-1], "|"); got != strings.Join(progressColumns.headers("USD"), "|") {
		t.Fatalf("header = %s", got)
	}
	col := func(name string) string {
		for i, h := range progressColumns.headers("USD") {
			if h == name {
				c, _ := excelize.ColumnNumberToName(i + 1)
				return c
			}
		}
		t.Fatalf("no column %s", name)
		return ""
	}
	for name, c := range map[string]string{"Pledged": colPrPledged, "Disbursed": colPrDisbursed, "Spent": colPrSpent,
		"Delivered": colPrDelivered, "Share delivered": colPrShare, "Period start": colPrStart, "Period end": colPrEnd, "Period elapsed": colPrElapsed} {
		if col(name) != c {
			t.Errorf("%s is column %s, formulas read %s", name, col(name), c)
		}
	}
	row := strconv.Itoa(findRow(t, f, sheetProgress, "A", "hk-itiof-2024"))
	num := func(name string) float64 { return rawFloat(t, f, sheetProgress, col(name)+row) }
	// HK$1.5 billion disbursed and more than HK$1.2 billion spent, of
	// HK$10 billion: 15% delivered. 2025-01-01 to 2030-01-01 is 1826
	// days, 333 of them gone at 2025-11-30.
	if v := num("Delivered"); !near(v, 1.5e9/7.8, 1e-3) {
		t.Errorf("delivered = %v", v)
	}
	if v := num("Share delivered"); !near(v, 0.15, 1e-12) {
		t.Errorf("share = %v", v)
	}
	if v := num("Period elapsed"); !near(v, 333.0/1826, 1e-12) {
		t.Errorf("elapsed = %v", v)
	}
	if v := num("Pace"); !near(v, 0.15*1826/333, 1e-9) {
		t.Errorf("pace = %v", v)
	}
	for name, want := range map[string]string{
		"Delivered":       "MAX(" + colPrDisbursed + row + "," + colPrSpent + row + ")",
		"Share delivered": colPrDelivered + row + "/" + colPrPledged + row,
		"Period elapsed":  "MAX(0,MIN(1,($B$2-" + colPrStart + row + ")/(" + colPrEnd + row + "-" + colPrStart + row + ")))",
		"Pace":            colPrShare + row + "/" + colPrElapsed + row,
	} {
		if got := formula(t, f, sheetProgress, col(name)+row); got != want {
			t.Errorf("%s formula = %q, want %q", name, got, want)
		}
	}
	if s := raw(t, f, sheetProgress, col("Status")+row); s != analysis.StatusOnPace.String() {
		t.Errorf("status = %q (pace 0.82)", s)
	}
	if s := raw(t, f, sheetProgress, col("Bounds of stage amounts")+row); s != "spent more than" {
		t.Errorf("bounds = %q", s)
	}
	// The Alibaba plan: approved, no amount, pace unknown; the evidence
	// table lists all four rows.
	arow := strconv.Itoa(findRow(t, f, sheetProgress, "A", "alibaba-ai-infra-2025"))
	if s := raw(t, f, sheetProgress, col("Status")+arow); s != analysis.StatusUnknown.String() {
		t.Errorf("alibaba status = %q", s)
	}
	evRows, err := f.GetRows(sheetEvidence)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, r := range evRows {
		if len(r) > evSource && r[evSource] == "LegCo paper" {
			n++
		}
	}
	if n != 4 {
		t.Errorf("%d evidence rows, want 4", n)
	}
}

// TestProgressRecalculates has LibreOffice recompute the Progress
// formulas and compares them with the cached values.
func TestProgressRecalculates(t *testing.T) {
	lo := libreOffice(t)
	t.Parallel()
	orig, recalc := open(t, lo.book("progress")), open(t, lo.converted(t, "progress", "xlsx"))
	rows, err := orig.GetRows(sheetProgress, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for r, row := range rows {
		for c := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if formula(t, orig, sheetProgress, cell) == "" || strings.HasPrefix(formula(t, orig, sheetProgress, cell), "HYPERLINK") {
				continue
			}
			checked++
			w, g := rawFloat(t, orig, sheetProgress, cell), rawFloat(t, recalc, sheetProgress, cell)
			if math.Abs(w-g) > 1e-9*math.Max(1, math.Abs(w)) {
				t.Errorf("%s = %s: cached %v, LibreOffice computes %v", cell, formula(t, orig, sheetProgress, cell), w, g)
			}
		}
	}
	if checked < 5 {
		t.Errorf("only %d formulas checked", checked)
	}
}

// TestProgressNothingListed writes a report whose one tracked pledge has
// no period and the inputs no evidence: nothing is listed pledge by
// pledge, and the line says what would be followed.
func TestProgressNothingListed(t *testing.T) {
	in := testInputs(t)
	in.Pledges = in.Pledges[1:2]
	r, probs := analysis.Build(in, analysis.Options{Currency: "USD", AsOf: day("2025-11-30")})
	if probs.HasErrors() {
		t.Fatal(probs.Err())
	}
	f := open(t, writeBook(t, r, testMeta(t)))
	if got := raw(t, f, sheetProgress, "A"+strconv.Itoa(progressFirst)); !strings.HasPrefix(got, "No evidence of delivery yet") ||
		!strings.Contains(got, "1 with a stated amount would be followed, 0 of them with a period") {
		t.Errorf("count line = %q", got)
	}
}
