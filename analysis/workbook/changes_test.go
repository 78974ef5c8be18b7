package workbook

import (
	"archive/zip"
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"pledgewatch/analysis"
)

// previousInputs are last month's inputs: the Alibaba Entrepreneurs Fund
// pledge was not yet entered (it is new this month), a Shenzhen pledge of
// US$2 billion was (it is removed this month), the Hong Kong fund stood
// at 8 billion instead of 10, and the 2025 capex forecast at US$30 billion.
func previousInputs(t testing.TB) analysis.Inputs {
	in := testInputs(t)
	var ps []analysis.Pledge
	for _, p := range in.Pledges {
		switch p.ID {
		case "aef-hk-ai-fund-2024":
			continue
		case "hk-itiof-2024":
			p = pledge(t, 5, "hk-itiof-2024", "2024-10-16", "Hong Kong SAR Government", "government", "I&T Industry-Oriented Fund",
				"8", "HKD", "billion", "", 0, "innovation and technology", "Hong Kong", "announced",
				"Star Daily (cls.cn)", "javascript:alert(1)", "=1+1")
		}
		ps = append(ps, p)
	}
	ps = append(ps, pledge(t, 9, "sz-ai-fund-2025", "2025-06-30", "Shenzhen Capital Group", "individual", "Shenzhen AI fund",
		"US$2 billion", "", "", "", 0, "AI infrastructure", "Shenzhen", "announced", "Caixin", "", ""))
	in.Pledges = ps
	in.Metrics[1] = metric(t, 3, big4, "AI capital expenditure (combined)", "2025", "US$30 billion", "USD", "forecast", "", "ABMedia")
	return in
}

// changedReport is the test report with the comparison against
// previousInputs, as the command fills it.
func changedReport(t testing.TB) (cur, prev *analysis.Report) {
	t.Helper()
	prev, probs := analysis.Build(previousInputs(t), analysis.Options{Currency: "USD", AsOf: day("2025-10-31")})
	if probs.HasErrors() {
		t.Fatalf("build: %v", probs.Err())
	}
	cur = testReport(t)
	ps, cs := prev.Snapshot("2025-10"), cur.Snapshot("2025-11")
	c := analysis.Compare(ps, cs)
	cur.Changes = &c
	cur.History = analysis.History([]analysis.Snapshot{ps}, cs)
	return cur, prev
}

// rowOf returns the first row whose cells in cols hold want, in order.
func rowOf(t testing.TB, f *excelize.File, sheet string, cols string, want ...string) int {
	t.Helper()
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		ok := true
		for k, col := range strings.Split(cols, ",") {
			c, _ := excelize.ColumnNameToNumber(col)
			if len(r) < c || r[c-1] != want[k] {
				ok = false
				break
			}
		}
		if ok {
			return i + 1
		}
	}
	t.Fatalf("%s: no row with %s = %q", sheet, cols, want)
	return 0
}

func TestChangesWithoutEarlierReport(t *testing.T) {
	for _, ch := range []*analysis.Changes{nil, {}} {
		r := testReport(t)
		r.Changes = ch
		f := open(t, writeBook(t, r, testMeta(t)))
		if got := raw(t, f, sheetChanges, "A3"); got != noEarlierReport {
			t.Errorf("Changes = %+v: A3 = %q", ch, got)
		}
		if tables, _ := f.GetTables(sheetChanges); len(tables) != 0 {
			t.Errorf("Changes = %+v: tables %+v", ch, tables)
		}
		if got := raw(t, f, sheetHistory, "A4"); !strings.HasPrefix(got, "No report history") {
			t.Errorf("History without points: A4 = %q", got)
		}
	}
}

