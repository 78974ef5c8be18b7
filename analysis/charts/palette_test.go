package charts

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"fmt"
	"image"
	"image/color"
	"math/rand/v2"
	"slices"
	"testing"

	"pledgewatch/analysis/internal/cputime"
)

// TestPaletted: a picture of few colours keeps them all exactly; one of
// more than 256 keeps the 256 most frequent exactly and gives each rare
// shade the nearest of them.
func TestPaletted(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 300, 4))
	bar := color.RGBA{R: 31, G: 78, B: 121, A: 255}
	for x := 0; x < 300; x++ {
		img.SetRGBA(x, 0, color.RGBA{R: 255, G: 255, B: 255, A: 255})
		img.SetRGBA(x, 1, bar)
		img.SetRGBA(x, 2, color.RGBA{R: uint8(x % 256), G: uint8(x % 256), B: uint8(x % 256), A: 255}) // a grey ramp
		img.SetRGBA(x, 3, bar)
	}
	p := paletted(img, nil)
	if len(p.Palette) != 256 {
		t.Fatalf("%d colours in the palette, want 256", len(p.Palette))
	}
	for _, y := range []int{0, 1, 3} {
		for x := 0; x < 300; x++ {
			if p.At(x, y) != img.At(x, y) {
				t.Fatalf("frequent colour %v at (%d,%d) became %v", img.At(x, y), x, y, p.At(x, y))
			}
		}
	}
	off := 0
	for x := 0; x < 300; x++ {
		got := p.At(x, 2).(color.RGBA)
		if d := int(got.R) - x%256; d < -2 || d > 2 || got.R != got.G || got.G != got.B {
			t.Errorf("grey %d became %v", x%256, got)
		}
		if p.At(x, 2) != img.At(x, 2) {
			off++
		}
	}
	if off == 0 || off > 4 {
		t.Errorf("%d pixels of the ramp changed, want the few rarest shades", off)
	}

	small := image.NewRGBA(image.Rect(0, 0, 2, 1))
	small.SetRGBA(0, 0, bar)
	small.SetRGBA(1, 0, color.RGBA{A: 255})
	if p := paletted(small, nil); len(p.Palette) != 2 || p.At(0, 0) != color.Color(bar) {
		t.Errorf("two colours: palette %v, first pixel %v", p.Palette, p.At(0, 0))
	}
}

// BenchmarkPaletted reduces each chart of the sample report, drawn at
// twice the default size, to its palette.
func BenchmarkPaletted(b *testing.B) {
	specs := build(sampleReport())
	d := newDrawer(2*DefaultWidth, 2*DefaultHeight, cjkFont(b))
	w, h := d.imagePage()
	var imgs []*image.RGBA
	for i := range specs {
		l, err := d.layOut(&specs[i], w, h)
		if err != nil {
			b.Fatal(err)
		}
		img, err := d.image(l)
		if err != nil {
			b.Fatal(err)
		}
		imgs = append(imgs, img)
	}
	s := new(scratch)
	b.ResetTimer()
	meter := cputime.Start()
	for b.Loop() {
		for _, img := range imgs {
			paletted(img, s)
		}
	}
	meter.Report(b)
}

// palettedPlain is paletted as plainly written: every pixel read twice,
// each colour counted in a map where a run of it ends, and looked up in
// one where it begins.
func palettedPlain(img *image.RGBA) *image.Paletted {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	key := func(row []uint8, i int) uint32 {
		return uint32(row[i])<<24 | uint32(row[i+1])<<16 | uint32(row[i+2])<<8 | uint32(row[i+3])
	}
	counts := map[uint32]int{}
	for y := 0; y < h; y++ {
		row := img.Pix[y*img.Stride : y*img.Stride+4*w]
		for i := 0; i < len(row); i += 4 {
			counts[key(row, i)]++
		}
	}
	type entry struct {
		c uint32
		n int
	}
	var all []entry
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
	index := map[uint32]uint8{}
	for i, e := range kept {
		pal[i] = color.RGBA{R: uint8(e.c >> 24), G: uint8(e.c >> 16), B: uint8(e.c >> 8), A: uint8(e.c)}
		index[e.c] = uint8(i)
	}
	for _, e := range all[len(kept):] {
		index[e.c] = uint8(nearest(kept, e.c, func(x entry) uint32 { return x.c }))
	}
	out := image.NewPaletted(image.Rect(0, 0, w, h), pal)
	for y := 0; y < h; y++ {
		row := img.Pix[y*img.Stride : y*img.Stride+4*w]
		for x := 0; x < w; x++ {
			out.Pix[y*out.Stride+x] = index[key(row, 4*x)]
		}
	}
	return out
}

// TestPalettedAgrees holds paletted to palettedPlain on the charts of
// the sample report at both sizes, in one scratch memory and in none,
// and on random pictures of runs of few and of many colours.
func TestPalettedAgrees(t *testing.T) {
	same := func(name string, got, want *image.Paletted) {
		t.Helper()
		if !slices.Equal(got.Palette, want.Palette) {
			t.Fatalf("%s: palette of %d colours differs from the plain reduction's %d", name, len(got.Palette), len(want.Palette))
		}
		if got.Rect != want.Rect || !bytes.Equal(got.Pix, want.Pix) {
			t.Fatalf("%s: pixels differ from the plain reduction's", name)
		}
	}
	s := new(scratch)
	specs := build(sampleReport())
	for _, scale := range []int{1, 2} {
		d := newDrawer(scale*DefaultWidth, scale*DefaultHeight, cjkFont(t))
		w, h := d.imagePage()
		for i := range specs {
			l, err := d.layOut(&specs[i], w, h)
			if err != nil {
				t.Fatal(err)
			}
			img, err := d.image(l)
			if err != nil {
				t.Fatal(err)
			}
			want := palettedPlain(img)
			same(specs[i].name, paletted(img, s), want)
			same(specs[i].name, paletted(img, nil), want)
		}
	}
	rng := rand.New(rand.NewPCG(5, 6))
	for i := range 200 {
		w, h := 1+rng.IntN(40), 1+rng.IntN(12)
		img := image.NewRGBA(image.Rect(0, 0, w, h))
		colours := 1 + rng.IntN(600)
		for p := 0; p < len(img.Pix); {
			c := rng.Uint32() % uint32(colours)
			for range 1 + rng.IntN(9) {
				if p < len(img.Pix) {
					binary.LittleEndian.PutUint32(img.Pix[p:], c*2654435761)
					p += 4
				}
			}
		}
		if i%2 == 0 { // a sub-image: rows apart in memory
			img = img.SubImage(image.Rect(0, 0, max(1, w-1), h)).(*image.RGBA)
		}
		same(fmt.Sprintf("random %d", i), paletted(img, s), palettedPlain(img))
	}
}
