package sheets

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/xuri/excelize/v2"

	"pledgewatch/analysis/sheets/internal/xlsxtest"
)

// recorder is a rowSink that keeps every cell as "B7=value".
type recorder struct{ cells []string }

func (r *recorder) wants(int) bool { return true }

func (r *recorder) row(n int, cells []cell) bool {
	for _, c := range cells {
		v := c.text()
		if c.kind == cellNoValue {
			v = "(formula " + v + ")"
		}
		r.cells = append(r.cells, fmt.Sprintf("%s%d=%s", columnLetters(c.col), n, v))
	}
	return true
}

// scanAll returns every cell of every sheet of a workbook, reading the
// sheet parts through wrap.
func scanAll(t *testing.T, data []byte, wrap func(io.Reader) io.Reader) map[string][]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	wb, err := openWorkbook(zr, DefaultSharedStringsLimit)
	if err != nil {
		t.Fatal(err)
	}
	if err := wb.loadStyles(); err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for _, s := range wb.sheets {
		rc, size, err := wb.open(s.path)
		if err != nil {
			t.Fatal(err)
		}
		// Read the part first: iotest.DataErrReader loses the last bytes
		// of a reader that returns them with io.EOF, as zip does.
		part, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		var rec recorder
		if err := wb.scanSheet(wrap(bytes.NewReader(part)), size, &rec); err != nil {
			t.Fatalf("sheet %s (%T): %v", s.name, wrap(strings.NewReader("")), err)
		}
		out[s.name] = rec.cells
	}
	return out
}

// excelizeCells returns every non-empty cell as excelize reads it, raw.
func excelizeCells(t *testing.T, data []byte) map[string][]string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string][]string{}
	for _, name := range f.GetSheetList() {
		rows, err := f.GetRows(name)
		if err != nil {
			t.Fatal(err)
		}
		cells := []string{}
		for r, row := range rows {
			for c, v := range row {
				if v != "" {
					cells = append(cells, fmt.Sprintf("%s%d=%s", columnLetters(c+1), r+1, v))
				}
			}
		}
		out[name] = cells
	}
	return out
}

// diffWorkbook is a workbook with the kinds of values users type.
func diffWorkbook(tb testing.TB) []byte {
	return book(tb,
		sh{"Pledges", [][]any{
			{"Title"}, nil,
			{"announced", "investor", "program", "amount", "note", "years"},
			{day(2025, 2, 24), "阿里巴巴集团", "AI & cloud <infra>", 380.5, "  leading and trailing  ", 3},
			{"2025-02-26", "Tencent", "quote \" and apostrophe '", "more than US$50 billion", "tab\there\nnew line", 0.1 + 0.2},
			{day(1900, 3, 1), "Émile", "x", 1e-7, nil, 1234567890123},
			{nil, nil, nil, nil, nil, -2.5},
			{"=not a formula", "#N/A", true, false, "😀 emoji", math.MaxInt32},
		}},
		sh{"FX", [][]any{{"currency", "per_usd", "date"}, {"EUR", 0.92, day(2025, 1, 31)}, {"HKD", formula("1+6.8"), day(2025, 1, 31)}}},
	)
}

