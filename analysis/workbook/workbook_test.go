package workbook

import (
	"archive/zip"
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/png"
	"io"
	"math"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"pledgewatch/analysis"
	"pledgewatch/analysis/lang"
)

func day(s string) time.Time {
	t, err := time.Parse(analysis.DateLayout, s)
	if err != nil {
		panic(err)
	}
	return t
}

var pledgeCols = analysis.Columns{"id": 1, "announced": 2, "investor": 3, "program": 5, "amount": 6, "currency": 7, "source": 15, "url": 16}

func pledge(t testing.TB, row int, id, announced, investor, typ, program, amount, currency, unit, qualifier string, years float64, sectors, region, status, source, url, note string) analysis.Pledge {
	t.Helper()
	a, err := analysis.PledgeAmount(amount, currency, unit, qualifier)
	if err != nil {
		t.Fatalf("pledge %s: amount %q: %v", id, amount, err)
	}
	it, err := analysis.ParseInvestorType(typ)
	if err != nil {
		t.Fatalf("pledge %s: %v", id, err)
	}
	st, err := analysis.ParsePledgeStatus(status)
	if err != nil {
		t.Fatalf("pledge %s: %v", id, err)
	}
	return analysis.Pledge{
		Loc:          analysis.At("inputs/pledgewatch.xlsx", "Pledges", row, pledgeCols),
		ID:           id,
		Announced:    day(announced),
		Investor:     investor,
		InvestorType: it,
		Program:      program,
		AmountText:   strings.TrimSpace(strings.Join([]string{qualifier, amount, currency, unit}, " ")),
		Amount:       a,
		Years:        years,
		Sectors:      analysis.SplitSectors(sectors),
		Region:       region,
		Status:       st,
		Source:       source,
		URL:          url,
		SourceDate:   day(announced),
		Note:         note,
	}
}

func metric(t testing.TB, row int, entity, name, period, value, unit, basis, qualifier, source string) analysis.Metric {
	t.Helper()
	a, u, money, err := analysis.MetricValue(value, unit, qualifier)
	if err != nil {
		t.Fatalf("metric %s %s: %v", name, period, err)
	}
	p, err := analysis.ParsePeriod(period)
	if err != nil {
		t.Fatal(err)
	}
	return analysis.Metric{
		Loc:    analysis.At("inputs/pledgewatch.xlsx", "Metrics", row, nil),
		Entity: entity, Metric: name, Period: p, ValueText: value, Value: a.Value, Unit: u, Money: money,
		Qualifier: a.Qualifier, Change: a.Signed, Basis: basis, Source: source, SourceDate: day("2025-09-25"),
	}
}

const big4 = "Alibaba, Tencent, Baidu and JD.com"

// testInputs is a small dataset in the shape of the default one: the
// Big-4 capex series, pledges in CNY, HKD and USD, one undisclosed, one
// multi-sector, and cells that look like formulas.
func testInputs(t testing.TB) analysis.Inputs {
	return analysis.Inputs{
		Files: []analysis.InputFile{{Path: "inputs/pledgewatch.xlsx", SHA256: strings.Repeat("ab", 32),
			Tables: []analysis.TableInfo{{Sheet: "Pledges", Table: "pledges", Rows: 5}, {Sheet: "Metrics", Table: "metrics", Rows: 3}, {Sheet: "FX", Table: "fx", Rows: 2}}}},
		Rates: []analysis.Rate{
			{Loc: analysis.At("inputs/pledgewatch.xlsx", "FX", 2, nil), Currency: "CNY", PerUSD: 7.1698, Date: day("2025-02-24"), Source: "implied by CNA 2025-02-24", Note: "380 / 53"},
			{Loc: analysis.At("inputs/pledgewatch.xlsx", "FX", 3, nil), Currency: "HKD", PerUSD: 7.8, Date: day("1983-10-17"), Source: "Linked Exchange Rate System (HKMA)"},
		},
		Pledges: []analysis.Pledge{
			pledge(t, 4, "alibaba-ai-infra-2025", "2025-02-24", "Alibaba Group", "company", "Cloud computing and AI hardware infrastructure, next three years",
				"380", "CNY", "billion", "at least", 3, "cloud computing; AI infrastructure", "Mainland China", "announced",
				"CNA; The Paper (澎湃新闻)", "https://www.cna.com.tw/news/afe/202502240107.aspx", "Recorded once."),
			pledge(t, 5, "hk-itiof-2024", "2024-10-16", "Hong Kong SAR Government", "government", "I&T Industry-Oriented Fund",
				"10", "HKD", "billion", "", 0, "innovation and technology", "Hong Kong", "announced",
				"Star Daily (cls.cn)", "javascript:alert(1)", "=1+1"),
			pledge(t, 6, "aef-hk-ai-fund-2024", "2024-12-20", "Alibaba Entrepreneurs Fund", "fund", "AI fund for Hong Kong entrepreneurs",
				"1.5亿美元", "", "", "", 0, "financial services; healthcare; arts and entertainment", "Hong Kong", "committed",
				"Star Daily (cls.cn)", "https://www.cls.cn/detail/1880000", "+ funding and strategy support"),
			pledge(t, 7, "huawei-ai-chip-plan-2025", "2025-09-25", "Huawei", "company", "@Three-year AI chip plan",
				"undisclosed", "", "", "", 3, "AI chips; data centres", "Mainland China", "announced",
				"ABMedia", "", "-reported second-hand"),
			pledge(t, 8, "tencent-capex-2025", "2025-03-19", "Tencent", "company", "AI capital expenditure 2025",
				"US$11.7 billion", "", "", "about", 1, "", "Mainland China", "announced",
				"Reuters", "mailto:desk@example.com", ""),
		},
		Metrics: []analysis.Metric{
			metric(t, 2, big4, "AI capital expenditure (combined)", "2023", "less than US$13 billion", "USD", "budget", "", "ABMedia"),
			metric(t, 3, big4, "AI capital expenditure (combined)", "2025", "US$32 billion", "USD", "forecast", "", "ABMedia"),
			metric(t, 4, "Alibaba Group", "revenue growth (YoY)", "FY2025Q3", "+8%", "%", "actual", "", "CNA"),
		},
	}
}

