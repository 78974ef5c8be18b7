package main

import (
	"math"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestDeliveryTwoMonths runs a file with a Progress sheet for April and
// for June: the June cut-off shows evidence April hid, the Progress sheet
// holds the figures worked out by hand, the Summary words them with
// their bounds, and Changes lists the stage that moved.
func TestDeliveryTwoMonths(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	putRows(t, f, "Pledges", [][]any{
		{"id", "announced", "investor", "program", "amount", "years", "start_year", "source", "kind"},
		{"hk-fund", "2023-12-01", "Hong Kong SAR Government", "AI fund", "HK$7.8 billion", 4, 2024, "A", "fund"},
		{"cn-fund", "2024-03-01", "Shenzhen", "AI guidance fund", "at least 7.2 billion yuan", 2, nil, "B", "fund"},
		{"us-plan", "2025-01-15", "Example Corp", "AI capex plan", "US$1 billion", nil, nil, "C", "capex"},
	})
	putRows(t, f, "FX", [][]any{{"currency", "per_usd", "date"}, {"HKD", 7.8, "2020-01-01"}, {"CNY", 7.2, "2020-01-01"}})
	putRows(t, f, "Progress", [][]any{
		{"pledge_id", "date", "stage", "amount", "amount_basis", "currency", "qualifier", "source"},
		{"hk-fund", "2024-06-30", "committed", nil, nil, nil, nil, "Gazette"},
		{"hk-fund", "2025-05-15", "disbursed", 1.56, "cumulative", "HKD", nil, "LegCo paper"},
		{"cn-fund", "2024-12-31", "spent", 1.44, "increment", "CNY", "more than", "Annual report"},
		{"cn-fund", "2025-06-10", "spent", 0.72, "increment", "CNY", nil, "Audit"},
		{"us-plan", "2025-02-01", "approved", "US$500 million", "cumulative", nil, nil, "Filing"},
	})
	// Amounts of 1.56 and so on are in billions: a unit column.
	f.SetCellValue("Progress", "I1", "unit")
	for _, c := range []string{"I3", "I4", "I5"} {
		f.SetCellValue("Progress", c, "billion")
	}
	f.DeleteSheet("Sheet1")
	in, out := t.TempDir(), t.TempDir()
	if err := f.SaveAs(filepath.Join(in, "tracker.xlsx")); err != nil {
		t.Fatal(err)
	}
	run := func(month string) *excelize.File {
		code, stdout, stderr := runCmd(t, "run", "--inputs", in, "--out", out, "--month", month)
		if code != exitOK || strings.Contains(stderr, "error:") {
			t.Fatalf("%s: exit %d: %s", month, code, stderr)
		}
		book, err := excelize.OpenFile(strings.TrimSpace(stdout))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { book.Close() })
		return book
	}
	april := run("2025-04")
	pa := sheetRows(t, april, "Progress")
	if s := find(t, pa, 0, "hk-fund")[column(t, pa, "Stage")]; s != "committed" {
		t.Errorf("April: hk-fund stage %q, want committed (the disbursement is dated after the cut-off)", s)
	}
	june := run("2025-06")
	pj := sheetRows(t, june, "Progress")
	hk := find(t, pj, 0, "hk-fund")
	// HK$1.56 bn of HK$7.8 bn is 20%; 2024-01-01 to 2028-01-01 is 1461
	// days, 546 of them gone at 2025-06-30: a pace of 0.535, behind.
	num := func(row []string, name string) float64 { return parseFloat(t, row[column(t, pj, name)]) }
	for name, want := range map[string]float64{"Delivered": 0.2e9, "Share delivered": 0.2, "Period elapsed": 546.0 / 1461, "Pace": 0.2 * 1461 / 546} {
		if v := num(hk, name); math.Abs(v-want) > 1e-9*math.Max(1, want) {
			t.Errorf("hk-fund %s = %v, want %v", name, v, want)
		}
	}
	if s := hk[column(t, pj, "Status")]; s != "behind" {
		t.Errorf("hk-fund status %q, want behind", s)
	}
	// More than 1.44 + 0.72 bn yuan spent (US$300M) of at least 7.2 bn:
	// the bounds leave the pace open.
	cn := find(t, pj, 0, "cn-fund")
	if v := num(cn, "Delivered"); math.Abs(v-0.3e9) > 1e-3 || cn[column(t, pj, "Delivered qualifier")] != "more than" || cn[column(t, pj, "Status")] != "pace unknown" {
		t.Errorf("cn-fund: delivered %v %s, status %s", v, cn[column(t, pj, "Delivered qualifier")], cn[column(t, pj, "Status")])
	}
	if s := find(t, pj, 0, "us-plan")[column(t, pj, "Why")]; !strings.HasPrefix(s, "no period") {
		t.Errorf("us-plan: why %q", s)
	}
	// Delivered in all: US$200M and more than US$300M, of US$1 bn and
	// at least US$1 bn.
	sum := sheetRows(t, june, "Summary")
	want := "Of at least US$2.0B pledged with a stated amount and a period (2 pledges), more than US$500.0M (25.0% of the stated amounts) has evidence of being disbursed or spent; " +
		"0 pledges past their end date have less than half delivered on the evidence; for 0 the inputs hold no evidence dated in the last 12 months."
	if s := find(t, sum, 0, "Delivery")[1]; s != want {
		t.Errorf("Summary:\n%s\nwant:\n%s", s, want)
	}
	ch := sheetRows(t, june, "Changes")
	field, prev, now := column(t, ch, "Field"), column(t, ch, "Previous"), column(t, ch, "Now")
	var moves []string
	for _, r := range ch {
		if len(r) > now && r[field] == "stage" {
			moves = append(moves, strings.Join(r[:field], " ")+": "+r[prev]+" -> "+r[now])
		}
	}
	if len(moves) != 1 || !strings.Contains(moves[0], "id:hk-fund") || !strings.HasSuffix(moves[0], ": committed -> disbursed") {
		t.Errorf("stage moves = %q", moves)
	}
	// History: at least US$3 bn pledged both months; delivered more than
	// US$200M in April (the yuan spent by 2024-12-31), more than US$500M
	// in June (with the HK$1.56 bn disbursed and 0.72 bn yuan more).
	hist := sheetRows(t, june, "History")
	for month, want := range map[string][4]string{
		"2025-04": {"3000000000", "at least", "200000000", "more than"},
		"2025-06": {"3000000000", "at least", "500000000", "more than"},
	} {
		row := find(t, hist, 0, month)
		got := [4]string{row[column(t, hist, "Total pledged")], row[column(t, hist, "Qualifier")],
			row[column(t, hist, "Total delivered")], row[column(t, hist, "Delivered qualifier")]}
		for k := range got {
			if k%2 == 0 {
				if math.Abs(parseFloat(t, got[k])-parseFloat(t, want[k])) > 1e-3 {
					t.Errorf("History %s: %v, want %v", month, got, want)
				}
			} else if got[k] != want[k] {
				t.Errorf("History %s: %v, want %v", month, got, want)
			}
		}
	}
}
