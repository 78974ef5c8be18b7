package analysis

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestRestatementAnyDifference: a restatement 9% apart in one currency
// warns (it used to pass under a 15% tolerance); the same amount does
// not; across currencies, 1% after conversion is the tolerance.
func TestRestatementAnyDifference(t *testing.T) {
	for _, c := range []struct {
		name, amount string
		warn         bool
	}{
		{"9% apart", "at least 414.2 billion yuan", true}, // 414.2 / 380 = 1.09
		{"0.1% apart", "at least 380.38 billion yuan", true},
		{"the same", "at least 380 billion yuan", false},
		{"US$53bn at 7.1698", "US$53 billion", false},    // 380 / 7.1698 = 53.0001: 0.0002% apart
		{"US$53.6bn at 7.1698", "US$53.6 billion", true}, // 1.13% apart
	} {
		plan, plus := alibabaPlan()
		p2 := pledge("increase", "2025-09-24", "Alibaba Group", "company", "Increase to the AI plan", c.amount, "", 0, "", "Mainland China", "ABMedia")
		plus = at(p2, 5)
		plus.Relation, plus.RelatedTo = RelationRestates, "plan"
		_, probs := Build(ratesInputs(plan, plus), Options{})
		if got := len(problemsOf(probs, ErrRestatedAmount)) > 0; got != c.warn {
			t.Errorf("%s: warning %v, want %v", c.name, got, c.warn)
		}
	}
}

// TestNotAddedCountsWhatItLists: the Not added figure is the sum of the
// counts its sentence lists, the pledge after the cut-off included.
func TestNotAddedCountsWhatItLists(t *testing.T) {
	in := scopeInputs()
	plan, plus := alibabaPlan()
	plus.Relation, plus.RelatedTo = RelationRestates, "plan"
	late := pledge("late", "2025-12-01", "Late Fund", "fund", "AI fund", "US$1 billion", "", 0, "", "Hong Kong", "S")
	in.Pledges = append(in.Pledges, plan, plus, late)
	r, probs := Build(in, Options{AsOf: day("2025-10-31")})
	if probs.HasErrors() {
		t.Fatal(probs.Err())
	}
	var h *Headline
	for i := range r.Headlines {
		if r.Headlines[i].Topic == "Not added" {
			h = &r.Headlines[i]
		}
	}
	if h == nil {
		t.Fatal("no Not added headline")
	}
	// By hand: RAISe+ (broader), the property fund (not AI), the
	// restatement and the late fund: 4 of the 8 rows.
	if h.Value != 4 {
		t.Errorf("not added = %v, want 4", h.Value)
	}
	sum := 0
	for _, m := range regexp.MustCompile(`(?:: |; )(\d+) `).FindAllStringSubmatch(h.Sentence, -1) {
		n, _ := strconv.Atoi(m[1])
		sum += n
	}
	if float64(sum) != h.Value || !strings.Contains(h.Sentence, "1 pledge announced after the cut-off") ||
		!strings.Contains(h.Sentence, "1 broader programme") || !strings.Contains(h.Sentence, "1 pledge not for AI") {
		t.Errorf("the sentence lists %d, the figure is %v: %s", sum, h.Value, h.Sentence)
	}
}

func TestYearShownAsYear(t *testing.T) {
	for _, c := range []struct {
		v    float64
		unit string
		want string
	}{{2024, "year", "2024"}, {2035, "year", "2035"}, {2024, "count", "2024"}, {12345, "count", "12345"}} {
		if got := FormatValue(c.v, c.unit, false, Exact); got != c.want {
			t.Errorf("FormatValue(%v, %q) = %q, want %q", c.v, c.unit, got, c.want)
		}
	}
}
