package charts

import (
	"strings"
	"testing"

	"pledgewatch/analysis"
)

// TestCatalogue: the package draws the charts the catalogue names for
// pictures, no other, in the catalogue's order and under its names.
func TestCatalogue(t *testing.T) {
	order := map[string]int{} // by name
	for i, c := range analysis.Catalogue() {
		if c.DrawnBy(analysis.Picture) != (drawers[c.ID] != nil) {
			t.Errorf("%s: drawn as a picture %v, has a drawer %v", c.Name, c.DrawnBy(analysis.Picture), drawers[c.ID] != nil)
		}
		order[c.Name] = i
	}
	if len(drawers) != len(order) {
		for id := range drawers {
			if int(id) < 0 || int(id) >= len(order) {
				t.Errorf("a drawer for chart %d, which the catalogue does not have", id)
			}
		}
	}
	// chartOf is the catalogue index of a spec, by its name: the name of
	// its chart, or that name, a hyphen and the series.
	chartOf := func(name string) int {
		best, at := "", -1
		for n, i := range order {
			if (name == n || strings.HasPrefix(name, n+"-")) && len(n) > len(best) {
				best, at = n, i
			}
		}
		return at
	}
	for set, specs := range allSpecs() {
		last := 0
		for _, s := range specs {
			i := chartOf(s.name)
			if i < 0 || !analysis.ChartOf(analysis.ChartID(i)).DrawnBy(analysis.Picture) {
				t.Errorf("%s: %s is no picture of the catalogue", set, s.name)
				continue
			}
			if i < last {
				t.Errorf("%s: %s comes after a chart that the catalogue sets after it", set, s.name)
			}
			last = i
		}
	}
}
