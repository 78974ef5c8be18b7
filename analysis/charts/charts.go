// Package charts draws the comparisons of an analysis.Report as charts
// for briefings: each chart of analysis.Catalogue that is drawn as a
// picture, such as pledges by investor, one chart per metric series, or
// pledged against delivered by pledge with the pace marked.
//
// Each chart's title states its finding in words computed from the data;
// the subtitle its scope; the footer its notes and sources. A panel holds
// one measure; a figure that is a bound ("at least") ends in a marker,
// not a plain bar end; when one or a few bars dwarf the rest, a second
// panel shows the rest on their own scale.
//
// Charts are built in memory and returned as bytes (PNG; PNG at twice
// the size and SVG on request); the command decides where to write them. Drawing
// changes no global state of gonum/plot: every text style gets this
// package's own font cache, so charts may be rendered concurrently and
// alongside other plots.
//
// The bundled fonts (Liberation) have no Chinese glyphs. When a label holds
// Chinese, Japanese or Korean characters, pass a font parsed with LoadFont
// (the command tries FontCandidates in turn); Render refuses to draw them
// as blanks and returns ErrNoCJKFont instead.
package charts

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"pledgewatch/analysis"
	"pledgewatch/analysis/lang"
)

// Chart is one rendered chart. Its PNG is drawn by Render; the same
// chart at twice the size and as SVG are drawn when asked for, so that a
// caller can draw them while it writes other files.
type Chart struct {
	// Name is the file name, such as "pledges-by-investor.png": lower-case
	// ASCII letters, digits and hyphens, then ".png".
	Name  string
	Title string
	PNG   []byte // Options.Width x Options.Height pixels

	spec *spec
	// layout is the chart as laid out for its PNG, replayed for the
	// other files where their page has the same size in points.
	layout *layout
	w, h   int
	font   *Font
	// pool holds the drawing slots of one Render: a chart's files are
	// drawn on request as many at a time as there are cores, each in its
	// slot's scratch memory, so that a caller may ask for every chart's
	// files at once, beside other work, without holding an image of each
	// in memory.
	pool *drawPool
}

// slot waits for a drawing slot and returns its scratch memory and the
// function that frees it, which counts the file drawn.
func (c Chart) slot() (*scratch, func()) {
	if c.pool == nil {
		return nil, func() {}
	}
	s := c.pool.take()
	return s, func() {
		c.pool.drawn()
		c.pool.give(s)
	}
}

// PNG2x draws the chart at twice the width and height of its PNG: the
// same layout, at twice the resolution.
func (c Chart) PNG2x() ([]byte, error) {
	if c.spec == nil {
		return nil, errors.New("draw chart: not made by Render")
	}
	s, free := c.slot()
	defer free()
	d := newDrawer(2*c.w, 2*c.h, c.font)
	d.scratch = s
	out, err := d.renderFrom(c.layout, c.spec, formatPNG)
	if err != nil {
		return nil, fmt.Errorf("render chart %s at twice the size: %w", c.spec.name, err)
	}
	return out, nil
}

// SVG draws the chart as SVG, the size of its PNG in points at 96 dpi
// (900 points wide for 1200 pixels). Text stays text, in the font's
// family ("Noto Sans CJK SC", "Liberation Sans"): it shows wherever the
// viewer has that font, and the font itself is not embedded.
func (c Chart) SVG() ([]byte, error) {
	if c.spec == nil {
		return nil, errors.New("draw chart: not made by Render")
	}
	_, free := c.slot()
	defer free()
	out, err := newDrawer(c.w, c.h, c.font).renderFrom(c.layout, c.spec, formatSVG)
	if err != nil {
		return nil, fmt.Errorf("render chart %s as svg: %w", c.spec.name, err)
	}
	// The input reader refuses control characters; a caller that built
	// the report itself may still pass them, and XML cannot hold them.
	return analysis.ReplaceControls(out), nil
}

// File is one file of a chart: its name, and a function that draws its
// content.
type File struct {
	Name string
	Draw func() ([]byte, error)
}

// Files returns the chart's files: Name with the PNG, "name@2x.png" with
// the PNG at twice the size, and "name.svg" with the SVG.
func (c Chart) Files() []File {
	names := fileNames(c.Name)
	return []File{
		{names[0], func() ([]byte, error) { return c.PNG, nil }},
		{names[1], c.PNG2x},
		{names[2], c.SVG},
	}
}

// fileNames are the names of the files of the chart whose PNG is named
// png, in the order of Chart.Files.
func fileNames(png string) [3]string {
	base := strings.TrimSuffix(png, ".png")
	return [3]string{png, base + "@2x.png", base + ".svg"}
}

// Files returns the files of the planned charts, as Chart.Files names
// them, in Render's order, before the charts are drawn: each draws its
// content from the charts drawn returns, a call that may wait for Render
// (drawn is called once per file, and must return Render's charts of this
// plan every time).
func (p *Plan) Files(drawn func() ([]Chart, error)) []File {
	files := make([]File, 0, 3*len(p.specs))
	for i, s := range p.specs {
		for j, name := range fileNames(s.name + ".png") {
			files = append(files, File{name, func() ([]byte, error) {
				cs, err := drawn()
				if err != nil {
					return nil, err
				}
				if len(cs) != len(p.specs) || cs[i].Name != s.name+".png" {
					return nil, fmt.Errorf("draw chart %s: not drawn from this plan", name)
				}
				return cs[i].Files()[j].Draw()
			}})
		}
	}
	return files
}

