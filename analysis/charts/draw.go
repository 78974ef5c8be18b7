package charts

import (
	"bytes"
	"fmt"
	xdraw "golang.org/x/image/draw"
	"image"
	"image/color"
	"image/png"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"git.sr.ht/~sbinet/gg"
	xfont "golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgsvg"

	"pledgewatch/analysis"
)

// Layout, in points of a page 900 points wide (1200 pixels at 96 dpi).
const (
	pageWidth  = 900 // Width pixels are this many points: 1200 px at 96 dpi
	pad        = 26  // blank margin around everything
	headerGap  = 20  // between the subtitle and the plot
	footerGap  = 12  // between the plot and the notes
	labelGap   = 6   // between a bar and its labels
	titleSize  = 20
	subSize    = 14
	labelSize  = 14 // category labels
	valueSize  = 13 // value labels on the bars
	tickSize   = 12
	axisSize   = 13
	noteSize   = 12
	sourceSize = 11
	minSize    = 9 // smallest category or value label when bars are crowded
	// smallest label under a vertical bar; below it only every k-th bar
	// is labelled
	minPeriodSize = 11

	maxBarThick = 44  // points: thickest horizontal bar
	maxBarWide  = 130 // points: widest vertical bar
	barFill     = 0.68
	boundLen    = 12 // points: length of the arrow beyond a lower bound
	hatchGap    = 5  // points between the lines of a hatched bar part
	panelGap    = 14 // points between stacked panels
	legendSize  = 12
	swatchW     = 22 // points: legend swatch
	swatchH     = 11
)

// Colours.
var (
	colTitle = color.RGBA{R: 26, G: 26, B: 26, A: 255}
	colText  = color.RGBA{R: 51, G: 51, B: 51, A: 255}
	colSub   = color.RGBA{R: 85, G: 85, B: 85, A: 255}
	colNote  = color.RGBA{R: 102, G: 102, B: 102, A: 255}
	colGrid  = color.RGBA{R: 222, G: 222, B: 222, A: 255}
	colAxis  = color.RGBA{R: 120, G: 120, B: 120, A: 255}
	colTones = [...]color.Color{
		toneMain:  color.RGBA{R: 31, G: 78, B: 121, A: 255},
		toneAlt:   color.RGBA{R: 214, G: 125, B: 38, A: 255},
		toneLight: color.RGBA{R: 150, G: 188, B: 224, A: 255},
		toneMuted: color.RGBA{R: 160, G: 160, B: 160, A: 255},
	}
	colBack = color.White
)

// lighter mixes c with white: the ground of a hatched, assumed part.
func lighter(c color.Color) color.Color {
	r, g, b, _ := c.RGBA()
	mix := func(v uint32) uint8 { return uint8((v>>8)*2/5 + 255*3/5) }
	return color.RGBA{R: mix(r), G: mix(g), B: mix(b), A: 255}
}

// drawer draws specs at one image size with one font.
type drawer struct {
	wPx, hPx      int
	dpi           int
	hdlr          text.Handler
	regular, bold font.Font
	capFrac       map[font.Font]float64 // cap height per em, by face
	// scratch, when not nil, is the memory PNGs are drawn and encoded
	// in; an image drawn in it lasts until the next drawing.
	scratch *scratch
}

func newDrawer(w, h int, f *Font) *drawer {
	d := &drawer{wPx: w, hPx: h, dpi: dpiFor(w), capFrac: map[font.Font]float64{}}
	var hdlr text.Handler
	hdlr, d.regular, d.bold = faces(f)
	d.hdlr = newMeasured(hdlr)
	return d
}

// dpiFor is the resolution that makes an image w pixels wide about
// pageWidth points wide.
func dpiFor(w int) int {
	return max(1, int(math.Round(float64(w)*72/pageWidth)))
}

func (d *drawer) style(size vg.Length, c color.Color, bold bool) text.Style {
	f := d.regular
	if bold {
		f = d.bold
	}
	return text.Style{Color: c, Font: font.From(f, size), XAlign: draw.XLeft, YAlign: draw.YTop, Handler: d.hdlr}
}

// textMetrics places lines of one style: the top of a block is the top of
// its capitals, the bottom the lowest descender.
type textMetrics struct {
	capH, desc, lineH vg.Length
}

// metrics measures a style from its face's cap height, so that text
// lines up the same with any font (gonum/plot aligns by ascent, which
// differs widely between Latin and CJK fonts).
func (d *drawer) metrics(sty text.Style) textMetrics {
	key := sty.Font
	key.Size = 0
	frac, ok := d.capFrac[key]
	if !ok {
		frac = 0.7
		face := sty.Handler.Cache().Lookup(sty.Font, 100)
		var buf sfnt.Buffer
		if face.Face != nil {
			if m, err := face.Face.Metrics(&buf, fixed.I(100), xfont.HintingNone); err == nil && m.CapHeight > 0 {
				frac = float64(m.CapHeight) / 64 / 100
			}
		}
		d.capFrac[key] = frac
	}
	size := sty.Font.Size
	return textMetrics{capH: size * vg.Length(frac), desc: size * 0.24, lineH: size * 1.28}
}

// height is the height of n lines, from the first cap top to the last
// descender.
func (m textMetrics) height(n int) vg.Length {
	if n == 0 {
		return 0
	}
	return m.capH + vg.Length(n-1)*m.lineH + m.desc
}

// capSpan is the height of n lines from the first cap top to the last
// baseline: what the eye centres.
func (m textMetrics) capSpan(n int) vg.Length {
	return m.capH + vg.Length(max(n-1, 0))*m.lineH
}

