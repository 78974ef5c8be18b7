package analysis

import (
	"strings"
	"testing"
)

// scopeInputs are Hong Kong pledges of every AI scope, at HK$7.80 per US$:
// the AI Subsidy Scheme (HK$3bn, dedicated), RAISe+ (HK$10bn, broader, no
// share), a fund of HK$10bn of which a source says 40% goes to AI, a
// property fund (US$1bn, not AI) and the Alibaba fund (US$150m,
// dedicated).
func scopeInputs() Inputs {
	sub := pledge("sub", "2024-02-28", "Hong Kong Government", "government", "AI Subsidy Scheme", "HK$3 billion", "", 3, "", "Hong Kong", "SCMP")
	raise := pledge("raise", "2022-10-19", "Hong Kong Government", "government", "RAISe+ Scheme", "HK$10 billion", "", 0, "", "Hong Kong", "SCMP")
	raise.AIScope = ScopeBroader
	part := pledge("part", "2024-10-16", "Hong Kong Government", "government", "Industry fund", "HK$10 billion", "", 0, "", "Hong Kong", "Star Daily")
	part.AIScope, part.AIShare = ScopeBroader, 0.4
	prop := pledge("prop", "2024-05-01", "Some Developer", "company", "Property fund", "US$1 billion", "", 0, "", "Hong Kong", "Star Daily")
	prop.AIScope = ScopeNotAI
	aef := pledge("aef", "2024-12-20", "Alibaba Entrepreneurs Fund", "fund", "AI fund", "US$150 million", "", 0, "", "Hong Kong", "Star Daily")
	return ratesInputs(sub, raise, part, prop, aef)
}

func TestScopeCountsAIMoneyOnly(t *testing.T) {
	r, probs := Build(scopeInputs(), Options{})
	if probs.HasErrors() {
		t.Fatal(probs.Err())
	}
	// By hand: 3e9/7.8 + 0.4*10e9/7.8 + 150e6 = 384,615,384.6 + 512,820,512.8 + 150,000,000.
	if want := 1_047_435_897.4358974; !nearly(r.Total.Total, want) || r.Total.Count != 3 {
		t.Errorf("total = %v over %d pledges, want %v over 3", r.Total.Total, r.Total.Count, want)
	}
	for _, c := range []struct {
		id       string
		counted  bool
		excluded Exclusion
		value    float64
	}{
		{"sub", true, NotExcluded, 3e9 / 7.8},
		{"raise", false, ExcludedBroader, 10e9 / 7.8},
		{"part", true, NotExcluded, 4e9 / 7.8},
		{"prop", false, ExcludedNotAI, 1e9},
		{"aef", true, NotExcluded, 150e6},
	} {
		p := row(r, c.id)
		if p.Counted != c.counted || p.Excluded != c.excluded || !nearly(p.Value, c.value) {
			t.Errorf("%s: counted %v (%q), value %v; want %v (%q), %v", c.id, p.Counted, p.Excluded, p.Value, c.counted, c.excluded, c.value)
		}
	}
	// Public 3e9/7.8 + 4e9/7.8 = 897,435,897.4 against private 150e6: 5.98x.
	for _, g := range r.HongKong {
		want := 150e6
		if g.Key == HongKongPublic {
			want = 7e9 / 7.8
		}
		if !nearly(g.Total, want) {
			t.Errorf("Hong Kong %s = %v, want %v", g.Key, g.Total, want)
		}
	}
	if len(r.Broader) != 1 || r.Broader[0].Key != "Hong Kong" || !nearly(r.Broader[0].Total, 10e9/7.8) || r.Broader[0].Count != 1 {
		t.Fatalf("broader = %+v, want Hong Kong 1,282,051,282.1 in 1 programme", r.Broader)
	}
	var said string
	for _, h := range r.Headlines {
		if h.Topic == "Broader programmes" {
			said = h.Sentence
		}
		if h.Topic == "Total pledged" && !nearly(h.Value, r.Total.Total) {
			t.Errorf("total headline %v, want %v", h.Value, r.Total.Total)
		}
	}
	if want := "Not added to the AI totals, Hong Kong: HK$10.0B (US$1.3B) in broader programmes that include AI (1: RAISe+ Scheme)."; said != want {
		t.Errorf("broader headline:\n got %q\nwant %q", said, want)
	}
}

func TestScopeCellsRead(t *testing.T) {
	for _, c := range []struct {
		in   string
		want float64
		err  bool
	}{
		{"40%", 0.4, false}, {"12.5 %", 0.125, false}, {"100%", 1, false},
		{"0.4", 0, true}, {"0%", 0, true}, {"140%", 0, true}, {"forty%", 0, true},
	} {
		got, err := ParseAIShare(c.in)
		if (err != nil) != c.err || !nearly(got, c.want) {
			t.Errorf("ParseAIShare(%q) = %v, %v; want %v, error %v", c.in, got, err, c.want, c.err)
		}
	}
	for _, s := range []string{"not ai", "Not AI", " BROADER ", "dedicated"} {
		if _, err := ParseEnum(s, AIScopes); err != nil {
			t.Errorf("ParseEnum(%q): %v", s, err)
		}
	}
	if v, _ := ParseAIScope("not ai"); v != ScopeNotAI {
		t.Errorf("not ai reads as %q", v)
	}
	if !strings.Contains(RuleScope, "broader") {
		t.Error("the scope rule does not say how broader programmes count")
	}
}
