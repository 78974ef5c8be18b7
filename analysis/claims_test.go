package analysis_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"

	"pledgewatch/analysis"
	"pledgewatch/analysis/sheets"
)

// shipped builds the report of the shipped inputs for a month.
func shipped(t *testing.T, month, currency string) *analysis.Report {
	t.Helper()
	f, err := os.Open("../inputs/pledgewatch.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rd := &sheets.Reader{}
	if err := rd.ReadXLSX(f, "inputs/pledgewatch.xlsx"); err != nil {
		t.Fatal(err)
	}
	m, err := time.Parse("2006-01", month)
	if err != nil {
		t.Fatal(err)
	}
	r, probs := analysis.Build(rd.Inputs, analysis.Options{Currency: currency, AsOf: m.AddDate(0, 1, -1)})
	if probs.HasErrors() {
		t.Fatal(probs.Err())
	}
	return r
}

// checkClaims recomputes every finding of r from the report's figures
// and holds its wording to the rules; it returns how many it checked.
func checkClaims(t *testing.T, r *analysis.Report, where string) int {
	t.Helper()
	fs := r.Findings()
	for _, f := range fs {
		for _, err := range f.Check() {
			t.Errorf("%s: %v", where, err)
		}
		// The figures and the result are the report's, where they name
		// a place in it.
		for _, x := range append([]analysis.Fact{f.Result}, f.Figures...) {
			if x.Ref.Kind == analysis.RefNone {
				continue
			}
			v, ok := r.FactAt(x.Ref)
			if !ok || !near(v, x.Value) {
				t.Errorf("%s: %q rests on %v at %+v, the report holds %v (%v)", where, f.Text, x.Value, x.Ref, v, ok)
			}
		}
		// The result follows from the figures.
		if v, ok := f.Recompute(false); ok && f.Claim != analysis.ClaimTotal && !near(v, f.Result.Value) {
			t.Errorf("%s: %q states %v, its figures give %v", where, f.Text, f.Result.Value, v)
		}
		if f.Text == "" {
			t.Errorf("%s: a %s finding has no sentence", where, f.Claim)
		}
	}
	return len(fs)
}

func near(a, b float64) bool {
	return a == b || math.Abs(a-b) <= 1e-9*math.Max(math.Abs(a), math.Abs(b))
}

// TestClaimsShipped checks every claim of the shipped report, in US
// dollars and in Hong Kong dollars, for several months.
func TestClaimsShipped(t *testing.T) {
	for _, month := range []string{"2025-03", "2025-09", "2025-10"} {
		for _, cur := range []string{"USD", "HKD"} {
			r := shipped(t, month, cur)
			if n := checkClaims(t, r, month+" "+cur); n < 5 {
				t.Errorf("%s %s: %d findings checked, want the Summary's and the comparisons'", month, cur, n)
			}
		}
	}
}

// TestClaimsGenerated checks every claim of generated books: random
// investors and groups, bounds, currencies, spans and months, with
// comparisons of their totals.
func TestClaimsGenerated(t *testing.T) {
	quals := []string{"", "at least ", "more than ", "about ", "up to ", "less than "}
	curs := []struct{ sym, code string }{{"US$", "USD"}, {"HK$", "HKD"}, {"", "CNY"}}
	types := []string{"company", "government", "fund"}
	regions := []string{"Hong Kong", "Mainland China"}
	for seed := uint64(1); seed <= 40; seed++ {
		rng := rand.New(rand.NewPCG(seed, 7))
		in := analysis.Inputs{Rates: []analysis.Rate{
			{Currency: "CNY", PerUSD: 7.1 + rng.Float64()/2, Date: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)},
			{Currency: "HKD", PerUSD: 7.8, Date: time.Date(1983, 10, 17, 0, 0, 0, 0, time.UTC)},
		}}
		n := 2 + rng.IntN(12)
		for i := 0; i < n; i++ {
			c := curs[rng.IntN(len(curs))]
			amount := "undisclosed"
			if rng.IntN(5) > 0 {
				amount = fmt.Sprintf("%s%s%.1f billion", quals[rng.IntN(len(quals))], c.sym, 0.05+rng.Float64()*rng.Float64()*400)
			}
			a, err := analysis.PledgeAmount(amount, c.code, "", "")
			if err != nil {
				t.Fatalf("seed %d: amount %q: %v", seed, amount, err)
			}
			day := time.Date(2021+rng.IntN(5), time.Month(1+rng.IntN(12)), 1+rng.IntN(28), 0, 0, 0, 0, time.UTC)
			in.Pledges = append(in.Pledges, analysis.Pledge{
				Loc: analysis.Loc{Ref: analysis.Ref{File: "gen.xlsx", Sheet: "Pledges", Row: i + 2}},
				ID:  fmt.Sprintf("p%d", i), Announced: day, Investor: fmt.Sprintf("Investor %d", rng.IntN(5)),
				InvestorType: types[rng.IntN(len(types))], Program: fmt.Sprintf("Programme %d", i), AmountText: amount, Amount: a,
				Years: float64(rng.IntN(4)), Region: regions[rng.IntN(2)], Status: "announced", Source: fmt.Sprintf("Source %d", rng.IntN(3)),
			})
		}
		for i, how := range analysis.Hows[:4] {
			in.Comparisons = append(in.Comparisons, analysis.ComparisonSpec{
				Loc: analysis.Loc{Ref: analysis.Ref{File: "gen.xlsx", Sheet: "Comparisons", Row: i + 2}}, ID: fmt.Sprintf("c%d", i),
				Left: "total:region=Hong Kong", Right: "total:region=Mainland China", How: how})
		}
		cur := []string{"USD", "HKD", "CNY"}[rng.IntN(3)]
		asOf := time.Date(2022+rng.IntN(4), time.Month(1+rng.IntN(12)), 1, 0, 0, 0, 0, time.UTC).AddDate(0, 1, -1)
		r, probs := analysis.Build(in, analysis.Options{Currency: cur, AsOf: asOf})
		if r == nil {
			t.Fatalf("seed %d: no report: %v", seed, probs.Err())
		}
		checkClaims(t, r, fmt.Sprintf("seed %d", seed))
	}
}

