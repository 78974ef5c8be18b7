package charts

import (
	"image"
	"image/color"
	"image/png"
	"sync/atomic"

	"github.com/golang/freetype/raster"
)

// scratch is the memory one drawing at a time works in, kept from one
// chart to the next: the image a chart is drawn on, its palette image,
// the runs the palette reduction counts, and the PNG encoder's buffers
// and compressor. A chart at twice the size takes 13 MB of image and
// 3 MB of palette image; drawn on fresh memory, the files of one run's
// charts allocated about 110 MB, which the runtime clears and the
// garbage collector then chases while the workbook is written. A nil
// scratch gives fresh memory each time.
type scratch struct {
	rgba *image.RGBA
	pal  *image.Paletted
	runs []colourRun
	enc  *png.EncoderBuffer
	// raster is the rasteriser of imageCanvas's fills.
	raster *raster.Rasterizer
	// faces keeps the glyphs drawn, from chart to chart.
	faces glyphFaces
}

// rasterizer returns a rasteriser for images w x h pixels, cleared.
func (s *scratch) rasterizer(w, h int) *raster.Rasterizer {
	if s == nil {
		return raster.NewRasterizer(w, h)
	}
	if s.raster == nil {
		s.raster = raster.NewRasterizer(w, h)
	} else {
		s.raster.SetBounds(w, h)
	}
	return s.raster
}

// glyphFaces returns the faces kept; nil for a nil scratch.
func (s *scratch) glyphFaces() glyphFaces {
	if s == nil {
		return nil
	}
	if s.faces == nil {
		s.faces = glyphFaces{}
	}
	return s.faces
}

// image returns an image w x h pixels, its content undefined.
func (s *scratch) image(w, h int) *image.RGBA {
	r := image.Rect(0, 0, w, h)
	if s == nil {
		return image.NewRGBA(r)
	}
	if s.rgba == nil || s.rgba.Rect != r {
		s.rgba = image.NewRGBA(r)
	}
	return s.rgba
}

// paletted returns an image w x h pixels with palette pal, its pixels
// undefined.
func (s *scratch) paletted(w, h int, pal color.Palette) *image.Paletted {
	r := image.Rect(0, 0, w, h)
	if s == nil {
		return image.NewPaletted(r, pal)
	}
	if s.pal == nil || s.pal.Rect != r {
		s.pal = image.NewPaletted(r, nil)
	}
	s.pal.Palette = pal
	return s.pal
}

// Get returns the PNG encoder's buffers kept, or nil; with Put, a
// scratch is the encoder's png.EncoderBufferPool.
func (s *scratch) Get() *png.EncoderBuffer {
	if s == nil {
		return nil
	}
	return s.enc
}

// Put keeps the PNG encoder's buffers.
func (s *scratch) Put(b *png.EncoderBuffer) {
	if s != nil {
		s.enc = b
	}
}

// drawPool holds the scratch memory of one Render's charts: one scratch
// per drawing slot, as many slots as cores, so that at most that many
// charts are drawn, and held in memory, at a time. Once every file
// drawn on request (each chart's PNG at twice the size and SVG) has
// been drawn, the scratch memory is let go.
type drawPool struct {
	free chan *scratch
	// pending counts the files still to be drawn on request.
	pending atomic.Int64
}

func newDrawPool(slots, pending int) *drawPool {
	p := &drawPool{free: make(chan *scratch, slots)}
	for range slots {
		p.free <- new(scratch)
	}
	p.pending.Store(int64(pending))
	return p
}

// take waits for a free slot and returns its scratch.
func (p *drawPool) take() *scratch { return <-p.free }

// give frees the slot of s.
func (p *drawPool) give(s *scratch) {
	if p.pending.Load() <= 0 {
		*s = scratch{}
	}
	p.free <- s
}

// drawn counts a file drawn on request. After the last one, the scratch
// of every free slot is let go (and that of a slot still taken, when it
// is given back).
func (p *drawPool) drawn() {
	if p.pending.Add(-1) != 0 {
		return
	}
	var held []*scratch
	for range cap(p.free) {
		select {
		case s := <-p.free:
			*s = scratch{}
			held = append(held, s)
		default:
		}
	}
	for _, s := range held {
		p.free <- s
	}
}
