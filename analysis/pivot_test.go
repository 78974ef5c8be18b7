package analysis

import (
	"math"
	"testing"
)

// TestPivotRows: the lines of the pivot table's source add up to the
// report's totals: every counted pledge in one line, the values summing
// to the total, the count and the undisclosed count to the total's, and
// the lines of one investor group to that group's total.
func TestPivotRows(t *testing.T) {
	r, _ := Build(seedInputs(), Options{})
	rows := r.PivotRows()
	if len(rows) == 0 {
		t.Fatal("no pivot rows for the test report")
	}
	count, undiscl, sum := 0, 0, 0.0
	byGroup := map[string]float64{}
	for i, row := range rows {
		if i > 0 && rows[i-1].Group == row.Group && rows[i-1].Year > row.Year {
			t.Errorf("rows %d and %d out of order: %+v, %+v", i-1, i, rows[i-1], row)
		}
		if row.Region == "" || row.InvestorType == "" {
			t.Errorf("row %d leaves a key empty: %+v", i, row)
		}
		count += row.Count
		undiscl += row.Undisclosed
		sum += row.Value
		byGroup[row.Group] += row.Value
	}
	if count != r.Total.Count || undiscl != r.Total.Undisclosed {
		t.Errorf("pivot rows count %d pledges, %d undisclosed; the total %d, %d", count, undiscl, r.Total.Count, r.Total.Undisclosed)
	}
	if math.Abs(sum-r.Total.Total) > 1e-6*math.Max(1, r.Total.Total) {
		t.Errorf("pivot rows sum to %v, the total is %v", sum, r.Total.Total)
	}
	for _, g := range r.ByInvestor {
		if math.Abs(byGroup[g.Key]-g.Total) > 1e-6*math.Max(1, g.Total) {
			t.Errorf("group %s: pivot rows sum to %v, its total is %v", g.Key, byGroup[g.Key], g.Total)
		}
	}
}
