package sheets

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
	"time"

	"pledgewatch/analysis/sheets/internal/xlsxtest"
)

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
	conv := xlsxtest.StartLibreOffice(t, data)
	t.Parallel()
	lo := conv.Wait(t)
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

func TestTrimSpace(t *testing.T) {
	for s, want := range map[string]string{" a ": "a", "\u00a0Baidu\u200b": "Baidu", "\ufeffx": "x", "": "", "\t\n": ""} {
		if got := trimSpace(s); got != want {
			t.Errorf("trimSpace(%q) = %q, want %q", s, got, want)
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
