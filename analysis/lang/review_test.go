package lang

import (
	"math"
	"testing"

	"pledgewatch/analysis"
)

// TestMultipleBoundOnVerb holds "X is N times Y" to Chinese word order:
// the bound goes before the verb (超過預算的2.46倍), never between 的 and
// the figure (為預算的超過2.46倍).
func TestMultipleBoundOnVerb(t *testing.T) {
	for _, c := range []struct {
		q          analysis.Qualifier
		hant, hans string
	}{
		{analysis.Exact, "，為預算的2.46倍", "，为预算的2.46倍"},
		{analysis.MoreThan, "，超過預算的2.46倍", "，超过预算的2.46倍"},
		{analysis.AtLeast, "，至少為預算的2.46倍", "，至少为预算的2.46倍"},
		{analysis.LessThan, "，不足預算的2.46倍", "，不足预算的2.46倍"},
		{analysis.About, "，約為預算的2.46倍", "，约为预算的2.46倍"},
	} {
		args := []any{analysis.Fact{Value: 2.46, Qualifier: c.q, Unit: "x", Shown: math.NaN()}, analysis.Word("budget")}
		for l, want := range map[Lang]string{Traditional: c.hant, Simplified: c.hans} {
			if got := New(l).phrase("claim.trend.multiple.of", args); got != want {
				t.Errorf("%s %v: %q, want %q", l, c.q, got, want)
			}
		}
		if got, want := New(English).phrase("claim.trend.multiple.of", args), analysis.English("claim.trend.multiple.of", args...); got != want {
			t.Errorf("English %v: %q, want %q", c.q, got, want)
		}
	}
}

// TestSimplifiedYuanFirst holds mainland usage: 人民币 before the amount.
func TestSimplifiedYuanFirst(t *testing.T) {
	if got, want := New(Simplified).Money(380e9, "CNY", analysis.AtLeast), "至少人民币3800亿元"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got, want := New(Traditional).Money(380e9, "CNY", analysis.AtLeast), "至少3,800億元人民幣"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
