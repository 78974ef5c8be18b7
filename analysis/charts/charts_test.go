package charts

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/png"
	"regexp"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/plot"

	"pledgewatch/analysis"
)

var nameRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*\.png$`)

func decode(t *testing.T, c Chart) image.Image {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(c.PNG))
	if err != nil {
		t.Fatalf("%s: %v", c.Name, err)
	}
	return img
}

func names(cs []Chart) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Name)
	}
	return out
}

func TestRender(t *testing.T) {
	f := cjkFont(t)
	before := plot.DefaultFont
	cs, err := Render(sampleReport(), Options{Font: f})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"pledges-by-investor.png",
		"fund-size-by-sector.png",
		"pledges-by-year.png",
		"hong-kong-vs-mainland-china.png",
		"pledges-with-and-without-amount.png",
		"trend-alibaba-group-revenue.png",
		"trend-alibaba-tencent-baidu-and-jd-com-ai-capital-expenditure-combined.png",
		"hong-kong-public-vs-private.png",
		"hong-kong-public-schemes.png",
		"survey-percentages-hong-kong-companies-hkpc-survey.png",
		"survey-percentages-group-2.png", // the entity 中国企业 has no ASCII letters
		"growth-rates.png",               // growth is not a share: a chart of its own
	}
	if got := names(cs); !slices.Equal(got, want) {
		t.Fatalf("charts\n got %q\nwant %q", got, want)
	}
	if planned := PlanCharts(sampleReport()).Names(); !slices.Equal(planned, want) {
		t.Errorf("planned charts\n got %q\nwant %q", planned, want)
	}
	for _, c := range cs {
		if !nameRE.MatchString(c.Name) {
			t.Errorf("name %q is not sanitised", c.Name)
		}
		if c.Title == "" {
			t.Errorf("%s: no title", c.Name)
		}
		b := decode(t, c).Bounds()
		if b.Dx() != DefaultWidth || b.Dy() != DefaultHeight {
			t.Errorf("%s: %dx%d pixels, want %dx%d", c.Name, b.Dx(), b.Dy(), DefaultWidth, DefaultHeight)
		}
	}
	if plot.DefaultFont != before {
		t.Errorf("Render changed plot.DefaultFont to %v", plot.DefaultFont)
	}
}

func TestRenderSize(t *testing.T) {
	for _, sz := range [][2]int{{1600, 900}, {800, 500}} {
		cs, err := Render(latinReport(), Options{Width: sz[0], Height: sz[1]})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cs {
			if b := decode(t, c).Bounds(); b.Dx() != sz[0] || b.Dy() != sz[1] {
				t.Errorf("%s: %dx%d pixels, want %dx%d", c.Name, b.Dx(), b.Dy(), sz[0], sz[1])
			}
		}
	}
	if _, err := Render(latinReport(), Options{Width: 100, Height: 50}); err == nil {
		t.Error("100x50 pixels: no error")
	}
	// The layout scales with the width: a strip too flat for it is refused.
	if _, err := Render(latinReport(), Options{Width: 1200, Height: 250}); err == nil || !strings.Contains(err.Error(), "taller") {
		t.Errorf("1200x250 pixels: err = %v", err)
	}
}

// TestDeterministic renders twice: same report, same bytes.
func TestDeterministic(t *testing.T) {
	f := cjkFont(t)
	a, err := Render(sampleReport(), Options{Font: f})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Render(sampleReport(), Options{Font: f})
	if err != nil {
		t.Fatal(err)
	}
	if len(a) != len(b) {
		t.Fatalf("%d charts, then %d", len(a), len(b))
	}
	for i := range a {
		fa, fb := a[i].Files(), b[i].Files()
		for k := range fa {
			da, errA := fa[k].Draw()
			db, errB := fb[k].Draw()
			if errA != nil || errB != nil {
				t.Fatalf("%s: %v, %v", fa[k].Name, errA, errB)
			}
			if fa[k].Name != fb[k].Name || !bytes.Equal(da, db) {
				t.Errorf("chart %d (%s) differs between two renders", i, fa[k].Name)
			}
		}
	}
}

func TestMissingCJKFont(t *testing.T) {
	r := sampleReport()
	if !NeedsCJK(r) {
		t.Fatal("NeedsCJK = false for a report with Chinese investor names")
	}
	_, err := Render(r, Options{})
	if !errors.Is(err, ErrNoCJKFont) {
		t.Fatalf("err = %v, want ErrNoCJKFont", err)
	}
	const want = "chart labels contain Chinese characters but no CJK font was found; install one (Debian/Ubuntu: apt-get install fonts-noto-cjk) or pass --font PATH"
	if err.Error() != want {
		t.Errorf("err = %q\nwant  %q", err, want)
	}

	if NeedsCJK(latinReport()) {
		t.Error("NeedsCJK = true for a report in English")
	}
	if _, err := Render(latinReport(), Options{}); err != nil {
		t.Errorf("English report with the default font: %v", err)
	}
}

// TestNeedsCJKSources: a Chinese source name alone needs the CJK font too.
func TestNeedsCJKSources(t *testing.T) {
	in := latinInputs()
	in.Pledges[0].Source = "新华社"
	r, _ := analysis.Build(in, analysis.Options{})
	if !NeedsCJK(r) {
		t.Error("NeedsCJK = false with a Chinese source")
	}
	for _, s := range []string{"阿里", "ひらがな", "カタカナ", "한국어"} {
		if !hasCJK(s) {
			t.Errorf("hasCJK(%q) = false", s)
		}
	}
	for _, s := range []string{"Zürich", "≥ US$1.0B", "CN¥", "…"} {
		if hasCJK(s) {
			t.Errorf("hasCJK(%q) = true", s)
		}
	}
}

// oneInvestor is a report with one pledge whose investor name is Chinese
// and everything else in English.
func oneInvestor() *analysis.Report {
	in := analysis.Inputs{Pledges: []analysis.Pledge{
		pledge("2024-12-20", "阿里巴巴创业者基金", "fund", "AI fund", "US$0.15 billion", "healthcare", "Mainland China", "Star Daily", "2024-12-20"),
	}}
	r, _ := analysis.Build(in, analysis.Options{})
	return r
}

// labelInk counts dark grey pixels (text) left of the first bar, in the
// rows of that bar: the category label's area.
func labelInk(t *testing.T, img image.Image) int {
	t.Helper()
	b := img.Bounds()
	bar := colTones[toneMain].(color.RGBA)
	// Find the bar: the first pixel of its colour, scanning rows top-down.
	x0, y0, y1 := -1, -1, -1
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if r, g, bl, _ := img.At(x, y).RGBA(); uint8(r>>8) == bar.R && uint8(g>>8) == bar.G && uint8(bl>>8) == bar.B {
				if y0 < 0 {
					y0, x0 = y, x
				}
				y1 = y
				break
			}
		}
	}
	if y0 < 0 {
		t.Fatal("no bar found")
	}
	ink := 0
	for y := y0 - 5; y <= y1+5; y++ {
		for x := b.Min.X; x < x0-4; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			// Text is grey; the zero line and grid are lighter or thinner
			// than a label, and they lie at or right of the bar's start.
			if r>>8 < 160 && g>>8 < 160 && bl>>8 < 160 {
				ink++
			}
		}
	}
	return ink
}

// TestChineseLabelDrawn draws a chart whose only category label is
// Chinese with the CJK font, and checks the label's area holds text. The
// same chart drawn with the default font (which has no Chinese glyphs,
// and which Render refuses to use for it) shows what the check catches:
// an empty label area.
func TestChineseLabelDrawn(t *testing.T) {
	f := cjkFont(t)
	r := oneInvestor()
	cs, err := Render(r, Options{Font: f})
	if err != nil {
		t.Fatal(err)
	}
	if cs[0].Name != "pledges-by-investor.png" {
		t.Fatalf("first chart %s", cs[0].Name)
	}
	withCJK := labelInk(t, decode(t, cs[0]))

	specs := build(r)
	blank, err := newDrawer(DefaultWidth, DefaultHeight, nil).draw(&specs[0])
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(blank))
	if err != nil {
		t.Fatal(err)
	}
	withLiberation := labelInk(t, img)

	t.Logf("dark pixels in the label area: %d with %s, %d with Liberation", withCJK, f.Name(), withLiberation)
	// Nine characters at 14 points leave well over 500 dark pixels.
	if withCJK < 500 {
		t.Errorf("label area has %d dark pixels with the CJK font: the Chinese label was not drawn", withCJK)
	}
	if withLiberation*10 > withCJK {
		t.Errorf("label area has %d dark pixels with Liberation, against %d with the CJK font: the check cannot tell drawn from blank", withLiberation, withCJK)
	}
}

func TestSkipEmpty(t *testing.T) {
	r, _ := analysis.Build(analysis.Inputs{}, analysis.Options{})
	cs, err := Render(r, Options{})
	if err != nil || len(cs) != 0 {
		t.Errorf("empty report: %d charts, %v", len(cs), err)
	}

	// One pledge, of undisclosed amount: no bars to draw, and one pledge
	// is no distribution by year or by disclosure.
	in := analysis.Inputs{Pledges: []analysis.Pledge{
		pledge("2024-12-20", "Zhang Yiming", "individual", "Licence", "undisclosed", "", "Hong Kong", "Star Daily", "2024-12-20"),
	}}
	r, _ = analysis.Build(in, analysis.Options{})
	if cs, err := Render(r, Options{}); err != nil || len(cs) != 0 {
		t.Errorf("undisclosed only: charts %q, %v", names(cs), err)
	}
}

func TestSpecs(t *testing.T) {
	specs := build(sampleReport())
	by := map[string]*spec{}
	for i := range specs {
		by[specs[i].name] = &specs[i]
	}

	inv := by["pledges-by-investor"]
	if len(inv.bars) != topGroups+1 || !strings.HasPrefix(inv.bars[topGroups].label, "Others (2 investors)") || inv.bars[topGroups].tone != toneMuted {
		t.Errorf("investor bars: %d, last %+v", len(inv.bars), inv.bars[len(inv.bars)-1])
	}
	if inv.bars[0].label != "Alibaba Group" || inv.bars[0].text != "> US$66.9B" || inv.bars[0].bound != boundLower {
		t.Errorf("first investor bar %+v", inv.bars[0])
	}
	if inv.axis != "US$ billion" || inv.scale != 1e9 {
		t.Errorf("investor axis %q scale %g", inv.axis, inv.scale)
	}
	if !strings.HasPrefix(inv.sources[0], "SCMP 2022-10-19") {
		t.Errorf("investor sources %q", inv.sources)
	}
	// Investors with no amount stated are counted in a note, not drawn.
	for _, b := range inv.bars {
		if b.text == "undisclosed" {
			t.Errorf("investor bar %q drawn with no amount", b.label)
		}
	}
	if !slices.ContainsFunc(inv.notes, func(n string) bool {
		return strings.HasPrefix(n, "Not drawn, no amount stated: 3 investors (") && strings.Contains(n, "Zhang Yiming")
	}) {
		t.Errorf("investor notes %q", inv.notes)
	}

	sec := by["fund-size-by-sector"]
	if want := "cumulative since 2022; as of 2025-09-30; 4 new pledges announced in September 2025"; !strings.HasSuffix(sec.subtitle, want) {
		t.Errorf("sector subtitle %q, want it to end %q", sec.subtitle, want)
	}
	if !slices.ContainsFunc(sec.legend, func(l legendItem) bool { return l.hatched }) {
		t.Errorf("sector legend %+v has no key for assumed splits", sec.legend)
	}

	tr := by["trend-alibaba-tencent-baidu-and-jd-com-ai-capital-expenditure-combined"]
	if tr == nil {
		t.Fatalf("no capex trend among %d charts", len(specs))
	}
	if want := "Alibaba, Tencent, Baidu and JD.com AI capital expenditure (combined): 2025 forecast more than 2.46x the 2023 budget"; tr.title != want {
		t.Errorf("trend title %q, want %q", tr.title, want)
	}
	if want := "US$ billion, 2023 to 2025; CAGR above 56.9% over 2 years"; tr.subtitle != want {
		t.Errorf("trend subtitle %q, want %q", tr.subtitle, want)
	}
	var texts, labels []string
	for _, b := range tr.bars {
		texts, labels = append(texts, b.text), append(labels, b.label)
	}
	if want := []string{"< US$13.0B", "US$22.0B", "US$32.0B"}; !slices.Equal(texts, want) {
		t.Errorf("trend value labels %q, want %q", texts, want)
	}
	if want := []string{"2023 (budget)", "2024", "2025 (forecast)"}; !slices.Equal(labels, want) {
		t.Errorf("trend period labels %q, want %q", labels, want)
	}

	hk := by["hong-kong-public-vs-private"]
	if hk.bars[0].label != "Public schemes" || hk.bars[1].label != "Private funds and companies" ||
		hk.bars[0].text != "≥ US$2.3B\n6 pledges (1 not stated)" {
		t.Errorf("Hong Kong bars %+v", hk.bars)
	}

	sv := by["survey-percentages-hong-kong-companies-hkpc-survey"]
	texts = nil
	for _, b := range sv.bars {
		texts = append(texts, b.text)
	}
	// Levels only, largest first; the +8% change is left out.
	if want := []string{"66%", "> 50%", "41%"}; !slices.Equal(texts, want) {
		t.Errorf("survey values %q, want %q", texts, want)
	}
	if sv.bars[0].label != "Share that found AI improved productivity" {
		t.Errorf("survey label %q", sv.bars[0].label)
	}
	if want := "Hong Kong companies (HKPC survey): share that found AI improved productivity at 66%"; sv.title != want {
		t.Errorf("survey title %q, want %q", sv.title, want)
	}

	gr := by["growth-rates"]
	labels = nil
	for _, b := range gr.bars {
		labels = append(labels, b.label)
	}
	// Every growth rate, written as a level or with a sign.
	want := []string{"Alibaba Group: AI-related product revenue growth (YoY) (FY2026Q1)", "Hong Kong companies (HKPC survey): growth of AI budgets (2023-11)", "Hong Kong start-ups: annual growth (2024)"}
	if !slices.Equal(labels, want) || gr.shares {
		t.Errorf("growth rates: %q (shares axis %v), want %q", labels, gr.shares, want)
	}
	if gr.bars[0].bound != boundLower {
		t.Errorf("\"more than 100%%\" growth drawn as %+v", gr.bars[0])
	}
}

func TestSanitise(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Alibaba, Tencent, Baidu and JD.com AI capital expenditure (combined)", "alibaba-tencent-baidu-and-jd-com-ai-capital-expenditure-combined"},
		{"../../etc/passwd", "etc-passwd"},
		{`C:\Windows\..\x`, "c-windows-x"},
		{"Zürich Café", "zurich-cafe"},
		{"阿里巴巴创业者基金", ""},
		{"阿里云 AI revenue", "ai-revenue"},
		{"--", ""},
		{strings.Repeat("abcdefghi ", 20), strings.TrimSuffix(strings.Repeat("abcdefghi-", 8), "-")},
	} {
		got := sanitise(c.in)
		if got != c.want {
			t.Errorf("sanitise(%q) = %q, want %q", c.in, got, c.want)
		}
		if len(got) > maxNameLen {
			t.Errorf("sanitise(%q) is %d long", c.in, len(got))
		}
	}
}

func TestUniqueNames(t *testing.T) {
	ss := []spec{{name: "a"}, {name: "a"}, {name: "a-2"}, {name: "a"}}
	uniqueNames(ss)
	var got []string
	for _, s := range ss {
		got = append(got, s.name)
	}
	if want := []string{"a", "a-2", "a-2-2", "a-3"}; !slices.Equal(got, want) {
		t.Errorf("names %q, want %q", got, want)
	}
}

func TestFitSources(t *testing.T) {
	d := newDrawer(DefaultWidth, DefaultHeight, nil)
	sty := d.style(sourceSize, colNote, false)
	var many []string
	for i := range 40 {
		many = append(many, "A rather long publication name "+strings.Repeat("x", i%7)+" 2025-01-01")
	}
	lines := fitSources(sty, many, 0, 600, 2)
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "Sources: ") || !regexp.MustCompile(`; and \d+ more$`).MatchString(lines[1]) {
		t.Errorf("lines %q", lines)
	}
	for _, l := range lines {
		if w := sty.Width(l); w > 600 {
			t.Errorf("line %q is %v wide", l, w)
		}
	}
	if got := fitSources(sty, []string{"CNA 2025-02-24"}, 0, 600, 2); !slices.Equal(got, []string{"Source: CNA 2025-02-24"}) {
		t.Errorf("one source: %q", got)
	}
}

func TestWrap(t *testing.T) {
	f := cjkFont(t)
	d := newDrawer(DefaultWidth, DefaultHeight, f)
	sty := d.style(14, colText, false)
	// Chinese breaks between characters; no line is wider than asked.
	lines := wrap(sty, "使用生成式人工智能的企业比例 share of firms", 80)
	if len(lines) < 3 {
		t.Errorf("lines %q", lines)
	}
	for _, l := range lines {
		if sty.Width(l) > 80 {
			t.Errorf("line %q is %v wide", l, sty.Width(l))
		}
	}
	if got := strings.Join(lines, ""); strings.ReplaceAll(got, " ", "") != "使用生成式人工智能的企业比例shareoffirms" {
		t.Errorf("lost text: %q", got)
	}
	cut := fitLines(sty, "share of firms reporting an outcome of the adoption of AI tools", 120, 2)
	if len(cut) != 2 || !strings.HasSuffix(cut[1], "…") {
		t.Errorf("fitLines %q", cut)
	}
}

func TestNiceTicks(t *testing.T) {
	var got []string
	for _, tk := range (niceTicks{suffix: "%"}).Ticks(0, 100) {
		got = append(got, tk.Label)
	}
	if want := []string{"0%", "20%", "40%", "60%", "80%", "100%"}; !slices.Equal(got, want) {
		t.Errorf("ticks %q, want %q", got, want)
	}
	got = nil
	for _, tk := range (niceTicks{}).Ticks(0, 2.5) {
		got = append(got, tk.Label)
	}
	if want := []string{"0.0", "0.5", "1.0", "1.5", "2.0", "2.5"}; !slices.Equal(got, want) {
		t.Errorf("ticks %q, want %q", got, want)
	}
}

// BenchmarkChart times each chart of the sample report, with the CJK font
// and (the report in English) with the default font.
func BenchmarkChart(b *testing.B) {
	f := cjkFont(b)
	for _, c := range []struct {
		font string
		r    *analysis.Report
		f    *Font
	}{{"cjk", sampleReport(), f}, {"liberation", latinReport(), nil}} {
		specs := build(c.r)
		d := newDrawer(DefaultWidth, DefaultHeight, c.f)
		for i := range specs {
			b.Run(c.font+"/"+specs[i].name, func(b *testing.B) {
				for b.Loop() {
					if _, err := d.draw(&specs[i]); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// TestConcurrent renders from several goroutines sharing one Font: the
// package keeps no mutable global state (run with -race).
func TestConcurrent(t *testing.T) {
	f := cjkFont(t)
	want, err := Render(sampleReport(), Options{Font: f})
	if err != nil {
		t.Fatal(err)
	}
	errs := make(chan error, 3)
	for range 3 {
		go func() {
			got, err := Render(sampleReport(), Options{Font: f})
			if err == nil {
				for i := range got {
					if !bytes.Equal(got[i].PNG, want[i].PNG) {
						err = errors.New(got[i].Name + " differs when rendered concurrently")
						break
					}
				}
			}
			errs <- err
		}()
	}
	for range 3 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

// TestPlanFiles holds the files a plan names before its charts are drawn
// to the charts' own files, name for name and byte for byte, and has
// them draw the charts once however many files are asked for.
func TestPlanFiles(t *testing.T) {
	plan := PlanCharts(sampleReport())
	f := cjkFont(t)
	calls := 0
	var once []Chart
	drawn := func() ([]Chart, error) {
		calls++
		if once == nil {
			var err error
			if once, err = plan.Render(Options{Font: f}); err != nil {
				return nil, err
			}
		}
		return once, nil
	}
	files := plan.Files(drawn)
	if calls != 0 {
		t.Fatalf("Files drew the charts %d times before a file was asked for", calls)
	}
	cs, err := drawn()
	if err != nil {
		t.Fatal(err)
	}
	var want []File
	for _, c := range cs {
		want = append(want, c.Files()...)
	}
	if len(files) != len(want) {
		t.Fatalf("%d files planned, the charts have %d", len(files), len(want))
	}
	for i := range files {
		if files[i].Name != want[i].Name {
			t.Errorf("file %d is %q, the chart's is %q", i, files[i].Name, want[i].Name)
			continue
		}
		if i%3 == 2 {
			continue // the SVGs: one is enough to read below
		}
		got, err := files[i].Draw()
		if err != nil {
			t.Fatal(err)
		}
		w, err := want[i].Draw()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, w) {
			t.Errorf("%s: the planned file differs from the chart's", files[i].Name)
		}
	}
	if wrong := plan.Files(func() ([]Chart, error) { return nil, nil }); len(wrong) > 0 {
		if _, err := wrong[0].Draw(); err == nil {
			t.Error("a file drawn from charts of another plan was taken")
		}
	}
}
