package analysis

import (
	"errors"
	"math"
	"strings"
	"testing"
)

// at places a pledge on a row of a Pledges sheet, so problems name a cell.
func at(p Pledge, row int) Pledge {
	p.Loc = At("in.xlsx", "Pledges", row, Columns{"announced": 2, "amount": 6, "related_to": 23, "relation": 22, "program": 5})
	return p
}

func ratesInputs(ps ...Pledge) Inputs {
	return Inputs{
		Rates: []Rate{
			{Currency: "CNY", PerUSD: 7.1698, Date: day("2025-02-24")},
			{Currency: "HKD", PerUSD: 7.80, Date: day("1983-10-17")},
		},
		Pledges: ps,
	}
}

func row(r *Report, id string) *PledgeRow {
	for i := range r.Pledges {
		if r.Pledges[i].ID == id {
			return &r.Pledges[i]
		}
	}
	return nil
}

func problemsOf(ps *Problems, kind error) []*Problem {
	var out []*Problem
	for _, p := range ps.List() {
		if errors.Is(p.Err, kind) {
			out = append(out, p)
		}
	}
	return out
}

// alibabaPlan is the 380 bn yuan plan as CNA states it, and the September
// "increase" of about US$5.3 bn as ABMedia states it.
func alibabaPlan() (Pledge, Pledge) {
	plan := pledge("plan", "2025-02-24", "Alibaba Group", "company", "Cloud and AI infrastructure", "at least 380 billion yuan", "", 3, "", "Mainland China", "CNA")
	plus := pledge("increase", "2025-09-24", "Alibaba Group", "company", "Increase to the AI plan", "about US$5.3 billion", "", 0, "", "Mainland China", "ABMedia")
	return at(plan, 4), at(plus, 5)
}

func TestRestatementNotAdded(t *testing.T) {
	plan, plus := alibabaPlan()
	plus.Relation, plus.RelatedTo = RelationRestates, "plan"
	r, probs := Build(ratesInputs(plan, plus), Options{})
	if probs.HasErrors() {
		t.Fatal(probs.Err())
	}
	// Only the plan counts: 380e9 / 7.1698 = US$53.0 bn.
	if want := 380e9 / 7.1698; math.Abs(r.Total.Total-want) > 1 || r.Total.Count != 1 || r.Total.Qualifier != AtLeast {
		t.Errorf("total = %+v, want at least %v from 1 pledge", r.Total, want)
	}
	p := row(r, "increase")
	if p.Counted || r.ExcludedText(p) != "restates plan" {
		t.Errorf("restatement counted=%v excluded=%q", p.Counted, r.ExcludedText(p))
	}
	if got := row(r, "plan").Sources; strings.Join(got, "; ") != "CNA; ABMedia" {
		t.Errorf("plan sources = %v, want the restatement's joined", got)
	}
	// 5.3 is a tenth of 53.0: the differing amount is reported at its cell.
	w := problemsOf(probs, ErrRestatedAmount)
	if len(w) != 1 || w[0].Cell != "F5" || !strings.Contains(w[0].Error(), "1/10 of it") {
		t.Errorf("restated-amount warnings = %v", w)
	}
	if len(problemsOf(probs, ErrLikelyRepeat)) != 0 {
		t.Errorf("a linked pair is flagged as a likely repeat")
	}
}