// TestScanMatchesExcelize reads workbooks written by excelize (shared
// strings, inline strings) and, when LibreOffice is installed, by
// LibreOffice, and checks that every cell this package's scanner finds is
// what excelize finds, whatever the chunks the input arrives in.
func TestScanMatchesExcelize(t *testing.T) {
	books := map[string][]byte{
		"normal mode":   diffWorkbook(t),
		"stream writer": pledgeWorkbook(t, 3000, 7),
	}
	if lo := xlsxtest.LibreOffice(t, books["normal mode"]); lo != nil {
		books["LibreOffice"] = lo
	}
	readers := map[string]func(io.Reader) io.Reader{
		"whole":    func(r io.Reader) io.Reader { return r },
		"one byte": iotest.OneByteReader,
		"halves":   iotest.HalfReader,
		"data+err": iotest.DataErrReader,
	}
	for bname, data := range books {
		want := excelizeCells(t, data)
		for rname, wrap := range readers {
			if rname == "one byte" && bname == "stream writer" && testing.Short() {
				continue
			}
			got := scanAll(t, data, wrap)
			for sheet, w := range want {
				g := got[sheet]
				// A formula without a saved value is empty to excelize.
				g = slices.DeleteFunc(slices.Clone(g), func(s string) bool { return strings.HasSuffix(s, ")") && strings.Contains(s, "=(formula ") })
				if !slices.Equal(g, w) {
					for i := 0; i < max(len(g), len(w)); i++ {
						var gi, wi string
						if i < len(g) {
							gi = g[i]
						}
						if i < len(w) {
							wi = w[i]
						}
						if gi != wi {
							t.Fatalf("%s, %s, sheet %s, cell %d:\n got %q\nwant %q", bname, rname, sheet, i, gi, wi)
						}
					}
				}
			}
		}
	}
}

// TestLibreOfficeRoundTrip checks that a workbook opened and saved by
// LibreOffice reads to the same records, and that LibreOffice's saving
// stores the value of a formula that had none (the fix the ErrFormula
// message gives).
func TestLibreOfficeRoundTrip(t *testing.T) {
	data := book(t, sh{"Pledges", [][]any{
		pledgeHeader,
		{day(2025, 2, 24), "Alibaba Group", "company", "AI", formula("190*2"), "CNY", "billion", "at least", "CNA"},
		{"2025-02-26", "HKSAR Government", "government", "AI fund", "HK$10 billion", nil, nil, nil, "Budget"},
	}}, sh{"Metrics", [][]any{
		{"entity", "metric", "period", "value"},
		{"Survey", "AI adoption", "2024Q4", styled{0.41, "0%"}},
		{"Tencent", "rank", day(2025, 3, 1), 3},
	}})
	lo := xlsxtest.LibreOffice(t, data)
	if lo == nil {
		t.Skip("LibreOffice not available")
	}
	var before, after Reader
	if err := before.ReadXLSX(bytes.NewReader(data), "book.xlsx"); err != nil {
		t.Fatal(err)
	}
	if err := after.ReadXLSX(bytes.NewReader(lo), "book.xlsx"); err != nil {
		t.Fatal(err)
	}
	if got := problemLines(&before.Problems); len(got) != 1 || !strings.Contains(got[0], "cell E2 (amount): \"=190*2\": formula with no saved value") {
		t.Errorf("before LibreOffice: %q", got)
	}
	if got := problemLines(&after.Problems); len(got) != 0 {
		t.Errorf("after LibreOffice: %q", got)
	}
	var lines []string
	for _, p := range after.Inputs.Pledges {
		lines = append(lines, pledgeLine(p))
	}
	for _, m := range after.Inputs.Metrics {
		lines = append(lines, metricLine(m))
	}
	compare(t, "record", lines, []string{
		`Pledges row 2: announced=2025-02-24 investor=Alibaba Group type=company program=AI amount="at least 380 billion CNY" = at least 3.8e+11 CNY status=announced source=CNA`,
		`Pledges row 3: announced=2025-02-26 investor=HKSAR Government type=government program=AI fund amount="HK$10 billion" = 1e+10 HKD status=announced source=Budget`,
		`Metrics row 2: entity=Survey metric=AI adoption period=2024Q4 value="41%" = 41 %`,
		`Metrics row 3: entity=Tencent metric=rank period=2025-03-01 value="3" = 3`,
	})
}

