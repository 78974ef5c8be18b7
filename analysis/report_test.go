package analysis

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"
)

func day(s string) time.Time {
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		panic(err)
	}
	return t
}

func metric(entity, name, period, value, basis, source string) Metric {
	a, unit, money, err := MetricValue(value, "", "")
	if err != nil {
		panic(err)
	}
	p, err := ParsePeriod(period)
	if err != nil {
		panic(err)
	}
	return Metric{Entity: entity, Metric: name, Period: p, ValueText: value, Value: a.Value, Unit: unit, Money: money,
		Qualifier: a.Qualifier, Change: a.Signed, Basis: basis, Source: source}
}

func pledge(id, announced, investor, typ, program, amount, currency string, years float64, sectors, region, source string) Pledge {
	a, err := PledgeAmount(amount, currency, "", "")
	if err != nil {
		panic(err)
	}
	it, err := ParseInvestorType(typ)
	if err != nil {
		panic(err)
	}
	return Pledge{ID: id, Announced: day(announced), Investor: investor, InvestorType: it, Program: program, AmountText: amount,
		Amount: a, Years: years, Sectors: SplitSectors(sectors), Region: region, Status: PledgeAnnounced, Source: source}
}

// seedInputs holds figures stated in the seed articles.
func seedInputs() Inputs {
	return Inputs{
		Rates: []Rate{
			{Currency: "CNY", PerUSD: 7.1698, Date: day("2025-02-24")},
			{Currency: "HKD", PerUSD: 7.80, Date: day("1983-10-17")},
		},
		Pledges: []Pledge{
			pledge("alibaba-cloud-ai", "2025-02-24", "Alibaba Group", "company", "Cloud and AI infrastructure", "at least 380 billion yuan", "", 3, "cloud computing; AI infrastructure", "Mainland China", "CNA"),
			pledge("alibaba-ef-ai-fund", "2024-12-20", "Alibaba Entrepreneurs Fund", "fund", "AI fund for Hong Kong start-ups", "0.15 billion", "USD", 0, "financial services; consumer retail; healthcare", "Hong Kong", "Star Daily"),
			pledge("hk-raise-plus", "2022-10-19", "Hong Kong Government", "government", "RAISe+ Scheme", "HK$10 billion", "", 0, "research", "Hong Kong", "SCMP"),
			pledge("hk-ai-subsidy", "2024-02-28", "Hong Kong Government", "government", "AI Subsidy Scheme", "HK$3 billion", "", 0, "", "Hong Kong", "SCMP"),
			pledge("zhang-licence", "2024-12-20", "Zhang Yiming", "individual", "Type 9 licence to invest in AI", "undisclosed", "", 0, "", "Hong Kong", "Star Daily"),
		},
		Metrics: []Metric{
			metric("Alibaba, Tencent, Baidu and JD.com", "AI capital expenditure (combined)", "2023", "less than US$13 billion", "budget", "ABMedia"),
			metric("Alibaba, Tencent, Baidu and JD.com", "AI capital expenditure (combined)", "2025", "US$32 billion", "forecast", "ABMedia"),
			metric("Hong Kong companies", "use or plan to use AI", "2023-11", "41%", "actual", "HKPC"),
		},
	}
}

