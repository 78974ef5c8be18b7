package analysis

import (
	"strings"
	"testing"
)

// TestOneNameRule: members merge by the rule groups do (case and spacing
// folded, aliases are other spellings), and group= takes the short or
// the full name of a group.
func TestOneNameRule(t *testing.T) {
	in := ratesInputs(
		pledge("a", "2025-01-10", "PIF: HUMAIN", "fund", "AI data centres", "US$10 billion", "", 0, "", "Global", "S"),
		pledge("b", "2025-02-10", "PIF: Humain", "fund", "AI models", "US$5 billion", "", 0, "", "Global", "S"),
		pledge("c", "2025-03-10", "PIF: Humain AI", "fund", "AI chips", "US$1 billion", "", 0, "", "Global", "S"),
		pledge("d", "2025-04-10", "Public Investment Fund", "fund", "AI fund", "US$2 billion", "", 0, "", "Global", "S"),
		pledge("e", "2025-05-10", "New  Capital", "fund", "AI fund", "US$3 billion", "", 0, "", "Global", "S"),
		pledge("f", "2025-06-10", "new capital", "fund", "AI fund 2", "US$4 billion", "", 0, "", "Global", "S"),
	)
	in.Entities = []Entity{
		{Name: "Public Investment Fund", Short: "PIF"},
		{Name: "PIF: Humain", Aliases: []string{"PIF: Humain AI"}, Group: "Public Investment Fund"},
	}
	in.Comparisons = []ComparisonSpec{
		cmpSpec(2, "full", "total:group=public investment fund", "ratio", "total:group=New Capital", 0, 0),
		cmpSpec(3, "short", "total:group=PIF", "ratio", "total:group=NEW CAPITAL", 0, 0),
		cmpSpec(4, "miss", "total:group=Humain Holdings", "ratio", "total", 0, 0),
	}
	r, probs := Build(in, Options{})
	// PIF: 10 + 5 + 1 + 2 = 18 bn; New Capital: 3 + 4 = 7 bn.
	groups := map[string]float64{}
	for _, g := range r.ByInvestor {
		groups[g.Key] = g.Total
	}
	if len(groups) != 2 || !nearly(groups["PIF"], 18e9) || !nearly(groups["New  Capital"], 7e9) {
		t.Errorf("groups %v, want PIF 18e9 and New  Capital 7e9", groups)
	}
	// Members of PIF: Humain (10 + 5 + 1 = 16 bn) and the fund itself (2 bn).
	members := map[string]float64{}
	for _, m := range r.ByMember {
		if m.Parent == "PIF" {
			members[m.Key] = m.Total
		}
	}
	if len(members) != 2 || !nearly(members["PIF: Humain"], 16e9) || !nearly(members["Public Investment Fund"], 2e9) {
		t.Errorf("members %v, want PIF: Humain 16e9 and Public Investment Fund 2e9", members)
	}
	// 18 / 7 = 2.5714 by the full name and by the short one.
	for i, id := range []string{"full", "short"} {
		if i >= len(r.Comparisons) || r.Comparisons[i].Spec.ID != id || !nearly(r.Comparisons[i].Value, 18.0/7) {
			t.Errorf("comparison %s missing or wrong: %+v", id, r.Comparisons)
		}
	}
	ps := problemsOf(probs, ErrFigureRef)
	if len(ps) != 1 || ps[0].Cell != "B4" || !strings.Contains(ps[0].Err.Error(), `no investor group is named "Humain Holdings"; use a group's short or full name: PIF, New  Capital`) {
		t.Errorf("miss: %v", ps)
	}
}
