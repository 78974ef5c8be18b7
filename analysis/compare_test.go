package analysis

import (
	"errors"
	"math"
	"strings"
	"testing"
)

func cmpSpec(row int, id, left, how, right string, ly, ry float64) ComparisonSpec {
	return ComparisonSpec{Loc: At("in.xlsx", "Comparisons", row, Columns{"left": 2, "how": 3, "right": 4}),
		ID: id, Left: left, How: how, Right: right, LeftYears: ly, RightYears: ry}
}

// TestComparisonsByHand works out the comparisons the seed articles make,
// each against arithmetic a reader can redo.
func TestComparisonsByHand(t *testing.T) {
	plan, _ := alibabaPlan()
	fund := at(pledge("fund", "2024-12-20", "Alibaba Entrepreneurs Fund", "fund", "AI fund", "US$150 million", "", 0, "", "Hong Kong", "Star"), 6)
	itiof := at(pledge("itiof", "2024-10-16", "Hong Kong SAR Government", "government", "I&T fund", "HK$10 billion", "", 0, "", "Hong Kong", "Star"), 7)
	raise := at(pledge("raise", "2022-10-19", "Hong Kong SAR Government", "government", "RAISe+", "HK$10 billion", "", 0, "", "Hong Kong", "SCMP"), 8)
	aiss := at(pledge("aiss", "2024-02-28", "Hong Kong SAR Government", "government", "AI Subsidy Scheme", "HK$3 billion", "", 3, "", "Hong Kong", "SCMP"), 9)
	hkic := at(pledge("hkic", "2024-12-20", "HKIC", "government", "AI firm investments", "undisclosed", "", 0, "", "Hong Kong", "Star"), 10)
	in := ratesInputs(plan, fund, itiof, raise, aiss, hkic)
	decade := metric("Alibaba Group", "plan as a multiple of the past decade", "2025-02-24", "more than 1", "plan", "CNA")
	decade.Unit = "x"
	in.Metrics = []Metric{
		decade,
		metric("Big four", "AI capex", "2025", "US$32 billion", "forecast", "ABMedia"),
		metric("Global", "AI investment, five years", "2025-09-24", "$4 trillion", "forecast", "ABMedia"),
		metric("Alibaba Group", "revenue", "FY2025Q3", "2801.5亿元", "actual", "The Paper"),
		metric("Alibaba Group", "revenue", "FY2025Q3", "2773.7亿元", "estimate", "The Paper"),
		metric("Alibaba Group", "net profit growth", "FY2025Q3", "+333%", "actual", "The Paper"),
		metric("Alibaba Group", "non-GAAP net profit growth", "FY2025Q3", "+6%", "actual", "The Paper"),
		metric("HKSTP", "AI companies", "2022-12-31", "more than 200", "actual", "SCMP"),
		metric("HKSTP", "AI companies, multiple of a year earlier", "2022", "2", "actual", "SCMP"),
	}
	in.Metrics[8].Unit = "x"
	in.Comparisons = []ComparisonSpec{
		cmpSpec(2, "decade", "metric:Alibaba Group|plan as a multiple of the past decade|2025-02-24", "pace", "", 3, 10),
		cmpSpec(3, "big4", "pledge:plan", "pace share", "metric:Big four|AI capex|2025", 0, 1),
		cmpSpec(4, "global", "pledge:plan", "pace share", "metric:Global|AI investment, five years|2025-09-24", 0, 5),
		cmpSpec(5, "estimate", "metric:Alibaba Group|revenue|FY2025Q3|actual", "growth", "metric:Alibaba Group|revenue|FY2025Q3|estimate", 0, 0),
		cmpSpec(6, "profit", "metric:Alibaba Group|net profit growth|FY2025Q3", "difference", "metric:Alibaba Group|non-GAAP net profit growth|FY2025Q3", 0, 0),
		cmpSpec(7, "hk", "total:region=Hong Kong;type=government", "ratio", "total:region=Hong Kong;type!=government", 0, 0),
		cmpSpec(8, "hkstp", "metric:HKSTP|AI companies|2022-12-31", "ratio", "metric:HKSTP|AI companies, multiple of a year earlier|2022", 0, 0),
	}
	// A pledge against metrics is unlike: kept only with a caveat. The
	// two growth rates measure different things and have none: left out.
	in.Comparisons[1].Caveat = "a three-year plan of one group against a one-year forecast of four"
	in.Comparisons[2].Caveat = "a plan against a forecast of the world's AI investment"
	r, probs := Build(in, Options{})
	if probs.HasErrors() {
		t.Fatal(probs.Err())
	}
	if ps := problemsOf(probs, ErrUnlike); len(ps) != 1 || ps[0].Cell != "D6" {
		t.Errorf("unlike comparisons refused: %v, want one at D6", ps)
	}
	usd := 380e9 / 7.1698 // the plan in US dollars: 53.0 bn
	want := []struct {
		id   string
		v    float64
		q    Qualifier
		unit string
		text string
	}{
		{"decade", 10.0 / 3, MoreThan, "x", "more than 3.33x"},
		{"big4", usd / 3 / 32e9, AtLeast, "%", "at least 55.2%"},
		{"global", (usd / 3) / (4e12 / 5), AtLeast, "%", "at least 2.2%"},
		{"estimate", 2801.5/2773.7 - 1, Exact, "%", "+1.0%"},
		{"hk", (23e9 / 7.8) / 150e6, AtLeast, "x", "at least 19.66x"},
		{"hkstp", 100, MoreThan, "", "more than 100"},
	}
	if len(r.Comparisons) != len(want) {
		t.Fatalf("got %d comparisons, want %d", len(r.Comparisons), len(want))
	}
	for i, w := range want {
		c := &r.Comparisons[i]
		if c.Spec.ID != w.id || math.Abs(c.Value-w.v) > 1e-9*math.Abs(w.v) || c.Qualifier != w.q || c.Unit != w.unit {
			t.Errorf("%s = %v %v %q, want %v %v %q", c.Spec.ID, c.Qualifier, c.Value, c.Unit, w.q, w.v, w.unit)
		}
		if got := FormatComparison(c); got != w.text {
			t.Errorf("%s reads %q, want %q", w.id, got, w.text)
		}
		if !strings.Contains(c.Sentence, w.text) || headlineOf(r, "Comparison") == "" {
			t.Errorf("%s sentence %q lacks %q", w.id, c.Sentence, w.text)
		}
	}
	// The revenue and its estimate are both in yuan: compared in yuan
	// (2801.5 / 2773.7 - 1 = 1.00%), converted only for display at the
	// rate named, 7.1698 CNY per US$: 280.15e9 / 7.1698 = US$39.07B.
	if s := r.Comparisons[3].Sentence; !strings.Contains(s, "(CN¥280.2B (actual) against CN¥277.4B (estimate))") ||
		!strings.Contains(s, "in USD at 7.1698 CNY per USD (FX of 2025-02-24): US$39.07B against US$38.69B") {
		t.Errorf("revenue sentence: %s", s)
	}
	if c := r.Comparisons[3]; c.Left.Unit != "CNY" || c.Left.Value != 280.15e9 || c.Right.Value != 277.37e9 {
		t.Errorf("revenue compared as %v %s against %v", c.Left.Value, c.Left.Unit, c.Right.Value)
	}
	if s := r.Comparisons[1].Sentence; !strings.HasSuffix(s, "; not like for like: a three-year plan of one group against a one-year forecast of four.") {
		t.Errorf("caveat not worded: %s", s)
	}
	// 17.7 / 32.0 is 55.3%: the left figure takes a second decimal, so that
	// the 55.2% stated can be worked out from the figures shown, and the
	// right figure, of the same magnitude, is shown alike.
	if s := r.Comparisons[1].Sentence; !strings.Contains(s, "at least US$17.67B a year (pledged over 3 years) against US$32.00B (forecast for one year)") {
		t.Errorf("pace sentence loses a bound or a basis: %s", s)
	}
}

