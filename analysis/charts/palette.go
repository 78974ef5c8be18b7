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
//
// A chart's image is read once: it is taken as runs of one colour (most
// pixels repeat the one before; a chart at twice the size has about
// 100,000 runs in 3.4 million pixels), found two pixels at a time, each
// run's colour looked up once. The palette image is then written from
// the runs. Reading every pixel twice, with a map lookup wherever a run
// ended, took about twice as long (see BenchmarkPaletted);
// TestPalettedAgrees holds it to that plainer reading. The result is
// written in s's memory.
func paletted(img *image.RGBA, s *scratch) *image.Paletted {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	// A pixel is read as one little-endian word, compared as that, and
	// turned into its key (R, G, B, A from the high byte down) once per
	// colour.
	word := func(row []uint8, i int) uint32 { return binary.LittleEndian.Uint32(row[i : i+4]) }

	var runs []colourRun
	if s != nil {
		runs = s.runs[:0]
	}
	// Charts have about a run to 10 to 30 pixels: room for one to 8 saves
	// growing the list several times.
	if cap(runs) < w*h/8 {
		runs = make([]colourRun, 0, w*h/8)
	}
	ids := make(map[uint32]uint32, 512) // word -> colour id
	var words []uint32                  // by id
	var counts []int                    // by id
	// recent holds the colours of runs lately met, one per slot by a
	// hash of the word, in front of the map: a chart has a few hundred
	// colours, and the map lookup was a quarter of the reduction's time.
	var recent [1024]struct{ word, id uint32 } // id+1; 0 for none
	for y := 0; y < h; y++ {
		row := img.Pix[y*img.Stride : y*img.Stride+4*w]
		for i := 0; i < len(row); {
			c := word(row, i)
			pair := uint64(c) | uint64(c)<<32
			j := i + 4
			for j+8 <= len(row) && binary.LittleEndian.Uint64(row[j:j+8]) == pair {
				j += 8
			}
			if j+4 <= len(row) && word(row, j) == c {
				j += 4
			}
			var id uint32
			if slot := &recent[c*0x9e3779b1>>22]; slot.id != 0 && slot.word == c {
				id = slot.id - 1
			} else {
				var ok bool
				id, ok = ids[c]
				if !ok {
					id = uint32(len(words))
					ids[c] = id
					words = append(words, c)
					counts = append(counts, 0)
				}
				*slot = struct{ word, id uint32 }{c, id + 1}
			}
			n := (j - i) / 4
			counts[id] += n
			runs = append(runs, colourRun{id: id, n: uint32(n)})
			i = j
		}
	}
	if s != nil {
		s.runs = runs
	}

	type entry struct {
		c  uint32 // key: R, G, B, A from the high byte down
		n  int
		id uint32
	}
	all := make([]entry, len(words))
	for id, c := range words {
		all[id] = entry{bits.ReverseBytes32(c), counts[id], uint32(id)}
	}
	slices.SortFunc(all, func(a, b entry) int {
		if a.n != b.n {
			return cmp.Compare(b.n, a.n)
		}
		return cmp.Compare(a.c, b.c)
	})
	kept := all[:min(len(all), 256)]
	pal := make(color.Palette, len(kept))
	index := make([]uint8, len(all)) // by id
	for i, e := range kept {
		pal[i] = color.RGBA{R: uint8(e.c >> 24), G: uint8(e.c >> 16), B: uint8(e.c >> 8), A: uint8(e.c)}
		index[e.id] = uint8(i)
	}
	for _, e := range all[len(kept):] {
		index[e.id] = uint8(nearest(kept, e.c, func(x entry) uint32 { return x.c }))
	}

	out := s.paletted(w, h, pal)
	y, x := 0, 0
	dst := out.Pix[:w]
	for _, r := range runs {
		v := index[r.id]
		run := dst[x : x+int(r.n)]
		for k := range run {
			run[k] = v
		}
		if x += int(r.n); x == w && y+1 < h {
			y, x = y+1, 0
			dst = out.Pix[y*out.Stride : y*out.Stride+w]
		}
	}
	return out
}

// colourRun is a run of pixels of one colour in a row: the colour's id
// and the number of pixels.
type colourRun struct{ id, n uint32 }

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