func TestChanges(t *testing.T) {
	r, prev, data := changedBook(t)
	f := open(t, data)
	const sh = sheetChanges
	if got := raw(t, f, sh, "A1"); got != "Changes since the report for 2025-10" {
		t.Errorf("title = %q", got)
	}
	if got, want := raw(t, f, sh, "A2"), "1 new, 1 revised, 1 removed pledges; 0 new, 1 revised, 0 removed metrics."; got != want {
		t.Errorf("counts = %q, want %q", got, want)
	}
	if got := raw(t, f, sh, "A3"); got != analysis.RuleMatching {
		t.Errorf("rule = %q", got)
	}
	tables, err := f.GetTables(sh)
	if err != nil || len(tables) != 1 || tables[0].Name != "ChangedItems" {
		t.Fatalf("tables = %+v, %v; want the item list", tables, err)
	}
	hdr := rowOf(t, f, sh, "A", "Table")
	if want := "A" + strconv.Itoa(hdr) + ":G" + strconv.Itoa(hdr+len(r.Changes.Items)); tables[0].Range != want {
		t.Errorf("item table %s, want %s", tables[0].Range, want)
	}

	// Headline totals: previous and this month side by side, the change a
	// formula with its value cached.
	removed := 2e9
	change := 150e6 + 2e9/7.8 - removed // new fund, Hong Kong fund up by HK$2B, Shenzhen gone
	row := strconv.Itoa(rowOf(t, f, sh, "A,B", "total", "all counted pledges"))
	if got := rawFloat(t, f, sh, "C"+row); !same(got, prev.Total.Total) {
		t.Errorf("previous total = %v, want %v", got, prev.Total.Total)
	}
	if got := rawFloat(t, f, sh, "D"+row); !same(got, r.Total.Total) {
		t.Errorf("this month's total = %v, want %v", got, r.Total.Total)
	}
	if got := formula(t, f, sh, "E"+row); got != "D"+row+"-C"+row {
		t.Errorf("change formula = %q", got)
	}
	if got := rawFloat(t, f, sh, "E"+row); !near(got, change, 1e-3) {
		t.Errorf("change cached = %v, want %v", got, change)
	}
	if got := formula(t, f, sh, "F"+row); got != "E"+row+"/C"+row {
		t.Errorf("change %% formula = %q", got)
	}
	if got := rawFloat(t, f, sh, "F"+row); !near(got, change/prev.Total.Total, 1e-12) {
		t.Errorf("change %% cached = %v", got)
	}
	if got, want := numFmt(t, f, sh, "E"+row), `+"US$ "#,##0.0,,,"B";-"US$ "#,##0.0,,,"B";"US$ "#,##0.0,,,"B"`; got != want {
		t.Errorf("change format %s, want %s", got, want)
	}
	// A type that is new this month has no percentage; a region that is
	// gone fell by 100%.
	fund := strconv.Itoa(rowOf(t, f, sh, "A,B", "investor type", "fund"))
	if got := rawFloat(t, f, sh, "C"+fund); got != 0 {
		t.Errorf("previous fund total = %v", got)
	}
	if got := raw(t, f, sh, "F"+fund); got != "" {
		t.Errorf("change %% from zero = %q, want empty", got)
	}
	sz := strconv.Itoa(rowOf(t, f, sh, "A,B", "region", "Shenzhen"))
	if got := rawFloat(t, f, sh, "E"+sz); got != -removed {
		t.Errorf("Shenzhen change = %v", got)
	}
	if got, _ := f.GetCellValue(sh, "F"+sz); got != "-100.0%" {
		t.Errorf("Shenzhen change %% shows %q", got)
	}

	// Items: the old value beside the new one.
	rev := strconv.Itoa(rowOf(t, f, sh, "A,B,C", "pledge", "revised", "id:hk-itiof-2024"))
	for col, want := range map[string]string{
		"D": "Hong Kong SAR Government — I&T Industry-Oriented Fund", "E": "amount", "F": "8 HKD billion", "G": "10 HKD billion",
	} {
		if got := raw(t, f, sh, col+rev); got != want {
			t.Errorf("revised pledge %s = %q, want %q", col, got, want)
		}
	}
	added := strconv.Itoa(rowOf(t, f, sh, "A,B,C", "pledge", "new", "id:aef-hk-ai-fund-2024"))
	if got := raw(t, f, sh, "F"+added); got != "" {
		t.Errorf("new pledge's previous value = %q", got)
	}
	if got := raw(t, f, sh, "G"+added); !strings.HasPrefix(got, "amount: 1.5亿美元;") {
		t.Errorf("new pledge = %q", got)
	}
	gone := strconv.Itoa(rowOf(t, f, sh, "A,B,C", "pledge", "removed", "id:sz-ai-fund-2025"))
	if got := raw(t, f, sh, "F"+gone); !strings.HasPrefix(got, "amount: US$2 billion;") {
		t.Errorf("removed pledge's previous value = %q", got)
	}
	if got := raw(t, f, sh, "G"+gone); got != "" {
		t.Errorf("removed pledge now = %q", got)
	}
	m := strconv.Itoa(rowOf(t, f, sh, "A,B", "metric", "revised"))
	if got := raw(t, f, sh, "F"+m) + " -> " + raw(t, f, sh, "G"+m); got != "US$30 billion -> US$32 billion" {
		t.Errorf("revised metric = %q", got)
	}
	// The order is Compare's: new, revised, removed pledges, then metrics.
	if a, v, g, mm := atoi(added), atoi(rev), atoi(gone), atoi(m); !(a < v && v < g && g < mm) {
		t.Errorf("item rows new %d, revised %d, removed %d, metric %d", a, v, g, mm)
	}
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

func TestChangesOtherCurrency(t *testing.T) {
	r, _ := changedReport(t)
	r.Changes.Currency = "EUR"
	f := open(t, writeBook(t, r, testMeta(t)))
	if got := raw(t, f, sheetChanges, "A5"); got != "The report for 2025-10 was in EUR and this one is in USD: the headline totals are not compared." {
		t.Errorf("A5 = %q", got)
	}
	if got := raw(t, f, sheetChanges, "A6"); got != "" {
		t.Errorf("A6 = %q, want no totals", got)
	}
	rowOf(t, f, sheetChanges, "A,B,C", "pledge", "revised", "id:hk-itiof-2024")
}

func TestChangeCounts(t *testing.T) {
	items := []analysis.Change{
		{Table: "pledge", Kind: "revised", Key: "a", Field: "amount"},
		{Table: "pledge", Kind: "revised", Key: "a", Field: "status"},
		{Table: "pledge", Kind: "new", Key: "b"},
	}
	if got, want := changeCounts(items), "1 new, 1 revised, 0 removed pledges; no metric changed."; got != want {
		t.Errorf("counts %q, want %q", got, want)
	}
	if got, want := changeCounts(nil), "No pledge or metric was added, revised or removed."; got != want {
		t.Errorf("counts %q, want %q", got, want)
	}
	if got := thousands(1048576); got != "1,048,576" {
		t.Errorf("thousands = %q", got)
	}
}

func TestHistory(t *testing.T) {
	r, prev, data := changedBook(t)
	f := open(t, data)
	const sh = sheetHistory
	if got := f.GetSheetList(); got[len(got)-1] != sheetHistory || strings.Join(got[:11], ",") != strings.Join(sheetNames[:11], ",") {
		t.Errorf("sheets %v: History must come last, after the eleven others", got)
	}
	hdr, _ := f.GetRows(sh)
	want := "Month|Currency|Total pledged|Qualifier|Pledges counted|Change vs previous month|company|fund|government|individual"
	if got := strings.Join(hdr[historyHeader-1], "|"); got != want {
		t.Errorf("header %q\nwant   %q", got, want)
	}
	if got := raw(t, f, sh, "A5") + " " + raw(t, f, sh, "A6"); got != "2025-10 2025-11" {
		t.Errorf("months %q", got)
	}
	if got := rawFloat(t, f, sh, "C5"); !same(got, prev.Total.Total) {
		t.Errorf("C5 = %v, want %v", got, prev.Total.Total)
	}
	if got := rawFloat(t, f, sh, "C6"); !same(got, r.Total.Total) {
		t.Errorf("C6 = %v, want %v", got, r.Total.Total)
	}
	if got := raw(t, f, sh, "E6"); got != strconv.Itoa(r.Total.Count) {
		t.Errorf("E6 = %q, want %d", got, r.Total.Count)
	}
	if got := raw(t, f, sh, "D6"); got != "at least" {
		t.Errorf("D6 = %q", got)
	}
	if got := raw(t, f, sh, "F5"); got != "" {
		t.Errorf("first month's change = %q, want empty", got)
	}
	if got := formula(t, f, sh, "F6"); got != "C6-C5" {
		t.Errorf("F6 formula %q", got)
	}
	if got := rawFloat(t, f, sh, "F6"); !near(got, r.Total.Total-prev.Total.Total, 1e-3) {
		t.Errorf("F6 cached %v", got)
	}
	// fund is new this month; individual gone.
	if got := raw(t, f, sh, "H5") + "|" + raw(t, f, sh, "H6"); got != "|150000000" {
		t.Errorf("fund column %q", got)
	}
	if got := raw(t, f, sh, "J5") + "|" + raw(t, f, sh, "J6"); got != "2000000000|" {
		t.Errorf("individual column %q", got)
	}
	// The chart of the totals is on the Charts sheet.
	charts := 0
	zr, _ := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	for _, zf := range zr.File {
		if strings.HasPrefix(zf.Name, "xl/charts/chart") {
			charts++
			if s := zipEntry(t, data, zf.Name); strings.Contains(s, "History!$C$5:$C$6") && !strings.Contains(s, "History!$A$5:$A$6") {
				t.Errorf("%s: history chart without the months", zf.Name)
			}
		}
	}
	if want := 4 + len(r.Trends); charts != want {
		t.Errorf("charts = %d, want %d", charts, want)
	}
	if got := raw(t, f, sheetCharts, "A2"); !strings.Contains(got, "History") {
		t.Errorf("Charts A2 = %q", got)
	}
}

// A report in another currency keeps its own and is not compared.
func TestHistoryOtherCurrency(t *testing.T) {
	r, _ := changedReport(t)
	eur := analysis.HistoryPoint{Month: "2025-09", Currency: "EUR", Total: 40e9, Qualifier: "exact", Count: 3}
	r.History = append([]analysis.HistoryPoint{eur}, r.History...)
	data := writeBook(t, r, testMeta(t))
	f := open(t, data)
	const sh = sheetHistory
	if got := raw(t, f, sh, "A3"); got != "Reports in another currency than USD are shown in their own: 2025-09 (EUR)." {
		t.Errorf("A3 = %q", got)
	}
	if got := raw(t, f, sh, "B5"); got != "EUR" {
		t.Errorf("B5 = %q", got)
	}
	if got, want := numFmt(t, f, sh, "C5"), `"€ "#,##0.0,,,"B";-"€ "#,##0.0,,,"B"`; got != want {
		t.Errorf("C5 format %s, want %s", got, want)
	}
	if got := formula(t, f, sh, "F6"); got != "" {
		t.Errorf("EUR to USD change F6 = %q, want none", got)
	}
	if got := formula(t, f, sh, "F7"); got != "C7-C6" {
		t.Errorf("F7 = %q", got)
	}
	zr, _ := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	for _, zf := range zr.File {
		if strings.HasPrefix(zf.Name, "xl/charts/chart") && strings.Contains(zipEntry(t, data, zf.Name), "History!") {
			t.Errorf("%s charts totals in two currencies", zf.Name)
		}
	}
}

func TestUniqueHeader(t *testing.T) {
	got := uniqueHeader([]string{"Month", "month", "", "Month"})
	if want := "Month|month (2)|(unspecified)|Month (3)"; strings.Join(got, "|") != want {
		t.Errorf("header %q, want %q", got, want)
	}
}

// The Changes sheet, which may list a million rows, is never one that
// save rewrites in memory (a sheet with several tables).
func TestChangesNotRewritten(t *testing.T) {
	r, _ := changedReport(t)
	f := excelize.NewFile()
	defer f.Close()
	b := newBook(f, r, testMeta(t))
	if err := b.build(); err != nil {
		t.Fatal(err)
	}
	if b.multi[sheetChanges] || b.multi[sheetHistory] {
		t.Errorf("sheets rewritten on save: %v", b.multi)
	}
}

// A list longer than the sheet is cut where the sheet ends, and says so.
func TestChangesLayoutFull(t *testing.T) {
	if testing.Short() {
		t.Skip("allocates a million changes")
	}
	ch := &analysis.Changes{Previous: "2025-10", Totals: make([]analysis.TotalChange, 3), Items: make([]analysis.Change, maxRows)}
	l := newChangesLayout(ch, "USD")
	if last := l.itemsHeader + l.listed; last != maxRows || l.listed >= len(ch.Items) {
		t.Errorf("items header at row %d, %d listed: last row %d, want %d", l.itemsHeader, l.listed, last, maxRows)
	}
	ch.Items = ch.Items[:10]
	if l := newChangesLayout(ch, "USD"); l.listed != 10 || l.itemsHeader != changesFirst+1+3+2+1 {
		t.Errorf("layout %+v", l)
	}
}