func TestComparisonProblems(t *testing.T) {
	plan, plus := alibabaPlan()
	in := ratesInputs(plan, plus)
	in.Metrics = []Metric{metric("Hong Kong companies", "use AI", "2023-11", "41%", "actual", "HKPC")}
	in.Comparisons = []ComparisonSpec{
		cmpSpec(2, "unknown", "pledge:nope", "ratio", "pledge:plan", 0, 0),
		cmpSpec(3, "units", "pledge:plan", "ratio", "metric:Hong Kong companies|use AI|2023-11", 0, 0),
		cmpSpec(4, "later", "pledge:increase", "ratio", "pledge:plan", 0, 0),
		cmpSpec(5, "bad ref", "plege:plan", "ratio", "pledge:plan", 0, 0),
		cmpSpec(6, "later total", "pledge:plan", "ratio", "total:region=Hong Kong;type!=government", 0, 0),
		cmpSpec(7, "no total", "pledge:plan", "ratio", "total:region=Macau", 0, 0),
	}
	in.Pledges = append(in.Pledges, at(pledge("hk-fund", "2025-09-01", "New Capital", "fund", "AI fund", "US$2 billion", "", 0, "", "Hong Kong", "Star"), 6))
	_, probs := Build(in, Options{AsOf: day("2025-06-30")})
	var got []string
	for _, p := range probs.List() {
		if p.Sheet == "Comparisons" {
			got = append(got, p.Severity.String()+" "+p.Cell+": "+p.Err.Error())
		}
	}
	all := strings.Join(got, "\n")
	for _, w := range []string{
		`error B2: no pledge has the id "nope"`,
		"error C3: the figures are in different units (money and %)",
		"warning B4: pledge increase is announced after the cut-off",
		"error B5: a figure is pledge:ID",
		"warning D6: no counted pledge with a stated amount matches total:region=Hong Kong;type!=government yet; 1 pledge that matches is announced after the cut-off; the comparison is left out of this month's report",
		"error D7: no counted pledge with a stated amount matches total:region=Macau; check the filters",
	} {
		if !strings.Contains(all, w) {
			t.Errorf("missing %q in:\n%s", w, all)
		}
	}
	if _, err := ParseFigureRef("total:colour=red"); !errors.Is(err, ErrFigureRef) {
		t.Errorf("unknown filter field: %v", err)
	}
}
