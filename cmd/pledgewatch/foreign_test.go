package main

import (
	"math"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestForeignFile runs a workbook built by someone else on the input
// contract: title rows above a header on row 3, columns in another order
// and other spellings, text amounts, EUR and GBP with their FX rows, and
// sheet names in other cases.
func TestForeignFile(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "PLEDGES")
	rows := [][]any{
		{"Deal tracker, exported by hand"},
		{},
		{"Source", "Amount", "Program", "Investor Type", "Investor", "Announced", "Currency", "Sectors", "Region", "ID"},
		{"FT", "about €2 billion", "EU-HK AI fund", "fund", "Euro Partners", "2025-03-10", "", "AI; robotics", "Hong Kong", "eu-1"},
		{"Times", "500", "London AI labs", "company", "UK Tech", "2025-04-01", "£", "", "Global", "uk-1"},
		{"SCMP", "more than HK$1.5 billion", "Cyberport AI fund", "government", "Cyberport", "2025-05-05", "", "start-ups", "Hong Kong", "cp-1"},
		{"Caixin", "20亿元", "Shenzhen AI fund", "government", "Shenzhen", "2025-06-06", "", "", "Mainland China", "sz-1"},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("PLEDGES", cell, &r)
	}
	f.NewSheet("fx")
	fx := [][]any{{"Per USD", "Currency", "Date"}, {0.92, "EUR", "2025-01-01"}, {0.79, "GBP", "2025-01-01"}, {7.8, "HKD", "2025-01-01"}, {7.2, "CNY", "2025-01-01"}}
	for i, r := range fx {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("fx", cell, &r)
	}
	f.SetCellValue("PLEDGES", "B5", "500 million")
	in := t.TempDir()
	if err := f.SaveAs(filepath.Join(in, "deals.xlsx")); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	code, stdout, stderr := runCmd(t, "run", "--inputs", in, "--out", out, "--month", "2025-11")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	book, err := excelize.OpenFile(strings.TrimSpace(stdout))
	if err != nil {
		t.Fatal(err)
	}
	defer book.Close()
	got, _ := book.GetRows("Pledges")
	header := got[0]
	col := func(name string) int {
		for i, h := range header {
			if strings.HasPrefix(h, name) {
				return i
			}
		}
		t.Fatalf("no column %q in %v", name, header)
		return -1
	}
	want := map[string]float64{
		"Euro Partners": 2e9 / 0.92,
		"UK Tech":       500e6 / 0.79,
		"Cyberport":     1.5e9 / 7.8,
		"Shenzhen":      2e9 / 7.2,
	}
	inv, val := col("Investor"), col("Value")
	seen := 0
	for i, r := range got {
		w, ok := want[r[inv]]
		if i == 0 || !ok {
			continue
		}
		seen++
		cell, _ := excelize.CoordinatesToCellName(val+1, i+1)
		raw, _ := book.GetCellValue("Pledges", cell, excelize.Options{RawCellValue: true})
		if v := parseFloat(t, raw); math.Abs(v-w) > 1 {
			t.Errorf("%s: value %v, want %v", r[inv], v, w)
		}
	}
	if seen != 4 {
		t.Errorf("found %d of 4 pledges", seen)
	}
	if strings.Contains(stderr, "error:") {
		t.Errorf("errors on stderr: %s", stderr)
	}
}