func TestBuildSeedFigures(t *testing.T) {
	r, probs := Build(seedInputs(), Options{Currency: "USD"})
	if probs.HasErrors() {
		t.Fatalf("unexpected errors: %v", probs.Err())
	}
	if len(r.Trends) != 1 {
		t.Fatalf("got %d trends, want 1", len(r.Trends))
	}
	tr := r.Trends[0]
	// 32 / 13 = 2.4615...; over 2 years, sqrt(2.4615) - 1 = 0.5689.
	if math.Abs(tr.Multiple-32.0/13.0) > 1e-12 || tr.MultipleQ != MoreThan {
		t.Errorf("multiple = %v %v, want more than %v", tr.MultipleQ, tr.Multiple, 32.0/13.0)
	}
	if want := math.Sqrt(32.0/13.0) - 1; math.Abs(tr.CAGR-want) > 1e-12 || tr.Years != 2 {
		t.Errorf("CAGR = %v over %d years, want %v over 2", tr.CAGR, tr.Years, want)
	}
	wantSentence := "Alibaba, Tencent, Baidu and JD.com: AI capital expenditure (combined) budgeted at less than US$13.0B for 2023, expected to reach US$32.0B in 2025, more than 2.46x the budget, an implied compound annual growth rate above 56.9% over 2 years."
	if got := TrendSentence(&tr); got != wantSentence {
		t.Errorf("sentence:\n got %s\nwant %s", got, wantSentence)
	}

	// 380 billion yuan at 7.1698 per dollar is US$53.0 billion, as the source states.
	var ali PledgeRow
	for _, p := range r.Pledges {
		if p.ID == "alibaba-cloud-ai" {
			ali = p
		}
	}
	if math.Abs(ali.USD-380e9/7.1698) > 1 || math.Abs(ali.USD/1e9-53) > 0.05 {
		t.Errorf("Alibaba pledge = %v USD, want about 53e9", ali.USD)
	}
	if math.Abs(ali.PerYear-ali.Value/3) > 1 {
		t.Errorf("per year = %v, want %v", ali.PerYear, ali.Value/3)
	}
	// Total: 53.0e9 + 0.15e9 + (10e9 + 3e9)/7.8, one undisclosed: at least.
	want := 380e9/7.1698 + 0.15e9 + 13e9/7.8
	if math.Abs(r.Total.Total-want) > 1 || r.Total.Qualifier != AtLeast || r.Total.Undisclosed != 1 || r.Total.Count != 5 {
		t.Errorf("total = %+v, want at least %v with 1 undisclosed of 5", r.Total, want)
	}
	// Sector split: the fund names three sectors, so each gets US$0.05 billion.
	for _, g := range r.BySector {
		if g.Key == "healthcare" && math.Abs(g.Total-0.05e9) > 1 {
			t.Errorf("healthcare = %v, want 0.05e9", g.Total)
		}
	}
	// Hong Kong public schemes: HK$13 billion = US$1.667 billion.
	for _, g := range r.HongKong {
		if g.Key == "Public schemes" && (math.Abs(g.Total-13e9/7.8) > 1 || g.Count != 2) {
			t.Errorf("HK public = %+v", g)
		}
	}
	if r.ByInvestor[0].Key != "Alibaba Group" {
		t.Errorf("largest investor = %s", r.ByInvestor[0].Key)
	}
}

