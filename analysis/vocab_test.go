package analysis

import (
	"errors"
	"strings"
	"testing"
	"unsafe"
)

// TestRecordSizes holds the per-row records to their sizes: a million
// pledges hold a Pledge and a PledgeRow each, and after Build the soft
// memory limit follows the live heap, so every byte added to either is
// paid about 1.3 million times in peak memory at a million rows. The six
// closed vocabularies of Pledge are a byte each, side by side, and its
// position (Loc) is an origin shared by the table and a row; PledgeRow's
// Excluded and Stage are bytes beside Counted and Approximate, with the
// 32-bit ExcludedBy.
func TestRecordSizes(t *testing.T) {
	if s := unsafe.Sizeof(Pledge{}); s > 352 {
		t.Errorf("a Pledge takes %d bytes, more than 352: keep the one-byte fields together and add no string for a closed list of words", s)
	}
	if s := unsafe.Sizeof(PledgeRow{}); s > 88 {
		t.Errorf("a PledgeRow takes %d bytes, more than 88: keep the one-byte fields together and add no string for a closed list of words", s)
	}
}

// vocabCase is one vocabulary as the tests see it: its words, its
// reader's allowed values, and its reading and writing of a value.
type vocabCase struct {
	name    string
	words   []string
	choices []string
	parse   func(string) (uint8, error)
	word    func(uint8) string
}

func vocabCaseOf[T interface {
	~uint8
	String() string
}](name string, words vocabulary[T], choices []string, parse func(string) (T, error)) vocabCase {
	return vocabCase{name, words, choices,
		func(s string) (uint8, error) { v, err := parse(s); return uint8(v), err },
		func(v uint8) string { return T(v).String() }}
}

func vocabCases() []vocabCase {
	return []vocabCase{
		vocabCaseOf("investor type", investorTypeWords, InvestorTypes, ParseInvestorType),
		vocabCaseOf("status", pledgeStatusWords, Statuses, ParsePledgeStatus),
		vocabCaseOf("kind", kindWords, Kinds, ParseKind),
		vocabCaseOf("relation", relationWords, Relations, ParseRelation),
		vocabCaseOf("date basis", dateBasisWords, DateBases, ParseDateBasis),
		vocabCaseOf("AI scope", aiScopeWords, AIScopes, ParseAIScope),
	}
}

// TestVocabularies reads every word of each vocabulary back to its value,
// in any case and with blanks around it; an empty cell is the zero value;
// a word outside the list is the error ParseEnum gives for the reader's
// allowed values, so that problem messages keep their "use one of" list.
func TestVocabularies(t *testing.T) {
	for _, c := range vocabCases() {
		if len(c.words) > 256 {
			t.Fatalf("%s: %d words do not fit a byte", c.name, len(c.words))
		}
		var listed []string
		for i, w := range c.words {
			v := uint8(i)
			if got := c.word(v); got != w {
				t.Errorf("%s %d: String %q, want %q", c.name, v, got, w)
			}
			if w == "" {
				if i != 0 {
					t.Errorf("%s: only the zero value may have no word (value %d)", c.name, i)
				}
				continue
			}
			listed = append(listed, w)
			for _, s := range []string{w, strings.ToUpper(w), " " + strings.ToUpper(w[:1]) + w[1:] + " "} {
				if got, err := c.parse(s); err != nil || got != v {
					t.Errorf("%s: parse(%q) = %d, %v; want %d", c.name, s, got, err, v)
				}
			}
		}
		if strings.Join(listed, "|") != strings.Join(c.choices, "|") {
			t.Errorf("%s: the reader allows %q, the words are %q", c.name, c.choices, listed)
		}
		if got, err := c.parse("  "); err != nil || got != 0 {
			t.Errorf("%s: an empty cell reads as %d, %v; want the zero value", c.name, got, err)
		}
		_, want := ParseEnum("nonsense", c.choices)
		if got, err := c.parse("nonsense"); err == nil || err.Error() != want.Error() || !errors.Is(err, ErrEnum) || got != 0 {
			t.Errorf("%s: parse(nonsense) = %d, %v; want the zero value and %v", c.name, got, err, want)
		}
		if got := c.word(uint8(len(c.words))); got != "" {
			t.Errorf("%s: a value past the words is %q", c.name, got)
		}
	}
}

// TestVocabularyZeros holds the zero values to what an empty cell means.
func TestVocabularyZeros(t *testing.T) {
	var p Pledge
	if Signal(p.Kind) || p.Kind.String() != "" {
		t.Errorf("the zero kind %q is not a commitment of money", p.Kind)
	}
	if p.AIScope != ScopeDedicated || p.AIScope.String() != "dedicated" {
		t.Errorf("the zero AI scope is %q, want dedicated", p.AIScope)
	}
	if !p.DateStated() || p.Undated() {
		t.Error("the zero date basis is not stated by the source")
	}
	if p.Relation.String() != "" || p.Status.String() != "" || p.InvestorType.String() != "" {
		t.Errorf("zero relation %q, status %q, investor type %q; want none", p.Relation, p.Status, p.InvestorType)
	}
	var row PledgeRow
	if row.Excluded != NotExcluded || row.Excluded.String() != "" || row.Excluded.NamesPledge() {
		t.Errorf("the zero exclusion is %q", row.Excluded)
	}
}

// TestSignalKinds holds Signal to the list of kinds: the first six words
// are commitments of money, the rest signals.
func TestSignalKinds(t *testing.T) {
	for i, w := range Kinds {
		k, err := ParseKind(w)
		if err != nil {
			t.Fatal(err)
		}
		if want := i >= 6; Signal(k) != want {
			t.Errorf("Signal(%s) = %v, want %v", w, Signal(k), want)
		}
	}
}

// TestExcludedText words each reason as the Pledges sheet shows it, a
// reason that names a pledge followed by its id, or its place when it has
// none.
func TestExcludedText(t *testing.T) {
	r := &Report{Pledges: []PledgeRow{
		{Pledge: &Pledge{ID: "old"}},
		{Pledge: &Pledge{Loc: At("in.xlsx", "Pledges", 7, nil)}},
	}}
	for _, c := range []struct {
		ex   Exclusion
		by   int32
		want string
	}{
		{NotExcluded, 0, ""},
		{ExcludedTwice, 0, "entered twice"},
		{ExcludedCutoff, 1, "after the cut-off"},
		{ExcludedRestates, 0, "restates old"},
		{ExcludedPartOf, 0, "part of old"},
		{ExcludedReplaced, 1, "replaced by " + r.Pledges[1].Loc.Ref().String()},
	} {
		p := &PledgeRow{Pledge: &Pledge{}, Excluded: c.ex, ExcludedBy: c.by}
		if got := r.ExcludedText(p); got != c.want {
			t.Errorf("%v by %d: %q, want %q", c.ex, c.by, got, c.want)
		}
		if got, want := r.ExcludedName(p) != "", c.ex.NamesPledge(); got != want {
			t.Errorf("%v: names a pledge %v, want %v", c.ex, got, want)
		}
	}
}
