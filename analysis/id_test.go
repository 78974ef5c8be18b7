package analysis

import (
	"strings"
	"testing"
)

func TestIDKey(t *testing.T) {
	for _, c := range [][2]string{
		{"sx-fund", "sx-fund"},
		{" SX-Fund ", "sx-fund"},
		{"ſx-fund", "sx-fund"}, // long s folds to s
		{"ｓｘ－ｆｕｎｄ", "sx-fund"}, // full-width forms
		{"STRASSE-2025", "strasse-2025"},
		{"Straße-2025", "strasse-2025"}, // ß folds to ss
		{"阿里-2025", "阿里-2025"},
	} {
		if got := IDKey(c[0]); got != c[1] {
			t.Errorf("IDKey(%q) = %q, want %q", c[0], got, c[1])
		}
	}
}

// TestIDFoldingEverywhere checks that ids differing only by case folding
// are one id for every check: the duplicate check, relations, evidence
// and figure references.
func TestIDFoldingEverywhere(t *testing.T) {
	a := at(pledge("ſx-fund", "2025-01-10", "SX Capital", "fund", "AI fund", "US$1 billion", "", 0, "", "Hong Kong", "X"), 2)
	b := at(pledge("sx-fund", "2025-03-10", "Other Capital", "fund", "robotics fund", "US$2 billion", "", 0, "", "Hong Kong", "Y"), 3)
	_, probs := Build(ratesInputs(a, b), Options{})
	if dup := problemsOf(probs, ErrDuplicateID); len(dup) != 1 || !strings.Contains(dup[0].Error(), "id already used at in.xlsx") {
		t.Errorf("duplicate ids: %v", dup)
	}

	top := at(pledge("top", "2025-06-10", "SX Capital", "fund", "AI fund top-up", "US$1 billion", "", 0, "", "Hong Kong", "Z"), 4)
	top.Relation, top.RelatedTo = RelationRestates, "SX-FUND"
	in := ratesInputs(a, top)
	in.Progress = []Evidence{evidence("ＳＸ-fund", "2025-05-01", "disbursed", "US$100 million", "cumulative")}
	in.Comparisons = []ComparisonSpec{cmpSpec(2, "c", "pledge:Sx-Fund", "ratio", "total", 0, 0)}
	r, probs := Build(in, Options{})
	if probs.HasErrors() {
		t.Fatalf("ids that fold alike are not found: %v", probs.Err())
	}
	if ex := r.ExcludedText(row(r, "top")); ex != "restates ſx-fund" {
		t.Errorf("the restatement is excluded as %q", ex)
	}
	if len(r.Evidence) != 1 || len(r.Comparisons) != 1 || r.Comparisons[0].Value != 1 {
		t.Errorf("%d evidence rows, comparisons %v", len(r.Evidence), r.Comparisons)
	}
	if PledgeKey(&a) != "id:sx-fund" {
		t.Errorf("PledgeKey = %q", PledgeKey(&a))
	}
}
