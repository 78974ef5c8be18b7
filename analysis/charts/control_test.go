package charts

import (
	"strings"
	"testing"

	"pledgewatch/analysis"
)

// TestSVGControlCharacters draws charts whose labels and sources hold
// control characters, which the input reader refuses but a caller of this
// package may still pass: every SVG parses as XML over the whole file.
func TestSVGControlCharacters(t *testing.T) {
	in := latinInputs()
	for i := range in.Pledges {
		p := &in.Pledges[i]
		p.Investor = "Bell\a " + p.Investor + " \x1b[31mred\x00"
		p.Source = p.Source + "\x0b\x7f\u0085\ufffe"
	}
	r, probs := analysis.Build(in, analysis.Options{AsOf: day("2025-09-30")})
	if probs.HasErrors() {
		t.Fatal(probs.Err())
	}
	cs, err := Render(r, Options{})
	if err != nil {
		t.Fatal(err)
	}
	drawn := 0
	for _, c := range cs {
		data, err := c.SVG()
		if err != nil {
			t.Fatalf("%s: %v", c.Name, err)
		}
		text, err := svgTexts(data)
		if err != nil {
			t.Errorf("%s.svg does not parse as XML: %v", c.Name, err)
			continue
		}
		if strings.Contains(text, "Bell") {
			drawn++
		}
		if _, ok := analysis.ControlChar(data); ok {
			t.Errorf("%s.svg holds a control character", c.Name)
		}
	}
	if drawn == 0 {
		t.Error("no SVG shows the investor names that held control characters")
	}
}
