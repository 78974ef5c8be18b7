package sheets

import (
	"bytes"
	"crypto/sha256"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/xuri/excelize/v2"

	"pledgewatch/analysis"
	"pledgewatch/analysis/sheets/internal/xlsxtest"
)

var verbose = flag.Bool("show", false, "print what each read case got, in the form of its want lists")

// readCase is one input file and everything reading it should give.
type readCase struct {
	name     string
	file     string // the path shown in problems; .csv is read as CSV
	data     func(testing.TB) []byte
	opts     Options
	pledges  []string // pledgeLine of each record
	metrics  []string
	rates    []string
	problems []string // severity: Problem.Error()
	tables   []analysis.TableInfo
}

func TestRead(t *testing.T) {
	for _, c := range readCases {
		t.Run(c.name, func(t *testing.T) {
			rd := Reader{Options: c.opts}
			data := c.data(t)
			var err error
			if strings.HasSuffix(strings.ToLower(c.file), ".csv") {
				err = rd.ReadCSV(bytes.NewReader(data), c.file)
			} else {
				err = rd.ReadXLSX(bytes.NewReader(data), c.file)
			}
			if err != nil {
				t.Fatalf("read: %v", err)
			}
			var gotP, gotM, gotR []string
			for _, p := range rd.Inputs.Pledges {
				gotP = append(gotP, pledgeLine(p))
			}
			for _, m := range rd.Inputs.Metrics {
				gotM = append(gotM, metricLine(m))
			}
			for _, r := range rd.Inputs.Rates {
				gotR = append(gotR, rateLine(r))
			}
			gotProblems := problemLines(&rd.Problems)
			if *verbose {
				show(t, "pledges", gotP)
				show(t, "metrics", gotM)
				show(t, "rates", gotR)
				show(t, "problems", gotProblems)
			}
			compare(t, "pledge", gotP, c.pledges)
			compare(t, "metric", gotM, c.metrics)
			compare(t, "rate", gotR, c.rates)
			compare(t, "problem", gotProblems, c.problems)
			if len(rd.Inputs.Files) != 1 {
				t.Fatalf("%d files recorded, want 1", len(rd.Inputs.Files))
			}
			f := rd.Inputs.Files[0]
			if f.Path != c.file || len(f.SHA256) != 64 {
				t.Errorf("file = %q, sha256 %q", f.Path, f.SHA256)
			}
			if c.tables != nil && fmt.Sprint(f.Tables) != fmt.Sprint(c.tables) {
				t.Errorf("tables = %v, want %v", f.Tables, c.tables)
			}
			// Every problem names its file; every cell problem its row too.
			for _, p := range rd.Problems.List() {
				if p.File != c.file || (p.Cell != "" && p.Row == 0) || p.Kind() == nil {
					t.Errorf("badly placed problem %#v", p)
				}
			}
		})
	}
}

func compare(t *testing.T, what string, got, want []string) {
	t.Helper()
	for i := 0; i < max(len(got), len(want)); i++ {
		switch {
		case i >= len(got):
			t.Errorf("missing %s %d:\n want %s", what, i, want[i])
		case i >= len(want):
			t.Errorf("extra %s %d:\n  got %s", what, i, got[i])
		case got[i] != want[i]:
			t.Errorf("%s %d:\n  got %s\n want %s", what, i, got[i], want[i])
		}
	}
}