// TestIssueDefects names each defect found in the shipped report for
// October 2025 that the analysis package wrote, and shows it gone. The
// charts' and the workbook's are in their packages.
func TestIssueDefects(t *testing.T) {
	r := shipped(t, "2025-10", "USD")
	headline := func(topic string) string {
		var out []string
		for _, h := range r.Headlines {
			if h.Topic == topic {
				out = append(out, h.Sentence)
			}
		}
		return strings.Join(out, "\n")
	}
	t.Run("per-year sum of a capex plan and a subsidy scheme", func(t *testing.T) {
		if s := headline("Total pledged"); strings.Contains(s, "a year") {
			t.Errorf("the total sums unlike pledges per year: %s", s)
		}
	})
	t.Run("figure against a multiple garbled", func(t *testing.T) {
		s := headline("Comparison")
		if strings.Contains(s, "(actual) against 2x") || !strings.Contains(s, "more than 200 divided by the multiple 2x") {
			t.Errorf("comparisons:\n%s", s)
		}
	})
	t.Run("sector figure lost its word", func(t *testing.T) {
		s := headline("Fund money by sector")
		if strings.Contains(s, "cloud at least") || !strings.Contains(s, "AI infrastructure and cloud (at least US$53.2B)") {
			t.Errorf("sectors: %s", s)
		}
	})
	t.Run("no news said of reported pledges", func(t *testing.T) {
		s := headline("Delivery")
		if strings.Contains(s, "no news") || !strings.Contains(s, "no evidence of delivery since") {
			t.Errorf("delivery: %s", s)
		}
	})
	t.Run("public against private reproducible from its figures, AI money only", func(t *testing.T) {
		s := headline("Comparison")
		// The AI Subsidy Scheme alone: HK$3bn at 7.80 is US$384.6M;
		// RAISe+ and the I&T fund are broader programmes, not added.
		if !strings.Contains(s, "at least 2.56x (at least US$384.6M against US$150.0M)") {
			t.Errorf("comparisons:\n%s", s)
		}
		// 384.6 / 150.0 = 2.564.
		if v := 384.6 / 150.0; math.Round(v*100)/100 != 2.56 {
			t.Errorf("384.6 / 150.0 = %v", v)
		}
	})
	t.Run("HKD figures beside USD figures on one page", func(t *testing.T) {
		hk := shipped(t, "2025-10", "HKD")
		for _, h := range hk.Headlines {
			if strings.Contains(h.Sentence, "US$") {
				t.Errorf("%s in a report in HKD: %s", h.Topic, h.Sentence)
			}
		}
		var trend string
		for _, h := range hk.Headlines {
			if h.Topic == "Trend" {
				trend = h.Sentence
			}
		}
		// US$32bn at 7.8 is HK$249.6B, as the comparison has it.
		if !strings.Contains(trend, "HK$249.6B") || !strings.Contains(headlineOf(hk, "Comparison"), "HK$249.6B") {
			t.Errorf("trend %q", trend)
		}
	})
}

func headlineOf(r *analysis.Report, topic string) string {
	var out []string
	for _, h := range r.Headlines {
		if h.Topic == topic {
			out = append(out, h.Sentence)
		}
	}
	return strings.Join(out, "\n")
}

// TestBuildFinished: given the month and the earlier reports, Build
// returns the report finished, with its changes and history.
func TestBuildFinished(t *testing.T) {
	f, err := os.Open("../inputs/pledgewatch.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rd := &sheets.Reader{}
	if err := rd.ReadXLSX(f, "inputs/pledgewatch.xlsx"); err != nil {
		t.Fatal(err)
	}
	opt := analysis.Options{AsOf: time.Date(2025, 9, 30, 0, 0, 0, 0, time.UTC), Month: "2025-09"}
	sept, _ := analysis.Build(rd.Inputs, opt)
	if sept.Changes == nil || len(sept.History) != 1 || sept.Headlines[0].Topic != "What changed" {
		t.Fatalf("first report: changes %v, history %v, first headline %q", sept.Changes, sept.History, sept.Headlines[0].Topic)
	}
	opt.AsOf, opt.Month, opt.Earlier = time.Date(2025, 10, 31, 0, 0, 0, 0, time.UTC), "2025-10", []analysis.Snapshot{sept.SnapshotHead("2025-09")}
	oct, _ := analysis.Build(rd.Inputs, opt)
	if oct.Changes == nil || oct.Changes.Previous != "2025-09" || len(oct.History) != 2 {
		t.Errorf("second report: changes %+v, history %v", oct.Changes, oct.History)
	}
}