func TestLikelyRepeats(t *testing.T) {
	plan, plus := alibabaPlan()
	cloud := at(pledge("cloud", "2025-03-01", "Alibaba Cloud", "company", "Data centres", "US$50 billion", "", 0, "", "Mainland China", "X"), 6)
	other := at(pledge("other", "2025-09-24", "Tencent", "company", "AI plan", "US$5.3 billion", "", 0, "", "Mainland China", "Y"), 7)
	double := at(pledge("double", "2025-04-01", "Alibaba Group", "company", "Another plan", "US$106 billion", "", 0, "", "Mainland China", "Z"), 8)
	ents := []Entity{{Name: "Alibaba Group", Short: "Alibaba"}, {Name: "Alibaba Cloud", Group: "Alibaba Group"}}
	tests := []struct {
		name  string
		in    []Pledge
		ents  []Entity
		want  []string // cells warned about
		names string   // text the first warning holds
	}{
		{"unit slip, unlinked", []Pledge{plan, plus}, nil, []string{"F5"}, "10 times|1/10 of it"},
		{"same group through Entities, within 15%", []Pledge{plan, cloud}, ents, []string{"F6"}, "plan"},
		{"other groups are not compared", []Pledge{plan, cloud}, nil, nil, ""},
		{"another group's equal amount", []Pledge{plus, other}, nil, nil, ""},
		{"a factor of two is not a slip", []Pledge{plan, double}, nil, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := ratesInputs(tt.in...)
			in.Entities = tt.ents
			r, probs := Build(in, Options{})
			if probs.HasErrors() {
				t.Fatal(probs.Err())
			}
			w := problemsOf(probs, ErrLikelyRepeat)
			var cells []string
			for _, p := range w {
				cells = append(cells, p.Cell)
			}
			if strings.Join(cells, ",") != strings.Join(tt.want, ",") {
				t.Fatalf("warned at %v, want %v: %v", cells, tt.want, w)
			}
			if len(w) > 0 {
				msg := w[0].Error()
				ok := false
				for _, s := range strings.Split(tt.names, "|") {
					ok = ok || strings.Contains(msg, s)
				}
				if !ok || !strings.Contains(msg, "relation to restates") {
					t.Errorf("warning %q does not name %q and the fix", msg, tt.names)
				}
			}
			// A warning changes no total: both are still counted.
			if r.Total.Count != len(tt.in) {
				t.Errorf("counted %d of %d", r.Total.Count, len(tt.in))
			}
		})
	}
	// Saying the second is new money silences the warning.
	plus.Relation = RelationNew
	_, probs := Build(ratesInputs(plan, plus), Options{})
	if w := problemsOf(probs, ErrLikelyRepeat); len(w) != 0 {
		t.Errorf("confirmed new money still flagged: %v", w)
	}
}

func TestRelationsErrorsAndEffects(t *testing.T) {
	a := at(pledge("a", "2024-01-01", "Gov", "government", "Fund A", "HK$10 billion", "", 0, "", "Hong Kong", "S"), 2)
	b := at(pledge("b", "2024-06-01", "Gov", "government", "Fund A, enlarged", "HK$12 billion", "", 0, "", "Hong Kong", "S"), 3)
	c := at(pledge("c", "2024-07-01", "Gov", "government", "Fund A, tranche 1", "HK$2 billion", "", 0, "", "Hong Kong", "S"), 4)
	d := at(pledge("d", "2024-08-01", "Gov", "government", "Fund A top-up", "HK$1 billion", "", 0, "", "Hong Kong", "S"), 5)
	b.Relation, b.RelatedTo = RelationReplaces, "a"
	c.Relation, c.RelatedTo = RelationPartOf, "b"
	d.Relation, d.RelatedTo = RelationTopUp, "b"
	r, probs := Build(ratesInputs(a, b, c, d), Options{})
	if probs.HasErrors() {
		t.Fatal(probs.Err())
	}
	// Counted: b (replaces a) and d (top-up); c is a part of b. HK$13 bn.
	if want := 13e9 / 7.8; math.Abs(r.Total.Total-want) > 1e-3 || r.Total.Count != 2 {
		t.Errorf("total = %+v, want %v from 2", r.Total, want)
	}
	if p := row(r, "a"); p.Counted || r.ExcludedText(p) != "replaced by b" {
		t.Errorf("a: counted=%v %q", p.Counted, r.ExcludedText(p))
	}
	if p := row(r, "c"); p.Counted || r.ExcludedText(p) != "part of b" {
		t.Errorf("c: counted=%v %q", p.Counted, r.ExcludedText(p))
	}

	// An unknown id and a cycle are errors at related_to.
	x, y := a, b
	x.Relation, x.RelatedTo = RelationRestates, "b"
	y.Relation, y.RelatedTo = RelationRestates, "a"
	z := d
	z.RelatedTo = "nope"
	_, probs = Build(ratesInputs(x, y, z), Options{})
	errs := problemsOf(probs, ErrRelation)
	var got []string
	for _, e := range errs {
		got = append(got, e.Cell+": "+e.Err.Error())
	}
	all := strings.Join(got, "\n")
	if len(errs) != 2 || !strings.Contains(all, "W5: no pledge has the id \"nope\"") || !strings.Contains(all, "go round in a circle") {
		t.Errorf("relation errors:\n%s", all)
	}
}