func show(t *testing.T, what string, lines []string) {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: []string{\n", what)
	for _, l := range lines {
		fmt.Fprintf(&b, "\t%q,\n", l)
	}
	b.WriteString("},")
	t.Log(b.String())
}

func xlsx(sheets ...sh) func(testing.TB) []byte {
	return func(tb testing.TB) []byte { return book(tb, sheets...) }
}

func rawx(w xlsxtest.Book) func(testing.TB) []byte {
	return func(tb testing.TB) []byte { return w.Bytes(tb) }
}

func text(s string) func(testing.TB) []byte {
	return func(testing.TB) []byte { return []byte(s) }
}

// pledgeHeader is the header of most pledge test sheets: amount in E.
var pledgeHeader = []any{"announced", "investor", "investor_type", "program", "amount", "currency", "unit", "qualifier", "source"}

var readCases = []readCase{
	{
		name: "all three tables, title rows, any order and case of headers",
		file: "inputs/pledges.xlsx",
		data: xlsx(
			sh{"Pledges", [][]any{
				{"AI pledges tracked, 2025"},
				nil,
				{"Program", "Investor", "Announced", "Investor Type", "Amount", "currency", "UNIT", "qualifier", "years",
					"Start-Year", "sectors", "Region", "status", "Source", "URL", "source date", "Stated USD", "Note", "ID"},
				{"Cloud and AI infrastructure", "Alibaba Group", day(2025, 2, 24), "company", 380, "CNY", "billion", "at least", 3,
					2025, "cloud computing; AI infrastructure", "Mainland China", nil, "CNA", "https://example.com/a", day(2025, 2, 25),
					"US$53 billion", "three years", "alibaba-2025"},
				{"AI subsidy scheme", "HKSAR Government", "2025-02-26", "Government", "HK$10 billion", nil, nil, nil, "5",
					nil, "AI；research", "Hong Kong", "committed", "Budget speech"},
				{"Data centres", "Tencent", day(2025, 3, 1), "company", "more than US$50 billion", nil, nil, nil, nil,
					nil, nil, nil, "deployed", "Reuters"},
				{"Compute vouchers", "Shanghai", day(2025, 3, 2), "government", "3800亿元", nil, nil, nil, nil,
					nil, nil, "Mainland China", nil, "The Paper"},
				{"Chip fund", "Fund Y", day(2025, 3, 3), "fund", "1.5亿美元", nil, nil, nil, nil, nil, nil, nil, nil, "Caixin"},
				{"Robotics deal", "Investor Z", day(2025, 3, 4), "other", "undisclosed", "USD", nil, nil, nil, nil, nil, nil, nil, "SCMP"},
				{"InvestAI", "European Commission", day(2025, 2, 11), "government", "about €2 billion", nil, nil, nil, nil, nil, nil,
					"Europe", "announced", "EC press release"},
				{" Search AI\u00a0", "\u00a0Baidu ", day(2025, 3, 5), nil, 5.3, "usd", "bn", nil},
				nil,
				{nil, nil, nil, nil, nil, nil, "   "}, // only blanks: skipped
			}},
			sh{"Metrics", [][]any{
				{"entity", "metric", "period", "value", "unit", "basis", "qualifier", "source", "note"},
				{"Alibaba", "capex", 2025, "US$32 billion", nil, "plan", nil, "Results call"},
				{"Alibaba", "capex", "FY2024", 32, "USD billion", "actual"},
				{"Survey", "AI adoption", "2024Q4", styled{0.41, "0%"}, nil, "estimate"},
				{"Survey", "AI adoption", "2025H1", "+8%"},
				{"Big four", "AI capex", 2023, "less than US$13 billion", nil, "budget"},
				{"Tencent", "rank", day(2025, 3, 1), 3, "Rank"},
				{"Tencent", "revenue", "2024-12", -5, "CNY billion", "actual", "about"},
			}},
			sh{"FX", [][]any{
				{"Currency", "Rate", "Date", "Source"},
				{"EUR", 0.92, day(2025, 1, 31), "ECB"},
				{"£", 0.79, "2025-01-31", "BoE"},
				{"HK$", 7.8, day(2025, 1, 31)},
				{"cny", "7.2", day(2025, 1, 31)},
			}},
			sh{"Notes", [][]any{{"anything"}}},
		),
		pledges: []string{
			`Pledges row 4: id=alibaba-2025 announced=2025-02-24 investor=Alibaba Group type=company program=Cloud and AI infrastructure amount="at least 380 billion CNY" = at least 3.8e+11 CNY years=3 start=2025 sectors=cloud computing|AI infrastructure region=Mainland China status=announced source=CNA url=https://example.com/a source_date=2025-02-25 stated_usd=5.3e+10 note=three years`,
			`Pledges row 5: announced=2025-02-26 investor=HKSAR Government type=government program=AI subsidy scheme amount="HK$10 billion" = 1e+10 HKD years=5 sectors=AI|research region=Hong Kong status=committed source=Budget speech`,
			`Pledges row 6: announced=2025-03-01 investor=Tencent type=company program=Data centres amount="more than US$50 billion" = more than 5e+10 USD status=deployed source=Reuters`,
			`Pledges row 7: announced=2025-03-02 investor=Shanghai type=government program=Compute vouchers amount="3800亿元" = 3.8e+11 CNY region=Mainland China status=announced source=The Paper`,
			`Pledges row 8: announced=2025-03-03 investor=Fund Y type=fund program=Chip fund amount="1.5亿美元" = 1.5e+08 USD status=announced source=Caixin`,
			`Pledges row 9: announced=2025-03-04 investor=Investor Z type=other program=Robotics deal amount="undisclosed" = undisclosed status=announced source=SCMP`,
			`Pledges row 10: announced=2025-02-11 investor=European Commission type=government program=InvestAI amount="about €2 billion" = about 2e+09 EUR region=Europe status=announced source=EC press release`,
			`Pledges row 11: announced=2025-03-05 investor=Baidu program=Search AI amount="5.3 bn usd" = 5.3e+09 USD status=announced`,
		},
		metrics: []string{
			`Metrics row 2: entity=Alibaba metric=capex period=2025 value="US$32 billion" = 3.2e+10 USD (money) basis=plan source=Results call`,
			`Metrics row 3: entity=Alibaba metric=capex period=FY2024 value="32" = 3.2e+10 USD (money) basis=actual`,
			`Metrics row 4: entity=Survey metric=AI adoption period=2024Q4 value="41%" = 41 % basis=estimate`,
			`Metrics row 5: entity=Survey metric=AI adoption period=2025H1 value="+8%" = 8 % (change)`,
			`Metrics row 6: entity=Big four metric=AI capex period=2023 value="less than US$13 billion" = less than 1.3e+10 USD (money) basis=budget`,
			`Metrics row 7: entity=Tencent metric=rank period=2025-03-01 value="3" = 3 rank`,
			`Metrics row 8: entity=Tencent metric=revenue period=2024-12 value="-5" = about -5e+09 CNY (money) basis=actual`,
		},
		rates: []string{
			"FX row 2: currency=EUR per_usd=0.92 date=2025-01-31 source=ECB",
			"FX row 3: currency=GBP per_usd=0.79 date=2025-01-31 source=BoE",
			"FX row 4: currency=HKD per_usd=7.8 date=2025-01-31",
			"FX row 5: currency=CNY per_usd=7.2 date=2025-01-31",
		},
		problems: []string{
			`warning: inputs/pledges.xlsx: sheet "Notes": sheet ignored; the sheets read are Pledges, Metrics, FX, Entities, Comparisons, Progress or Sector names`,
		},
		tables: []analysis.TableInfo{{Sheet: "Pledges", Table: "pledges", Rows: 8}, {Sheet: "Metrics", Table: "metrics", Rows: 7}, {Sheet: "FX", Table: "fx", Rows: 4}},
	},
	{
		name: "decimal comma, as in the package documentation",
		file: "inputs/pledges.xlsx",
		data: xlsx(sh{"pledges ", [][]any{
			{"Pledges"}, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil,
			{"Prepared by the research desk", "2025"},
			pledgeHeader,
			{day(2025, 2, 24), "Alibaba Group", "company", "AI", "about 5,3 billion", "USD"},
		}}),
		problems: []string{
			`error: inputs/pledges.xlsx: sheet "pledges ", cell E14 (amount): "about 5,3 billion": cannot read "5,3" as a number; use 5.3`,
		},
		tables: []analysis.TableInfo{{Sheet: "pledges ", Table: "pledges", Rows: 0}},
	},
	{
		name: "missing required columns",
		file: "p.xlsx",
		data: xlsx(sh{"Pledges", [][]any{
			{"Title"},
			nil,
			{"announced", "investor", "Program", "currency"},
			{day(2025, 2, 24), "Alibaba Group", "AI", "USD"},
		}}, sh{"FX", [][]any{
			{"currency", "date", "per dollar"},
			{"EUR", "2025-01-01", 0.9},
		}}),
		problems: []string{
			`error: p.xlsx: sheet "Pledges", row 3 (amount): missing required column "amount"; add a header cell named amount to row 3`,
			`warning: p.xlsx: sheet "FX", cell C1: "per dollar": unknown column, ignored; did you mean per_usd?`,
			`error: p.xlsx: sheet "FX", row 1 (per_usd): missing required column "per_usd"; add a header cell named per_usd to row 1`,
		},
	},
	{
		name: "cell problems, each at its cell",
		file: "p.xlsx",
		data: xlsx(sh{"Pledges", [][]any{
			{"announced", "investor", "investor_type", "program", "amount", "currency", "unit", "qualifier", "source",
				"ammount", "years", "start_year", "url", "stated_usd", "status", "Program", nil, "sectors"},
			{nil, "Alibaba Group", "corporate", "AI", "380", "CNY"},
			{"24/02/2025", nil, "company", "AI", "US$5 billion", "HKD", nil, nil, "", nil, 0, "FY2025", "www.example.com"},
			{2025, "Tencent", "company", "AI", "5", "XYZ", "billion", nil, nil, nil, "3 years", 2025.5, "javascript:alert(1)", "HK$10 billion"},
			{day(2025, 2, 24), "Tencent", "company", "AI", "5", "USD", "gigantic", "roughly", nil, nil, "3,5", nil, nil, "-1", "cancelled", nil, "x"},
			{day(2025, 2, 24), "Tencent", "company", "AI", styled{5, "yyyy-mm-dd"}, "USD", nil, "sort of", nil, nil, styled{2, "yyyy-mm-dd"}, styled{45658, "yyyy-mm-dd"}},
			{day(2025, 2, 24), "Tencent", "company", "AI", "5", "USD", nil, nil, nil, nil, nil, styled{2025, "yyyy-mm-dd"}, "mailto:desk@example.com", 53e9, nil, nil, nil, "AI"},
		}}),
		pledges: []string{
			`Pledges row 7: announced=2025-02-24 investor=Tencent type=company program=AI amount="5 USD" = 5 USD start=2025 sectors=AI status=announced url=mailto:desk@example.com stated_usd=5.3e+10`,
		},
		problems: []string{
			`warning: p.xlsx: sheet "Pledges", cell J1: "ammount": unknown column, ignored; did you mean amount?`,
			`error: p.xlsx: sheet "Pledges", cell P1 (program): "Program": a second program column (the first is D); keep one of them`,
			`error: p.xlsx: sheet "Pledges", cell A2 (announced): empty; enter the date the pledge was announced, such as 2025-02-24, or unknown, or before 2024-12-20`,
			`error: p.xlsx: sheet "Pledges", cell C2 (investor_type): "corporate": use one of: company, government, fund, individual, other`,
			`error: p.xlsx: sheet "Pledges", cell A3 (announced): "24/02/2025": cannot read the date; use the ISO form 2025-02-24`,
			`error: p.xlsx: sheet "Pledges", cell B3 (investor): empty; enter who made the pledge`,
			`error: p.xlsx: sheet "Pledges", cell E3 (amount): "US$5 billion": the amount is in USD but the currency column says HKD; make them agree or leave the column empty`,
			`error: p.xlsx: sheet "Pledges", cell K3 (years): "0": years must be more than 0`,
			`error: p.xlsx: sheet "Pledges", cell L3 (start_year): "FY2025": not a year; enter a four-digit year such as 2025`,
			`warning: p.xlsx: sheet "Pledges", cell M3 (url): "www.example.com": not a web link; write the full address, starting with https://`,
			`error: p.xlsx: sheet "Pledges", cell A4 (announced): "2025": a year, not a date; enter the full date, such as 2025-02-24`,
			`error: p.xlsx: sheet "Pledges", cell F4 (currency): "XYZ": unknown currency; use an ISO code such as USD, HKD, CNY, EUR, GBP, or a symbol such as US$, HK$, €, £`,
			`error: p.xlsx: sheet "Pledges", cell K4 (years): "3 years": cannot read "years" after the number as a unit or currency; use thousand, million, billion, trillion (k, m, bn, tn), 万, 亿, 万亿, or a currency such as USD`,
			`error: p.xlsx: sheet "Pledges", cell L4 (start_year): "2025.5": not a year; enter a four-digit year such as 2025`,
			`warning: p.xlsx: sheet "Pledges", cell M4 (url): "javascript:alert(1)": not a web link; write the full address, starting with https://`,
			`error: p.xlsx: sheet "Pledges", cell N4 (stated_usd): "HK$10 billion": the stated amount is in HKD; this column holds the US-dollar equivalent a source gives, such as US$53 billion`,
			`error: p.xlsx: sheet "Pledges", cell G5 (unit): "gigantic": unknown unit; use thousand, million, billion, trillion (k, m, bn, tn), 万, 亿 or 万亿, or leave empty`,
			`error: p.xlsx: sheet "Pledges", cell K5 (years): "3,5": cannot read "3,5" as a number; use 3.5`,
			`error: p.xlsx: sheet "Pledges", cell N5 (stated_usd): "-1": the stated US-dollar amount must be more than 0`,
			`error: p.xlsx: sheet "Pledges", cell O5 (status): "cancelled": use one of: announced, committed, deployed, withdrawn`,
			`warning: p.xlsx: sheet "Pledges", cell Q5: "x": column Q has no header, so its values are ignored; name it in row 1 or delete it`,
			`error: p.xlsx: sheet "Pledges", cell E6 (amount): "1900-01-05": the cell holds a date, not an amount (Excel may have turned what was typed into a date); format the cell as Number or Text and type the value again`,
			`error: p.xlsx: sheet "Pledges", cell H6 (qualifier): "sort of": unknown qualifier; use one of: at least, more than, about, less than, at most (or leave empty for an exact figure)`,
			`error: p.xlsx: sheet "Pledges", cell K6 (years): "1900-01-02": the cell holds a date, not a number (Excel may have turned what was typed into a date); format the cell as Number and type the value again`,
			`error: p.xlsx: sheet "Pledges", cell L6 (start_year): "2025-01-01": a date, not a year; enter the year alone, such as 2025`,
		},
	},
	{
		name: "formulas and spreadsheet errors",
		file: "inputs/pledges.xlsx",
		data: rawx(xlsxtest.Book{Sheets: []xlsxtest.Sheet{{Name: "Pledges", Data: headerRow(1, "announced", "investor", "investor_type", "program", "amount", "currency", "source", "comment") +
			// A cached formula result is read; an error value and a
			// formula without a saved value are errors, except in a
			// column the program does not read (H).
			row(2, num("A2", "45712", 1), is("B2", "Alibaba Group"), `<c r="D2" t="str"><f>"AI "&amp;"fund"</f><v>AI fund</v></c>`,
				`<c r="E2"><f>B9*2</f><v>380</v></c>`, is("F2", "CNY"), `<c r="H2" t="e"><f>1/0</f><v>#DIV/0!</v></c>`) +
			row(3, num("A3", "45712", 1), is("B3", "Tencent"), is("D3", "AI"), `<c r="E3" t="e"><f>#REF!*2</f><v>#REF!</v></c>`,
				is("F3", "USD"), `<c r="G3"><f>H3</f></c>`, `<c r="H3"><f>1+1</f></c>`) +
			row(4, `<c r="A4"><f>TODAY()</f></c>`, is("B4", "#N/A"), `<c r="D4" t="str"><f t="shared" si="0"/></c>`, num("E4", "5", 0),
				is("F4", "USD")) +
			row(5, num("A5", "45712", 1), is("B5", "Baidu"), is("D5", "AI"), `<c r="E5" t="str"><f>"5 billion"</f><v>5 billion</v></c>`,
				`<c r="F5" t="b"><v>1</v></c>`, `<c r="G5" t="d"><v>2025-02-24T00:00:00</v></c>`)}}}),
		pledges: []string{
			`Pledges row 2: announced=2025-02-24 investor=Alibaba Group program=AI fund amount="380 CNY" = 380 CNY status=announced`,
		},
		problems: []string{
			`warning: inputs/pledges.xlsx: sheet "Pledges", cell H1: "comment": unknown column, ignored; the pledges columns are ` + strings.Join(pledgeSpec.names(), ", "),
			`error: inputs/pledges.xlsx: sheet "Pledges", cell E3 (amount): "#REF!": the cell holds the spreadsheet error #REF!; fix the formula or type the value`,
			`error: inputs/pledges.xlsx: sheet "Pledges", cell G3 (source): "=H3": formula with no saved value; open and save the file in Excel (or LibreOffice) so the value is stored, or type the value`,
			`error: inputs/pledges.xlsx: sheet "Pledges", cell A4 (announced): "=TODAY()": formula with no saved value; open and save the file in Excel (or LibreOffice) so the value is stored, or type the value`,
			`error: inputs/pledges.xlsx: sheet "Pledges", cell B4 (investor): "#N/A": the cell holds the spreadsheet error #N/A; fix the formula or type the value`,
			`error: inputs/pledges.xlsx: sheet "Pledges", cell D4 (program): formula with no saved value; open and save the file in Excel (or LibreOffice) so the value is stored, or type the value`,
			`error: inputs/pledges.xlsx: sheet "Pledges", cell F5 (currency): "TRUE": unknown currency; use an ISO code such as USD, HKD, CNY, EUR, GBP, or a symbol such as US$, HK$, €, £`,
		},
	},
	{
		name: "namespace prefixes, no cell references, rich shared strings, 1904 dates",
		file: "book.xlsx",
		data: rawx(xlsxtest.Book{Date1904: true,
			SST: []string{"<t>entity</t>", "<t>metric</t>", "<t>period</t>", "<t>value</t>",
				`<r><rPr><b/></rPr><t>Ali</t></r><r><t xml:space="preserve">baba </t></r><rPh sb="0" eb="1"><t>アリ</t></rPh>`,
				"<t>capex_x000D_\nplan</t>", "<t><![CDATA[less than US$13 billion]]></t>", "<t>R&amp;D &#x4E2D;&#25991; _x005F_x0041_</t>"},
			Sheets: []xlsxtest.Sheet{{Name: "Metrics", Data: `<?xml version="1.0" encoding="UTF-8"?>
<!-- written by hand -->
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:dimension ref="A1:D3"/><x:sheetData>
<x:row><x:c t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c><x:c t="s"><x:v>2</x:v></x:c><x:c t='s'><x:v>3</x:v></x:c></x:row>
<x:row><x:c t="s"><x:v>4</x:v></x:c><x:c t="s"><x:v>5</x:v></x:c><x:c s="1"><x:v>44620</x:v></x:c><x:c t="s"><x:v>6</x:v></x:c></x:row>
<x:row r="5"><x:c r="B5" t="s"><x:v> 7 </x:v></x:c><x:c r="A5" t="inlineStr"><x:is><x:t>Tencent</x:t></x:is></x:c><x:c r="C5"><x:v>2024</x:v></x:c><x:c r="D5" s="2"><x:v>0.125</x:v></x:c></x:row>
<x:row r="6" spans="1:4"/>
</x:sheetData></x:worksheet>`}}}),
		metrics: []string{
			"Metrics row 2: entity=Alibaba metric=capex\r\nplan period=2026-03-01 value=\"less than US$13 billion\" = less than 1.3e+10 USD (money)",
			`Metrics row 5: entity=Tencent metric=R&D 中文 _x0041_ period=2024 value="12.5%" = 12.5 %`,
		},
		problems: []string{},
	},
	{
		name: "no known sheet",
		file: "notes.xlsx",
		data: xlsx(sh{"Sheet1", [][]any{{"a", "b"}}}, sh{"Pledges 2025", [][]any{{"announced"}}}),
		problems: []string{
			`error: notes.xlsx: no sheet named Pledges, Metrics, FX, Entities, Comparisons, Progress or Sector names (the sheets are "Sheet1", "Pledges 2025"); rename the sheets to be read`,
		},
	},
	{
		name: "header only, empty sheet, no header row",
		file: "p.xlsx",
		data: xlsx(sh{"Pledges", [][]any{nil, pledgeHeader}}, sh{"Metrics", nil},
			sh{"FX", [][]any{{"Währung", "Kurs", "Datum"}, {"EUR", 0.9, "2025-01-01"}}}),
		problems: []string{
			`error: p.xlsx: sheet "Pledges", row 2: no rows below the header; add one row per pledge`,
			`error: p.xlsx: sheet "Metrics": the sheet is empty; add a header row (entity, metric, period, value, ...) and one row per figure`,
			`error: p.xlsx: sheet "FX", row 1: no header row: no row names the fx columns; put the column names (currency, per_usd, date, ...) in one row above the data`,
		},
	},
	{
		name: "an FX table may be empty",
		file: "p.xlsx",
		data: xlsx(sh{"FX", [][]any{{"currency", "per_usd", "date"}}}),
	},
	{
		name: "too many rows",
		file: "p.xlsx",
		opts: Options{MaxRows: 2},
		data: xlsx(sh{"FX", [][]any{{"currency", "per_usd", "date"}, {"EUR", 0.9, "2025-01-01"}, nil, {"GBP", 0.8, "2025-01-01"}, {"HKD", 7.8, "2025-01-01"}}}),
		rates: []string{
			"FX row 2: currency=EUR per_usd=0.9 date=2025-01-01",
			"FX row 4: currency=GBP per_usd=0.8 date=2025-01-01",
		},
		problems: []string{
			`error: p.xlsx: sheet "FX", row 5: more than 2 rows of data, the most read from one sheet or file; split the data over several files`,
		},
	},
	{
		name: "zip bomb guard",
		file: "big.xlsx",
		opts: Options{UnzipSizeLimit: 2000},
		data: xlsx(sh{"FX", [][]any{{"currency", "per_usd", "date"}, {"EUR", 0.9, "2025-01-01"}}}),
		problems: []string{
			"error: big.xlsx: the workbook unpacks to 17.5 KiB, more than the limit of 2.0 KiB; split the data over several files",
		},
	},
	{
		name: "shared strings limit",
		file: "big.xlsx",
		opts: Options{SharedStringsLimit: 100},
		data: xlsx(sh{"FX", [][]any{{"currency", "per_usd", "date"}, {"EUR", 0.9, "2025-01-01"}}}),
		problems: []string{
			"error: big.xlsx: the shared strings (all the distinct texts) of the workbook unpack to 254 bytes, more than the limit of 100 bytes; split the data over several files",
		},
	},
	{
		name: "damaged and missing sheets",
		file: "p.xlsx",
		data: rawx(xlsxtest.Book{
			Sheets: []xlsxtest.Sheet{
				{Name: "Pledges", Data: headerRow(1, "announced", "investor", "program", "amount") +
					row(2, num("A2", "45712", 1), is("B2", "Alibaba Group"), is("C2", "AI"), is("D2", "US$1 billion")) +
					`<row r="3"><c r="A3"><v>45712</v></c><c r="B3" t="inlineStr"><is><t>Tencent</t></is>`},
				{Name: "Metrics", Data: ""},
				{Name: "FX", Data: ""},
			},
			Extra: map[string]string{
				"xl/worksheets/sheet2.xml": "",
				// FX points at a chart sheet.
				"xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
					`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
					`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/missing.xml"/>` +
					`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="worksheets/sheet3.xml"/>` +
					`<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
			},
		}),
		pledges: []string{
			`Pledges row 2: announced=2025-02-24 investor=Alibaba Group program=AI amount="US$1 billion" = 1e+09 USD status=announced`,
		},
		problems: []string{
			`error: p.xlsx: sheet "Pledges": the sheet is damaged after row 2 (malformed XML: the sheet ends inside a cell); open the file in Excel and save it again`,
			`error: p.xlsx: sheet "Metrics": the sheet's cells are missing from the file; open it in Excel and save it again`,
			`error: p.xlsx: sheet "FX": the sheet is a chart sheet, not a worksheet with cells; put the table on a normal worksheet`,
		},
		tables: []analysis.TableInfo{{Sheet: "Pledges", Table: "pledges", Rows: 1}},
	},
	{name: "binary workbook", file: "b.xlsx", data: func(tb testing.TB) []byte {
		return xlsxtest.Zip(tb, map[string]string{"xl/workbook.bin": "x", "[Content_Types].xml": "<Types/>"})
	}, problems: []string{
		`error: b.xlsx: this is an Excel Binary Workbook (.xlsb); open it in Excel and save it as an Excel Workbook (.xlsx)`,
	}},
	{name: "OpenDocument", file: "b.xlsx", data: func(tb testing.TB) []byte {
		return xlsxtest.Zip(tb, map[string]string{"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>"})
	}, problems: []string{
		`error: b.xlsx: this is an OpenDocument spreadsheet (.ods); save it as an Excel Workbook (.xlsx)`,
	}},
	{name: "malformed workbook part", file: "b.xlsx", data: rawx(xlsxtest.Book{Sheets: []xlsxtest.Sheet{{Name: "FX", Data: ""}},
		Extra: map[string]string{"xl/workbook.xml": "<workbook><sheets><sheet name="}}), problems: []string{
		`error: b.xlsx: the workbook is damaged (xl/workbook.xml: malformed XML: XML syntax error on line 1: unexpected EOF); open it in Excel and save it again`,
	}},
	{name: "empty file", file: "e.xlsx", data: text(""), problems: []string{
		"error: e.xlsx: the file is empty; save the workbook again from Excel",
	}},
	{name: "old xls", file: "old.xlsx", data: text("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00 not really"), problems: []string{
		"error: old.xlsx: this is an old .xls file; open it in Excel and save it as an Excel Workbook (.xlsx)",
	}},
	{name: "password", file: "secret.xlsx", data: encrypted, problems: []string{
		"error: secret.xlsx: the workbook is protected with a password; open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password, then clear it) and save it",
	}},
	{name: "csv named xlsx", file: "pledges.xlsx", data: text("announced,investor\n2025-01-01,A\n"), problems: []string{
		"error: pledges.xlsx: this is a text file (a CSV file renamed to .xlsx?), not an xlsx workbook; open it in Excel and save it as an Excel Workbook (.xlsx), or name it pledges.csv, metrics.csv or fx.csv",
	}},
	{name: "html named xlsx", file: "export.xlsx", data: text("<html><table><tr><td>1</td></tr></table></html>"), problems: []string{
		"error: export.xlsx: this is a web page (HTML) with an .xlsx name, as some systems export tables; open it in Excel and save it as an Excel Workbook (.xlsx)",
	}},
	{name: "truncated", file: "cut.xlsx", data: truncated, problems: []string{
		"error: cut.xlsx: the file is damaged or incomplete (zip: not a valid zip file); copy or download it again, or open it in Excel and save it again",
	}},
	{name: "word document", file: "doc.xlsx", data: func(tb testing.TB) []byte {
		return xlsxtest.Zip(tb, map[string]string{"word/document.xml": "<w/>", "[Content_Types].xml": "<Types/>"})
	}, problems: []string{
		"error: doc.xlsx: this is a Word document, not a workbook; enter the data into an xlsx workbook",
	}},
	{
		name: "csv with BOM, CRLF, blank lines and a field over two lines",
		file: "inputs/Pledges.csv",
		data: text("\xef\xbb\xbfPledges as of 2025\r\n\r\nannounced,investor,program,amount,note\r\n" +
			"2025-02-24,Alibaba Group,AI,\"US$53 billion\",\"two\r\nlines\"\r\n\r\n" +
			"2025-02-25,Tencent,AI,\"5,3 billion\",\r\n" +
			"2025-02-26,#N/A,AI,1 billion USD,\r\n" +
			"2025-02-27,Baidu,AI,about 5,3 billion USD,a note\r\n"),
		pledges: []string{
			"row 4: announced=2025-02-24 investor=Alibaba Group program=AI amount=\"US$53 billion\" = 5.3e+10 USD status=announced note=two\nlines",
		},
		problems: []string{
			`error: inputs/Pledges.csv, cell D6 (amount): "5,3 billion": cannot read "5,3" as a number; use 5.3`,
			`error: inputs/Pledges.csv, cell B7 (investor): "#N/A": the cell holds the spreadsheet error #N/A; fix the formula or type the value`,
			`error: inputs/Pledges.csv, cell D8 (amount): "about 5": no currency for the amount; put a code such as USD, HKD or CNY in the currency column, or write it in the amount (US$50 billion)`,
			`warning: inputs/Pledges.csv, cell F8: "a note": the row has more values than the header has columns (5), so this one is ignored; a value that holds a comma must be in double quotes, such as "5,3 billion"`,
		},
	},
	{
		name:  "csv with semicolons and decimal commas",
		file:  "fx.csv",
		data:  text("currency;per_usd;date\nEUR;0,92;2025-01-31\nHKD;7.8;31.01.2025\n"),
		rates: nil,
		problems: []string{
			`error: fx.csv, cell B2 (per_usd): "0,92": cannot read "0,92" as a number; use 0.92`,
			`error: fx.csv, cell C3 (date): "31.01.2025": cannot read the date; use the ISO form 2025-01-31`,
		},
	},
	{
		name: "csv metrics",
		file: "data/metrics.CSV",
		data: text("entity,metric,period,value,unit\nAlibaba,capex,2025,32,USD billion\nSurvey,adoption,2024 Q4,+8%,\n"),
		metrics: []string{
			`row 2: entity=Alibaba metric=capex period=2025 value="32" = 3.2e+10 USD (money)`,
			`row 3: entity=Survey metric=adoption period=2024Q4 value="+8%" = 8 % (change)`,
		},
		problems: []string{},
	},
	{name: "csv of another name", file: "inputs/notes.csv", data: text("a,b\n"), problems: []string{
		"warning: inputs/notes.csv: file ignored; the CSV files read are pledges.csv, metrics.csv, fx.csv, entities.csv, comparisons.csv, progress.csv or sector_names.csv",
	}},
	{name: "csv not utf-8", file: "fx.csv", data: text("currency,per_usd,date,note\nEUR,0.9,2025-01-01,caf\xe9\n"), problems: []string{
		"error: fx.csv, cell D2: the file is not UTF-8 text; save it from Excel as CSV UTF-8 (Comma delimited)",
	}},
	{name: "csv bare quote", file: "fx.csv", data: text("currency,per_usd,date,note\nEUR,0.9,2025-01-01,the \"big\" one\nGBP,0.8,2025-01-01,\n"),
		rates: []string{
			"row 3: currency=GBP per_usd=0.8 date=2025-01-01",
		}, problems: []string{
			`error: fx.csv, row 2: cannot read the line (bare " in non-quoted-field); put a field that holds quotes or commas in double quotes, and double the quotes inside it (""like this"")`,
		}},
}

// encrypted is a workbook saved with a password.
func encrypted(tb testing.TB) []byte {
	f := excelize.NewFile()
	defer f.Close()
	var b bytes.Buffer
	if err := f.Write(&b, excelize.Options{Password: "secret"}); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes()
}

// truncated is a workbook cut short, as an interrupted download leaves it.
func truncated(tb testing.TB) []byte {
	b := book(tb, sh{"FX", [][]any{{"currency", "per_usd", "date"}}})
	return b[:len(b)/2]
}

// TestReadSources reads one workbook from a plain io.Reader (read into
// memory), a bytes.Reader and a file (both read in place, from their
// current offset), and checks they give the same records and the SHA-256
// of the bytes.
func TestReadSources(t *testing.T) {
	data := book(t, sh{"FX", [][]any{{"currency", "per_usd", "date"}, {"EUR", 0.92, day(2025, 1, 31)}}})
	want := fmt.Sprintf("%x", sha256.Sum256(data))
	path := filepath.Join(t.TempDir(), "rates.xlsx")
	if err := os.WriteFile(path, append([]byte("junk"), data...), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.Seek(4, io.SeekStart); err != nil {
		t.Fatal(err)
	}
	for name, r := range map[string]io.Reader{
		"reader": struct{ io.Reader }{bytes.NewReader(data)},
		"bytes":  bytes.NewReader(data),
		"file":   f,
	} {
		var rd Reader
		if err := rd.ReadXLSX(r, "rates.xlsx"); err != nil {
			t.Fatal(err)
		}
		if got := rd.Inputs.Files[0].SHA256; got != want {
			t.Errorf("%s: sha256 %s, want %s", name, got, want)
		}
		if len(rd.Inputs.Rates) != 1 || rd.Inputs.Rates[0].PerUSD != 0.92 || len(rd.Problems.List()) != 0 {
			t.Errorf("%s: rates %+v, problems %q", name, rd.Inputs.Rates, problemLines(&rd.Problems))
		}
	}
	var rd Reader
	if err := rd.ReadXLSX(iotest.ErrReader(io.ErrUnexpectedEOF), "broken.xlsx"); err == nil || len(rd.Inputs.Files) != 0 {
		t.Errorf("a failing reader gave %v and %d files", err, len(rd.Inputs.Files))
	}
	if err := rd.ReadCSV(iotest.TimeoutReader(strings.NewReader("currency,per_usd,date\n")), "fx.csv"); err == nil {
		t.Errorf("a failing CSV reader gave no error")
	}
}