// drawLines draws lines top-down, the first line's capitals topping at
// top, each line aligned on x.
func drawLines(c draw.Canvas, sty text.Style, m textMetrics, lines []string, x, top vg.Length, align text.XAlignment) {
	sty.XAlign, sty.YAlign = align, draw.YBottom
	// With YBottom, gonum/plot's plain text handler puts the baseline at
	// y - ascent + size.
	shift := sty.FontExtents().Ascent - sty.Font.Size
	for i, l := range lines {
		base := top - m.capH - vg.Length(i)*m.lineH
		c.FillText(sty, vg.Point{X: x, Y: base + shift}, l)
	}
}

func linesWidth(sty text.Style, lines []string) vg.Length {
	var w vg.Length
	for _, l := range lines {
		w = max(w, sty.Width(l))
	}
	return w
}

// Formats a chart is rendered in.
type format int

const (
	formatPNG   format = iota // Width x Height pixels
	formatPNG2x               // twice the size, the same layout
	formatSVG                 // vector, text as text in the font's family
)

// draw renders one chart as PNG.
func (d *drawer) draw(s *spec) ([]byte, error) {
	return d.render(s, formatPNG)
}

// encodePNG encodes a chart as a palette PNG (see paletted) at the
// fastest compression: a chart is mostly flat colour, and the default
// level spends more time than the drawing for a few per cent. It works
// in s's memory.
func encodePNG(img *image.RGBA, s *scratch) ([]byte, error) {
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if s != nil {
		enc.BufferPool = s
	}
	if err := enc.Encode(&buf, paletted(img, s)); err != nil {
		return nil, fmt.Errorf("encode png: %w", err)
	}
	return buf.Bytes(), nil
}

// imagePage is the page size in points of an image canvas of the
// drawer's size, worked out as vgimg works it out.
func (d *drawer) imagePage() (w, h vg.Length) {
	return vg.Length(float64(d.wPx)/float64(d.dpi)) * vg.Inch, vg.Length(float64(d.hPx)/float64(d.dpi)) * vg.Inch
}

// svgPage is the page size in points of the drawer's SVG.
func (d *drawer) svgPage() (w, h vg.Length) {
	return vg.Length(float64(d.wPx) * 72 / float64(d.dpi)), vg.Length(float64(d.hPx) * 72 / float64(d.dpi))
}

// pageFor is the page size in points of format f at the drawer's size.
func (d *drawer) pageFor(f format) (w, h vg.Length) {
	if f == formatSVG {
		return d.svgPage()
	}
	return d.imagePage()
}

// render renders one chart at the drawer's size as PNG (formatPNG and
// formatPNG2x alike: the drawer's size decides), or as SVG of the same
// size in points.
func (d *drawer) render(s *spec, f format) ([]byte, error) {
	w, h := d.pageFor(f)
	l, err := d.layOut(s, w, h)
	if err != nil {
		return nil, err
	}
	return d.renderLayout(l, f)
}

// renderFrom renders one chart as render does, replaying l when it was
// laid out on a page of the size format f has at the drawer's size, and
// laying s out anew otherwise.
func (d *drawer) renderFrom(l *layout, s *spec, f format) ([]byte, error) {
	if w, h := d.pageFor(f); l == nil || l.w != w || l.h != h {
		return d.render(s, f)
	}
	return d.renderLayout(l, f)
}

// renderLayout draws a layout of the size of format f at the drawer's
// size, and encodes it.
func (d *drawer) renderLayout(l *layout, f format) (out []byte, err error) {
	defer func() {
		if e := recover(); e != nil {
			err = fmtDrawPanic(e)
		}
	}()
	if f == formatSVG {
		var buf bytes.Buffer
		c := vgsvg.NewWith(vgsvg.UseWH(l.w, l.h))
		c.SetColor(colBack)
		c.Fill(vg.Rectangle{Max: vg.Point{X: l.w, Y: l.h}}.Path())
		l.replay(c)
		if _, err := c.WriteTo(&buf); err != nil {
			return nil, fmt.Errorf("encode svg: %w", err)
		}
		return buf.Bytes(), nil
	}
	img, err := d.image(l)
	if err != nil {
		return nil, err
	}
	return encodePNG(img, d.scratch)
}

// fmtDrawPanic turns a panic of the drawing libraries into an error.
func fmtDrawPanic(e any) error { return fmt.Errorf("draw: %v", e) }

// image draws a layout at the drawer's size, in the drawer's scratch
// memory when it has one.
func (d *drawer) image(l *layout) (out *image.RGBA, err error) {
	defer func() {
		if e := recover(); e != nil {
			err = fmtDrawPanic(e)
		}
	}()
	// The canvas draws straight into img (with vgimg.UseImage it would
	// copy it first), after filling it with the background. The context
	// is set up as vgimg sets up its own: butt line caps, y growing up.
	img := d.scratch.image(d.wPx, d.hPx)
	ctx := gg.NewContextForRGBA(img)
	ctx.SetLineCapButt()
	ctx.InvertY()
	// Glyphs are drawn through the context's interpolator: their masks
	// are already antialiased and placed on whole pixels, so the nearest
	// neighbour copies them as they are, about four times faster than
	// the bilinear default, which resamples each glyph.
	ctx.SetInterpolator(xdraw.NearestNeighbor)
	c := newImageCanvas(img, ctx, d.dpi, d.scratch)
	l.replay(c)
	rgba, ok := c.Image().(*image.RGBA)
	if !ok {
		return nil, fmt.Errorf("draw: canvas image is %T, not *image.RGBA", c.Image())
	}
	return rgba, nil
}

