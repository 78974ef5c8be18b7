package charts

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"

	"pledgewatch/analysis"
)

// allSpecs builds the charts of every test dataset.
func allSpecs() map[string][]spec {
	return map[string][]spec{
		"sample": build(sampleReport()),
		"latin":  build(latinReport()),
		"stress": build(stressReport()),
	}
}

// TestOneMeasurePerPanel: every bar of a panel measures the same thing,
// so no axis sets growth beside shares, or money beside counts.
func TestOneMeasurePerPanel(t *testing.T) {
	for set, specs := range allSpecs() {
		for _, s := range specs {
			for k, p := range s.panels() {
				for _, b := range p.bars {
					if b.measure == "" {
						t.Errorf("%s/%s panel %d: bar %q has no measure", set, s.name, k, b.label)
					}
					if b.measure != p.bars[0].measure {
						t.Errorf("%s/%s panel %d mixes %q (%s) with %q (%s)", set, s.name, k,
							p.bars[0].measure, p.bars[0].label, b.measure, b.label)
					}
				}
			}
		}
	}
}

// TestSurveyMeasures: survey shares are one survey's to a chart, growth
// rates are not drawn beside them, and the sample's make-up is stated in
// a note, not drawn.
func TestSurveyMeasures(t *testing.T) {
	in := latinInputs()
	in.Metrics = append(in.Metrics,
		metric("Hong Kong companies (HKPC survey)", "share of respondents that are SMEs", "2023-11", "75%", "actual", "SCMP", "2023-11-20"),
		metric("Hong Kong companies (HKPC survey)", "share of respondents that are large firms", "2023-11", "25%", "actual", "SCMP", "2023-11-20"),
		metric("Hong Kong companies (HKPC survey)", "revenue growth", "2023-11", "12%", "actual", "SCMP", "2023-11-20"))
	r, probs := analysis.Build(in, analysis.Options{})
	if probs.HasErrors() {
		t.Fatal(probs.Err())
	}
	var survey, growth *spec
	specs := build(r)
	for i := range specs {
		switch specs[i].name {
		case "survey-percentages-hong-kong-companies-hkpc-survey":
			survey = &specs[i]
		case "growth-rates":
			growth = &specs[i]
		}
	}
	if survey == nil || growth == nil {
		t.Fatalf("no survey or growth chart among %d", len(specs))
	}
	for _, b := range survey.bars {
		if strings.Contains(b.label, "respondents") || strings.Contains(b.label, "growth") {
			t.Errorf("survey chart draws %q", b.label)
		}
		if b.measure != "share % of Hong Kong companies (HKPC survey)" {
			t.Errorf("survey bar %q measures %q", b.label, b.measure)
		}
	}
	want := "Respondents: 75% SMEs, 25% large firms (the sample's make-up, not a finding; not drawn)."
	if !slices.Contains(survey.notes, want) {
		t.Errorf("survey notes %q, want %q", survey.notes, want)
	}
	if !survey.shares || growth.shares {
		t.Errorf("0-100%% axis: survey %v, growth %v", survey.shares, growth.shares)
	}
	labels := barLabels(growth.bars)
	if !slices.Contains(labels, "Hong Kong companies (HKPC survey): revenue growth (2023-11)") {
		t.Errorf("growth labels %q", labels)
	}
}