func TestKindsOutOfTotals(t *testing.T) {
	fund := at(pledge("fund", "2024-12-20", "Alibaba Entrepreneurs Fund", "fund", "AI fund", "US$150 million", "", 0, "", "Hong Kong", "Star"), 2)
	idea := at(pledge("ideation", "2024-12-20", "HKSTP", "government", "IDEATION", "HK$100,000", "", 0, "", "Hong Kong", "Star"), 3)
	idea.Kind, idea.Per = KindScheme, "start-up"
	lic := at(pledge("licence", "2024-12-20", "Zhang Yiming's firm", "individual", "Type 9 licence", "undisclosed", "", 0, "", "Hong Kong", "Star"), 4)
	lic.Kind = KindLicence
	r, probs := Build(ratesInputs(fund, idea, lic), Options{})
	if probs.HasErrors() {
		t.Fatal(probs.Err())
	}
	if r.Total.Count != 1 || r.Total.Total != 150e6 || r.Total.Qualifier != Exact || r.Signals != 1 || r.PerRecipient != 1 {
		t.Errorf("total = %+v, signals %d, per recipient %d; want only the fund, exact", r.Total, r.Signals, r.PerRecipient)
	}
	for _, g := range r.HongKong {
		if g.Key == "Public schemes" {
			t.Errorf("a per-start-up amount makes a public total: %+v", g)
		}
	}
	h := headlineOf(r, "Total pledged")
	if h != "1 pledge with a stated amount comes to US$150.0M." {
		t.Errorf("total sentence = %q", h)
	}
	if h := headlineOf(r, "Not added"); !strings.Contains(h, "HK$100,000 (US$12.8K) per start-up") || !strings.Contains(h, "1 signal without money") {
		t.Errorf("not-added sentence = %q", h)
	}
}

func headlineOf(r *Report, topic string) string {
	for _, h := range r.Headlines {
		if h.Topic == topic {
			return h.Sentence
		}
	}
	return ""
}

