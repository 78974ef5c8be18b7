package analysis

import (
	"errors"
	"strings"
	"testing"
)

// undatedInputs: a pledge with a stated date, one before a date, one with
// no date at all, one whose year stands on the source's own date, and one
// whose year its source states.
func undatedInputs() Inputs {
	a := pledge("a", "2024-03-01", "A", "company", "Stated", "US$100 million", "", 0, "", "Hong Kong", "S")
	b := pledge("b", "2024-12-20", "B", "company", "Earlier stake", "US$50 million", "", 0, "", "Hong Kong", "S")
	b.DateBasis = DateBefore
	c := pledge("c", "2024-12-20", "C", "company", "Undated stake", "undisclosed", "", 0, "", "Hong Kong", "S")
	c.DateBasis = DateUnknown
	d := pledge("d", "2016-05-01", "D", "company", "Stand-in date", "US$10 million", "", 0, "", "Hong Kong", "S")
	d.DateBasis = DateReportDate
	e := pledge("e", "2019-01-01", "E", "company", "Year stated", "undisclosed", "", 0, "", "Hong Kong", "S")
	return ratesInputs(a, b, c, d, e)
}

func TestUndatedCountInTotalsNotInYears(t *testing.T) {
	r, probs := Build(undatedInputs(), Options{})
	if probs.HasErrors() {
		t.Fatal(probs.Err())
	}
	// 100 + 50 + 10 = US$160M over 5 pledges, 2 of them undisclosed.
	if !nearly(r.Total.Total, 160e6) || r.Total.Count != 5 || r.Total.Undisclosed != 2 {
		t.Errorf("total %v over %d (%d undisclosed), want 160e6 over 5 (2)", r.Total.Total, r.Total.Count, r.Total.Undisclosed)
	}
	// b: US$50M of the US$160M, 31.25%; c undisclosed.
	if g := r.DateNotStated; g.Count != 2 || g.Undisclosed != 1 || !nearly(g.Total, 50e6) || !nearly(g.Share, 0.3125) {
		t.Errorf("date not stated: %+v, want 2 pledges, 1 undisclosed, 50e6, 31.25%%", g)
	}
	// Years: 2016 (US$10M, approximate), 2019 (undisclosed), 2024 (US$100M);
	// b and c sit in none.
	want := map[string][3]float64{"2016": {1, 10e6, 1}, "2019": {1, 0, 0}, "2024": {1, 100e6, 0}}
	if len(r.ByYear) != len(want) {
		t.Errorf("years %+v, want %v", r.ByYear, want)
	}
	for _, g := range r.ByYear {
		w, ok := want[g.Key]
		if !ok || float64(g.Count) != w[0] || !nearly(g.Total, w[1]) || float64(g.Approximate) != w[2] {
			t.Errorf("year %s: %d pledges, %v, %d approximate; want %v", g.Key, g.Count, g.Total, g.Approximate, w)
		}
	}
	// The year since which figures run rests on stated dates: 2019, not
	// 2016 (a stand-in) nor 2024's before-dates.
	if got := r.firstYear(); got != "2019" {
		t.Errorf("cumulative since %s, want 2019", got)
	}
	for _, id := range []string{"b", "c"} {
		if p := row(r, id); !p.Undated() || p.Approximate || !p.Counted {
			t.Errorf("%s: undated %v, approximate %v, counted %v", id, p.Undated(), p.Approximate, p.Counted)
		}
	}
}

func TestParseAnnounced(t *testing.T) {
	for _, c := range []struct {
		in, date string
		basis    DateBasis
		err      bool
	}{
		{"2024-12-20", "2024-12-20", DateBasisUnset, false},
		{"before 2024-12-20", "2024-12-20", DateBefore, false},
		{"Before 2024-12-20", "2024-12-20", DateBefore, false},
		{"before\n2024-12-20", "2024-12-20", DateBefore, false},     // as the report prints it
		{"before\u00a02024-12-20", "2024-12-20", DateBefore, false}, // a no-break space, as pasted from the web
		{"beforehand 2024-12-20", "", DateBasisUnset, true},
		{"unknown", "0001-01-01", DateUnknown, false},
		{" UNKNOWN ", "0001-01-01", DateUnknown, false},
		{"before 20/12/2024", "", DateBasisUnset, true},
		{"earlier", "", DateBasisUnset, true},
	} {
		d, basis, err := ParseAnnounced(c.in)
		if (err != nil) != c.err || !c.err && (d.Format(DateLayout) != c.date || basis != c.basis) {
			t.Errorf("ParseAnnounced(%q) = %s %q %v; want %s %q, error %v", c.in, d.Format(DateLayout), basis, err, c.date, c.basis, c.err)
		}
		if err != nil && !errors.Is(err, ErrDate) {
			t.Errorf("ParseAnnounced(%q): %v is not a date error", c.in, err)
		}
	}
}

// TestLargestUndatedKeepsItsBound: the largest pledge's sentence gives a
// date only as the source does: "before" a date it is known to predate,
// no date when the source gives none.
func TestLargestUndatedKeepsItsBound(t *testing.T) {
	for _, c := range []struct {
		basis      DateBasis
		want, lose string
	}{
		{DateBefore, "announced before 2024-12-20.", "announced 2024-12-20"},
		{DateUnknown, "announced on a date the source does not give.", "2024-12-20"},
	} {
		a := pledge("a", "2024-03-01", "A", "company", "Stated", "US$100 million", "", 0, "", "Hong Kong", "S")
		b := pledge("b", "2024-12-20", "B", "company", "Earlier stake", "US$500 million", "", 0, "", "Hong Kong", "S")
		b.DateBasis = c.basis
		r, probs := Build(ratesInputs(a, b), Options{})
		if probs.HasErrors() {
			t.Fatal(probs.Err())
		}
		var sentence string
		for _, h := range r.Headlines {
			if h.TopicKey == "topic.largest" {
				sentence = h.Sentence
			}
		}
		if !strings.Contains(sentence, c.want) || strings.Contains(sentence, c.lose) {
			t.Errorf("%s: %q, want %q", c.basis, sentence, c.want)
		}
	}
}