func testReport(t testing.TB) *analysis.Report {
	t.Helper()
	r, probs := analysis.Build(testInputs(t), analysis.Options{Currency: "USD", AsOf: day("2025-11-30")})
	if probs.HasErrors() {
		t.Fatalf("build: %v", probs.Err())
	}
	return r
}

// sharedPNG is the picture of testMeta, encoded once: tests only read it.
var sharedPNG = sync.OnceValues(func() ([]byte, error) {
	img := image.NewRGBA(image.Rect(0, 0, 1200, 700))
	for x := 100; x < 1100; x++ {
		for y := 600 - x/3; y < 650; y++ {
			img.Set(x, y, color.RGBA{0x2f, 0x55, 0x97, 0xff})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
})

func testPNG(t testing.TB) []byte {
	b, err := sharedPNG()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func testMeta(t testing.TB) Meta {
	return Meta{Version: "0.1.0", Month: "2025-11", Created: day("2025-11-30"), Inputs: "inputs",
		Pictures: func() ([]Picture, error) {
			return []Picture{{Name: "sectors", Title: "Fund size by sector (picture)", PNG: testPNG(t)}}, nil
		}}
}

func writeBook(t testing.TB, r *analysis.Report, m Meta) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, r, m); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// sharedBook is a report written with testMeta once for the whole
// package, for the tests that only read it: they must change neither
// the report nor the bytes.
type sharedBook struct {
	once      sync.Once
	built     bool
	cur, prev *analysis.Report
	data      []byte
}

// get builds the book the first time, in the test that asks first; when
// that fails, every later test fails too, pointing at the first.
func (b *sharedBook) get(t testing.TB, build func(testing.TB) (cur, prev *analysis.Report)) (cur, prev *analysis.Report, data []byte) {
	t.Helper()
	b.once.Do(func() {
		b.cur, b.prev = build(t)
		b.data = writeBook(t, b.cur, testMeta(t))
		b.built = true
	})
	if !b.built {
		t.Fatal("the shared test book could not be built (see the first test that asked for it)")
	}
	return b.cur, b.prev, b.data
}

var testShared, changedShared sharedBook

// testBook returns testReport and its book, shared: read only.
func testBook(t testing.TB) (*analysis.Report, []byte) {
	t.Helper()
	r, _, data := testShared.get(t, func(t testing.TB) (*analysis.Report, *analysis.Report) { return testReport(t), nil })
	return r, data
}

// changedBook returns changedReport and the book of its current report,
// shared: read only.
func changedBook(t testing.TB) (cur, prev *analysis.Report, data []byte) {
	t.Helper()
	return changedShared.get(t, changedReport)
}

func open(t testing.TB, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func raw(t testing.TB, f *excelize.File, sheet, cell string) string {
	t.Helper()
	v, err := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func rawFloat(t testing.TB, f *excelize.File, sheet, cell string) float64 {
	t.Helper()
	s := raw(t, f, sheet, cell)
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("%s!%s = %q, want a number", sheet, cell, s)
	}
	return v
}

func formula(t testing.TB, f *excelize.File, sheet, cell string) string {
	t.Helper()
	v, err := f.GetCellFormula(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// findRow returns the first row whose cell in col equals want.
func findRow(t testing.TB, f *excelize.File, sheet, col, want string) int {
	t.Helper()
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	c, _ := excelize.ColumnNameToNumber(col)
	for i, r := range rows {
		if len(r) >= c && r[c-1] == want {
			return i + 1
		}
	}
	t.Fatalf("%s: no row with %s = %q", sheet, col, want)
	return 0
}

// numFmt returns the custom number format of a cell.
func numFmt(t testing.TB, f *excelize.File, sheet, cell string) string {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil || st.CustomNumFmt == nil {
		t.Fatalf("%s!%s has no custom number format (%v)", sheet, cell, err)
	}
	return *st.CustomNumFmt
}

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

func TestSheetOrder(t *testing.T) {
	_, data := testBook(t)
	f := open(t, data)
	got := f.GetSheetList()
	if strings.Join(got, ",") != strings.Join(sheetNames, ",") {
		t.Fatalf("sheets = %v, want %v", got, sheetNames)
	}
	if f.GetActiveSheetIndex() != 0 {
		t.Errorf("active sheet = %d, want 0 (Summary)", f.GetActiveSheetIndex())
	}
	props, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if props.Creator != "pledgewatch" || props.Created != "2025-11-30T00:00:00Z" || props.Modified != props.Created ||
		props.Title != "AI investment pledges — report for 2025-11" {
		t.Errorf("doc props = %+v", props)
	}
}

func TestTrendFormulas(t *testing.T) {
	_, data := testBook(t)
	f := open(t, data)
	row := strconv.Itoa(findRow(t, f, sheetTrends, "B", "AI capital expenditure (combined)"))
	tests := []struct {
		col, formula string
		want, tol    float64
	}{
		{"L", "I" + row + "-F" + row, 19e9, 1},
		{"N", "I" + row + "/F" + row, 32.0 / 13, 1e-12},
		{"P", "(I" + row + "/F" + row + ")^(1/K" + row + ")-1", math.Sqrt(32.0/13) - 1, 1e-12},
	}
	for _, tc := range tests {
		cell := tc.col + row
		if got := formula(t, f, sheetTrends, cell); got != tc.formula {
			t.Errorf("Trends!%s formula = %q, want %q", cell, got, tc.formula)
		}
		if got := rawFloat(t, f, sheetTrends, cell); !near(got, tc.want, tc.tol) {
			t.Errorf("Trends!%s cached = %v, want %v", cell, got, tc.want)
		}
	}
	if got := rawFloat(t, f, sheetTrends, "N"+row); !near(got, 2.4615, 1e-4) {
		t.Errorf("multiple = %v, want ~2.4615", got)
	}
	if got := rawFloat(t, f, sheetTrends, "P"+row); !near(got, 0.569, 1e-3) {
		t.Errorf("CAGR = %v, want ~0.569", got)
	}
	if got := raw(t, f, sheetTrends, "O"+row); got != "more than" {
		t.Errorf("multiple qualifier = %q, want more than", got)
	}
	// The multiple's format keeps the lower bound true: 2.4615 shows 2.46x.
	if got, _ := f.GetCellValue(sheetTrends, "N"+row); got != "2.46x" {
		t.Errorf("multiple shows %q, want 2.46x", got)
	}
}

func TestSummary(t *testing.T) {
	r, data := testBook(t)
	f := open(t, data)
	if got := raw(t, f, sheetSummary, "A1"); got != "AI investment pledges — report for 2025-11" {
		t.Errorf("title = %q", got)
	}
	row := strconv.Itoa(findRow(t, f, sheetSummary, "A", "Trend"))
	if got := raw(t, f, sheetSummary, "B"+row); !strings.Contains(got, "more than 2.46x") {
		t.Errorf("capex sentence = %q, want it to say more than 2.46x", got)
	}
	// Figures read their cells by key, never at a fixed cell inside a
	// table; only a total row below its table is read by position.
	if got := formula(t, f, sheetSummary, "C"+row); !strings.HasPrefix(got, "SUMIFS(Trends!") || !strings.Contains(got, `"=AI capital expenditure (combined)"`) {
		t.Errorf("figure formula = %q, want the multiple found by entity and metric", got)
	}
	if got := rawFloat(t, f, sheetSummary, "C"+row); !near(got, 32.0/13, 1e-12) {
		t.Errorf("figure cached = %v", got)
	}
	fixed := regexp.MustCompile(`^(\w+)!\$([A-Z]+)\$(\d+)$`)
	totalRow := strconv.Itoa(findRow(t, f, sheetInvestors, "A", "All counted pledges"))
	refs := 0
	for i := range r.Headlines {
		cell := "C" + strconv.Itoa(summaryHeaderRow+1+i)
		fm := formula(t, f, sheetSummary, cell)
		if fm == "" {
			continue
		}
		refs++
		if m := fixed.FindStringSubmatch(fm); m != nil && fm != "Investors!$D$"+totalRow {
			t.Errorf("Summary!%s reads a fixed cell inside a table: %s", cell, fm)
		}
		if !same(rawFloat(t, f, sheetSummary, cell), r.Headlines[i].Value) {
			t.Errorf("Summary!%s = %v, headline says %v", cell, rawFloat(t, f, sheetSummary, cell), r.Headlines[i].Value)
		}
	}
	if refs < 5 {
		t.Errorf("only %d figures are formulas, want the trend, the total, the largest pledge, investor and sector", refs)
	}
	money := strconv.Itoa(findRow(t, f, sheetSummary, "A", "Total pledged"))
	if got, want := numFmt(t, f, sheetSummary, "C"+money), `"US$ "#,##0.0,,,"B";-"US$ "#,##0.0,,,"B"`; got != want {
		t.Errorf("total format %s, want %s", got, want)
	}
}

func TestPledges(t *testing.T) {
	r, data := testBook(t)
	f := open(t, data)
	tables, err := f.GetTables(sheetPledges)
	if err != nil || len(tables) != 1 || tables[0].Range != "A1:"+analysis.ColumnLetters(len(pledgesHeader(r.Currency)))+strconv.Itoa(len(r.Pledges)+1) {
		t.Fatalf("pledge tables = %+v, %v", tables, err)
	}
	panes, err := f.GetPanes(sheetPledges)
	if err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("panes = %+v, %v; want the header row frozen", panes, err)
	}
	hdr, _ := f.GetRows(sheetPledges)
	// The money columns name their one unit in the header.
	want := pledgesHeader("USD")
	want[pValue], want[pPerYear] = "Value (US$ bn)", "Per year (US$ bn)"
	if strings.Join(hdr[0], "|") != strings.Join(want, "|") {
		t.Errorf("header = %q, want %q", hdr[0], want)
	}

	ali := strconv.Itoa(findRow(t, f, sheetPledges, "A", "alibaba-ai-infra-2025"))
	if got := formula(t, f, sheetPledges, pletter("sources")+ali); got != `HYPERLINK("https://www.cna.com.tw/news/afe/202502240107.aspx","CNA; The Paper (澎湃新闻)")` {
		t.Errorf("https source = %q, want a HYPERLINK formula", got)
	}
	if got := raw(t, f, sheetPledges, pletter("sources")+ali); got != "CNA; The Paper (澎湃新闻)" {
		t.Errorf("link shows %q", got)
	}
	if got := raw(t, f, sheetPledges, pletter("announced")+ali); got != "45712" { // 2025-02-24
		t.Errorf("announced = %q, want the date serial 45712", got)
	}
	if got, _ := f.GetCellValue(sheetPledges, pletter("announced")+ali); got != "2025-02-24" {
		t.Errorf("announced shows %q", got)
	}
	value := 380e9 / 7.1698
	if got := rawFloat(t, f, sheetPledges, pletter("value")+ali); !near(got, value, 1e-3) {
		t.Errorf("value = %v, want %v", got, value)
	}
	if got := formula(t, f, sheetPledges, pletter("per year")+ali); got != colValue+ali+"/"+colYears+ali {
		t.Errorf("per year formula = %q", got)
	}
	if got := rawFloat(t, f, sheetPledges, pletter("per year")+ali); !near(got, value/3, 1e-3) {
		t.Errorf("per year = %v", got)
	}
	// One unit for the whole column, with the decimals its smallest
	// figure needs: 0.15 beside 53.00 (US$ bn, named in the header).
	if got, want := numFmt(t, f, sheetPledges, pletter("value")+ali), `#,##0.00,,,`; got != want {
		t.Errorf("value format %s, want %s", got, want)
	}
	formats := map[string]bool{}
	for i := range r.Pledges {
		if !r.Pledges[i].Amount.Undisclosed {
			formats[numFmt(t, f, sheetPledges, pletter("value")+strconv.Itoa(2+i))] = true
		}
	}
	if len(formats) != 1 {
		t.Errorf("the Value column mixes units: %v", formats)
	}
	if got, want := numFmt(t, f, sheetPledges, pletter("per year")+ali), `#,##0.0,,,`; got != want {
		t.Errorf("per year format %s, want %s", got, want)
	}
	if got := raw(t, f, sheetPledges, pletter("sectors")+ali); got != "cloud computing; AI infrastructure" {
		t.Errorf("sectors = %q", got)
	}

	hk := strconv.Itoa(findRow(t, f, sheetPledges, "A", "hk-itiof-2024"))
	if got := formula(t, f, sheetPledges, pletter("sources")+hk); got != "" {
		t.Errorf("javascript: source became a formula %q", got)
	}
	if got := raw(t, f, sheetPledges, pletter("sources")+hk); got != "Star Daily (cls.cn)" {
		t.Errorf("javascript: source shows %q, want the source name only", got)
	}
	mail := strconv.Itoa(findRow(t, f, sheetPledges, "A", "tencent-capex-2025"))
	if got := formula(t, f, sheetPledges, pletter("sources")+mail); !strings.HasPrefix(got, `HYPERLINK("mailto:desk@example.com"`) {
		t.Errorf("mailto source = %q", got)
	}

	hw := strconv.Itoa(findRow(t, f, sheetPledges, "A", "huawei-ai-chip-plan-2025"))
	for _, col := range []string{pletter("amount"), pletter("value"), pletter("per year")} {
		if got := raw(t, f, sheetPledges, col+hw); got != "" {
			t.Errorf("undisclosed pledge %s = %q, want empty", col, got)
		}
	}
	if got := raw(t, f, sheetPledges, pletter("qualifier")+hw); got != "undisclosed" {
		t.Errorf("undisclosed qualifier = %q", got)
	}
}

// Text that looks like a formula stays text.
func TestTextIsNeverAFormula(t *testing.T) {
	_, data := testBook(t)
	f := open(t, data)
	cases := []struct{ id, col, want string }{
		{"hk-itiof-2024", pletter("note"), "=1+1"},
		{"aef-hk-ai-fund-2024", pletter("note"), "+ funding and strategy support"},
		{"huawei-ai-chip-plan-2025", pletter("note"), "-reported second-hand"},
		{"huawei-ai-chip-plan-2025", pletter("program"), "@Three-year AI chip plan"},
	}
	for _, tc := range cases {
		cell := tc.col + strconv.Itoa(findRow(t, f, sheetPledges, "A", tc.id))
		if got := raw(t, f, sheetPledges, cell); got != tc.want {
			t.Errorf("%s = %q, want %q", cell, got, tc.want)
		}
		if got := formula(t, f, sheetPledges, cell); got != "" {
			t.Errorf("%s has formula %q", cell, got)
		}
		if typ, _ := f.GetCellType(sheetPledges, cell); typ != excelize.CellTypeInlineString {
			t.Errorf("%s type = %v, want an inline string", cell, typ)
		}
	}
	// The same holds where a check quotes such a value.
	sheetXML := zipEntry(t, data, "xl/worksheets/sheet2.xml")
	if strings.Contains(sheetXML, "<f>1+1</f>") || strings.Contains(sheetXML, "<f>=1+1</f>") {
		t.Error("the note =1+1 was written as a formula")
	}
}

func TestGroupsAndTotals(t *testing.T) {
	r, data := testBook(t)
	f := open(t, data)

	// Sectors: shares are formulas, the total row sums.
	sec := findRow(t, f, sheetSectors, "A", "Sector") + 1
	last := sec + len(r.BySector) - 1
	rng := "D$" + strconv.Itoa(sec) + ":D$" + strconv.Itoa(last)
	if got := formula(t, f, sheetSectors, "G"+strconv.Itoa(sec)); got != "D"+strconv.Itoa(sec)+"/SUM("+rng+")" {
		t.Errorf("share formula = %q", got)
	}
	total := strconv.Itoa(last + 1)
	if got := formula(t, f, sheetSectors, "D"+total); got != "SUM("+rng+")" {
		t.Errorf("sector total formula = %q", got)
	}
	if got := rawFloat(t, f, sheetSectors, "D"+total); !same(got, r.Total.Total) {
		t.Errorf("sector total = %v, want %v", got, r.Total.Total)
	}
	if got := rawFloat(t, f, sheetSectors, "G"+total); !near(got, 1, 1e-12) {
		t.Errorf("share total = %v", got)
	}
	if got := raw(t, f, sheetSectors, "B"+total); got != strconv.Itoa(r.Total.Count) {
		t.Errorf("sector total count = %q, want the distinct count %d", got, r.Total.Count)
	}
	if got := raw(t, f, sheetSectors, "I"+strconv.Itoa(sec)); !strings.HasPrefix(got, analysis.RuleSector) {
		t.Errorf("rule beside the table = %q", got)
	}

	// Investors: five stacked tables.
	tables, err := f.GetTables(sheetInvestors)
	if err != nil || len(tables) != 5 {
		t.Fatalf("investor tables = %d, %v", len(tables), err)
	}
	inv := findRow(t, f, sheetInvestors, "A", "Investor group") + 1
	totalRow := strconv.Itoa(inv + len(r.ByInvestor))
	if got := raw(t, f, sheetInvestors, "A"+totalRow); got != "All counted pledges" {
		t.Fatalf("investor total label = %q", got)
	}
	if got := formula(t, f, sheetInvestors, "B"+totalRow); !strings.HasPrefix(got, "SUM(B$") {
		t.Errorf("count total = %q", got)
	}
	if got := raw(t, f, sheetInvestors, "B"+totalRow); got != strconv.Itoa(r.Total.Count) {
		t.Errorf("count total = %q, want %d", got, r.Total.Count)
	}
	if got, want := raw(t, f, sheetInvestors, "E"+totalRow), r.Total.Qualifier.Label(); got != want {
		t.Errorf("total qualifier = %q, want %q", got, want)
	}
	hk := findRow(t, f, sheetInvestors, "A", "Public schemes")
	if got := rawFloat(t, f, sheetInvestors, "D"+strconv.Itoa(hk)); !near(got, 10e9/7.8, 1e-3) {
		t.Errorf("Hong Kong public = %v", got)
	}
	if got := raw(t, f, sheetInvestors, "A"+strconv.Itoa(findRow(t, f, sheetInvestors, "A", "Year")+1)); got != "2024" {
		t.Errorf("first year = %q", got)
	}
}

func TestOtherSheets(t *testing.T) {
	r, data := testBook(t)
	f := open(t, data)
	if got := raw(t, f, sheetChanges, "A3"); got != noEarlierReport {
		t.Errorf("changes = %q", got)
	}
	// FX
	cny := strconv.Itoa(findRow(t, f, sheetFX, "A", "CNY"))
	if got := rawFloat(t, f, sheetFX, "B"+cny); got != 7.1698 {
		t.Errorf("CNY rate = %v", got)
	}
	// Metrics
	m := strconv.Itoa(findRow(t, f, sheetMetrics, "C", "2023"))
	if got, want := numFmt(t, f, sheetMetrics, "E"+m), `"US$ "#,##0.0,,,"B";-"US$ "#,##0.0,,,"B"`; got != want {
		t.Errorf("2023 capex format %s, want %s", got, want)
	}
	if got := raw(t, f, sheetMetrics, "G"+m); got != "less than" {
		t.Errorf("qualifier = %q", got)
	}
	g := strconv.Itoa(findRow(t, f, sheetMetrics, "C", "FY2025Q3"))
	if got, want := numFmt(t, f, sheetMetrics, "E"+g), `+#,##0%;-#,##0%;#,##0%`; got != want {
		t.Errorf("growth format %s, want %s", got, want)
	}
	// A percentage is stored as the fraction it is: +8% as 0.08.
	if got := rawFloat(t, f, sheetMetrics, "E"+g); got != 0.08 {
		t.Errorf("growth stored as %v, want 0.08", got)
	}
	// About lists every rule and the input file.
	rows, _ := f.GetRows(sheetAbout)
	text := ""
	for _, row := range rows {
		text += strings.Join(row, "\t") + "\n"
	}
	for _, want := range []string{analysis.RuleConversion, analysis.RuleQualifier, analysis.RuleSector, analysis.RulePerYear,
		analysis.RuleCounted, analysis.RuleDuplicate, analysis.RuleCAGR, analysis.RuleStatedUSD,
		strings.Repeat("ab", 32), "pledgewatch 0.1.0", "2025-11", "inputs"} {
		if !strings.Contains(text, want) {
			t.Errorf("About lacks %q", want)
		}
	}
	// Charts: native charts and the picture.
	pics, err := f.GetPictures(sheetCharts, "B"+strconv.Itoa(findRow(t, f, sheetCharts, "B", "Fund size by sector (picture)")+1))
	if err != nil || len(pics) != 1 {
		t.Errorf("pictures = %d, %v", len(pics), err)
	}
	charts := 0
	zr, _ := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	for _, zf := range zr.File {
		if strings.HasPrefix(zf.Name, "xl/charts/chart") {
			charts++
		}
	}
	if want := 3 + len(r.Trends); charts != want {
		t.Errorf("charts = %d, want %d", charts, want)
	}
}

func TestChecks(t *testing.T) {
	in := testInputs(t)
	in.Pledges[4].Source = "" // a warning: no source
	r, _ := analysis.Build(in, analysis.Options{AsOf: day("2025-11-30")})
	f := open(t, writeBook(t, r, testMeta(t)))
	row := strconv.Itoa(findRow(t, f, sheetChecks, "A", "warning"))
	if got := raw(t, f, sheetChecks, "G"+row); !strings.Contains(got, "no source") {
		t.Errorf("warning message = %q", got)
	}
	if got := raw(t, f, sheetChecks, "D"+row); got != "O8" {
		t.Errorf("warning cell = %q, want O8", got)
	}

	_, clean := testBook(t)
	f = open(t, clean)
	if got := raw(t, f, sheetChecks, "A3"); got != "The inputs passed every check." {
		t.Errorf("checks without warnings = %q", got)
	}
}

func TestDeterministic(t *testing.T) {
	r := testReport(t)
	first := writeBook(t, r, testMeta(t))
	for i := 0; i < 5; i++ {
		if again := writeBook(t, r, testMeta(t)); !bytes.Equal(first, again) {
			t.Fatalf("write %d differs from the first", i+2)
		}
	}
}

// Every sheet writes relationship ids as r:id, as Excel does.
func TestRelationshipPrefix(t *testing.T) {
	_, data := testBook(t)
	zr, _ := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	for _, zf := range zr.File {
		if !strings.HasPrefix(zf.Name, "xl/worksheets/sheet") {
			continue
		}
		if s := zipEntry(t, data, zf.Name); strings.Contains(s, "relationships:id") {
			t.Errorf("%s uses a relationships: prefix", zf.Name)
		}
	}
}

func zipEntry(t testing.TB, data []byte, name string) string {
	t.Helper()
	_, parts := unzip(t, data)
	s, ok := parts[name]
	if !ok {
		t.Fatalf("no %s in the zip", name)
	}
	return s
}

func TestEmptyReport(t *testing.T) {
	r, _ := analysis.Build(analysis.Inputs{}, analysis.Options{})
	f := open(t, writeBook(t, r, Meta{}))
	if got := len(f.GetSheetList()); got != len(sheetNames) {
		t.Errorf("sheets = %d", got)
	}
}

func TestLinks(t *testing.T) {
	long := "https://example.com/" + strings.Repeat("a", 300)
	tests := []struct {
		url  string
		safe bool
	}{
		{"https://example.com/a?b=c", true},
		{"HTTP://example.com", true},
		{"mailto:desk@example.com", true},
		{"javascript:alert(1)", false},
		{"file:///etc/passwd", false},
		{"https://example.com/\"&HACK()&\"", false},
		{"https:///nohost", false},
		{"https://exa mple.com", false},
		{long, false},
		{"", false},
	}
	for _, tc := range tests {
		if got := safeLink(tc.url); got != tc.safe {
			t.Errorf("safeLink(%q) = %v, want %v", tc.url, got, tc.safe)
		}
	}
	b := newBook(excelize.NewFile(), &analysis.Report{}, Meta{})
	links := []struct {
		url, label, formula, value string
	}{
		{"https://example.com/a", "Reuters", `HYPERLINK("https://example.com/a","Reuters")`, "Reuters"},
		{"https://example.com/a", "", `HYPERLINK("https://example.com/a","https://example.com/a")`, "https://example.com/a"},
		{"https://example.com/a", `say "hi"`, `HYPERLINK("https://example.com/a","say ""hi""")`, `say "hi"`},
		{"javascript:alert(1)", "Reuters", "", "Reuters"},
		{"javascript:alert(1)", "", "", ""},
		{long, "Reuters", "", "Reuters <" + long + ">"},
		{"", "Reuters", "", "Reuters"},
	}
	for _, tc := range links {
		var formula, value string
		switch c := b.link(tc.url, tc.label).(type) {
		case excelize.Cell:
			formula = c.Formula
			value, _ = c.Value.(string)
		case nil:
		default:
			t.Fatalf("link(%q, %q) = %#v", tc.url, tc.label, c)
		}
		if formula != tc.formula || value != tc.value {
			t.Errorf("link(%q, %q) = %q, %q; want %q, %q", tc.url, tc.label, formula, value, tc.formula, tc.value)
		}
	}
	if got := literal(`say "hi"`); got != `"say ""hi"""` {
		t.Errorf("literal = %s", got)
	}
	if got := literal(strings.Repeat("x", 300)); got != `"`+strings.Repeat("x", 255)+`"&"`+strings.Repeat("x", 45)+`"` {
		t.Errorf("long literal = %s", got)
	}
}

func TestNumberFormats(t *testing.T) {
	tests := []struct {
		got, want string
	}{
		{moneyFormat(32e9, "USD"), `"US$ "#,##0.0,,,"B";-"US$ "#,##0.0,,,"B"`},
		{moneyFormat(-19e9, "USD"), `"US$ "#,##0.0,,,"B";-"US$ "#,##0.0,,,"B"`},
		{moneyFormat(150e6, "HKD"), `"HK$ "#,##0.0,,"M";-"HK$ "#,##0.0,,"M"`},
		{moneyFormat(4e12, "EUR"), `"€ "#,##0.0,,,,"T";-"€ "#,##0.0,,,,"T"`},
		{moneyFormat(999, "CNY"), `"CN¥ "#,##0;-"CN¥ "#,##0`},
		{moneyFormat(5e3, "KRW"), `"KRW "#,##0.0,"K";-"KRW "#,##0.0,"K"`},
		{moneyFormat(140.9, "HKD"), `"HK$ "#,##0.0;-"HK$ "#,##0.0`},
		{metricFormat(8, "%", false), `#,##0%`},
		{metricFormat(4.5, "%", false), `#,##0.0%`},
		{metricFormat(2, "x", false), `#,##0"x"`},
		{numberFormat(7.1698, 6), `#,##0.0000`},
		{numberFormat(3, 2), `#,##0`},
		{signed(metricFormat(8, "%", false)), `+#,##0%;-#,##0%;#,##0%`},
		{signed(moneyFormat(2e9, "USD")), `+"US$ "#,##0.0,,,"B";-"US$ "#,##0.0,,,"B";"US$ "#,##0.0,,,"B"`},
	}
	for i, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("%d: format %s, want %s", i, tc.got, tc.want)
		}
	}
}

// TestPreview writes the test workbook to $WORKBOOK_PREVIEW, to look at.
func TestPreview(t *testing.T) {
	path := os.Getenv("WORKBOOK_PREVIEW")
	if path == "" {
		t.Skip("set WORKBOOK_PREVIEW to a file name to write the test workbook")
	}
	_, data := testBook(t)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestTooManyRows(t *testing.T) {
	r := testReport(t)
	r.Pledges = make([]analysis.PledgeRow, maxRows)
	if err := Write(io.Discard, r, Meta{}); !errors.Is(err, ErrTooManyRows) {
		t.Errorf("1,048,576 pledges: error = %v, want ErrTooManyRows", err)
	}
	r = testReport(t)
	r.ByInvestor = make([]analysis.Group, maxRows)
	if err := Write(io.Discard, r, Meta{}); !errors.Is(err, ErrTooManyRows) || !strings.Contains(err.Error(), "Investors") {
		t.Errorf("too many investors: error = %v, want ErrTooManyRows on Investors", err)
	}
}

func TestColumnUnit(t *testing.T) {
	for _, tc := range []struct {
		in   []float64
		want string
	}{
		{[]float64{53e9, 150e6}, `"US$ "#,##0.00,,,"B";-"US$ "#,##0.00,,,"B"`},
		{[]float64{53e9, 1.28e9}, `"US$ "#,##0.0,,,"B";-"US$ "#,##0.0,,,"B"`},
		{[]float64{53e9, 12821}, `"US$ "#,##0.000,,"M";-"US$ "#,##0.000,,"M"`}, // 12,821 would read as 0.000B: millions
		{[]float64{5.3e13, 1}, `"US$ "#,##0.000,,,"B";-"US$ "#,##0.000,,,"B"`}, // millions would not fit the column
		{[]float64{150e6, 40e6, math.NaN()}, `"US$ "#,##0.0,,"M";-"US$ "#,##0.0,,"M"`},
		{[]float64{140.9, 3}, `"US$ "#,##0.0;-"US$ "#,##0.0`},
		{nil, `"US$ "#,##0;-"US$ "#,##0`},
	} {
		u := columnUnit(tc.in)
		if got := u.format("USD"); got != tc.want {
			t.Errorf("columnUnit(%v) = %s, want %s", tc.in, got, tc.want)
		}
		// The plain format drops the symbol and suffix and stays narrow
		// enough for the column at the largest figure.
		if p := u.plain(); strings.Contains(p, `"`) || !strings.HasPrefix(tc.want, `"US$ "`+p) {
			t.Errorf("columnUnit(%v).plain() = %s, want the figure part of %s", tc.in, p, tc.want)
		}
	}
}

// TestUnitName checks the unit a money header names, in each language.
func TestUnitName(t *testing.T) {
	for _, tc := range []struct {
		lang lang.Lang
		u    unit
		cur  string
		want string
	}{
		{lang.English, columnUnit([]float64{53e9}), "USD", "Value (US$ bn)"},
		{lang.English, columnUnit([]float64{150e6}), "HKD", "Value (HK$ m)"},
		{lang.English, columnUnit([]float64{140}), "CNY", "Value (CN¥)"},
		{lang.Traditional, columnUnit([]float64{53e9}), "USD", "數值（十億美元）"},
		{lang.Simplified, columnUnit([]float64{150e6}), "HKD", "数值（百万港元）"},
	} {
		b := &book{p: lang.New(tc.lang), english: tc.lang == lang.English}
		if got := b.moneyHead("Value (%s)", tc.cur, tc.u); got != tc.want {
			t.Errorf("%v: header %q, want %q", tc.lang, got, tc.want)
		}
	}
}
