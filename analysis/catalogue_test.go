package analysis

import (
	"regexp"
	"testing"
)

// TestCatalogue: each chart is declared once, in the order of its ID,
// with a file name, a title, a renderer and one source of figures.
func TestCatalogue(t *testing.T) {
	name := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	names := map[string]bool{}
	cs := Catalogue()
	for i, c := range cs {
		if c.ID != ChartID(i) || ChartOf(c.ID).Name != c.Name {
			t.Errorf("chart %d (%s) has ID %d", i, c.Name, c.ID)
		}
		if !name.MatchString(c.Name) || names[c.Name] {
			t.Errorf("chart %d: name %q is not a distinct file name", i, c.Name)
		}
		names[c.Name] = true
		if c.Title == "" || c.Drawn == 0 || c.Drawn&^(Picture|Native) != 0 {
			t.Errorf("%s: title %q, drawn by %b", c.Name, c.Title, c.Drawn)
		}
		n := 0
		for _, set := range []bool{c.Groups != nil, c.Pledges != nil, c.Metrics != nil, c.Trends != nil, c.History != nil, c.Progress != nil} {
			if set {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%s takes %d sources of figures, want 1", c.Name, n)
		}
	}
	cs[0].Name = "changed"
	if ChartOf(0).Name == "changed" {
		t.Error("Catalogue returns the catalogue itself, not a copy")
	}
}

// TestChartFigures: the figures of a chart are those of the report.
func TestChartFigures(t *testing.T) {
	in := seedInputs()
	in.Metrics = append(in.Metrics, metric("Hong Kong companies", "revenue growth", "2023-11", "12%", "actual", "HKPC"))
	r, probs := Build(in, Options{})
	if probs.HasErrors() {
		t.Fatal(probs.Err())
	}
	if got := ChartOf(ChartInvestors).Groups(r); len(got) == 0 || &got[0] != &r.ByInvestor[0] {
		t.Errorf("investors chart draws %v", got)
	}
	var schemes []string
	for _, p := range ChartOf(ChartSchemes).Pledges(r) {
		schemes = append(schemes, p.ID)
	}
	if len(schemes) != 2 || schemes[0] != "hk-raise-plus" || schemes[1] != "hk-ai-subsidy" {
		t.Errorf("schemes %q", schemes)
	}
	shares, growth := ChartOf(ChartSurveys).Metrics(r), ChartOf(ChartGrowth).Metrics(r)
	if len(shares) != 1 || shares[0].Metric != "use or plan to use AI" || len(growth) != 1 || growth[0].Metric != "revenue growth" {
		t.Errorf("shares %v, growth rates %v", shares, growth)
	}
}
