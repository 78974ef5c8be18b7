package main

import (
	"math"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestScopeContractFile runs a workbook built on the contract of issue 19
// in another region, currency and groups: AI scope and shares, dates the
// source does not give, spellings of one member, group= by full name,
// like currency and an unlike comparison refused; its figures are worked
// out by hand.
func TestScopeContractFile(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	putRows(t, f, "Pledges", [][]any{
		{"ID", "Announced", "Investor", "Investor type", "Program", "Amount", "Region", "Source", "Source date", "AI scope", "AI share"},
		{"gic-ai", "2024-02-01", "GIC", "fund", "AI compute fund", "S$2 billion", "Singapore", "A", "2024-02-01", "dedicated", ""},
		{"rie", "2020-12-01", "Singapore Government", "government", "Research, Innovation and Enterprise plan", "S$25 billion", "Singapore", "B", "2020-12-01", "broader", ""},
		{"nais", "2023-12-04", "Singapore Government", "government", "National AI Strategy top-up", "S$1 billion", "Singapore", "C", "2023-12-04", "broader", "50%"},
		{"v1", "before 2024-06-01", "Temasek: Vertex", "fund", "AI fund", "US$300 million", "Singapore", "D", "2024-06-01", "", ""},
		{"v2", "unknown", "temasek:  VERTEX", "fund", "AI fund II", "US$200 million", "Singapore", "E", "2025-01-15", "", ""},
		{"v3", "2024-03-01", "Temasek: Vertex Ventures", "fund", "AI seed fund", "US$100 million", "Singapore", "F", "2024-03-01", "", ""},
		{"reit", "2024-05-01", "Temasek Holdings", "fund", "Data centre trust", "US$1 billion", "Singapore", "G", "2024-05-01", "not AI", ""},
	})
	putRows(t, f, "FX", [][]any{{"currency", "per_usd", "date"}, {"SGD", 1.35, "2020-01-01"}})
	putRows(t, f, "Entities", [][]any{
		{"Name", "Aliases", "Group", "Short name"},
		{"Temasek Holdings", "", "", "Temasek"},
		{"Temasek: Vertex", "Temasek: Vertex Ventures", "Temasek Holdings", ""},
	})
	putRows(t, f, "Metrics", [][]any{
		{"Entity", "Metric", "Period", "Value", "Unit", "Basis", "Source"},
		{"DBS", "revenue", "2024", "S$22.3 billion", "SGD", "actual", "H"},
		{"DBS", "revenue", "2024", "S$22.0 billion", "SGD", "estimate", "H"},
		{"DBS", "net profit growth", "2024", "+11%", "%", "actual", "H"},
		{"DBS", "fee income growth", "2024", "+20%", "%", "actual", "H"},
		{"Singapore", "year the national AI strategy was launched", "2019", "2019", "year", "actual", "I"},
	})
	putRows(t, f, "Comparisons", [][]any{
		{"ID", "Left", "How", "Right", "Label"},
		{"temasek-vs-gic", "total:group=Temasek Holdings", "ratio", "total:group=gic", "Temasek against GIC"},
		{"dbs-revenue", "metric:DBS|revenue|2024|actual", "growth", "metric:DBS|revenue|2024|estimate", "DBS revenue against the estimate"},
		{"dbs-growths", "metric:DBS|net profit growth|2024", "difference", "metric:DBS|fee income growth|2024", "DBS profit growth against fee growth"},
	})
	f.DeleteSheet("Sheet1")
	in := t.TempDir()
	if err := f.SaveAs(filepath.Join(in, "sg.xlsx")); err != nil {
		t.Fatal(err)
	}
	book, stderr := runBook(t, in, "2025-06")
	if strings.Contains(stderr, "error:") {
		t.Fatalf("errors: %s", stderr)
	}
	if !strings.Contains(stderr, "compares unlike figures") {
		t.Errorf("the growth against another growth is not refused: %s", stderr)
	}
	// Counted: GIC S$2bn / 1.35, half of the S$1bn strategy top-up / 1.35,
	// and Vertex's US$300M + 200M + 100M. RIE is broader with no share;
	// the trust is not AI.
	gic, nais, vertex := 2e9/1.35, 0.5e9/1.35, 600e6
	sum := sheetRows(t, book, "Summary")
	if v := parseFloat(t, find(t, sum, 0, "Total pledged")[2]); math.Abs(v-(gic+nais+vertex)) > 1e-3 {
		t.Errorf("total = %v, want %v", v, gic+nais+vertex)
	}
	if s := find(t, sum, 0, "Broader programmes")[1]; !strings.HasPrefix(s, "Not added to the AI totals, Singapore: SGD 25.0B (US$18.5B) in broader programmes that include AI (1: ") {
		t.Errorf("broader = %q", s)
	}
	if s := find(t, sum, 0, "What changed")[1]; !strings.Contains(s, "date not stated: 2 counted, in no year") {
		t.Errorf("what changed = %q", s)
	}
	cmp := sheetRows(t, book, "Comparisons")
	result := column(t, cmp, "Result")
	// 600M / 1,481.5M = 0.405; 22.3 / 22.0 - 1 = 1.36%, in SGD.
	if v := parseFloat(t, find(t, cmp, 0, "temasek-vs-gic")[result]); math.Abs(v-vertex/gic) > 1e-9 {
		t.Errorf("ratio = %v, want %v", v, vertex/gic)
	}
	rev := find(t, cmp, 0, "dbs-revenue")
	if v := parseFloat(t, rev[result]); math.Abs(v-(22.3/22.0-1)) > 1e-12 || !strings.Contains(rev[1], "SGD 22.3B (actual) against SGD 22.0B (estimate)") ||
		!strings.Contains(rev[1], "in USD at 1.35 SGD per USD") {
		t.Errorf("revenue = %v: %s", v, rev[1])
	}
	for _, r := range cmp {
		if len(r) > 0 && r[0] == "dbs-growths" {
			t.Errorf("unlike growths compared: %v", r)
		}
	}
	// One member for three spellings of Vertex, with US$600M.
	inv := sheetRows(t, book, "Investors")
	members := 0
	for _, r := range inv {
		if len(r) > 0 && strings.Contains(strings.ToLower(r[0]), "vertex") {
			members++
		}
	}
	if members != 1 {
		t.Errorf("Vertex listed %d times on Investors", members)
	}
	// A year shown as a year.
	found := false
	for _, r := range sheetRows(t, book, "Metrics") {
		for _, c := range r {
			found = found || c == "2019"
		}
	}
	if !found {
		t.Error("the year 2019 is not shown as 2019 on Metrics")
	}
}