func TestClassifyFormat(t *testing.T) {
	for _, c := range []struct {
		code string
		want numFmt
	}{
		{"General", fmtPlain},
		{"0.00", fmtPlain},
		{"#,##0", fmtPlain},
		{"0.00E+00", fmtPlain},
		{`#,##0.0" bn"`, fmtPlain},
		{`"Day "0`, fmtPlain},
		{"[Red]0.00;[Blue]-0.00", fmtPlain},
		{"[$€-2] #,##0.00", fmtPlain},
		{"0%", fmtPercent},
		{"0.0%;[Red]-0.0%", fmtPercent},
		{"yyyy-mm-dd", fmtDate},
		{`yyyy\-mm\-dd`, fmtDate},
		{"d/m/yyyy", fmtDate},
		{"[$-409]mmmm d, yyyy;@", fmtDate},
		{"[h]:mm:ss", fmtDate},
		{"hh:mm AM/PM", fmtDate},
		{`yyyy"年"m"月"d"日"`, fmtDate},
		{"@", fmtPlain},
	} {
		if got := classifyFormat(c.code); got != c.want {
			t.Errorf("classifyFormat(%q) = %d, want %d", c.code, got, c.want)
		}
	}
	for id, want := range map[int]numFmt{0: fmtPlain, 2: fmtPlain, 9: fmtPercent, 10: fmtPercent, 14: fmtDate, 22: fmtDate, 45: fmtDate, 49: fmtPlain, 57: fmtDate} {
		if got := builtinFormat(id); got != want {
			t.Errorf("builtinFormat(%d) = %d, want %d", id, got, want)
		}
	}
}

func TestCellReferences(t *testing.T) {
	for ref, want := range map[string]int{"A1": 1, "Z9": 26, "AA10": 27, "az3": 52, "XFD1048576": 16384, "XFE1": 0, "A": 0, "1": 0, "A1B": 0, "": 0} {
		if got := columnOf([]byte(ref)); got != want {
			t.Errorf("columnOf(%q) = %d, want %d", ref, got, want)
		}
	}
	for n := 1; n <= 20000; n++ {
		if l := columnLetters(n); columnOf([]byte(l+"1")) != n && n <= maxColumns {
			t.Fatalf("columnLetters(%d) = %q", n, l)
		}
	}
}

func TestNumbers(t *testing.T) {
	for _, s := range []string{"0", "45712", "53.7", "0.1", "1234567890.12345", "9007199254740993", "1.5E-3", "-2", "1e308", "12345678901234567", ".5", "5."} {
		want, err := strconv.ParseFloat(s, 64)
		got, ok := parseNumberBytes([]byte(s))
		if err != nil || !ok || got != want {
			t.Errorf("parseNumberBytes(%q) = %v, %v; strconv gives %v", s, got, ok, want)
		}
	}
	for _, s := range []string{"", "abc", "1,5", "NaN", "Inf", "1e999"} {
		if v, ok := parseNumberBytes([]byte(s)); ok {
			t.Errorf("parseNumberBytes(%q) = %v, want an error", s, v)
		}
	}
	pct, tenth := 0.41, 0.1 // variables: constant arithmetic would be exact
	for _, c := range []struct {
		v    float64
		want string
	}{
		{0, "0"}, {41, "41"}, {pct * 100, "41"}, {tenth + 0.2, "0.3"}, {5.3e10, "53000000000"},
		{-2.5, "-2.5"}, {1e-7, "0.0000001"}, {1234567890123, "1234567890123"}, {1e21, "1000000000000000000000"},
	} {
		if got := formatNumber(c.v); got != c.want {
			t.Errorf("formatNumber(%v) = %q, want %q", c.v, got, c.want)
		}
	}
}

func TestDates(t *testing.T) {
	for _, c := range []struct {
		serial float64
		d1904  bool
		want   string
	}{
		{45712, false, "2025-02-24"},
		{45712.99, false, "2025-02-24"},
		{1, false, "1900-01-01"},
		{61, false, "1900-03-01"},
		{44620, true, "2026-03-01"},
		{0, false, ""},
		{-1, false, ""},
		{3e6, false, ""},
	} {
		got, ok := serialDate(c.serial, c.d1904)
		s := ""
		if ok {
			s = got.Format(time.DateOnly)
		}
		if s != c.want {
			t.Errorf("serialDate(%v, %v) = %q, want %q", c.serial, c.d1904, s, c.want)
		}
	}
}

