package charts

import (
	"image"
	"image/color"
	"testing"
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
	p := paletted(img)
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
	if p := paletted(small); len(p.Palette) != 2 || p.At(0, 0) != color.Color(bar) {
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
	b.ResetTimer()
	for b.Loop() {
		for _, img := range imgs {
			putPaletted(paletted(img))
		}
	}
}
