package analysis

import (
	"testing"
)

func TestPrependChanges(t *testing.T) {
	plan, plus := alibabaPlan()
	plus.Relation, plus.RelatedTo = RelationRestates, "plan"
	tests := []struct {
		asOf    string
		changes *Changes
		want    string
	}{
		{"2025-09-30", &Changes{}, "2 rows of the inputs are dated September 2025, 1 of them counted in the totals; the figures below are cumulative since 2025; there is no earlier report to compare with."},
		{"2025-10-31", &Changes{Previous: "2025-09"}, "No row of the inputs is dated October 2025; the figures below are cumulative since 2025; nothing changed since the report for 2025-09."},
		{"2025-10-31", &Changes{Previous: "2025-09", Items: []Change{{Table: "pledge", Kind: "new"}, {Table: "pledge", Kind: "new"}, {Table: "metric", Kind: "revised"}}},
			"No row of the inputs is dated October 2025; the figures below are cumulative since 2025; since the report for 2025-09: 2 new pledges, 1 revised metric (listed on Changes)."},
	}
	for _, tt := range tests {
		p2 := plan
		p2.Announced = day("2025-09-01")
		r, _ := Build(ratesInputs(p2, plus), Options{AsOf: day(tt.asOf)})
		r.Changes = tt.changes
		r.PrependChanges()
		if h := r.Headlines[0]; h.Topic != "What changed" || h.Sentence != tt.want {
			t.Errorf("%s: got %q, want %q", tt.asOf, h.Sentence, tt.want)
		}
	}
}
