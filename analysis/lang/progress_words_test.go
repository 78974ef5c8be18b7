package lang

import (
	"testing"

	"pledgewatch/analysis"
)

// TestProgressWordsDeclared holds the catalogue to analysis's lists of
// the delivery statuses and the reasons for them: each has its English
// words under its key, and Chinese words in both scripts.
func TestProgressWordsDeclared(t *testing.T) {
	want := map[string]string{}
	for _, s := range analysis.ProgressStatuses() {
		want["word."+s.String()] = s.String()
	}
	for k, en := range analysis.ReasonTexts {
		want[k] = en
	}
	en, hant, hans := New(English), New(Traditional), New(Simplified)
	for key, words := range want {
		e, ok := en.Lookup(key)
		t1, _ := hant.Lookup(key)
		t2, _ := hans.Lookup(key)
		switch {
		case !ok:
			t.Errorf("%s: not in the catalogue", key)
		case e != words:
			t.Errorf("%s: English %q, want %q", key, e, words)
		case t1 == "" || t2 == "" || t1 == words || t2 == words:
			t.Errorf("%s: no Chinese words (%q, %q)", key, t1, t2)
		}
	}
}
