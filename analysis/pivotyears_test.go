package analysis_test

import (
	"math"
	"strconv"
	"testing"

	"pledgewatch/analysis"
)

// TestPivotYearsAreTheYearTotals: the pivot's lines of a year hold the
// pledges the year totals count for that year, and its lines without a
// year those whose source gives no date: a stake known only to predate
// a date is in no year, in the pivot as in the totals.
func TestPivotYearsAreTheYearTotals(t *testing.T) {
	r := shipped(t, "2025-11", "USD")
	if r.DateNotStated.Count == 0 {
		t.Fatal("the shipped inputs have no pledge without a stated date")
	}
	type sum struct {
		count int
		value float64
	}
	pivot := map[string]sum{}
	for _, row := range r.PivotRows() {
		key := analysis.DateNotStatedKey
		if row.Year != 0 {
			key = strconv.Itoa(row.Year)
		}
		s := pivot[key]
		s.count += row.Count
		s.value += row.Value
		pivot[key] = s
	}
	groups := append([]analysis.Group{r.DateNotStated}, r.ByYear...)
	for _, g := range groups {
		p := pivot[g.Key]
		if p.count != g.Count || math.Abs(p.value-g.Total) > 1e-6*math.Max(1, g.Total) {
			t.Errorf("%s: the pivot holds %d pledges, %v; the year totals %d, %v", g.Key, p.count, p.value, g.Count, g.Total)
		}
		delete(pivot, g.Key)
	}
	for k, p := range pivot {
		t.Errorf("the pivot holds %d pledges in %s, a year the totals do not have", p.count, k)
	}
}
