package charts

import (
	"image"
	"image/color"
	"math"

	"git.sr.ht/~sbinet/gg"
	"github.com/golang/freetype/raster"
	"golang.org/x/image/math/fixed"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/vgimg"
)

// imageCanvas is the canvas a layout is replayed on for a PNG: the vgimg
// canvas, but for the filling of paths of straight lines (the bars, the
// legend swatches, the markers), which it rasterises itself. It builds
// the path as gg builds it (the context's transformation, points
// rounded to 1/64 pixel, each subpath closed), rasterises it with the
// same freetype rasteriser, and paints the spans with fillPainter, which
// writes what freetype's RGBAPainter writes but writes the pixels a
// span covers fully in an opaque colour at once. The bars of a chart at
// twice the size cover about a third of its 3.4 million pixels, and
// RGBAPainter blends each of them: painting was the largest single cost
// of drawing a chart's files (1.05 s of 3.7 s CPU for the charts of a
// 100,000-pledge report), and is a small one this way (see
// BenchmarkFiles). TestImageCanvasFill holds it to vgimg's filling, byte
// for byte.
type imageCanvas struct {
	*vgimg.Canvas
	ctx *gg.Context
	// colors mirrors the vgimg canvas's colour stack: the colour a
	// fill paints in, kept through Push and Pop.
	colors []color.Color
	raster *raster.Rasterizer
	path   raster.Path
	paint  fillPainter
	faces  glyphFaces
}

// newImageCanvas returns a canvas that draws on img through ctx, the
// context vgimg draws with, at dpi dots per inch, keeping the glyphs it
// draws in s's faces and filling with s's rasteriser (new ones when s is
// nil).
func newImageCanvas(img *image.RGBA, ctx *gg.Context, dpi int, s *scratch) *imageCanvas {
	faces := s.glyphFaces()
	if faces == nil {
		faces = glyphFaces{}
	}
	b := img.Bounds()
	return &imageCanvas{
		Canvas: vgimg.NewWith(vgimg.UseImageWithContext(img, ctx), vgimg.UseDPI(dpi)),
		ctx:    ctx,
		colors: []color.Color{color.Black}, // as vgimg starts
		raster: s.rasterizer(b.Dx(), b.Dy()),
		paint:  fillPainter{img: img},
		faces:  faces,
	}
}

// FillString draws str at pt in face f as the vgimg canvas does, with a
// face that keeps the glyphs it draws (see glyphFace).
func (c *imageCanvas) FillString(f font.Face, pt vg.Point, str string) {
	if f.Font.Size == 0 {
		return
	}
	c.ctx.Push()
	defer c.ctx.Pop()
	dpi := c.DPI()
	c.ctx.SetFontFace(c.faces.face(f, dpi))
	_, h := c.Size()
	x, y := pt.X.Dots(dpi), pt.Y.Dots(dpi)
	c.ctx.InvertY()
	c.ctx.DrawString(str, x, h.Dots(dpi)-y)
}

// SetColor sets the colour of what is drawn next.
func (c *imageCanvas) SetColor(col color.Color) {
	if col == nil {
		col = color.Black
	}
	c.Canvas.SetColor(col)
	c.colors[len(c.colors)-1] = col
}

// Push saves the canvas's state.
func (c *imageCanvas) Push() {
	c.Canvas.Push()
	c.colors = append(c.colors, c.colors[len(c.colors)-1])
}

// Pop restores the state saved by the last Push.
func (c *imageCanvas) Pop() {
	c.Canvas.Pop()
	c.colors = c.colors[:len(c.colors)-1]
}

// Fill fills the path in the current colour, as the vgimg canvas does.
func (c *imageCanvas) Fill(p vg.Path) {
	for _, comp := range p {
		switch comp.Type {
		case vg.MoveComp, vg.LineComp, vg.CloseComp:
		default:
			c.Canvas.Fill(p) // arcs and curves
			return
		}
	}
	// The path as gg's MoveTo, LineTo, ClosePath and Fill build it.
	dpi := c.DPI()
	point := func(pt vg.Point) fixed.Point26_6 {
		x, y := c.ctx.TransformPoint(pt.X.Dots(dpi), pt.Y.Dots(dpi))
		return fixed.Point26_6{X: fixed.Int26_6(math.Round(x * 64)), Y: fixed.Int26_6(math.Round(y * 64))}
	}
	c.path.Clear()
	var start fixed.Point26_6
	current := false
	for _, comp := range p {
		switch {
		case comp.Type == vg.MoveComp || comp.Type == vg.LineComp && !current:
			if current {
				c.path.Add1(start)
			}
			start = point(comp.Pos)
			c.path.Start(start)
			current = true
		case comp.Type == vg.LineComp:
			c.path.Add1(point(comp.Pos))
		case comp.Type == vg.CloseComp && current:
			c.path.Add1(start)
		}
	}
	if !current {
		return
	}
	c.path.Add1(start)
	c.raster.UseNonZeroWinding = true // gg's default fill rule, which vgimg keeps
	c.raster.Clear()
	c.raster.AddPath(c.path)
	c.paint.setColor(c.colors[len(c.colors)-1])
	c.raster.Rasterize(&c.paint)
}

// fillPainter paints spans on an image in one colour, composing over
// what is there: the arithmetic of freetype's RGBAPainter with the
// operator Over, with the pixels of a fully covering span of an opaque
// colour written at once (there the arithmetic gives the colour's own
// bytes).
type fillPainter struct {
	img            *image.RGBA
	cr, cg, cb, ca uint32
	opaque         [4]byte // the colour's bytes, when it is opaque
}

func (p *fillPainter) setColor(c color.Color) {
	p.cr, p.cg, p.cb, p.ca = c.RGBA()
	p.opaque = [4]byte{uint8(p.cr >> 8), uint8(p.cg >> 8), uint8(p.cb >> 8), uint8(p.ca >> 8)}
}

// Paint paints the spans ss.
func (p *fillPainter) Paint(ss []raster.Span, done bool) {
	const m = 1<<16 - 1
	img := p.img
	b := img.Bounds()
	for _, s := range ss {
		if s.Y < b.Min.Y {
			continue
		}
		if s.Y >= b.Max.Y {
			return
		}
		s.X0, s.X1 = max(s.X0, b.Min.X), min(s.X1, b.Max.X)
		if s.X0 >= s.X1 {
			continue
		}
		i0 := (s.Y-img.Rect.Min.Y)*img.Stride + (s.X0-img.Rect.Min.X)*4
		i1 := i0 + (s.X1-s.X0)*4
		ma := s.Alpha
		if ma == m && p.ca == m {
			// a = 0 below: each byte is the colour's.
			row := img.Pix[i0:i1]
			copy(row, p.opaque[:])
			for n := 4; n < len(row); n *= 2 {
				copy(row[n:], row[:n])
			}
			continue
		}
		a := (m - (p.ca * ma / m)) * 0x101
		for i := i0; i < i1; i += 4 {
			px := img.Pix[i : i+4 : i+4]
			px[0] = uint8((uint32(px[0])*a + p.cr*ma) / m >> 8)
			px[1] = uint8((uint32(px[1])*a + p.cg*ma) / m >> 8)
			px[2] = uint8((uint32(px[2])*a + p.cb*ma) / m >> 8)
			px[3] = uint8((uint32(px[3])*a + p.ca*ma) / m >> 8)
		}
	}
}