func TestGroupsRollUp(t *testing.T) {
	plan, _ := alibabaPlan()
	fund := at(pledge("fund", "2024-12-20", "Alibaba Entrepreneurs Fund", "fund", "AI fund", "US$150 million", "", 0, "", "Hong Kong", "Star"), 3)
	sealos := at(pledge("sealos", "2024-12-11", "zhejiang alibaba cloud computing", "company", "Sealos", "undisclosed", "", 0, "", "Mainland China", "Star"), 5)
	gov := at(pledge("gov", "2024-10-16", "Hong Kong SAR Government", "government", "I&T fund", "HK$10 billion", "", 0, "", "Hong Kong", "Star"), 6)
	in := ratesInputs(plan, fund, sealos, gov)
	in.Entities = []Entity{
		{Name: "Alibaba Group", Short: "Alibaba"},
		{Name: "Alibaba Entrepreneurs Fund", Group: "Alibaba Group"},
		{Name: "Zhejiang Alibaba Cloud Computing", Aliases: []string{"阿里云"}, Group: "Alibaba Group"},
	}
	r, probs := Build(in, Options{})
	if probs.HasErrors() {
		t.Fatal(probs.Err())
	}
	g := r.ByInvestor[0]
	// 380e9/7.1698 + 150e6 of 380e9/7.1698 + 150e6 + 10e9/7.8.
	ali := 380e9/7.1698 + 150e6
	if g.Key != "Alibaba" || g.Count != 3 || g.Undisclosed != 1 || math.Abs(g.Total-ali) > 1 || math.Abs(g.Share-ali/(ali+10e9/7.8)) > 1e-12 {
		t.Errorf("largest group = %+v", g)
	}
	if len(r.ByInvestor) != 2 || len(g.Members) != 3 {
		t.Errorf("groups = %+v", r.ByInvestor)
	}
	if len(r.ByMember) != 3 || r.ByMember[0].Parent != "Alibaba" || r.ByMember[0].Key != "Alibaba Group" {
		t.Errorf("members = %+v", r.ByMember)
	}
	s := headlineOf(r, "Largest investor group")
	if !strings.HasPrefix(s, "Alibaba (3 entities: ") || !strings.Contains(s, "at least US$53.2B in 2 pledges with a stated amount and 1 more that state none, 97.6% of the summed total") {
		t.Errorf("group sentence = %q", s)
	}

	// One name in two groups is an error at the second row.
	in.Entities = append(in.Entities, Entity{Loc: At("in.xlsx", "Entities", 5, Columns{"aliases": 2}),
		Name: "Alibaba Cloud", Aliases: []string{"阿里云"}, Group: "Other"})
	_, probs = Build(in, Options{})
	if e := probs.Errors(); len(e) != 1 || e[0].Cell != "B5" {
		t.Errorf("errors = %v, want one at B5", e)
	}
}

func TestSentencesKeepBounds(t *testing.T) {
	plan, _ := alibabaPlan()
	sub := at(pledge("sub", "2024-02-28", "Hong Kong SAR Government", "government", "AI Subsidy Scheme", "HK$3 billion", "", 3, "", "Hong Kong", "SCMP"), 3)
	in := ratesInputs(plan, sub)
	in.Metrics = []Metric{
		metric("Group", "revenue", "2023", "US$10 billion", "actual", "A"),
		metric("Group", "revenue", "2024", "more than US$12 billion", "actual", "A"),
	}
	r, _ := Build(in, Options{})
	// A company's plan and a government scheme are not summed per year.
	if h := headlineOf(r, "Total pledged"); strings.Contains(h, "a year") {
		t.Errorf("per-year sentence sums unlike pledges: %q", h)
	}
	// Two companies' plans are: 380e9/7.1698/3 + 3e9/7.8/3 = 17.667e9 +
	// 0.128e9, at least.
	sub.InvestorType = InvestorCompany
	if h := headlineOf(mustBuild(ratesInputs(plan, sub)), "Total pledged"); !strings.Contains(h, "come to at least US$17.8B a year") {
		t.Errorf("per-year sentence drops the bound: %q", h)
	}
	want := "Group: revenue rose from US$10.0B in 2023 to more than US$12.0B in 2024, more than 1.20x, a compound annual growth rate above 20.0% over 1 year."
	if got := TrendSentence(&r.Trends[0]); got != want {
		t.Errorf("actuals:\n got %s\nwant %s", got, want)
	}
	in.Metrics[1].Basis = "forecast"
	r, _ = Build(in, Options{})
	got := TrendSentence(&r.Trends[0])
	if strings.Contains(got, "rose") || !strings.Contains(got, "expected to reach more than US$12.0B in 2024") {
		t.Errorf("a forecast is worded as a fact: %s", got)
	}
}

func mustBuild(in Inputs) *Report {
	r, _ := Build(in, Options{})
	return r
}