// paint draws a chart on a canvas: header, legend, panels, footer.
func (d *drawer) paint(page draw.Canvas, s *spec) error {
	// A value that is not finite would make the rasteriser spin: refuse
	// it at the door, as gonum/plot's constructors do.
	for _, p := range s.panels() {
		for _, b := range p.bars {
			if math.IsNaN(b.value) || math.IsInf(b.value, 0) {
				return fmt.Errorf("chart %s: the value of %q is not a finite number", s.name, b.label)
			}
		}
		if math.IsNaN(p.scale) || math.IsInf(p.scale, 0) {
			return fmt.Errorf("chart %s: the axis scale is not a finite number", s.name)
		}
	}
	area := draw.Crop(page, pad, -pad, pad, -pad)
	width := area.Max.X - area.Min.X

	// Header, top-down.
	top := area.Max.Y
	for _, h := range []struct {
		text string
		sty  text.Style
	}{{s.title, d.style(titleSize, colTitle, true)}, {s.subtitle, d.style(subSize, colSub, false)}} {
		if h.text == "" {
			continue
		}
		lines := fitLines(h.sty, h.text, width, 2)
		m := d.metrics(h.sty)
		drawLines(area, h.sty, m, lines, area.Min.X, top, draw.XLeft)
		top -= m.height(len(lines)) + 6
	}
	if len(s.legend) > 0 {
		top -= 4
		top -= d.legend(area, s.legend, top) + 6
	}
	top -= headerGap - 6

	// Footer, bottom-up: the source line last.
	bottom := area.Min.Y
	srcSty := d.style(sourceSize, colNote, false)
	if src := fitSourcesIn(srcSty, s.words(), s.sources, s.moreSources, width, 2); len(src) > 0 {
		m := d.metrics(srcSty)
		bottom += m.height(len(src))
		drawLines(area, srcSty, m, src, area.Min.X, bottom, draw.XLeft)
		bottom += 6
	}
	noteSty := d.style(noteSize, colNote, false)
	for i := len(s.notes) - 1; i >= 0; i-- {
		lines := fitLines(noteSty, s.notes[i], width, 2)
		m := d.metrics(noteSty)
		bottom += m.height(len(lines))
		drawLines(area, noteSty, m, lines, area.Min.X, bottom, draw.XLeft)
		bottom += 6
	}
	bottom += footerGap

	plotArea := area
	plotArea.Min.Y, plotArea.Max.Y = bottom, top
	ps := s.panels()
	if plotArea.Max.Y-plotArea.Min.Y < vg.Length(60*len(ps)) {
		return fmt.Errorf("no room left for the plot in %dx%d pixels; make the image taller", d.wPx, d.hPx)
	}
	// Stacked panels share the height left after their headings and axes
	// by their number of bars, and horizontal ones one column and one
	// size of category labels, so that their bars start at one line.
	headSty := d.style(labelSize, colTitle, true)
	headM := d.metrics(headSty)
	if len(ps) > 1 {
		// The unit goes into the heading, which leaves the axis the room
		// of its tick labels alone.
		for i := range ps {
			if ps[i].axis != "" {
				open, shut := " (", ")"
				if strings.ContainsFunc(ps[i].axis, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
					open, shut = "（", "）" // full-width around a Chinese unit
				}
				ps[i].heading = strings.TrimSpace(ps[i].heading + open + ps[i].axis + shut)
				ps[i].axis = ""
			}
		}
	}
	heights := d.panelHeights(ps, plotArea.Max.Y-plotArea.Min.Y, headM.height(1)+8)
	var colW, size vg.Length
	if len(ps) > 1 {
		size = labelSize
		for i := range ps {
			if ps[i].horizontal {
				w, sz := d.labelColumn(&ps[i], heights[i], plotArea.Max.X-plotArea.Min.X)
				colW, size = max(colW, w), min(size, sz)
			}
		}
	}
	y := plotArea.Max.Y
	for i := range ps {
		p := &ps[i]
		pa := plotArea
		pa.Max.Y, pa.Min.Y = y, y-heights[i]
		y -= heights[i] + panelGap
		if len(ps) > 1 && p.heading != "" {
			drawLines(pa, headSty, headM, []string{truncate(headSty, p.heading, width)}, pa.Min.X, pa.Max.Y, draw.XLeft)
			pa.Max.Y -= headM.height(1) + 8
		}
		if p.horizontal {
			d.horizontal(pa, p, colW, size)
		} else {
			d.vertical(pa, p)
		}
	}
	return nil
}

// axisRoom is about the height a value axis takes under its plot: its
// tick labels (stacked panels name their unit in the heading).
const axisRoom = 28

// panelHeights shares height among stacked panels: each gets the room of
// its heading and axis, and the rest goes by number of bars.
func (d *drawer) panelHeights(ps []panel, height, heading vg.Length) []vg.Length {
	out := make([]vg.Length, len(ps))
	if len(ps) == 1 {
		out[0] = height
		return out
	}
	fixed := heading + axisRoom
	rest := height - vg.Length(len(ps)-1)*panelGap - vg.Length(len(ps))*fixed
	bars := 0
	for _, p := range ps {
		bars += len(p.bars)
	}
	for i, p := range ps {
		out[i] = fixed + rest*vg.Length(float64(len(p.bars))/float64(max(bars, 1)))
	}
	return out
}

// labelColumn is the width and size of the category labels of a
// horizontal panel drawn height high in a chart width wide.
func (d *drawer) labelColumn(p *panel, height, width vg.Length) (vg.Length, vg.Length) {
	slot := (height - axisRoom - 28) / vg.Length(len(p.bars))
	sty, _, labels := d.categoryLabels(barLabels(p.bars), slot, width*labelShare, labelSize)
	var w vg.Length
	for _, ls := range labels {
		w = max(w, linesWidth(sty, ls))
	}
	return w, sty.Font.Size
}

// barLabels is the category labels of bars.
func barLabels(bs []bar) []string {
	out := make([]string, len(bs))
	for i, b := range bs {
		out[i] = b.label
	}
	return out
}