func TestText(t *testing.T) {
	for raw, want := range map[string]string{
		"plain":                   "plain",
		"a &amp; b &lt;c&gt;":     "a & b <c>",
		"&quot;&apos;&#65;&#x42;": `"'AB`,
		"stray & ampersand":       "stray & ampersand",
		"&unknown;":               "&unknown;",
		"&#xD800;":                "\ufffd",
		"cr\r\nlf\rx":             "cr\nlf\nx",
	} {
		if got := string(appendText(nil, []byte(raw), false)); got != want {
			t.Errorf("appendText(%q) = %q, want %q", raw, got, want)
		}
	}
	for raw, want := range map[string]string{
		"a_x000D_b":                 "a\rb",
		"_x005F_x000D_":             "_x000D_",
		"_xD83D__xDE00_":            "😀",
		"_xD83D_":                   "\ufffd",
		"no_escape_x12":             "no_escape_x12",
		"_x00e9_t_x00E9_":           "été",
		"snake_case_xyzw_not_a_hex": "snake_case_xyzw_not_a_hex",
	} {
		if got := string(decodeEscapes([]byte(raw))); got != want {
			t.Errorf("decodeEscapes(%q) = %q, want %q", raw, got, want)
		}
	}
	for s, want := range map[string]string{" a ": "a", "\u00a0Baidu\u200b": "Baidu", "\ufeffx": "x", "": "", "\t\n": ""} {
		if got := trimSpace(s); got != want {
			t.Errorf("trimSpace(%q) = %q, want %q", s, got, want)
		}
		if got := string(trimSpaceBytes([]byte(s))); got != want {
			t.Errorf("trimSpaceBytes(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestHeaders(t *testing.T) {
	for _, c := range []struct {
		header string
		spec   *tableSpec
		field  int
		hint   string
	}{
		{"Investor Type", pledgeSpec, pInvestorType, ""},
		{"investor-type", pledgeSpec, pInvestorType, ""},
		{" INVESTOR__TYPE ", pledgeSpec, pInvestorType, ""},
		{"Source Date", pledgeSpec, pSourceDate, ""},
		{"Rate", fxSpec, fPerUSD, ""},
		{"per USD", fxSpec, fPerUSD, ""},
		{"date", pledgeSpec, -1, "announced"},
		{"ammount", pledgeSpec, -1, "amount"},
		{"Investr", pledgeSpec, -1, "investor"},
		{"amount", metricSpec, -1, "value"},
		{"comment", pledgeSpec, -1, ""},
		{"urls", metricSpec, -1, "url"},
		{"x", fxSpec, -1, ""},
	} {
		if got := c.spec.column(c.header); got != c.field {
			t.Errorf("%s column(%q) = %d, want %d", c.spec.table, c.header, got, c.field)
		}
		if c.field < 0 {
			if got := c.spec.suggest(c.header); got != c.hint {
				t.Errorf("%s suggest(%q) = %q, want %q", c.spec.table, c.header, got, c.hint)
			}
		}
	}
}

func TestCSVDelimiter(t *testing.T) {
	for head, want := range map[string]rune{
		"a,b,c\n":                  ',',
		"a;b;c\n1,5;2;3":           ';',
		"a\tb\n":                   '\t',
		"Pledges 2025\n\na;b;c\n":  ';',
		"title, with comma\na;b\n": ',',
		"":                         ',',
	} {
		if got := csvDelimiter([]byte(head)); got != want {
			t.Errorf("csvDelimiter(%q) = %q, want %q", head, got, want)
		}
	}
}
