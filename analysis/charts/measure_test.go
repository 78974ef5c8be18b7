package charts

import (
	"bytes"
	"testing"
)

// TestMeasured lays out and draws every chart of the sample, shipped and
// Latin reports, each drawer measuring its texts anew or keeping their
// boxes, with both fonts, at both sizes and as SVG: the same bytes.
func TestMeasured(t *testing.T) {
	for _, r := range testSpecs(t) {
		for _, form := range []struct {
			scale int
			f     format
		}{{1, formatPNG}, {2, formatPNG2x}, {1, formatSVG}} {
			kept := newDrawer(form.scale*DefaultWidth, form.scale*DefaultHeight, r.font)
			anew := newDrawer(form.scale*DefaultWidth, form.scale*DefaultHeight, r.font)
			hdlr, ok := anew.hdlr.(*measured)
			if !ok {
				t.Fatalf("drawer's handler is %T, not *measured", anew.hdlr)
			}
			anew.hdlr = hdlr.Handler
			for i := range r.specs { // measure every chart once
				if _, err := kept.render(&r.specs[i], form.f); err != nil {
					t.Fatal(err)
				}
			}
			for i := range r.specs {
				got, err := kept.render(&r.specs[i], form.f)
				if err != nil {
					t.Fatal(err)
				}
				want, err := anew.render(&r.specs[i], form.f)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("%s %d %v: %s drawn with kept boxes differs", r.name, form.scale, form.f, r.specs[i].name)
				}
			}
			if len(kept.hdlr.(*measured).boxes) == 0 {
				t.Errorf("%s: no box kept", r.name)
			}
		}
	}
}

// specsOf are the charts of a report, with the font that draws them.
type specsOf struct {
	name  string
	font  *Font
	specs []spec
}

// testSpecs are the charts of the sample and the shipped reports, drawn
// with the CJK font, and of the Latin report, drawn with the default.
func testSpecs(t *testing.T) []specsOf {
	f := cjkFont(t)
	return []specsOf{{"sample", f, build(sampleReport())}, {"shipped", f, build(shippedReport(t, "USD"))}, {"latin", nil, build(latinReport())}}
}