// legend draws the legend's items in a row (wrapping when they do not
// fit) from top and returns its height.
func (d *drawer) legend(area draw.Canvas, items []legendItem, top vg.Length) vg.Length {
	sty := d.style(legendSize, colText, false)
	m := d.metrics(sty)
	x, y := area.Min.X, top
	rowH := max(m.height(1), swatchH)
	for _, it := range items {
		w := swatchW + 6 + sty.Width(it.text) + 22
		if x > area.Min.X && x+w > area.Max.X {
			x, y = area.Min.X, y-rowH-6
		}
		mid := y - rowH/2
		r := vg.Rectangle{Min: vg.Point{X: x, Y: mid - swatchH/2}, Max: vg.Point{X: x + swatchW, Y: mid + swatchH/2}}
		col := colTones[it.tone]
		switch {
		case it.mark:
			area.FillPolygon(colTones[toneLight], rectPoints(r))
			paceTick(area, r.Min.X+swatchW*0.6, r.Min.Y, r.Max.Y, true)
		case it.inner:
			area.FillPolygon(colTones[toneLight], rectPoints(r))
			area.FillPolygon(col, rectPoints(innerRect(r, true)))
		case it.bound != boundNone:
			r.Max.X -= boundLen / 2
			area.FillPolygon(col, rectPoints(r))
			boundMarker(area, it.bound, col, r.Max.X, r.Min.Y, r.Max.Y, true, 1, boundLen/2)
		case it.hatched:
			area.FillPolygon(lighter(col), rectPoints(r))
			hatch(area, r, col)
		default:
			area.FillPolygon(col, rectPoints(r))
		}
		drawLines(area, sty, m, []string{it.text}, x+swatchW+6, mid+m.capH/2, draw.XLeft)
		x += w
	}
	return top - y + rowH
}

func rectPoints(r vg.Rectangle) []vg.Point {
	return []vg.Point{r.Min, {X: r.Min.X, Y: r.Max.Y}, r.Max, {X: r.Max.X, Y: r.Min.Y}}
}

// hatch draws diagonal lines across rectangle r.
func hatch(c draw.Canvas, r vg.Rectangle, col color.Color) {
	sty := draw.LineStyle{Color: col, Width: 1.2}
	lo, hi := r.Min.Y-r.Max.X, r.Max.Y-r.Min.X
	start := vg.Length(math.Floor(float64(lo)/hatchGap)) * hatchGap // lines fixed to the page, not the bar
	for k := start; k <= hi; k += hatchGap {
		x0, x1 := max(r.Min.X, r.Min.Y-k), min(r.Max.X, r.Max.Y-k)
		if x1-x0 < 0.5 {
			continue
		}
		c.StrokeLine2(sty, x0, x0+k, x1, x1+k)
	}
}

// boundMarker draws the end of a bar that is a bound, at value position
// v across c0..c1 (horizontal: v is x; else v is y). A lower bound gets
// an arrow pointing on past the end in the bar's colour; an upper bound
// a notch cut back into the bar. dir is +1 for a bar growing up or
// right, -1 for one growing the other way.
func boundMarker(c draw.Canvas, b bound, col color.Color, v, c0, c1 vg.Length, horizontal bool, dir, length vg.Length) {
	mid := (c0 + c1) / 2
	// On a wide bar the marker keeps the shape of an arrow: its base is
	// at most three times its length.
	if w := min((c1-c0)/2, length*1.5); w > 0 {
		c0, c1 = mid-w, mid+w
	}
	var pts []vg.Point
	switch b {
	case boundLower:
		pts = []vg.Point{{X: v, Y: c0}, {X: v, Y: c1}, {X: v + dir*length, Y: mid}}
	case boundUpper:
		pts = []vg.Point{{X: v, Y: c0}, {X: v, Y: c1}, {X: v - dir*length, Y: mid}}
		col = colBack
	default:
		return
	}
	if !horizontal {
		for k := range pts {
			pts[k].X, pts[k].Y = pts[k].Y, pts[k].X
		}
	}
	c.FillPolygon(col, pts)
}

// innerRect is the inner bar of a bullet drawn in bar r: a third of its
// thickness, centred across it.
func innerRect(r vg.Rectangle, horizontal bool) vg.Rectangle {
	if horizontal {
		q := (r.Max.Y - r.Min.Y) / 3
		r.Min.Y, r.Max.Y = r.Min.Y+q, r.Max.Y-q
	} else {
		q := (r.Max.X - r.Min.X) / 3
		r.Min.X, r.Max.X = r.Min.X+q, r.Max.X-q
	}
	return r
}

// paceTick draws a mark across a bar at value position v, from c0 to c1
// across the bar and a little past both edges (horizontal: v is x).
func paceTick(c draw.Canvas, v, c0, c1 vg.Length, horizontal bool) {
	sty := draw.LineStyle{Color: colTitle, Width: 2.5}
	over := (c1 - c0) / 8
	if horizontal {
		c.StrokeLine2(sty, v, c0-over, v, c1+over)
	} else {
		c.StrokeLine2(sty, c0-over, v, c1+over, v)
	}
}

// newPlot returns a plot whose every text style uses the drawer's fonts.
func (d *drawer) newPlot() *plot.Plot {
	p := plot.New()
	p.TextHandler = d.hdlr
	restyle := func(sty *text.Style, size vg.Length, c color.Color) {
		sty.Font = font.From(d.regular, size)
		sty.Handler = d.hdlr
		sty.Color = c
	}
	restyle(&p.Title.TextStyle, titleSize, colTitle)
	restyle(&p.Legend.TextStyle, tickSize, colText)
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		restyle(&a.Label.TextStyle, axisSize, colSub)
		restyle(&a.Tick.Label, tickSize, colText)
		a.LineStyle = draw.LineStyle{Color: colAxis, Width: 0.75}
		// Invisible tick marks keep the labels off the axis line.
		a.Tick.LineStyle = draw.LineStyle{Color: color.Transparent, Width: 0.5}
		a.Tick.Length = 5
		a.Label.Padding = 6
	}
	p.X.Label.Padding = 0 // the tick labels' box already leaves a gap
	// Align tick labels by their digits, not by the font's ascent.
	p.X.Tick.Label.YAlign = d.yAlign(p.X.Tick.Label, 1)
	p.Y.Tick.Label.YAlign = d.yAlign(p.Y.Tick.Label, 0.5)
	return p
}

