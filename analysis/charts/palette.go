package charts

import (
	"cmp"
	"encoding/binary"
	"image"
	"image/color"
	"math/bits"
	"slices"
)

// paletted returns img with at most 256 colours, for a PNG a quarter of
// the size that encodes several times faster (no row filters on
// palette images). A chart is flat colours and the shades of their
// anti-aliased edges: the 256 most frequent colours are kept exactly
// (ties broken by colour value, so that the result is the same every
// time), and any other, rare shade becomes the nearest kept colour.
func paletted(img *image.RGBA) *image.Paletted {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	// A pixel is read as one little-endian word, compared as that, and
	// turned into its key (R, G, B, A from the high byte down) only where
	// a run of one colour ends.
	word := func(row []uint8, i int) uint32 { return binary.LittleEndian.Uint32(row[i : i+4]) }
	key := bits.ReverseBytes32

	// Count colours by runs: most pixels repeat the one before.
	counts := map[uint32]int{}
	for y := 0; y < h; y++ {
		row := img.Pix[y*img.Stride : y*img.Stride+4*w]
		last, start := word(row, 0), 0
		for i := 4; i < len(row); i += 4 {
			if k := word(row, i); k != last {
				counts[key(last)] += (i - start) / 4
				last, start = k, i
			}
		}
		counts[key(last)] += (len(row) - start) / 4
	}
	type entry struct {
		c uint32
		n int
	}
	all := make([]entry, 0, len(counts))
	for c, n := range counts {
		all = append(all, entry{c, n})
	}
	slices.SortFunc(all, func(a, b entry) int {
		if a.n != b.n {
			return cmp.Compare(b.n, a.n)
		}
		return cmp.Compare(a.c, b.c)
	})
	kept := all[:min(len(all), 256)]
	pal := make(color.Palette, len(kept))
	index := make(map[uint32]uint8, len(all))
	for i, e := range kept {
		pal[i] = color.RGBA{R: uint8(e.c >> 24), G: uint8(e.c >> 16), B: uint8(e.c >> 8), A: uint8(e.c)}
		index[e.c] = uint8(i)
	}
	for _, e := range all[len(kept):] {
		index[e.c] = uint8(nearest(kept, e.c, func(x entry) uint32 { return x.c }))
	}

	out := newPaletted(w, h, pal)
	for y := 0; y < h; y++ {
		row := img.Pix[y*img.Stride : y*img.Stride+4*w]
		dst := out.Pix[y*out.Stride : y*out.Stride+w]
		last := word(row, 0)
		idx := index[key(last)]
		for x := range dst {
			if k := word(row, 4*x); k != last {
				last, idx = k, index[key(k)]
			}
			dst[x] = idx
		}
	}
	return out
}

// nearest is the index of the colour of list closest to c, by the sum of
// squared differences of its channels.
func nearest[T any](list []T, c uint32, colour func(T) uint32) int {
	best, bestD := 0, -1
	for i, x := range list {
		k := colour(x)
		d := 0
		for s := 0; s < 32; s += 8 {
			v := int(c>>s&0xff) - int(k>>s&0xff)
			d += v * v
		}
		if bestD < 0 || d < bestD {
			best, bestD = i, d
		}
	}
	return best
}

// palettes holds palette images for reuse, by size.
var palettes sizedPools

// newPaletted returns an image w x h pixels with palette pal, its pixels
// undefined.
func newPaletted(w, h int, pal color.Palette) *image.Paletted {
	if p, ok := palettes.pool(w, h).Get().(*image.Paletted); ok {
		p.Palette = pal
		return p
	}
	return image.NewPaletted(image.Rect(0, 0, w, h), pal)
}

// putPaletted hands p back for reuse.
func putPaletted(p *image.Paletted) {
	p.Palette = nil
	palettes.pool(p.Rect.Dx(), p.Rect.Dy()).Put(p)
}
