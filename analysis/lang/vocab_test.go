package lang

import (
	"slices"
	"testing"

	"pledgewatch/analysis"
)

// shownInEnglish are the words of the closed vocabularies that the
// Chinese workbooks still show in English; giving them a text changes
// those workbooks, so it is a change of its own.
var shownInEnglish = []string{analysis.DateUnknown.String(), analysis.ScopeDedicated.String(), analysis.ScopeNotAI.String()}

// TestVocabularyWords renders every word of the closed vocabularies of
// pledges (the reader's allowed values) and of the reasons a row is not
// counted in both Chinese scripts: a word added to a list needs its text.
func TestVocabularyWords(t *testing.T) {
	words := slices.Concat(analysis.InvestorTypes, analysis.Statuses, analysis.Kinds, analysis.Relations, analysis.DateBases, analysis.AIScopes)
	for e := analysis.ExcludedCutoff; e.String() != ""; e++ {
		if !e.NamesPledge() { // shown with the pledge, below
			words = append(words, e.String())
		}
	}
	for _, l := range []Lang{Traditional, Simplified} {
		p := New(l)
		for _, w := range words {
			english := p.Word(w) == w
			if want := slices.Contains(shownInEnglish, w); english != want {
				t.Errorf("%v: %q shown in English %v, want %v", l, w, english, want)
			}
		}
		for _, e := range []analysis.Exclusion{analysis.ExcludedRestates, analysis.ExcludedPartOf, analysis.ExcludedReplaced} {
			if _, ok := p.Lookup("word." + e.String() + " %s"); !ok {
				t.Errorf("%v: no text for %q and the pledge it names", l, e)
			}
		}
	}
}