// yAlign returns the tick label alignment that puts the tick at the top
// of the label's capitals (frac 1) or at their middle (frac 0.5).
func (d *drawer) yAlign(sty text.Style, frac float64) text.YAlignment {
	e := sty.FontExtents()
	capH := d.metrics(sty).capH
	// The axes draw a tick label at y + descent, and the handler puts the
	// baseline at that point + align*(ascent+descent) - ascent + size.
	return text.YAlignment((e.Ascent - sty.Font.Size - capH*vg.Length(frac) - e.Descent) / (e.Ascent + e.Descent))
}

// valueRange returns the axis range for scaled values and its ticks.
// Shares run 0-100%; a lower bound at the top of the range gets a step
// of room for its arrow.
func valueRange(s *panel) (lo, hi float64, ticks plot.Ticker) {
	topBound := 0.0
	integer := len(s.bars) > 0
	for _, b := range s.bars {
		v := b.value / s.scale
		lo, hi = math.Min(lo, v), math.Max(hi, v)
		if b.bound == boundLower {
			topBound = math.Max(topBound, v)
		}
		if b.hasInner {
			w := b.inner / s.scale
			lo, hi = math.Min(lo, w), math.Max(hi, w)
			if b.innerBound == boundLower {
				topBound = math.Max(topBound, w)
			}
		}
		integer = integer && b.measure == measureCount
	}
	suffix := ""
	if s.percent {
		suffix = "%"
	}
	if s.shares && lo >= 0 && hi <= 100 && topBound <= 90 {
		return 0, 100, niceTicks{suffix: "%"}
	}
	if hi == lo {
		hi = 1
	}
	step := axisStep(hi-lo, integer)
	if topBound > 0 && topBound > math.Ceil(hi/step-1e-9)*step-step*0.25 {
		hi = topBound + step*0.25 // room for the arrow
		step = axisStep(hi-lo, integer)
	}
	lo = math.Floor(lo/step+1e-9) * step
	hi = math.Ceil(hi/step-1e-9) * step
	return lo, hi, niceTicks{suffix: suffix, integer: integer, step: step}
}

// labelShare is the most of a chart's width the category labels of
// horizontal bars may take.
const labelShare = 0.4

// horizontal draws bars growing right, the first bar at the top, with the
// category labels in a column on the left, at least colW wide, their
// size at most size (zero: labelSize).
func (d *drawer) horizontal(area draw.Canvas, s *panel, colW, size vg.Length) {
	n := len(s.bars)
	p := d.newPlot()
	p.HideY()
	p.Y.Padding, p.X.Padding = 0, 0
	bars, vals := d.plotters(s, true)
	p.Add(&grid{vertical: true}, bars, vals)
	p.X.Min, p.X.Max, p.X.Tick.Marker = valueRange(s)
	p.Y.Min, p.Y.Max = -0.5, float64(n)-0.5
	p.X.Label.Text = s.axis

	dc0 := p.DataCanvas(area)
	if size == 0 {
		size = labelSize
	}
	sty, m, labels := d.categoryLabels(barLabels(s.bars), (dc0.Max.Y-dc0.Min.Y)/vg.Length(n), (area.Max.X-area.Min.X)*labelShare, size)
	vals.setStyle(d, d.style(min(sty.Font.Size, valueSize), colText, false))
	for _, ls := range labels {
		colW = max(colW, linesWidth(sty, ls))
	}

	pc := draw.Crop(area, colW+labelGap*2, 0, 0, 0)
	p.Draw(pc)
	dc := p.DataCanvas(pc)
	for i, ls := range labels {
		y := dc.Y(p.Y.Norm(bars.pos[i]))
		drawLines(dc, sty, m, ls, dc.Min.X-labelGap*2, y+m.capSpan(len(ls))/2, draw.XRight)
	}
}

// categoryLabels fits the labels of horizontal bars, slot apart, into a
// column width wide: at the largest size (down to minSize) at which every
// label fits whole in the lines the slot has room for; failing that, at
// the suggested size with long labels cut short by "…" after a word.
func (d *drawer) categoryLabels(texts []string, slot, width, largest vg.Length) (text.Style, textMetrics, [][]string) {
	top := vg.Length(math.Max(minSize, math.Min(float64(largest), float64(slot)*0.62)))
	try := func(size vg.Length, cut bool) (text.Style, textMetrics, [][]string, bool) {
		sty := d.style(size, colText, false)
		m := d.metrics(sty)
		maxLines := 1
		for maxLines < 3 && m.height(maxLines+1) <= slot*0.8 {
			maxLines++
		}
		out := make([][]string, len(texts))
		whole := true
		for i, t := range texts {
			if cut {
				out[i] = fitLines(sty, t, width, maxLines)
			} else {
				out[i] = wrap(sty, t, width)
				whole = whole && len(out[i]) <= maxLines
			}
		}
		return sty, m, out, whole
	}
	for size := top; size >= minSize; size-- {
		if sty, m, out, whole := try(size, false); whole {
			return sty, m, out
		}
	}
	sty, m, out, _ := try(top, true)
	return sty, m, out
}

