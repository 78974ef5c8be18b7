package analysis

import (
	"math"
	"strconv"
	"testing"
)

// chainInputs is n pledges of US$1 million each, from different sources,
// each one related by rel to the one before it.
func chainInputs(n int, word string) Inputs {
	rel, err := ParseRelation(word)
	if err != nil {
		panic(err)
	}
	ps := make([]Pledge, n)
	for i := range ps {
		ps[i] = at(pledge("p"+strconv.Itoa(i), "2025-02-24", "Chain Capital", "fund", "fund "+strconv.Itoa(i), "US$1 million", "", 0, "", "Hong Kong", "source "+strconv.Itoa(i)), i+2)
		if i > 0 {
			ps[i].Relation, ps[i].RelatedTo = rel, "p"+strconv.Itoa(i-1)
		}
	}
	return ratesInputs(ps...)
}

// TestLongChains resolves 100,000 pledges in one chain of each relation
// and checks the figures: a top-up adds, a restatement and a part do not,
// a replacement leaves only the last. Relation resolution is linear in
// the number of pledges, so this size runs in well under a second; a
// resolution that walked each chain from its start would take minutes.
// BenchmarkChains measures it.
func TestLongChains(t *testing.T) {
	const n = 100_000
	for _, c := range []struct {
		rel     string
		total   float64
		counted int
	}{
		{"top-up", n * 1e6, n},
		{"restates", 1e6, 1},
		{"part of", 1e6, 1},
		{"replaces", 1e6, 1},
	} {
		t.Run(c.rel, func(t *testing.T) {
			r, probs := Build(chainInputs(n, c.rel), Options{Currency: "USD"})
			if probs.HasErrors() {
				t.Fatal(probs.Err())
			}
			counted := 0
			for i := range r.Pledges {
				if r.Pledges[i].Counted {
					counted++
				}
			}
			if counted != c.counted || math.Abs(r.Total.Total-c.total) > 1e-6*c.total {
				t.Errorf("%d counted, total %v; want %d and %v", counted, r.Total.Total, c.counted, c.total)
			}
			if c.rel == "restates" {
				// Every restatement gives its source to the original.
				if got := len(row(r, "p0").Sources); got != n {
					t.Errorf("the original has %d sources, want %d", got, n)
				}
				if ex := r.ExcludedText(row(r, "p"+strconv.Itoa(n-1))); ex != "restates p"+strconv.Itoa(n-2) {
					t.Errorf("the last row is excluded as %q", ex)
				}
			}
		})
	}
}

func BenchmarkChains(b *testing.B) {
	for _, rel := range []string{"top-up", "restates", "part of", "replaces"} {
		b.Run(rel, func(b *testing.B) {
			in := chainInputs(100_000, rel)
			for b.Loop() {
				Build(in, Options{Currency: "USD"})
			}
		})
	}
}

// TestLongCycle closes a chain of 100,000 restatements into a circle: one
// error, at the first row, naming the first ids and how many more.
func TestLongCycle(t *testing.T) {
	const n = 100_000
	in := chainInputs(n, "restates")
	in.Pledges[0].Relation, in.Pledges[0].RelatedTo = RelationRestates, "p"+strconv.Itoa(n-1)
	_, probs := Build(in, Options{Currency: "USD"})
	errs := problemsOf(probs, ErrRelation)
	if len(errs) != 1 {
		t.Fatalf("%d relation errors, want 1", len(errs))
	}
	want := "the relations go round in a circle (p0 -> p99999 -> p99998 -> p99997 -> p99996 and 99995 more -> p0); one of these pledges must be the original, with relation new"
	if got := errs[0].Err.Error(); got != want {
		t.Errorf("got %q (%d bytes)\nwant %q", got[:min(len(got), 300)], len(got), want)
	}
}

func TestListed(t *testing.T) {
	for _, c := range []struct {
		n    int
		want string
	}{
		{0, ""},
		{1, "a0"},
		{5, "a0, a1, a2, a3, a4"},
		{6, "a0, a1, a2, a3, a4 and 1 more"},
		{100_000, "a0, a1, a2, a3, a4 and 99995 more"},
	} {
		items := make([]string, c.n)
		for i := range items {
			items[i] = "a" + strconv.Itoa(i)
		}
		if got := Listed(items, ", "); got != c.want {
			t.Errorf("%d items: %q, want %q", c.n, got, c.want)
		}
	}
}