// Options steers Render. The zero value draws 1200x700 pixel charts with
// the bundled Liberation fonts.
type Options struct {
	// Width and Height are the image size in pixels; zero means 1200x700.
	// The layout is set out for a 900-point-wide page and scaled to
	// Width, so a wider image is the same chart at a higher resolution.
	Width, Height int
	// Font draws all text when set; it is required when a label holds
	// Chinese, Japanese or Korean characters. Nil means Liberation Sans.
	Font *Font
	// Lang words the titles built as findings, and writes the axes,
	// legends and fixed labels; nil means English.
	Lang *lang.Printer
}

// Default image size in pixels.
const (
	DefaultWidth  = 1200
	DefaultHeight = 700
)

// Plan is the charts of a report, worked out but not drawn: Plan.NeedsCJK
// says which font they need, and Plan.Render draws them, so that the work
// of finding what to chart is done once.
type Plan struct{ specs []spec }

// PlanCharts works out the charts of r.
func PlanCharts(r *analysis.Report) *Plan {
	if r == nil {
		return &Plan{}
	}
	return &Plan{specs: build(r)}
}

// NeedsCJK reports whether any text of the planned charts holds Han,
// Hiragana, Katakana or Hangul characters, which the default fonts cannot
// draw.
func (p *Plan) NeedsCJK() bool { return specsNeedCJK(p.specs) }

// Names returns the file names of the planned charts' PNGs, in the order
// Render draws them ("pledges-by-investor.png"); Chart.Files names the
// rest of each chart's files.
func (p *Plan) Names() []string {
	names := make([]string, len(p.specs))
	for i, s := range p.specs {
		names[i] = s.name + ".png"
	}
	return names
}

// Render draws every chart of analysis.Catalogue drawn as a picture that
// the report has data for, in the catalogue's order; a chart drawn once
// per series, once for each of them in the report's order. A chart
// without data is left out (the history of totals needs two reports).
// The same report and options give byte-identical files.
func Render(r *analysis.Report, opt Options) ([]Chart, error) {
	if r == nil {
		return nil, errors.New("render charts: no report")
	}
	return PlanCharts(r).Render(opt)
}

// Render draws the planned charts; see the function Render.
func (p *Plan) Render(opt Options) ([]Chart, error) {
	w, h := opt.Width, opt.Height
	if w == 0 && h == 0 {
		w, h = DefaultWidth, DefaultHeight
	}
	if w < 300 || h < 200 || w > 20000 || h > 20000 {
		return nil, fmt.Errorf("render charts: size %dx%d pixels is out of range; use at least 300x200, such as 1200x700", w, h)
	}
	specs := localise(p.specs, opt.Lang)
	if opt.Font == nil && specsNeedCJK(specs) {
		return nil, ErrNoCJKFont
	}
	// Charts are independent: draw them on every core, each worker with
	// its own drawer, and keep the order of specs.
	out := make([]Chart, len(specs))
	errs := make([]error, len(specs))
	// Each chart's PNG at twice the size and its SVG are drawn on
	// request.
	pool := newDrawPool(runtime.GOMAXPROCS(0), 2*len(specs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(specs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			d := newDrawer(w, h, opt.Font)
			d.scratch = pool.take()
			defer pool.give(d.scratch)
			pw, ph := d.imagePage()
			for i := range next {
				var png []byte
				l, err := d.layOut(&specs[i], pw, ph)
				if err == nil {
					png, err = d.renderLayout(l, formatPNG)
				}
				out[i], errs[i] = Chart{Name: specs[i].name + ".png", Title: specs[i].title, PNG: png,
					spec: &specs[i], layout: l, w: w, h: h, font: opt.Font, pool: pool}, err
			}
		}()
	}
	for i := range specs {
		next <- i
	}
	close(next)
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("render chart %s: %w", specs[i].name, err)
		}
	}
	return out, nil
}

// NeedsCJK reports whether any text of the report's charts (labels,
// titles, notes, sources) holds Han, Hiragana, Katakana or Hangul
// characters, which the default fonts cannot draw.
func NeedsCJK(r *analysis.Report) bool {
	if r == nil {
		return false
	}
	return PlanCharts(r).NeedsCJK()
}

// texts are the texts a chart writes but its sources: title, subtitle,
// notes, legend, panel headings and axes, bar labels and values.
func (s *spec) texts() []string {
	out := append([]string{s.title, s.subtitle}, s.notes...)
	for _, l := range s.legend {
		out = append(out, l.text)
	}
	for _, p := range s.panels() {
		out = append(out, p.heading, p.axis)
		for _, b := range p.bars {
			out = append(out, b.label, b.text)
		}
	}
	return out
}

func specsNeedCJK(specs []spec) bool {
	for i := range specs {
		s := &specs[i]
		if s.moreCJK {
			return true
		}
		for _, t := range append(s.texts(), s.sources...) {
			if hasCJK(t) {
				return true
			}
		}
	}
	return false
}

func hasCJK(s string) bool {
	for _, r := range s {
		if r >= utf8.RuneSelf && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) {
			return true
		}
	}
	return false
}

// sanitise turns a text into a file name part: lower-case ASCII letters
// and digits joined by single hyphens, accents dropped ("Zürich" gives
// "zurich"), other characters (Chinese included) taken as separators, at
// most maxNameLen characters, cut at a hyphen. It may return "".
func sanitise(s string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
		case r >= 'A' && r <= 'Z':
			r += 'a' - 'A'
		default:
			hyphen = b.Len() > 0
			continue
		}
		if hyphen {
			b.WriteByte('-')
			hyphen = false
		}
		b.WriteRune(r)
	}
	out := b.String()
	if len(out) > maxNameLen {
		out = out[:maxNameLen]
		if i := strings.LastIndexByte(out, '-'); i > maxNameLen/2 {
			out = out[:i]
		}
		out = strings.TrimRight(out, "-")
	}
	return out
}