// vertical draws bars growing up with the category labels under them.
func (d *drawer) vertical(area draw.Canvas, s *panel) {
	n := len(s.bars)
	p := d.newPlot()
	p.HideX()
	p.X.Padding, p.Y.Padding = 0, 0
	bars, vals := d.plotters(s, false)
	p.Add(&grid{}, bars, vals)
	p.Y.Min, p.Y.Max, p.Y.Tick.Marker = valueRange(s)
	p.X.Min, p.X.Max = -0.5, float64(n)-0.5
	p.Y.Label.Text = s.axis

	dc0 := p.DataCanvas(area)
	slot := (dc0.Max.X - dc0.Min.X) / vg.Length(n)

	// Category labels wrap at spaces; their longest word must fit the
	// slot. Shrink them until it does; failing that, label every k-th bar.
	sty := d.style(labelSize, colText, false)
	for sty.Font.Size > minPeriodSize && widestWord(sty, s.bars) > slot*0.94 {
		sty.Font.Size--
	}
	every := max(1, int(math.Ceil(float64(widestWord(sty, s.bars)/(slot*0.94)))))
	m := d.metrics(sty)
	labels := make([][]string, n)
	var h vg.Length
	for i, b := range s.bars {
		if i%every == 0 {
			labels[i] = fitLines(sty, b.label, slot*0.94*vg.Length(every), 3)
			h = max(h, m.height(len(labels[i])))
		}
	}
	// Shrink value labels that would run into their neighbours; drop them
	// if even the smallest size does not fit (the axis still reads).
	for vals.sty.Font.Size > minSize && vals.widest() > slot*0.96 {
		sty := vals.sty
		sty.Font.Size--
		vals.setStyle(d, sty)
	}
	if vals.widest() > slot*0.96 {
		vals.lines = make([][]string, n)
	}

	pc := draw.Crop(area, 0, 0, h+labelGap*2, 0)
	p.Draw(pc)
	dc := p.DataCanvas(pc)
	for i, ls := range labels {
		x := dc.X(p.X.Norm(bars.pos[i]))
		drawLines(dc, sty, m, ls, x, dc.Min.Y-labelGap*1.5, draw.XCenter)
	}
}

// widestWord is the width of the longest word of the bars' labels.
func widestWord(sty text.Style, bs []bar) vg.Length {
	var w vg.Length
	for _, b := range bs {
		for _, word := range strings.Fields(b.label) {
			w = max(w, sty.Width(word))
		}
	}
	return w
}

// plotters returns the bars and their value labels for a panel.
func (d *drawer) plotters(s *panel, horizontal bool) (*bars, *valueLabels) {
	n := len(s.bars)
	b := &bars{horizontal: horizontal}
	v := &valueLabels{horizontal: horizontal}
	v.setStyle(d, d.style(valueSize, colText, false))
	for i, x := range s.bars {
		pos := float64(i)
		if horizontal {
			pos = float64(n - 1 - i) // first bar at the top
		}
		b.pos = append(b.pos, pos)
		b.val = append(b.val, x.value/s.scale)
		b.assumed = append(b.assumed, x.assumed/s.scale)
		b.bound = append(b.bound, x.bound)
		b.col = append(b.col, colTones[x.tone])
		inner, mark := math.NaN(), math.NaN()
		end, endBound := x.value/s.scale, x.bound
		if x.hasInner {
			inner = x.inner / s.scale
			if inner > end || inner == end && x.innerBound == boundLower {
				end, endBound = inner, x.innerBound
			}
		}
		if x.hasMark {
			mark = x.mark / s.scale
		}
		b.inner = append(b.inner, inner)
		b.innerBound = append(b.innerBound, x.innerBound)
		b.mark = append(b.mark, mark)
		v.val = append(v.val, end)
		v.bound = append(v.bound, endBound)
		v.lines = append(v.lines, strings.Split(x.text, "\n"))
	}
	v.pos = b.pos
	return b, v
}

// bars is a plotter of bars with a colour each, from zero to their value,
// and a zero line. The assumed part of a bar is hatched, at its end; a
// bound gets a marker at the end. A bullet's inner bar (NaN: none) is
// drawn narrower and dark inside it, and a mark (NaN: none) as a tick
// across it.
type bars struct {
	horizontal bool
	pos, val   []float64
	assumed    []float64
	bound      []bound
	col        []color.Color
	inner      []float64
	innerBound []bound
	mark       []float64
}

func (b *bars) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	cat, val := trX, trY
	catAxis := &p.X
	limit := vg.Length(maxBarWide)
	if b.horizontal {
		cat, val, catAxis, limit = trY, trX, &p.Y, maxBarThick
	}
	span := cat(catAxis.Max) - cat(catAxis.Min)
	half := min(span/vg.Length(catAxis.Max-catAxis.Min)*barFill, limit) / 2
	rect := func(c0, c1, v0, v1 vg.Length) vg.Rectangle {
		if v0 > v1 {
			v0, v1 = v1, v0
		}
		if b.horizontal {
			return vg.Rectangle{Min: vg.Point{X: v0, Y: c0}, Max: vg.Point{X: v1, Y: c1}}
		}
		return vg.Rectangle{Min: vg.Point{X: c0, Y: v0}, Max: vg.Point{X: c1, Y: v1}}
	}
	for i := range b.pos {
		c0, c1 := cat(b.pos[i])-half, cat(b.pos[i])+half
		v0, v1 := val(0), val(b.val[i])
		split := val(b.val[i] - b.assumed[i])
		c.FillPolygon(b.col[i], rectPoints(rect(c0, c1, v0, split)))
		if b.assumed[i] > 0 {
			r := rect(c0, c1, split, v1)
			c.FillPolygon(lighter(b.col[i]), rectPoints(r))
			hatch(c, r, b.col[i])
		}
		dir := vg.Length(1)
		if b.val[i] < 0 {
			dir = -1
		}
		length := min(vg.Length(boundLen), half*1.2)
		if b.bound[i] == boundUpper {
			length = min(length, vg.Length(math.Abs(float64(v1-v0)))/2)
		}
		boundMarker(c, b.bound[i], b.col[i], v1, c0, c1, b.horizontal, dir, length)
		if w := b.inner[i]; !math.IsNaN(w) {
			r := innerRect(rect(c0, c1, v0, val(w)), b.horizontal)
			c.FillPolygon(colTones[toneMain], rectPoints(r))
			i0, i1 := r.Min.Y, r.Max.Y
			if !b.horizontal {
				i0, i1 = r.Min.X, r.Max.X
			}
			boundMarker(c, b.innerBound[i], colTones[toneMain], val(w), i0, i1, b.horizontal, dir, min(length, (i1-i0)*1.2))
		}
		if m := b.mark[i]; !math.IsNaN(m) {
			paceTick(c, val(m), c0, c1, b.horizontal)
		}
	}
	zero := draw.LineStyle{Color: colAxis, Width: 1}
	if b.horizontal {
		c.StrokeLine2(zero, val(0), c.Min.Y, val(0), c.Max.Y)
	} else {
		c.StrokeLine2(zero, c.Min.X, val(0), c.Max.X, val(0))
	}
}