func TestBuildProblems(t *testing.T) {
	in := seedInputs()
	cols := Columns{"id": 1, "announced": 2, "amount": 5, "currency": 6, "source": 10, "stated_usd": 12, "program": 4}
	for i := range in.Pledges {
		in.Pledges[i].Loc = At("inputs/p.xlsx", "Pledges", i+2, cols)
	}
	dup := in.Pledges[0]
	dup.ID = "alibaba-cloud-ai-2"
	dup.Announced = day("2025-03-01")
	dup.Source = "The Paper"
	dup.Loc = dup.Loc.WithRow(20)
	in.Pledges = append(in.Pledges, dup)
	eur := pledge("eu", "2025-01-01", "X", "fund", "Y", "€5 billion", "", 0, "", "Global", "Z")
	eur.Loc = At("inputs/p.xlsx", "Pledges", 21, cols)
	in.Pledges = append(in.Pledges, eur)
	in.Pledges[0].StatedUSD = 60e9
	same := in.Pledges[1]
	same.Loc = same.Loc.WithRow(22)
	in.Pledges = append(in.Pledges, same)

	r, probs := Build(in, Options{Currency: "USD", Today: day("2025-06-30")})
	var got []string
	for _, p := range probs.List() {
		got = append(got, p.Severity.String()+": "+p.Error())
	}
	want := []string{
		`warning: inputs/p.xlsx: sheet "Pledges", cell L2 (stated_usd): "US$60.0B": the source's US-dollar figure differs by 11.7% from at least 380 billion yuan converted at 7.1698 CNY per US$ (2025-02-24); check the FX sheet or the amount`,
		`error: inputs/p.xlsx: sheet "Pledges", cell F21 (currency): "EUR": no FX row for EUR; add a row to the FX sheet with currency EUR, per_usd and date`,
		`error: inputs/p.xlsx: sheet "Pledges", cell A22 (id): "alibaba-ef-ai-fund": id already used at inputs/p.xlsx: sheet "Pledges", row 3; give each pledge its own id`,
		`warning: inputs/p.xlsx: sheet "Pledges", cell D22 (program): "AI fund for Hong Kong start-ups": same pledge as inputs/p.xlsx: sheet "Pledges", row 3 (same investor and program, announced within 31 days, amounts US$150.0M and US$150.0M); counted once, with the sources of both: Star Daily`,
		`warning: inputs/p.xlsx: sheet "Pledges", cell D20 (program): "Cloud and AI infrastructure": same pledge as inputs/p.xlsx: sheet "Pledges", row 2 (same investor and program, announced within 31 days, amounts US$53.0B and US$53.0B); counted once, with the sources of both: CNA; The Paper`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !errors.Is(probs.Errors()[0], ErrNoRate) {
		t.Errorf("first error does not match ErrNoRate")
	}
	counted := 0
	for _, p := range r.Pledges {
		if p.Counted {
			counted++
		}
	}
	if counted != 6 { // 8 rows, the repeat and the duplicate-id copy of the fund are dropped as entered twice
		t.Errorf("counted = %d, want 6", counted)
	}
}

func TestCutoff(t *testing.T) {
	r, probs := Build(seedInputs(), Options{AsOf: day("2024-12-31")})
	for _, p := range r.Pledges {
		if p.ID == "alibaba-cloud-ai" && (p.Counted || p.Excluded != ExcludedCutoff) {
			t.Errorf("pledge after the cut-off counted: %+v", p)
		}
	}
	if len(probs.Warnings()) != 1 || !errors.Is(probs.Warnings()[0], ErrAfterCutoff) {
		t.Errorf("warnings = %v", probs.Warnings())
	}
}

func TestQualifierAlgebra(t *testing.T) {
	tests := []struct {
		a, b       Qualifier
		sum, ratio Qualifier
	}{
		{Exact, Exact, Exact, Exact},
		{Exact, AtLeast, AtLeast, AtMost},
		{MoreThan, AtLeast, MoreThan, Mixed},
		{MoreThan, MoreThan, MoreThan, Mixed},
		{Exact, LessThan, LessThan, MoreThan},
		{AtLeast, LessThan, Mixed, MoreThan},
		{About, AtLeast, AtLeast, AtMost},
		{About, About, About, About},
		{AtMost, LessThan, LessThan, Mixed},
	}
	for _, tt := range tests {
		if got := tt.a.Sum(tt.b); got != tt.sum {
			t.Errorf("%v + %v = %v, want %v", tt.a, tt.b, got, tt.sum)
		}
		if got := tt.a.Ratio(tt.b); got != tt.ratio {
			t.Errorf("%v / %v = %v, want %v", tt.a, tt.b, got, tt.ratio)
		}
	}
}

func TestFormat(t *testing.T) {
	tests := []struct {
		got, want string
	}{
		{FormatMultiple(32.0/13.0, MoreThan), "2.46x"},
		{FormatPercent(math.Sqrt(32.0/13.0)-1, MoreThan), "56.9%"},
		{FormatMoney(12.96e9, "USD", LessThan), "US$13.0B"},
		{FormatMoney(380e9/7.1698, "USD", AtLeast), "US$53.0B"},
		{FormatMoney(380e9, "CNY", Exact), "CN¥380.0B"},
		{FormatMoney(150e6, "USD", Exact), "US$150.0M"},
		{FormatMoney(4e12, "USD", Exact), "US$4.0T"},
		{FormatMoney(100000, "HKD", Exact), "HK$100.0K"},
		{FormatMoney(140.9, "HKD", Exact), "HK$140.9"},
		{FormatValue(41, "%", false, Exact), "41%"},
		{FormatValue(8, "rank", false, Exact), "8 rank"},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("case %d: got %s, want %s", i, tt.got, tt.want)
		}
	}
}

func ExampleTrendSentence() {
	r, _ := Build(seedInputs(), Options{})
	fmt.Println(TrendSentence(&r.Trends[0]))
	// Output: Alibaba, Tencent, Baidu and JD.com: AI capital expenditure (combined) budgeted at less than US$13.0B for 2023, expected to reach US$32.0B in 2025, more than 2.46x the budget, an implied compound annual growth rate above 56.9% over 2 years.
}

