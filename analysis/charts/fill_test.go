package charts

import (
	"bytes"
	"image"
	"image/color"
	"math"
	"math/rand/v2"
	"testing"

	"git.sr.ht/~sbinet/gg"
	xdraw "golang.org/x/image/draw"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/vgimg"
)

// fillCase is a run of canvas calls: colours, transformations, saved
// states and fills of paths, some of them outside the image.
type fillCase []func(vg.Canvas)

// randomFills makes a case of n fills from rng, on a page w x h points.
func randomFills(rng *rand.Rand, n int, w, h vg.Length) fillCase {
	coord := func(max vg.Length) vg.Length {
		switch rng.IntN(6) {
		case 0: // on a whole point
			return vg.Length(rng.IntN(int(max)+40) - 20)
		case 1: // on a whole pixel at 96 dpi
			return vg.Length(float64(rng.IntN(int(max)*4/3+1))) * 0.75
		default:
			return vg.Length(rng.Float64()*float64(max+40)) - 20
		}
	}
	pt := func() vg.Point { return vg.Point{X: coord(w), Y: coord(h)} }
	colour := func() color.Color {
		switch rng.IntN(5) {
		case 0:
			a := uint8(rng.IntN(256))
			return color.NRGBA{R: uint8(rng.IntN(256)), G: uint8(rng.IntN(256)), B: uint8(rng.IntN(256)), A: a}
		case 1:
			return nil
		case 2:
			return lighter(colTones[rng.IntN(len(colTones))])
		default:
			return color.RGBA{R: uint8(rng.IntN(256)), G: uint8(rng.IntN(256)), B: uint8(rng.IntN(256)), A: 255}
		}
	}
	var c fillCase
	depth := 0
	for range n {
		switch rng.IntN(10) {
		case 0:
			col := colour()
			c = append(c, func(c vg.Canvas) { c.SetColor(col) })
		case 1:
			depth++
			c = append(c, func(c vg.Canvas) { c.Push() })
		case 2:
			if depth > 0 {
				depth--
				c = append(c, func(c vg.Canvas) { c.Pop() })
			}
		case 3:
			p := pt()
			p.X, p.Y = p.X/4, p.Y/4
			c = append(c, func(c vg.Canvas) { c.Translate(p) })
		case 4:
			sx, sy := 0.5+rng.Float64(), 0.5+rng.Float64()
			if rng.IntN(3) == 0 {
				sx, sy = 1, -1
			}
			c = append(c, func(c vg.Canvas) { c.Scale(sx, sy) })
		case 5:
			a := rng.Float64() * math.Pi / 8
			c = append(c, func(c vg.Canvas) { c.Rotate(a) })
		default:
			var p vg.Path
			switch rng.IntN(4) {
			case 0: // a bar
				a, b := pt(), pt()
				p = vg.Rectangle{Min: vg.Point{X: min(a.X, b.X), Y: min(a.Y, b.Y)}, Max: vg.Point{X: max(a.X, b.X), Y: max(a.Y, b.Y)}}.Path()
			case 1: // an arc, left to vgimg
				p.Move(pt())
				p.Arc(pt(), vg.Length(rng.IntN(30)+1), 0, math.Pi)
				p.Close()
			default: // polygons, open or closed, a line on its own first
				for range rng.IntN(3) + 1 {
					if rng.IntN(4) == 0 {
						p.Line(pt())
					} else {
						p.Move(pt())
					}
					for range rng.IntN(6) {
						p.Line(pt())
					}
					if rng.IntN(2) == 0 {
						p.Close()
					}
				}
			}
			c = append(c, func(c vg.Canvas) { c.Fill(p) })
		}
	}
	return c
}

// drawFills draws c on an image w x h pixels at dpi, prefilled with
// noise from seed, through vgimg's canvas or through imageCanvas, the
// context set up as drawer.image sets it up.
func drawFills(c fillCase, w, h, dpi int, seed uint64, fast bool) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	ctx := gg.NewContextForRGBA(img)
	ctx.SetLineCapButt()
	ctx.InvertY()
	ctx.SetInterpolator(xdraw.NearestNeighbor)
	var cv vg.Canvas
	if fast {
		cv = newImageCanvas(img, ctx, dpi, nil)
	} else {
		cv = vgimg.NewWith(vgimg.UseImageWithContext(img, ctx), vgimg.UseDPI(dpi))
	}
	// Noise under what is drawn, so that blending shows.
	rng := rand.New(rand.NewPCG(seed, 0))
	for i := range img.Pix {
		img.Pix[i] = uint8(rng.IntN(256))
	}
	for _, op := range c {
		op(cv)
	}
	return img.Pix
}

// TestImageCanvasFill holds imageCanvas's filling to vgimg's, byte for
// byte, on many random paths, colours and transformations, at the sizes
// charts are drawn at.
func TestImageCanvasFill(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for i := range 300 {
		w, h, dpi := 300, 180, 24
		if i%3 == 0 {
			w, h, dpi = 600, 350, 48
		}
		page := vg.Length(w) * 72 / vg.Length(dpi)
		c := randomFills(rng, 40, page, page*vg.Length(h)/vg.Length(w))
		seed := rng.Uint64()
		want := drawFills(c, w, h, dpi, seed, false)
		got := drawFills(c, w, h, dpi, seed, true)
		if !bytes.Equal(got, want) {
			n := 0
			for j := range got {
				if got[j] != want[j] {
					n++
				}
			}
			t.Fatalf("case %d: %d of %d bytes differ from vgimg's", i, n, len(got))
		}
	}
}

// TestImageCanvasCharts draws every chart of the sample and the shipped
// reports through imageCanvas and through vgimg's canvas, at both
// sizes: the same pixels.
func TestImageCanvasCharts(t *testing.T) {
	for _, r := range testSpecs(t) {
		for _, scale := range []int{1, 2} {
			d := newDrawer(scale*DefaultWidth, scale*DefaultHeight, r.font)
			w, h := d.imagePage()
			for i := range r.specs {
				l, err := d.layOut(&r.specs[i], w, h)
				if err != nil {
					t.Fatal(err)
				}
				got, err := d.image(l)
				if err != nil {
					t.Fatal(err)
				}
				img := image.NewRGBA(got.Rect)
				ctx := gg.NewContextForRGBA(img)
				ctx.SetLineCapButt()
				ctx.InvertY()
				ctx.SetInterpolator(xdraw.NearestNeighbor)
				l.replay(vgimg.NewWith(vgimg.UseImageWithContext(img, ctx), vgimg.UseDPI(d.dpi)))
				if !bytes.Equal(got.Pix, img.Pix) {
					t.Errorf("%s %dx: %s differs from vgimg's drawing", r.name, scale, r.specs[i].name)
				}
			}
		}
	}
}