// valueLabels writes each bar's value beyond its end. Its glyph boxes
// make the plot leave room for the labels.
type valueLabels struct {
	horizontal bool
	pos, val   []float64
	bound      []bound // a lower bound's label starts past its arrow
	lines      [][]string
	sty        text.Style
	m          textMetrics
}

func (l *valueLabels) setStyle(d *drawer, sty text.Style) {
	l.sty, l.m = sty, d.metrics(sty)
}

// rect is the box of label i relative to the end of its bar, and the
// alignment of its lines.
func (l *valueLabels) rect(i int) (vg.Rectangle, text.XAlignment) {
	w := linesWidth(l.sty, l.lines[i])
	n := len(l.lines[i])
	h := l.m.height(n)
	neg := l.val[i] < 0
	gap := vg.Length(labelGap)
	if l.bound[i] == boundLower {
		gap += boundLen
	}
	// Beside a horizontal bar, the capitals are centred on the bar.
	top := l.m.capSpan(n) / 2
	switch {
	case l.horizontal && !neg:
		return vg.Rectangle{Min: vg.Point{X: gap, Y: top - h}, Max: vg.Point{X: gap + w, Y: top}}, draw.XLeft
	case l.horizontal:
		return vg.Rectangle{Min: vg.Point{X: -gap - w, Y: top - h}, Max: vg.Point{X: -gap, Y: top}}, draw.XRight
	case !neg:
		return vg.Rectangle{Min: vg.Point{X: -w / 2, Y: gap}, Max: vg.Point{X: w / 2, Y: gap + h}}, draw.XCenter
	}
	return vg.Rectangle{Min: vg.Point{X: -w / 2, Y: -gap - h}, Max: vg.Point{X: w / 2, Y: -gap}}, draw.XCenter
}

func (l *valueLabels) xy(i int) (x, y float64) {
	if l.horizontal {
		return l.val[i], l.pos[i]
	}
	return l.pos[i], l.val[i]
}

func (l *valueLabels) widest() vg.Length {
	var w vg.Length
	for _, ls := range l.lines {
		w = max(w, linesWidth(l.sty, ls))
	}
	return w
}

func (l *valueLabels) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	for i := range l.lines {
		x, y := l.xy(i)
		r, align := l.rect(i)
		pt := vg.Point{X: trX(x), Y: trY(y)}
		ax := r.Min.X
		switch align {
		case draw.XRight:
			ax = r.Max.X
		case draw.XCenter:
			ax = 0
		}
		drawLines(c, l.sty, l.m, l.lines[i], pt.X+ax, pt.Y+r.Max.Y, align)
	}
}

func (l *valueLabels) GlyphBoxes(p *plot.Plot) []plot.GlyphBox {
	out := make([]plot.GlyphBox, len(l.lines))
	for i := range l.lines {
		x, y := l.xy(i)
		r, _ := l.rect(i)
		out[i] = plot.GlyphBox{X: p.X.Norm(x), Y: p.Y.Norm(y), Rectangle: r}
	}
	return out
}

// grid draws light lines at the value axis' labelled ticks. gonum's
// plotter.Grid would do but for the last tick: it drops a line that
// rounding puts a hair past the canvas, so the line at the axis' end
// came and went from chart to chart.
type grid struct{ vertical bool }

func (g *grid) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	sty := draw.LineStyle{Color: colGrid, Width: 0.75}
	a, tr := &p.Y, trY
	if g.vertical {
		a, tr = &p.X, trX
	}
	for _, t := range a.Tick.Marker.Ticks(a.Min, a.Max) {
		if t.IsMinor() {
			continue
		}
		v := tr(t.Value)
		if g.vertical {
			c.StrokeLine2(sty, v, c.Min.Y, v, c.Max.Y)
		} else {
			c.StrokeLine2(sty, c.Min.X, v, c.Max.X, v)
		}
	}
}

// niceTicks labels about five round steps of the axis: 0, 20, 40 ...
// An integer axis (counts) has whole steps.
type niceTicks struct {
	suffix  string
	integer bool
	step    float64 // zero: from the range
}

// axisStep is the step of about five round steps over span.
func axisStep(span float64, integer bool) float64 {
	step := niceStep(span / 5)
	if integer {
		step = math.Max(1, step)
		if niceFrac(step) == 2.5 {
			step *= 2
		}
	}
	return step
}

func (t niceTicks) Ticks(lo, hi float64) []plot.Tick {
	step := t.step
	if step == 0 {
		step = axisStep(hi-lo, t.integer)
	}
	dec := 0
	if step < 1 {
		dec = int(math.Ceil(-math.Log10(step) - 1e-9))
	}
	if niceFrac(step) == 2.5 && step < 10 {
		dec++
	}
	var out []plot.Tick
	for k := math.Ceil(lo/step - 1e-9); k*step <= hi+step*1e-9; k++ {
		v := k * step
		if math.Abs(v) < step*1e-9 {
			v = 0
		}
		out = append(out, plot.Tick{Value: v, Label: analysis.Grouped(v, dec) + t.suffix})
	}
	return out
}

