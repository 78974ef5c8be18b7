package analysis

import (
	"math"
	"slices"
	"testing"
)

// TestHeadlineRefs: the figure a headline names is its number, and every
// kind of figure is named by the seed report's headlines.
func TestHeadlineRefs(t *testing.T) {
	in := seedInputs()
	in.Comparisons = []ComparisonSpec{{Left: "total:", Right: "metric:Alibaba, Tencent, Baidu and JD.com|AI capital expenditure (combined)|2025", How: "share",
		Caveat: "every counted pledge against one year's forecast capex of four groups"}}
	r, probs := Build(in, Options{})
	if probs.HasErrors() {
		t.Fatal(probs.Err())
	}
	group := func(gs []Group, key string) float64 {
		if i := slices.IndexFunc(gs, func(g Group) bool { return g.Key == key }); i >= 0 {
			return gs[i].Total
		}
		return math.NaN()
	}
	seen := map[RefKind]bool{}
	for _, h := range r.Headlines {
		ref := h.Ref
		seen[ref.Kind] = true
		var v float64
		switch ref.Kind {
		case RefNone:
			continue
		case RefTotal:
			v = r.Total.Total
		case RefPledge:
			v = r.Pledges[ref.Index].Value
		case RefGroup:
			v = group(r.ByInvestor, ref.Key)
		case RefSector:
			v = group(r.BySector, ref.Key)
		case RefHongKong:
			v = group(r.HongKong, ref.Key)
		case RefComparison:
			v = r.Comparisons[ref.Index].Value
		case RefTrend:
			v = r.Trends[ref.Index].Multiple
		default:
			t.Fatalf("%s: unknown kind %d", h.Topic, ref.Kind)
		}
		if v != h.Value {
			t.Errorf("%s: %+v is %v, the headline says %v", h.Topic, ref, v, h.Value)
		}
	}
	for k := RefNone; k <= RefTrend; k++ {
		if !seen[k] {
			t.Errorf("no headline names a figure of kind %d", k)
		}
	}
}
