package main

import (
	"math"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// sheetRows reads a sheet of a written workbook, values as stored.
func sheetRows(t *testing.T, book *excelize.File, sheet string) [][]string {
	t.Helper()
	rows, err := book.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// find returns the first row whose column col holds want.
func find(t *testing.T, rows [][]string, col int, want string) []string {
	t.Helper()
	for _, r := range rows {
		if len(r) > col && r[col] == want {
			return r
		}
	}
	t.Fatalf("no row with %q in column %d", want, col)
	return nil
}

// column returns the index of the column headed name in the first row
// of rows that holds it.
func column(t *testing.T, rows [][]string, name string) int {
	t.Helper()
	for _, r := range rows {
		for i, c := range r {
			if c == name {
				return i
			}
		}
	}
	t.Fatalf("no column %q", name)
	return -1
}

func runBook(t *testing.T, in, month string) (*excelize.File, string) {
	t.Helper()
	code, stdout, stderr := runCmd(t, "run", "--inputs", in, "--out", t.TempDir(), "--month", month)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	book, err := excelize.OpenFile(strings.TrimSpace(stdout))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { book.Close() })
	return book, stderr
}

// TestShippedHeadlines holds the Summary of the shipped inputs to the
// seed articles: the US$5.3 bn restatement is not added, the per-start-up
// amount and the signals are out of the counts, Alibaba is one group, and
// each comparison gives the number a reader works out by hand.
func TestShippedHeadlines(t *testing.T) {
	book, stderr := runBook(t, shippedInputs(t), "2025-10")
	if !strings.Contains(stderr, "restates alibaba-ai-infra-2025") {
		t.Errorf("the restatement's differing amount is not reported: %s", stderr)
	}
	sum := sheetRows(t, book, "Summary")
	total := find(t, sum, 0, "Total pledged")
	// Counted with an amount: 380 bn yuan at 7.1698, US$150 M, and the
	// HK$3 bn AI Subsidy Scheme at 7.80; nine more state none. RAISe+ and
	// the I&T fund (HK$10 bn each) are broader programmes, not added.
	want := 380e9/7.1698 + 150e6 + 3e9/7.8
	if v := parseFloat(t, total[2]); math.Abs(v-want) > 1 {
		t.Errorf("total = %v, want %v", v, want)
	}
	// A company's capex plan and a government scheme are not summed per
	// year.
	if !strings.HasPrefix(total[1], "3 pledges with a stated amount total at least US$53.5B; 9 more state none.") ||
		strings.Contains(total[1], "a year") {
		t.Errorf("total sentence = %q", total[1])
	}
	if s := find(t, sum, 0, "Not added")[1]; !strings.Contains(s, "1 restatement") || !strings.Contains(s, "HK$100,000 (US$12.8K) per start-up") ||
		!strings.Contains(s, "4 signals without money") {
		t.Errorf("not-added sentence = %q", s)
	}
	if s := find(t, sum, 0, "Largest investor group")[1]; !strings.HasPrefix(s, "Alibaba (5 entities: ") || !strings.Contains(s, "99.3% of the summed total") {
		t.Errorf("group sentence = %q", s)
	}
	trend := find(t, sum, 0, "Trend")[1]
	if strings.Contains(trend, "rose") || !strings.Contains(trend, "budgeted at less than US$13.0B for 2023, expected to reach US$32.0B in 2025") {
		t.Errorf("trend sentence = %q", trend)
	}

	// Hong Kong's public AI schemes against private money, a headline of
	// the Summary (no comparison row): the HK$3 bn AI Subsidy Scheme at
	// 7.80.
	if v := parseFloat(t, find(t, sum, 0, "Hong Kong: public vs private")[2]); math.Abs(v-3e9/7.8) > 1 {
		t.Errorf("Hong Kong public schemes = %v, want %v", v, 3e9/7.8)
	}

	// Comparisons: only those the articles make, each result checked by
	// hand.
	cmp := sheetRows(t, book, "Comparisons")
	byHand := map[string]float64{
		"alibaba-plan-vs-decade":            10.0 / 3,
		"alibaba-revenue-vs-estimate":       2801.5/2773.7 - 1,
		"hkstp-ai-companies-a-year-earlier": 100,
	}
	for id, w := range byHand {
		r := find(t, cmp, 0, id)
		if v := parseFloat(t, r[column(t, cmp, "Result")]); math.Abs(v-w) > 1e-9*math.Abs(w) {
			t.Errorf("%s = %v, want %v", id, v, w)
		}
	}
	id, result := column(t, cmp, "ID"), column(t, cmp, "Result")
	rows := 0
	for _, r := range cmp {
		if len(r) > result && r[id] != "" && r[id] != "ID" {
			rows++
		}
	}
	if rows != len(byHand) {
		t.Errorf("%d comparison rows, want the %d the articles make", rows, len(byHand))
	}

	// Pledges: the restatement and the signals are listed, not counted.
	pl := sheetRows(t, book, "Pledges")
	counted, excluded := column(t, pl, "Counted"), column(t, pl, "Excluded")
	for id, why := range map[string]string{
		"alibaba-ai-increase-2025-09":        "restates alibaba-ai-infra-2025",
		"hkstp-ideation-2024":                "per recipient",
		"zhang-yiming-hk-type9-licence-2024": "not money",
		"hkic-smartmore-2024":                "not money",
		"huawei-ai-chip-plan-2025":           "not money",
		"hk-raise-plus":                      "broader programme",
		"hk-itiof-2024":                      "broader programme",
	} {
		if r := find(t, pl, 0, id); r[counted] != "no" || r[excluded] != why {
			t.Errorf("%s: counted %q, excluded %q; want no, %q", id, r[counted], r[excluded], why)
		}
	}
	// The by-year table marks the years built on stand-in dates.
	inv := sheetRows(t, book, "Investors")
	found := false
	for _, r := range inv {
		found = found || len(r) > 0 && strings.HasPrefix(r[0], "~2024 (") && strings.Contains(r[0], "dates approximate")
	}
	if !found {
		t.Errorf("no approximate 2024 on Investors")
	}
}

// TestNewContractFile runs a workbook built by someone else on the input
// contract's groups, relations, amounts per recipient, signals and
// comparisons, and checks its figures against hand arithmetic.
func TestNewContractFile(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	putRows(t, f, "Pledges", [][]any{
		{"ID", "Announced", "Investor", "Investor type", "Program", "Amount", "Region", "Source", "Kind", "Per", "Relation", "Related to", "Date basis"},
		{"t-fund", "2025-01-10", "Tencent Holdings", "company", "AI fund", "US$1 billion", "Mainland China", "A", "fund", "", "", "", ""},
		{"t-fund-2", "2025-03-01", "Tencent Cloud", "company", "AI fund, second close", "US$0.5 billion", "Mainland China", "B", "fund", "", "top-up", "t-fund", ""},
		{"t-fund-re", "2025-03-02", "Tencent", "company", "AI fund as reported", "about US$1 billion", "Mainland China", "C", "fund", "", "restates", "t-fund", "report date"},
		{"t-part", "2025-03-03", "Tencent", "company", "AI fund: robotics sleeve", "US$200 million", "Mainland China", "D", "fund", "", "part of", "t-fund", ""},
		{"sz-grant", "2025-02-01", "Shenzhen", "government", "Start-up grant", "500000", "Mainland China", "E", "scheme", "start-up", "", "", ""},
		{"sz-old", "2024-01-01", "Shenzhen", "government", "AI fund", "10亿元", "Mainland China", "F", "fund", "", "", "", ""},
		{"sz-new", "2025-02-02", "Shenzhen", "government", "AI fund, enlarged", "20亿元", "Mainland China", "G", "fund", "", "replaces", "sz-old", ""},
		{"mou", "2025-02-03", "Tencent", "company", "MoU with a university", "undisclosed", "Hong Kong", "H", "partnership", "", "", "", ""},
	})
	f.SetCellValue("Pledges", "F6", 500000)
	f.SetCellValue("Pledges", "G6", "Mainland China")
	putRows(t, f, "FX", [][]any{{"currency", "per_usd", "date"}, {"CNY", 7.2, "2024-01-01"}})
	putRows(t, f, "Entities", [][]any{
		{"Name", "Aliases", "Group", "Short name"},
		{"Tencent Holdings", "Tencent; 腾讯", "", "Tencent"},
		{"Tencent Cloud", "", "Tencent Holdings", ""},
	})
	putRows(t, f, "Comparisons", [][]any{
		{"ID", "Left", "How", "Right", "Label"},
		{"tencent-vs-shenzhen", "total:group=Tencent", "ratio", "total:investor=Shenzhen", "Tencent against Shenzhen"},
		{"tencent-share", "total:group=Tencent", "share", "total", "Tencent's share"},
	})
	// The grant's currency: CNY in a column of its own.
	f.SetCellValue("Pledges", "N1", "Currency")
	f.SetCellValue("Pledges", "N6", "CNY")
	f.DeleteSheet("Sheet1")
	in := t.TempDir()
	if err := f.SaveAs(filepath.Join(in, "tracker.xlsx")); err != nil {
		t.Fatal(err)
	}
	book, stderr := runBook(t, in, "2025-06")
	if strings.Contains(stderr, "error:") {
		t.Fatalf("errors: %s", stderr)
	}
	// Counted: t-fund 1.0 bn + t-fund-2 0.5 bn (Tencent, 1.5 bn) and
	// sz-new 2 bn yuan / 7.2 (Shenzhen); the restatement, the part, the
	// replaced fund, the grant per start-up and the MoU are not.
	tencent, shenzhen := 1.5e9, 2e9/7.2
	sum := sheetRows(t, book, "Summary")
	if v := parseFloat(t, find(t, sum, 0, "Total pledged")[2]); math.Abs(v-(tencent+shenzhen)) > 1e-3 {
		t.Errorf("total = %v, want %v", v, tencent+shenzhen)
	}
	if s := find(t, sum, 0, "Largest investor group")[1]; !strings.HasPrefix(s, "Tencent (2 entities: Tencent Holdings, Tencent Cloud) pledged the most of the 2 investor groups with a stated amount: US$1.5B in 2 pledges") {
		t.Errorf("group sentence = %q", s)
	}
	cmp := sheetRows(t, book, "Comparisons")
	result := column(t, cmp, "Result")
	if v := parseFloat(t, find(t, cmp, 0, "tencent-vs-shenzhen")[result]); math.Abs(v-tencent/shenzhen) > 1e-9 {
		t.Errorf("ratio = %v, want %v", v, tencent/shenzhen)
	}
	if v := parseFloat(t, find(t, cmp, 0, "tencent-share")[result]); math.Abs(v-tencent/(tencent+shenzhen)) > 1e-12 {
		t.Errorf("share = %v, want %v", v, tencent/(tencent+shenzhen))
	}
	pl := sheetRows(t, book, "Pledges")
	excluded := column(t, pl, "Excluded")
	for id, why := range map[string]string{"t-fund-re": "restates t-fund", "t-part": "part of t-fund", "sz-old": "replaced by sz-new",
		"sz-grant": "per recipient", "mou": "not money"} {
		if r := find(t, pl, 0, id); r[excluded] != why {
			t.Errorf("%s excluded %q, want %q", id, r[excluded], why)
		}
	}
}

// putRows writes rows on sheet of f from A1, making the sheet first.
func putRows(t *testing.T, f *excelize.File, sheet string, rows [][]any) {
	t.Helper()
	if _, err := f.NewSheet(sheet); err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sheet, cell, &r); err != nil {
			t.Fatal(err)
		}
	}
}