// TestDuplicates holds RuleDuplicate: investor and program match ignoring
// case and outer blanks, at most 31 days apart, amounts within 15%; the
// first of a run is kept, and a pair repeated every month is never
// merged across more than 31 days.
func TestDuplicates(t *testing.T) {
	tests := []struct {
		name    string
		pledges []Pledge
		want    string // Excluded of each row, in date order; "-" for counted
	}{
		{"case and blanks", []Pledge{
			pledge("", "2025-01-01", "Tencent", "company", "AI Cloud", "US$1 billion", "", 0, "", "", "A"),
			pledge("", "2025-01-20", " TENCENT ", "company", "ai cloud", "US$1.1 billion", "", 0, "", "", "B"),
		}, "-|entered twice"},
		{"non-ASCII letters", []Pledge{
			pledge("", "2025-01-01", "Société Générale", "company", "KI-Förderung", "US$1 billion", "", 0, "", "", "A"),
			pledge("", "2025-01-02", "SOCIÉTÉ GÉNÉRALE", "company", "KI-FÖRDERUNG", "US$1 billion", "", 0, "", "", "B"),
		}, "-|entered twice"},
		{"32 days apart", []Pledge{
			pledge("", "2025-01-01", "Tencent", "company", "AI Cloud", "US$1 billion", "", 0, "", "", "A"),
			pledge("", "2025-02-02", "Tencent", "company", "AI Cloud", "US$1 billion", "", 0, "", "", "B"),
		}, "-|-"},
		{"amounts 20% apart", []Pledge{
			pledge("", "2025-01-01", "Tencent", "company", "AI Cloud", "US$1 billion", "", 0, "", "", "A"),
			pledge("", "2025-01-02", "Tencent", "company", "AI Cloud", "US$1.25 billion", "", 0, "", "", "B"),
		}, "-|-"},
		{"other program", []Pledge{
			pledge("", "2025-01-01", "Tencent", "company", "AI Cloud", "US$1 billion", "", 0, "", "", "A"),
			pledge("", "2025-01-02", "Tencent", "company", "AI Clouds", "US$1 billion", "", 0, "", "", "B"),
		}, "-|-"},
		{"monthly repeats", []Pledge{
			pledge("", "2025-01-01", "Fund", "fund", "Grant", "US$1 million", "", 0, "", "", "A"),
			pledge("", "2025-01-20", "Fund", "fund", "Grant", "US$1 million", "", 0, "", "", "B"),
			pledge("", "2025-02-15", "Fund", "fund", "Grant", "US$1 million", "", 0, "", "", "C"),
			pledge("", "2025-03-20", "Fund", "fund", "Grant", "US$1 million", "", 0, "", "", "D"),
			pledge("", "2025-04-05", "Fund", "fund", "Grant", "US$1 million", "", 0, "", "", "E"),
		}, "-|entered twice|-|-|entered twice"},
		{"the first of several matches is kept", []Pledge{
			pledge("", "2025-01-01", "Fund", "fund", "Grant", "US$1 million", "", 0, "", "", "A"),
			pledge("", "2025-01-10", "Fund", "fund", "Grant", "US$1.2 million", "", 0, "", "", "B"),
			pledge("", "2025-01-20", "Fund", "fund", "Grant", "US$1.1 million", "", 0, "", "", "C"),
		}, "-|-|entered twice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, _ := Build(Inputs{Pledges: tt.pledges}, Options{})
			var got []string
			for _, p := range r.Pledges {
				if p.Excluded == NotExcluded {
					got = append(got, "-")
				} else {
					got = append(got, p.Excluded.String())
				}
			}
			if g := strings.Join(got, "|"); g != tt.want {
				t.Errorf("got %s, want %s", g, tt.want)
			}
		})
	}
	// The kept pledge cites the sources of its repeats.
	r, _ := Build(Inputs{Pledges: []Pledge{
		pledge("", "2025-01-01", "Tencent", "company", "AI Cloud", "US$1 billion", "", 0, "", "", "A"),
		pledge("", "2025-01-05", "Tencent", "company", "AI Cloud", "US$1 billion", "", 0, "", "", "B"),
		pledge("", "2025-01-06", "Tencent", "company", "AI Cloud", "US$1 billion", "", 0, "", "", "A"),
		pledge("", "2025-01-07", "Baidu", "company", "AI Cloud", "US$1 billion", "", 0, "", "", "C"),
	}}, Options{})
	if got := strings.Join(r.Pledges[0].Sources, "; "); got != "A; B" {
		t.Errorf("kept pledge sources %q, want A; B", got)
	}
	if got := strings.Join(r.Pledges[3].Sources, "; "); got != "C" {
		t.Errorf("other pledge sources %q, want C", got)
	}
}
