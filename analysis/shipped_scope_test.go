package analysis_test

import (
	"math"
	"strings"
	"testing"

	"pledgewatch/analysis"
)

// TestShippedScope holds the shipped report to issue 19, with figures
// worked out by hand from the seed articles.
func TestShippedScope(t *testing.T) {
	r := shipped(t, "2025-10", "USD")
	// Hong Kong's public AI-dedicated schemes: the HK$3bn AI Subsidy
	// Scheme alone, 3e9 / 7.80 = US$384.6M (about US$0.38bn).
	for _, g := range r.HongKong {
		if g.Key == analysis.HongKongPublic && math.Abs(g.Total-3e9/7.8) > 1 {
			t.Errorf("public schemes %v, want %v", g.Total, 3e9/7.8)
		}
	}
	// Beside them, not added: RAISe+ and the I&T fund, HK$10bn each.
	if len(r.Broader) != 1 || r.Broader[0].Key != "Hong Kong" || r.Broader[0].Count != 2 || math.Abs(r.Broader[0].Total-20e9/7.8) > 1 {
		t.Errorf("broader programmes %+v, want Hong Kong, 2, %v", r.Broader, 20e9/7.8)
	}
	var broader string
	for _, h := range r.Headlines {
		if h.Topic == "Broader programmes" {
			broader = h.Sentence
		}
	}
	if !strings.HasPrefix(broader, "Not added to the AI totals, Hong Kong: HK$20.0B (US$2.6B) in broader programmes that include AI (2: ") {
		t.Errorf("broader sentence %q", broader)
	}
	// Dates not stated: five 'earlier' Alibaba stakes and HKIC's
	// investments are counted, in no year.
	if r.DateNotStated.Count != 6 {
		t.Errorf("date not stated: %d, want 6", r.DateNotStated.Count)
	}
	years := 0
	for _, g := range r.ByYear {
		years += g.Count
	}
	if years+r.DateNotStated.Count != r.Total.Count {
		t.Errorf("years hold %d and %d have no date, but %d are counted", years, r.DateNotStated.Count, r.Total.Count)
	}
	// Only the comparisons the articles make: the plan against the past
	// decade (CNA, The Paper), revenue against the estimate (The Paper)
	// and HKSTP's AI companies doubling in a year (SCMP). None of them
	// compares unlike measures, so none needs a caveat; revenue in CN¥.
	articles := map[string]bool{"alibaba-plan-vs-decade": true, "alibaba-revenue-vs-estimate": true, "hkstp-ai-companies-a-year-earlier": true}
	for _, c := range r.Comparisons {
		if !articles[c.Spec.ID] {
			t.Errorf("%s is compared, but no article makes that comparison", c.Spec.ID)
		}
		if c.Spec.Caveat != "" {
			t.Errorf("%s needs a caveat: %s", c.Spec.ID, c.Spec.Caveat)
		}
		delete(articles, c.Spec.ID)
		switch c.Spec.ID {
		case "alibaba-revenue-vs-estimate":
			if c.Left.Unit != "CNY" || !strings.Contains(c.Sentence, "CN¥280.2B (actual) against CN¥277.4B (estimate)") {
				t.Errorf("revenue not compared in yuan: %s", c.Sentence)
			}
		}
	}
	if len(articles) > 0 {
		t.Errorf("comparisons of the articles missing: %v", articles)
	}
	// The claims added from the articles, as they state them.
	want := map[string]string{
		"Hong Kong Quality Migrant Admission Scheme (QMAS)|year the annual quota was removed": "2023 year",
		"SenseTime|year founded": "2014 year",
		"Hong Kong SAR Government|target year for repositioning Hong Kong as a regional technology centre":          "2035 year plan",
		"Huawei|year its 7nm mobile phone chip was launched":                                                        "2023 year",
		"Ark Invest|years without buying Alibaba shares before buying again":                                        "4 years",
		"Hong Kong start-up environment (what grows is not named)|annual growth, subject not stated by the article": "7 % about",
	}
	for _, m := range r.Metrics {
		k := m.Entity + "|" + m.Metric.Metric
		w, ok := want[k]
		if !ok {
			continue
		}
		got := analysis.FormatValue(m.Metric.Value, m.Unit, false, analysis.Exact)
		got = strings.Replace(got, "%", " %", 1)
		if m.Unit == "year" {
			got += " year"
		}
		if m.Basis != "" && m.Basis != "actual" {
			got += " " + m.Basis
		}
		if m.Qualifier != analysis.Exact {
			got += " " + m.Qualifier.Label()
		}
		if got != w || m.Source == "" {
			t.Errorf("%s: %q from %q, want %q", k, got, m.Source, w)
		}
		delete(want, k)
	}
	if len(want) > 0 {
		t.Errorf("claims missing from Metrics: %v", want)
	}
}
