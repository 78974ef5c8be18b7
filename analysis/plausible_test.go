package analysis

import (
	"strings"
	"testing"
)

// TestPlausibility warns, at the cell, about a pledge dated before AI
// investment was tracked, one larger than the world's output, and a ¥
// amount whose stated US-dollar figure fits the yen.
func TestPlausibility(t *testing.T) {
	old := at(pledge("old", "1985-06-01", "Gov", "government", "Fund", "HK$1 billion", "", 0, "", "Hong Kong", "S"), 2)
	huge := at(pledge("huge", "2025-01-01", "Gov", "government", "Fund", "US$500 trillion", "", 0, "", "Hong Kong", "S"), 3)
	yen := at(pledge("yen", "2025-03-01", "Firm", "company", "Plan", "¥150 billion", "", 0, "", "Mainland China", "S"), 4)
	yen.StatedUSD = 1e9 // 150 per dollar: the yen
	yuan := at(pledge("yuan", "2025-03-01", "Firm", "company", "Other plan", "¥7.17 billion", "", 0, "", "Mainland China", "S"), 5)
	yuan.StatedUSD = 1e9 // 7.17 per dollar: the yuan
	_, probs := Build(ratesInputs(old, huge, yen, yuan), Options{})
	var got []string
	for _, p := range problemsOf(probs, ErrImplausible) {
		got = append(got, p.Cell+": "+p.Err.Error())
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{
		"B2: announced in 1985, before AI investment was tracked (1990)",
		"F3: US$500.0T is more than the world's yearly economic output",
		"F4: the source's US-dollar figure implies 150 per US$, which fits the yen",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("missing %q in:\n%s", want, all)
		}
	}
	if len(got) != 3 {
		t.Errorf("got %d warnings, want 3 (none for the yuan row):\n%s", len(got), all)
	}
}