// niceStep rounds x up to 1, 2, 2.5 or 5 times a power of ten.
func niceStep(x float64) float64 {
	if x <= 0 || math.IsNaN(x) || math.IsInf(x, 0) {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(x)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if x <= m*p*(1+1e-9) {
			return m * p
		}
	}
	return 10 * p
}

func niceFrac(step float64) float64 {
	p := math.Pow(10, math.Floor(math.Log10(step)))
	return math.Round(step/p*10) / 10
}

// fitLines wraps text to width in at most maxLines lines, ending the last
// with "…" when it does not fit.
func fitLines(sty text.Style, s string, width vg.Length, maxLines int) []string {
	lines := wrap(sty, s, width)
	if len(lines) <= maxLines {
		return lines
	}
	rest := strings.Join(lines[maxLines-1:], " ")
	lines = append(lines[:maxLines-1:maxLines-1], truncate(sty, rest+" …", width))
	return lines
}

// truncate shortens s until it fits width, ending it with "…": after a
// whole word where one fits, else (a single long word, or Chinese, which
// has no spaces) after a character.
func truncate(sty text.Style, s string, width vg.Length) string {
	if sty.Width(s) <= width {
		return s
	}
	trim := func(t string) string {
		return strings.TrimRightFunc(t, func(c rune) bool { return unicode.IsSpace(c) || unicode.IsPunct(c) }) + "…"
	}
	s = strings.TrimSuffix(s, " …")
	words := strings.Fields(s)
	for k := len(words) - 1; k >= 1; k-- {
		if t := trim(strings.Join(words[:k], " ")); sty.Width(t) <= width {
			return t
		}
	}
	r := []rune(s)
	for len(r) > 0 {
		if t := trim(string(r)); sty.Width(t) <= width {
			return t
		}
		r = r[:len(r)-1]
	}
	return "…"
}

// wrap breaks text into lines no wider than width: at spaces, and between
// Chinese, Japanese or Korean characters, which need no spaces. A word
// wider than width is broken between characters.
func wrap(sty text.Style, s string, width vg.Length) []string {
	type token struct {
		text  string
		space bool // a space precedes it
	}
	var toks []token
	space := false
	var word []rune
	flush := func() {
		if len(word) > 0 {
			toks = append(toks, token{string(word), space})
			word, space = nil, false
		}
	}
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			flush()
			space = len(toks) > 0
		case hasCJK(string(r)):
			flush()
			toks = append(toks, token{string(r), space})
			space = false
		default:
			word = append(word, r)
		}
	}
	flush()

	var lines []string
	line := ""
	for _, t := range toks {
		cand := t.text
		if line != "" {
			if t.space {
				cand = line + " " + t.text
			} else {
				cand = line + t.text
			}
		}
		if sty.Width(cand) <= width || line == "" && sty.Width(t.text) <= width ||
			line != "" && !t.space && strings.ContainsAny(t.text, cjkClosing) && utf8.RuneCountInString(t.text) == 1 {
			// Chinese closing punctuation never starts a line: it hangs.
			line = cand
			continue
		}
		if head, tail, ok := cjkBreak(sty, line, width); ok {
			// Break a Chinese line after its last clause where that keeps
			// most of the line, rather than inside a word.
			lines = append(lines, head)
			line = tail
			if c := line + t.text; !t.space && sty.Width(c) <= width {
				line = c
				continue
			}
		}
		if line != "" {
			lines = append(lines, line)
		}
		line = t.text
		for sty.Width(line) > width { // a word too long for a line
			r := []rune(line)
			k := len(r) - 1
			for k > 1 && sty.Width(string(r[:k])) > width {
				k--
			}
			lines = append(lines, string(r[:k]))
			line = string(r[k:])
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// cjkClosing are the Chinese punctuation marks that end a clause or close
// a bracket: a line may end after them but never start with them.
const cjkClosing = "，。；：、）」”！？"

// cjkBreak splits a Chinese line after its last clause-ending mark when
// the part before it fills at least two thirds of width, so that a
// wrapped title breaks between clauses.
func cjkBreak(sty text.Style, line string, width vg.Length) (head, tail string, ok bool) {
	i := strings.LastIndexAny(line, "，；：、。")
	if i < 0 || !hasCJK(line) {
		return "", "", false
	}
	_, n := utf8.DecodeRuneInString(line[i:])
	head, tail = line[:i+n], line[i+n:]
	if tail == "" || sty.Width(head) < width*2/3 {
		return "", "", false
	}
	return head, tail, true
}

// fitSources writes "Source: a; b" in at most maxLines lines, citing as
// many of sources as fit and counting the rest, more included: "Sources:
// a; b; and 3 more". It tries one source, then two, and so on, and stops
// once the sources so far and a semicolon take more than maxLines: every
// longer citation starts with that text, and wrapping more text never
// takes fewer lines.
func fitSources(sty text.Style, sources []string, more int, width vg.Length, maxLines int) []string {
	return fitSourcesIn(sty, englishSources, sources, more, width, maxLines)
}

// fitSourcesIn is fitSources in the words w.
func fitSourcesIn(sty text.Style, w *sourceWords, sources []string, more int, width vg.Length, maxLines int) []string {
	if len(sources) == 0 {
		return nil
	}
	n := len(sources) + more
	prefix := w.one
	if n > 1 {
		prefix = w.many
	}
	var best []string
	head := prefix
	for k := 1; k <= len(sources); k++ {
		if k > 1 {
			head += "; "
		}
		head += sources[k-1]
		s := head
		if k < n {
			s += fmt.Sprintf(w.more, n-k)
		}
		if lines := wrap(sty, s, width); len(lines) <= maxLines {
			best = lines
			continue
		}
		if k < n && len(wrap(sty, head+";", width)) > maxLines {
			break
		}
	}
	if best != nil {
		return best
	}
	return fitLines(sty, prefix+sources[0]+fmt.Sprintf(w.more, n-1), width, maxLines)
}
