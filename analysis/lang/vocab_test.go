package lang

import (
	"slices"
	"testing"

	"pledgewatch/analysis"
)

// TestVocabularyWords renders every word of the closed vocabularies of
// pledges and of evidence (the reader's allowed values) and of the
// reasons a row is not counted in both Chinese scripts: a word added to a
// list needs its text.
func TestVocabularyWords(t *testing.T) {
	words := slices.Concat(analysis.InvestorTypes, analysis.Statuses, analysis.Kinds, analysis.Relations, analysis.DateBases, analysis.AIScopes, analysis.Stages, analysis.AmountBases)
	for e := analysis.ExcludedCutoff; e.String() != ""; e++ {
		if !e.NamesPledge() { // shown with the pledge, below
			words = append(words, e.String())
		}
	}
	for _, l := range []Lang{Traditional, Simplified} {
		p := New(l)
		for _, w := range words {
			if p.Word(w) == w {
				t.Errorf("%v: %q is shown in English", l, w)
			}
		}
		for _, e := range []analysis.Exclusion{analysis.ExcludedRestates, analysis.ExcludedPartOf, analysis.ExcludedReplaced} {
			if _, ok := p.Lookup("word." + e.String() + " %s"); !ok {
				t.Errorf("%v: no text for %q and the pledge it names", l, e)
			}
		}
	}
}
