package charts

import (
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
)

// measured is a text handler that keeps the boxes of the texts it has
// measured. Laying a chart out measures the same texts again and again:
// a line being wrapped is measured as each word is added, and the
// footer's sources are wrapped anew for each source added. gonum/plot
// measures a text glyph by glyph, with a kerning lookup per pair. A box
// depends only on the text and the font, so a kept box is the one
// measuring again gives. A measured handler is used by one goroutine at
// a time: each drawer has its own.
type measured struct {
	text.Handler
	boxes map[boxKey]box
}

type boxKey struct {
	text string
	font font.Font
}

type box struct{ width, height, depth vg.Length }

// newMeasured returns h keeping the boxes it measures.
func newMeasured(h text.Handler) *measured {
	return &measured{Handler: h, boxes: map[boxKey]box{}}
}

// Box returns the box of txt in fnt, as the handler measures it.
func (m *measured) Box(txt string, fnt font.Font) (width, height, depth vg.Length) {
	k := boxKey{txt, fnt}
	b, ok := m.boxes[k]
	if !ok {
		b.width, b.height, b.depth = m.Handler.Box(txt, fnt)
		m.boxes[k] = b
	}
	return b.width, b.height, b.depth
}
