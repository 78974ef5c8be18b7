package analysis_test

import (
	"math"
	"strings"
	"testing"

	"pledgewatch/analysis"
)

// TestSetRowsChecked: a finding that speaks for the counted pledges by
// reference (Set.Rows) is held by CheckFindings to those rows: a pledge
// larger than the largest stated, a sum that is not the total, and a
// wrong count of the set are each found.
func TestSetRowsChecked(t *testing.T) {
	r := shipped(t, "2025-11", "USD")
	if errs := r.CheckFindings(); len(errs) > 0 {
		t.Fatalf("the shipped report breaks its findings: %v", errs)
	}
	byClaim := map[analysis.Claim]*analysis.Finding{}
	for _, f := range r.Findings() {
		if f.Set.Rows == analysis.RefPledge {
			byClaim[f.Claim] = f
			if len(f.Figures) > 0 {
				t.Errorf("%q holds %d figures of a set held by reference", f.Text, len(f.Figures))
			}
		}
	}
	for _, c := range []analysis.Claim{analysis.ClaimLargest, analysis.ClaimTotal} {
		if byClaim[c] == nil {
			t.Fatalf("no %s finding speaks for the counted pledges by reference", c)
		}
	}
	// A counted pledge other than the largest, with a stated amount.
	other := -1
	for i := range r.Pledges {
		p := &r.Pledges[i]
		if p.Counted && !math.IsNaN(p.Value) && p.Value < byClaim[analysis.ClaimLargest].Result.Value {
			other = i
			break
		}
	}
	if other < 0 {
		t.Fatal("the shipped inputs have one counted pledge")
	}
	cases := []struct {
		name  string
		spoil func() func()
		want  string
	}{
		{"larger pledge", func() func() {
			v := r.Pledges[other].Value
			r.Pledges[other].Value = 2 * byClaim[analysis.ClaimLargest].Result.Value
			return func() { r.Pledges[other].Value = v }
		}, "the largest is"},
		{"sum", func() func() {
			v := r.Pledges[other].Value
			r.Pledges[other].Value = v + 1e9
			return func() { r.Pledges[other].Value = v }
		}, "they sum to"},
		{"size", func() func() {
			f := byClaim[analysis.ClaimLargest]
			f.Set.Size++
			return func() { f.Set.Size-- }
		}, "the report holds"},
		{"uncounted", func() func() {
			r.Pledges[other].Counted = false
			return func() { r.Pledges[other].Counted = true }
		}, "the report holds"},
	}
	for _, c := range cases {
		undo := c.spoil()
		errs := r.CheckFindings()
		undo()
		found := false
		for _, err := range errs {
			found = found || strings.Contains(err.Error(), c.want)
		}
		if !found {
			t.Errorf("%s: no error says %q: %v", c.name, c.want, errs)
		}
	}
	if errs := r.CheckFindings(); len(errs) > 0 {
		t.Fatalf("the report was not restored: %v", errs)
	}
}