// TestBoundsDrawn: a figure that is a bound ends in a bound marker, and
// a bar without one is no bound; a lower bound at the top of its range
// leaves room on the axis for its arrow.
func TestBoundsDrawn(t *testing.T) {
	marks := 0
	for set, specs := range allSpecs() {
		for _, s := range specs {
			for _, p := range s.panels() {
				for _, b := range p.bars {
					first := strings.Fields(b.text + " x")[0]
					want := boundNone
					switch first {
					case ">", "≥":
						want = boundLower
					case "<", "≤":
						want = boundUpper
					}
					if b.bound != want {
						t.Errorf("%s/%s: bar %q reading %q has bound %d, want %d", set, s.name, b.label, b.text, b.bound, want)
					}
					if b.bound != boundNone {
						marks++
						if !slices.ContainsFunc(s.legend, func(l legendItem) bool { return l.bound == b.bound }) {
							t.Errorf("%s/%s: bound marker with no key in the legend", set, s.name)
						}
					}
				}
				_, hi, _ := valueRange(&p)
				for _, b := range p.bars {
					if b.bound == boundLower && b.value/p.scale >= hi {
						t.Errorf("%s/%s: lower bound %q ends at the axis edge %g", set, s.name, b.text, hi)
					}
				}
			}
		}
	}
	if marks == 0 {
		t.Fatal("no bound in the test data")
	}

	// "More than 100%" growth on its own axis, which goes past 100%.
	p := panel{scale: 1, percent: true, bars: []bar{
		{value: 100, bound: boundLower, measure: measureGrowth}, {value: 7, measure: measureGrowth}}}
	if _, hi, _ := valueRange(&p); hi <= 100 {
		t.Errorf("growth axis ends at %g: the open end of more than 100%% is cut", hi)
	}
}

// TestBoundMarkerDrawn: the arrow of a lower bound is drawn past the end
// of the bar, in the bar's colour.
func TestBoundMarkerDrawn(t *testing.T) {
	mk := func(b bound) []byte {
		s := &spec{name: "b", title: "Bound"}
		s.horizontal, s.scale, s.axis = true, 1, "Count"
		s.bars = []bar{{label: "A", value: 50, text: "50", bound: b, measure: measureCount}}
		png, err := newDrawer(DefaultWidth, DefaultHeight, nil).draw(s)
		if err != nil {
			t.Fatal(err)
		}
		return png
	}
	// overhang is how far the bar's colour reaches past where it reaches
	// in the bar's top row: the tip of an arrow.
	overhang := func(data []byte) int {
		img := decode(t, Chart{Name: "b.png", PNG: data})
		r0, g0, b0, _ := colTones[toneMain].RGBA()
		top, far := -1, -1
		b := img.Bounds()
		for y := b.Min.Y; y < b.Max.Y; y++ {
			row := -1
			for x := b.Min.X; x < b.Max.X; x++ {
				if r, g, bl, _ := img.At(x, y).RGBA(); r == r0 && g == g0 && bl == b0 {
					row = x
				}
			}
			if row >= 0 && top < 0 {
				top = row
			}
			far = max(far, row)
		}
		return far - top
	}
	if plain, lower := overhang(mk(boundNone)), overhang(mk(boundLower)); plain > 1 || lower < 8 {
		t.Errorf("the bar's colour reaches %d pixels past its top row with a lower bound, %d without: want an arrow only on the bound", lower, plain)
	}
}

