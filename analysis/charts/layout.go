package charts

import (
	"image"
	"image/color"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// layout is a chart laid out once, on a page of a size in points: the
// calls its painting made on a canvas, in order, with the faces its text
// was measured with. Replaying it on a PNG canvas at any resolution or on
// an SVG canvas of the same page size draws what painting there would
// have drawn, without measuring, wrapping and placing the text again.
type layout struct {
	w, h vg.Length
	ops  []func(vg.Canvas)
}

// replay draws the layout on c.
func (l *layout) replay(c vg.Canvas) {
	for _, op := range l.ops {
		op(c)
	}
}

// recorder is the canvas a layout is recorded on.
type recorder struct{ l *layout }

var _ vg.CanvasSizer = recorder{}

func (r recorder) add(op func(vg.Canvas)) { r.l.ops = append(r.l.ops, op) }

// Size returns the size of the page.
func (r recorder) Size() (w, h vg.Length) { return r.l.w, r.l.h }

// SetLineWidth records c.SetLineWidth.
func (r recorder) SetLineWidth(w vg.Length) { r.add(func(c vg.Canvas) { c.SetLineWidth(w) }) }

// SetLineDash records c.SetLineDash.
func (r recorder) SetLineDash(pattern []vg.Length, offset vg.Length) {
	pattern = append([]vg.Length(nil), pattern...)
	r.add(func(c vg.Canvas) { c.SetLineDash(pattern, offset) })
}

// SetColor records c.SetColor.
func (r recorder) SetColor(col color.Color) { r.add(func(c vg.Canvas) { c.SetColor(col) }) }

// Rotate records c.Rotate.
func (r recorder) Rotate(a float64) { r.add(func(c vg.Canvas) { c.Rotate(a) }) }

// Translate records c.Translate.
func (r recorder) Translate(pt vg.Point) { r.add(func(c vg.Canvas) { c.Translate(pt) }) }

// Scale records c.Scale.
func (r recorder) Scale(x, y float64) { r.add(func(c vg.Canvas) { c.Scale(x, y) }) }

// Push records c.Push.
func (r recorder) Push() { r.add(func(c vg.Canvas) { c.Push() }) }

// Pop records c.Pop.
func (r recorder) Pop() { r.add(func(c vg.Canvas) { c.Pop() }) }

// Stroke records c.Stroke, with a copy of the path.
func (r recorder) Stroke(p vg.Path) {
	p = append(vg.Path(nil), p...)
	r.add(func(c vg.Canvas) { c.Stroke(p) })
}

// Fill records c.Fill, with a copy of the path.
func (r recorder) Fill(p vg.Path) {
	p = append(vg.Path(nil), p...)
	r.add(func(c vg.Canvas) { c.Fill(p) })
}

// FillString records c.FillString.
func (r recorder) FillString(f font.Face, pt vg.Point, s string) {
	r.add(func(c vg.Canvas) { c.FillString(f, pt, s) })
}

// DrawImage records c.DrawImage.
func (r recorder) DrawImage(rect vg.Rectangle, img image.Image) {
	r.add(func(c vg.Canvas) { c.DrawImage(rect, img) })
}

// layOut paints s on a page w x h points and returns the recording.
func (d *drawer) layOut(s *spec, w, h vg.Length) (l *layout, err error) {
	defer func() {
		if e := recover(); e != nil {
			err = fmtDrawPanic(e)
		}
	}()
	l = &layout{w: w, h: h}
	if err := d.paint(draw.New(recorder{l}), s); err != nil {
		return nil, err
	}
	return l, nil
}
