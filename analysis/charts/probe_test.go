package charts

import (
	"os"
	"testing"

	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"gonum.org/v1/plot/font/liberation"
)

func TestProbe(t *testing.T) {
	data, err := os.ReadFile("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
	if err != nil {
		t.Fatal(err)
	}
	c, err := opentype.ParseCollection(data)
	if err != nil {
		t.Fatal(err)
	}
	var buf sfnt.Buffer
	for i := 0; i < c.NumFonts(); i++ {
		f, _ := c.Font(i)
		fam, _ := f.Name(&buf, sfnt.NameIDFamily)
		full, _ := f.Name(&buf, sfnt.NameIDFull)
		typo, _ := f.Name(&buf, sfnt.NameIDTypographicFamily)
		g, _ := f.GlyphIndex(&buf, '≥')
		t.Logf("%d %q %q %q ≥=%d", i, fam, full, typo, g)
	}
	for _, face := range liberation.Collection() {
		var out string
		for _, r := range "≥≤…¥–—→·×≈~" {
			g, _ := face.Face.GlyphIndex(&buf, r)
			if g == 0 {
				out += string(r)
			}
		}
		t.Logf("%s missing %q", face.Font.Name(), out)
	}
}
