package charts

import (
	"image"

	xfont "golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"gonum.org/v1/plot/font"
)

// glyphFaces are the faces a canvas has drawn text with, by font, size
// and resolution.
type glyphFaces map[faceKey]*glyphFace

type faceKey struct {
	font font.Font
	face *sfnt.Font
	dpi  float64
}

// face returns the face f at dpi, made as the vgimg canvas makes it.
func (g glyphFaces) face(f font.Face, dpi float64) *glyphFace {
	k := faceKey{f.Font, f.Face, dpi}
	if gf, ok := g[k]; ok {
		return gf
	}
	gf := &glyphFace{Face: f.FontFace(dpi), glyphs: map[glyphKey]glyph{}, kerns: map[[2]rune]fixed.Int26_6{}, advances: map[rune]advance{}}
	g[k] = gf
	return gf
}

// glyphFace is an OpenType face that keeps each glyph it has drawn, by
// rune and by where it falls within a pixel, and the kerning and
// advances it has measured. The opentype face rasterises a glyph from its
// outline at each call, and parses a CFF font's outline anew each time:
// a chart draws the same digits and words over and over, at a few
// positions within a pixel. A glyph's mask and the rectangle it fills
// relative to the dot's pixel depend only on the rune and the dot's
// fraction of a pixel (opentype's Glyph works in 26.6 fixed point), so a
// kept glyph is drawn exactly as a new one. TestGlyphFace holds it to
// the opentype face.
type glyphFace struct {
	xfont.Face
	glyphs   map[glyphKey]glyph
	kerns    map[[2]rune]fixed.Int26_6
	advances map[rune]advance
}

type glyphKey struct {
	r      rune
	fx, fy fixed.Int26_6 // the dot's fraction of a pixel
}

type glyph struct {
	dr      image.Rectangle // relative to the dot's pixel
	mask    *image.Alpha
	maskp   image.Point
	advance fixed.Int26_6
	ok      bool
}

type advance struct {
	a  fixed.Int26_6
	ok bool
}

// Glyph returns the glyph of r at dot, as the opentype face does; its
// mask is the face's own, not to be changed.
func (f *glyphFace) Glyph(dot fixed.Point26_6, r rune) (dr image.Rectangle, mask image.Image, maskp image.Point, adv fixed.Int26_6, ok bool) {
	k := glyphKey{r, dot.X & 63, dot.Y & 63}
	at := image.Pt(dot.X.Floor(), dot.Y.Floor())
	g, found := f.glyphs[k]
	if !found {
		dr, mask, maskp, adv, ok := f.Face.Glyph(dot, r)
		g = glyph{dr: dr.Sub(at), maskp: maskp, advance: adv, ok: ok}
		if m, isAlpha := mask.(*image.Alpha); isAlpha {
			g.mask = &image.Alpha{Pix: append([]uint8(nil), m.Pix...), Stride: m.Stride, Rect: m.Rect}
		} else if mask != nil {
			// Not the opentype face's mask: draw it as it comes.
			return dr, mask, maskp, adv, ok
		}
		f.glyphs[k] = g
	}
	if g.mask == nil {
		return g.dr.Add(at), nil, g.maskp, g.advance, g.ok
	}
	return g.dr.Add(at), g.mask, g.maskp, g.advance, g.ok
}

// GlyphAdvance returns the advance of r, as the opentype face does.
func (f *glyphFace) GlyphAdvance(r rune) (fixed.Int26_6, bool) {
	a, found := f.advances[r]
	if !found {
		a.a, a.ok = f.Face.GlyphAdvance(r)
		f.advances[r] = a
	}
	return a.a, a.ok
}

// Kern returns the kerning between r0 and r1, as the opentype face does.
func (f *glyphFace) Kern(r0, r1 rune) fixed.Int26_6 {
	k := [2]rune{r0, r1}
	v, found := f.kerns[k]
	if !found {
		v = f.Face.Kern(r0, r1)
		f.kerns[k] = v
	}
	return v
}