// TestTitlesFromData: titles state findings computed from the data, so a
// different dataset gives different titles.
func TestTitlesFromData(t *testing.T) {
	titles := func(r *analysis.Report) map[string]string {
		out := map[string]string{}
		for _, s := range build(r) {
			out[s.name] = s.title
		}
		return out
	}
	a := titles(latinReport())
	r := latinReport()
	var alibaba, sum float64
	for _, g := range r.ByInvestor {
		sum += g.Total
		if g.Key == "Alibaba Group" {
			alibaba = g.Total
		}
	}
	want := fmt.Sprintf("Alibaba Group accounts for %.0f%% of stated AI pledges", math.Round(alibaba/sum*100))
	if a["pledges-by-investor"] != want {
		t.Errorf("investor title %q, want %q", a["pledges-by-investor"], want)
	}

	// The same pledges with Alibaba's left out, and a Hong Kong scheme
	// and a survey figure changed.
	in := latinInputs()
	var kept []analysis.Pledge
	for _, p := range in.Pledges {
		if p.Investor != "Alibaba Group" {
			kept = append(kept, p)
		}
	}
	kept = append(kept, pledge("2025-09-10", "Hong Kong Government", "government", "AI Fund", "HK$20 billion", "AI", "Hong Kong", "SCMP", "2025-09-10"))
	in.Pledges = kept
	for i := range in.Metrics {
		if in.Metrics[i].Metric == "share that found AI improved productivity" {
			in.Metrics[i].Value = 71
		}
	}
	r2, probs := analysis.Build(in, analysis.Options{AsOf: day("2025-09-30")})
	if probs.HasErrors() {
		t.Fatal(probs.Err())
	}
	b := titles(r2)
	// Every picture of groups or pledges, and the survey whose figure
	// changed.
	names := []string{analysis.ChartOf(analysis.ChartSurveys).Name + "-hong-kong-companies-hkpc-survey"}
	for _, c := range analysis.Catalogue() {
		if c.DrawnBy(analysis.Picture) && (c.Groups != nil || c.Pledges != nil) {
			names = append(names, c.Name)
		}
	}
	for _, name := range names {
		if a[name] == "" || b[name] == "" {
			t.Errorf("%s: titles %q and %q", name, a[name], b[name])
			continue
		}
		if a[name] == b[name] {
			t.Errorf("%s: the same title %q for different data", name, a[name])
		}
	}
	if !strings.HasPrefix(b["pledges-by-investor"], "Tencent leads stated AI pledges with ") {
		t.Errorf("investor title without Alibaba %q", b["pledges-by-investor"])
	}
}

// TestScope: the subtitle says the figures are cumulative since the first
// pledge, and whether anything was announced in the report month.
func TestScope(t *testing.T) {
	r := latinReport() // cut-off 2025-09-30; pledges from 2022
	if got, want := scope(r).Text, "cumulative since 2022; as of 2025-09-30; 4 new pledges announced in September 2025"; got != want {
		t.Errorf("scope %q, want %q", got, want)
	}
	r, _ = analysis.Build(latinInputs(), analysis.Options{AsOf: day("2025-10-31")})
	if got, want := scope(r).Text, "cumulative since 2022; as of 2025-10-31; nothing new announced in October 2025"; got != want {
		t.Errorf("scope %q, want %q", got, want)
	}
}

// TestDwarfedRest: when one investor dwarfs the rest, a second panel
// shows the rest on their own scale, and investors with no stated amount
// are counted in a note, not drawn.
func TestDwarfedRest(t *testing.T) {
	in := analysis.Inputs{Rates: latinInputs().Rates, Pledges: []analysis.Pledge{
		pledge("2025-02-24", "Alibaba", "company", "Cloud", "US$50 billion", "cloud computing", "Mainland China", "CNA", "2025-02-24"),
		pledge("2024-10-16", "Hong Kong Government", "government", "I&T fund", "US$1.3 billion", "innovation", "Hong Kong", "SCMP", "2024-10-16"),
		pledge("2024-12-20", "Alibaba Entrepreneurs Fund", "fund", "HK fund", "US$150 million", "healthcare; retail; finance", "Hong Kong", "Star Daily", "2024-12-20"),
		pledge("2024-12-20", "Huawei", "company", "Chips", "undisclosed", "AI chips", "Mainland China", "Star Daily", "2024-12-20"),
	}}
	r, probs := analysis.Build(in, analysis.Options{})
	if probs.HasErrors() {
		t.Fatal(probs.Err())
	}
	s, ok := investorSpec(r, newCitations(r.Pledges))
	if !ok || len(s.more) != 1 {
		t.Fatalf("investor chart %v with %d more panels", ok, len(s.more))
	}
	if got := barLabels(s.bars); !slices.Equal(got, []string{"Alibaba", "All 2 other investors"}) {
		t.Errorf("first panel %q", got)
	}
	if got := barLabels(s.more[0].bars); !slices.Equal(got, []string{"Hong Kong Government", "Alibaba Entrepreneurs Fund"}) {
		t.Errorf("second panel %q", got)
	}
	_, hi0, _ := valueRange(&s.panel)
	_, hi1, _ := valueRange(&s.more[0])
	if hi1*s.more[0].scale > hi0*s.scale/10 {
		t.Errorf("second panel's axis runs to %g, the first's to %g: the rest are not on their own scale", hi1*s.more[0].scale, hi0*s.scale)
	}
	if !slices.Contains(s.notes, "Not drawn, no amount stated: 1 investor (Huawei).") {
		t.Errorf("notes %q", s.notes)
	}
	if s.title != "Alibaba accounts for 97% of stated AI pledges" {
		t.Errorf("title %q", s.title)
	}

	// The sector chart tells the assumed equal split from stated amounts.
	sec, ok := sectorSpec(r, newCitations(r.Pledges))
	if !ok {
		t.Fatal("no sector chart")
	}
	for _, p := range sec.panels() {
		for _, b := range p.bars {
			split := b.label == "healthcare" || b.label == "retail" || b.label == "finance"
			if split && math.Abs(b.assumed-50e6) > 1 || !split && !strings.HasPrefix(b.label, "All ") && b.assumed != 0 {
				t.Errorf("sector %q: assumed %g of %g", b.label, b.assumed, b.value)
			}
		}
	}
}

