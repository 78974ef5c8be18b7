package charts

import (
	"bytes"
	"encoding/xml"
	"errors"
	"image/png"
	"io"
	"strings"
	"testing"
)

// TestFormats draws every chart in every format and decodes each: the
// PNG at its size, the PNG at twice the size, and the SVG as XML whose
// text holds the Chinese labels in the CJK font's family, the font not
// embedded.
func TestFormats(t *testing.T) {
	f := cjkFont(t)
	cs, err := Render(sampleReport(), Options{Font: f})
	if err != nil {
		t.Fatal(err)
	}
	var svgText strings.Builder
	for _, c := range cs {
		files := c.Files()
		base := strings.TrimSuffix(c.Name, ".png")
		if len(files) != 3 || files[0].Name != c.Name || files[1].Name != base+"@2x.png" || files[2].Name != base+".svg" {
			t.Fatalf("%s: files %v", c.Name, files)
		}
		for k, want := range [][2]int{{DefaultWidth, DefaultHeight}, {2 * DefaultWidth, 2 * DefaultHeight}} {
			data, err := files[k].Draw()
			if err != nil {
				t.Fatalf("%s: %v", files[k].Name, err)
			}
			img, err := png.Decode(bytes.NewReader(data))
			if err != nil {
				t.Fatalf("%s: %v", files[k].Name, err)
			}
			if b := img.Bounds(); b.Dx() != want[0] || b.Dy() != want[1] {
				t.Errorf("%s: %dx%d pixels, want %dx%d", files[k].Name, b.Dx(), b.Dy(), want[0], want[1])
			}
		}
		data, err := files[2].Draw()
		if err != nil {
			t.Fatalf("%s: %v", files[2].Name, err)
		}
		text, err := svgTexts(data)
		if err != nil {
			t.Fatalf("%s does not parse as XML: %v", files[2].Name, err)
		}
		svgText.WriteString(text)
		if !bytes.Contains(data, []byte("font-family:"+f.Name()+";")) {
			t.Errorf("%s: no text in font family %q", files[2].Name, f.Name())
		}
		if bytes.Contains(data, []byte("@font-face")) || len(data) > 1<<20 {
			t.Errorf("%s: %d bytes, the font embedded", files[2].Name, len(data))
		}
	}
	for _, want := range []string{"中国企业", "使用生成式人工智能的企业比例", "上海人工智能产业投资基金"} {
		if !strings.Contains(svgText.String(), want) {
			t.Errorf("no SVG holds the text %q", want)
		}
	}
}

// svgTexts parses an SVG document and returns the contents of its text
// elements.
func svgTexts(data []byte) (string, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	var out strings.Builder
	inText, root := false, false
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return "", err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			root = root || tok.Name.Local == "svg"
			inText = tok.Name.Local == "text"
		case xml.EndElement:
			inText = false
		case xml.CharData:
			if inText {
				out.Write(tok) // lines run together: a wrapped label reads whole
			}
		}
	}
	if !root {
		return "", errors.New("no svg element")
	}
	return out.String(), nil
}

// TestFormatsLatin: with the bundled fonts the SVG names Liberation Sans.
func TestFormatsLatin(t *testing.T) {
	cs, err := Render(latinReport(), Options{Width: 800, Height: 500})
	if err != nil {
		t.Fatal(err)
	}
	svg, err := cs[0].SVG()
	if err != nil {
		t.Fatal(err)
	}
	text, err := svgTexts(svg)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text, cs[0].Title) || !bytes.Contains(svg, []byte("font-family:Liberation Sans;")) {
		t.Errorf("SVG text %q, want the title %q in Liberation Sans", text, cs[0].Title)
	}
	big, err := cs[0].PNG2x()
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(big))
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 1600 || b.Dy() != 1000 {
		t.Errorf("@2x of an 800x500 chart: %dx%d pixels", b.Dx(), b.Dy())
	}
	if _, err := (Chart{}).SVG(); err == nil {
		t.Error("a chart not made by Render drew an SVG")
	}
}
