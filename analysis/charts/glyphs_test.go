package charts

import (
	"bytes"
	"image"
	"math/rand/v2"
	"testing"

	"golang.org/x/image/math/fixed"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
)

// TestGlyphFace holds glyphFace to the opentype face it keeps glyphs of:
// the same rectangle, mask, advance and kerning for runes drawn again
// and again at random dots, some of them left of and above the image,
// with the CJK font and with Liberation, at the resolutions of both PNG
// sizes.
func TestGlyphFace(t *testing.T) {
	runes := []rune("0123456789.,%$ AaBbgjpqyWMi—「」（）億亿元港承諾阿里巴巴\uFFFD\u0000\U0010FFFF")
	for _, f := range []*Font{cjkFont(t), nil} {
		hdlr, regular, bold := faces(f)
		for _, fnt := range []font.Font{regular, bold} {
			for _, dpi := range []float64{96, 192} {
				for _, size := range []float64{9, 13, 20} {
					fnt.Size = font.Length(size)
					face := hdlr.Cache().Lookup(fnt, fnt.Size)
					testGlyphFace(t, text.Style{Font: fnt}, face, dpi, runes)
				}
			}
		}
	}
}

func testGlyphFace(t *testing.T, sty text.Style, face font.Face, dpi float64, runes []rune) {
	t.Helper()
	kept := glyphFaces{}.face(face, dpi)
	plain := face.FontFace(dpi)
	rng := rand.New(rand.NewPCG(7, uint64(dpi)))
	for range 3000 {
		r := runes[rng.IntN(len(runes))]
		dot := fixed.Point26_6{X: fixed.Int26_6(rng.IntN(2400*64) - 64*64), Y: fixed.Int26_6(rng.IntN(1400*64) - 64*64)}
		if rng.IntN(3) == 0 { // the same fraction of a pixel as often happens
			dot.X, dot.Y = dot.X&^63|17, dot.Y&^63|40
		}
		dr, mask, maskp, adv, ok := kept.Glyph(dot, r)
		var mpix []uint8
		if mask != nil {
			mpix = append(mpix, mask.(*image.Alpha).Pix...)
		}
		wdr, wmask, wmaskp, wadv, wok := plain.Glyph(dot, r)
		if dr != wdr || maskp != wmaskp || adv != wadv || ok != wok {
			t.Fatalf("%v %v at %v dpi %v: glyph %v %v %v %v, opentype's %v %v %v %v", sty.Font.Typeface, r, dot, dpi, dr, maskp, adv, ok, wdr, wmaskp, wadv, wok)
		}
		if (mask == nil) != (wmask == nil) {
			t.Fatalf("%v at %v: mask %v, opentype's %v", r, dot, mask, wmask)
		}
		if wmask != nil {
			w := wmask.(*image.Alpha)
			if mask.Bounds() != w.Bounds() || !bytes.Equal(mpix, w.Pix) {
				t.Fatalf("%v %v at %v dpi %v: mask differs from opentype's", sty.Font.Typeface, r, dot, dpi)
			}
		}
		r1 := runes[rng.IntN(len(runes))]
		if got, want := kept.Kern(r, r1), plain.Kern(r, r1); got != want {
			t.Fatalf("kern %q %q: %v, opentype's %v", r, r1, got, want)
		}
		a, aok := kept.GlyphAdvance(r)
		wa, waok := plain.GlyphAdvance(r)
		if a != wa || aok != waok {
			t.Fatalf("advance %q: %v %v, opentype's %v %v", r, a, aok, wa, waok)
		}
	}
}