// TestYearsApproximate: a year holding a pledge whose date is not stated
// by its source is marked, with a note.
func TestYearsApproximate(t *testing.T) {
	r := latinReport()
	for i := range r.Pledges {
		if r.Pledges[i].Counted && r.Pledges[i].Announced.Year() == 2024 {
			r.Pledges[i].Approximate = true
			break
		}
	}
	s, ok := yearSpec(r, newCitations(r.Pledges))
	if !ok {
		t.Fatal("no year chart")
	}
	if got := barLabels(s.bars); !slices.Equal(got, []string{"2022", "2024*", "2025"}) {
		t.Errorf("years %q", got)
	}
	if !slices.ContainsFunc(s.notes, func(n string) bool { return strings.HasPrefix(n, "* 1 pledge is dated by another record") }) {
		t.Errorf("notes %q", s.notes)
	}
	total := 0.0
	for _, b := range s.bars {
		total += b.value
	}
	if int(total) != r.Total.Count {
		t.Errorf("bars count %g pledges, the report %d", total, r.Total.Count)
	}
}

// TestTruncateWords: a label too long for its lines is cut after a word,
// never inside one.
func TestTruncateWords(t *testing.T) {
	sty := newDrawer(DefaultWidth, DefaultHeight, nil).style(labelSize, colText, false)
	s := "Hong Kong Science and Technology Parks Corporation"
	for _, w := range []float64{60, 120, 200, 260} {
		got := truncate(sty, s, vg.Length(w))
		head := strings.TrimSuffix(got, "…")
		if !strings.HasSuffix(got, "…") || !strings.HasPrefix(s, head) || len(head) < len(s) && s[len(head)] != ' ' {
			t.Errorf("width %g: %q cuts a word", w, got)
		}
	}
}

// TestTrendCurrency: a series in another currency than the report's says
// so, since its bars are not converted.
func TestTrendCurrency(t *testing.T) {
	r, probs := analysis.Build(latinInputs(), analysis.Options{Currency: "HKD"})
	if probs.HasErrors() {
		t.Fatal(probs.Err())
	}
	for _, s := range build(r) {
		if s.name != "trend-alibaba-tencent-baidu-and-jd-com-ai-capital-expenditure-combined" {
			continue
		}
		if s.axis != "US$ billion" || !slices.Contains(s.notes, "In USD as the source gives them, not converted into the report's HKD: a series keeps one currency.") {
			t.Errorf("axis %q, notes %q", s.axis, s.notes)
		}
		return
	}
	t.Fatal("no capex trend")
}
