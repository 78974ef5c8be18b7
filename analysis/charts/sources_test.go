package charts

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"gonum.org/v1/plot/vg"

	"pledgewatch/analysis"
)

// manySources is a report of n counted pledges, each with a source of its
// own made by source; every third is in Hong Kong.
func manySources(tb testing.TB, n int, source func(i int) string) *analysis.Report {
	tb.Helper()
	in := analysis.Inputs{Rates: []analysis.Rate{{Currency: "HKD", PerUSD: 7.80, Date: day("1983-10-17")}}}
	in.Pledges = make([]analysis.Pledge, n)
	for i := range in.Pledges {
		region := "Mainland China"
		if i%3 == 0 {
			region = "Hong Kong"
		}
		in.Pledges[i] = pledge("2025-01-02", fmt.Sprintf("Investor %d", i%40), "company", fmt.Sprintf("Programme %d", i),
			fmt.Sprintf("US$%d million", 10+i%97), "AI", region, source(i), "2025-02-03")
	}
	r, probs := analysis.Build(in, analysis.Options{AsOf: day("2025-09-30")})
	if probs.HasErrors() {
		tb.Fatal(probs.Err())
	}
	return r
}

// plainFitSources fits sources by trying every count of them from all
// down: quadratic, but plainly right. It also returns how many sources it
// shows.
func plainFitSources(sources []string, width vg.Length) ([]string, int) {
	sty := newDrawer(DefaultWidth, DefaultHeight, nil).style(sourceSize, colNote, false)
	prefix := "Source: "
	if len(sources) > 1 {
		prefix = "Sources: "
	}
	for k := len(sources); k >= 1; k-- {
		s := prefix + strings.Join(sources[:k], "; ")
		if k < len(sources) {
			s += fmt.Sprintf("; and %d more", len(sources)-k)
		}
		if lines := wrap(sty, s, width); len(lines) <= 2 {
			return lines, k
		}
	}
	return fitLines(sty, fmt.Sprintf("%s%s; and %d more", prefix, sources[0], len(sources)-1), width, 2), 1
}

var moreRE = regexp.MustCompile(`; and (\d+) more$`)

// TestSourceFooter holds the footer of charts whose pledges each have a
// source of their own: "and N more" counts every distinct source left
// out, also those beyond the maxCitedSources a spec keeps.
func TestSourceFooter(t *testing.T) {
	sty := newDrawer(DefaultWidth, DefaultHeight, nil).style(sourceSize, colNote, false)
	const width = 848 // a 1200x700 chart
	for _, c := range []struct {
		name     string
		pledges  int
		source   func(i int) string
		chart    string
		kept     int
		more     int    // spec.moreSources
		wantMore string // the footer's count
	}{
		{"one each, all kept", 60, func(i int) string { return fmt.Sprintf("Source %d", i) },
			"pledges-by-investor", 60, 0, "47"},
		{"one each, more than kept", 1000, func(i int) string { return fmt.Sprintf("Source %d", i) },
			"pledges-by-investor", maxCitedSources, 1000 - maxCitedSources, "988"},
		{"Hong Kong, more than kept", 1600, func(i int) string { return fmt.Sprintf("Source %d", i) },
			"hong-kong-public-vs-private", maxCitedSources, 534 - maxCitedSources, "522"},
		{"long names", 1000, func(i int) string { return fmt.Sprintf("The South China Morning Post, business section, page %d", i) },
			"pledges-by-investor", maxCitedSources, 1000 - maxCitedSources, "996"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var s *spec
			for _, x := range build(manySources(t, c.pledges, c.source)) {
				if x.name == c.chart {
					s = &x
				}
			}
			if s == nil {
				t.Fatalf("no chart %s", c.chart)
			}
			if len(s.sources) != c.kept || s.moreSources != c.more {
				t.Errorf("kept %d sources and %d more, want %d and %d", len(s.sources), s.moreSources, c.kept, c.more)
			}
			lines := fitSources(sty, s.sources, s.moreSources, width, 2)
			m := moreRE.FindStringSubmatch(lines[len(lines)-1])
			if m == nil || m[1] != c.wantMore {
				t.Fatalf("footer %q, want it to end in \"and %s more\"", lines, c.wantMore)
			}
			shown := strings.Count(strings.Join(lines, " "), "; ") // one per source shown, and one before "and"
			if more, _ := strconv.Atoi(m[1]); shown+more != len(s.sources)+s.moreSources {
				t.Errorf("%d shown and %d more, but %d sources", shown, more, len(s.sources)+s.moreSources)
			}
			for _, l := range lines {
				if w := sty.Width(l); w > width {
					t.Errorf("line %q is %v wide", l, w)
				}
			}
		})
	}
}

// TestFitSourcesPlain compares fitSources with plainFitSources, on lists
// short enough for that; also with some sources only counted, as long as
// plainFitSources shows fewer sources than are kept.
func TestFitSourcesPlain(t *testing.T) {
	sty := newDrawer(DefaultWidth, DefaultHeight, nil).style(sourceSize, colNote, false)
	lists := map[string]func(i int) string{
		"numbered": func(i int) string { return fmt.Sprintf("Source %d 2025-02-03", i) },
		"narrow":   func(i int) string { return strings.Repeat("l", 1+i%3) },
		"mixed":    func(i int) string { return strings.Repeat("Wide name ", i%5) + strconv.Itoa(i) },
		"chinese":  func(i int) string { return fmt.Sprintf("财联社第%d期", i) },
		"too long": func(i int) string { return strings.Repeat("Unbroken", 30+i) },
	}
	for name, src := range lists {
		for _, n := range []int{1, 2, 7, 30, 90} {
			if name == "too long" && n > 2 { // each try breaks words letter by letter
				continue
			}
			var all []string
			for i := range n {
				all = append(all, src(i))
			}
			for _, width := range []vg.Length{200, 600, 848} {
				want, shown := plainFitSources(all, width)
				for _, kept := range []int{n, min(n, 40)} {
					if kept < n && shown >= kept {
						continue
					}
					got := fitSources(sty, all[:kept], n-kept, width, 2)
					if strings.Join(got, "\n") != strings.Join(want, "\n") {
						t.Errorf("%s, %d sources, %d kept, width %v:\n got %q\nwant %q", name, n, kept, width, got, want)
					}
				}
			}
		}
	}
}

// TestMaxCitedSources checks that no footer can show all the sources a
// spec keeps: even sources of one zero-width character take "; " each,
// and a footer has two lines of the widest page.
func TestMaxCitedSources(t *testing.T) {
	widest := 0.0
	for w := 300; w <= 20000; w++ {
		widest = max(widest, float64(w)*72/float64(dpiFor(w))-2*pad)
	}
	fonts := []*Font{nil}
	if f, err := loadCJK(); err == nil {
		fonts = append(fonts, f)
	}
	for _, f := range fonts {
		sty := newDrawer(DefaultWidth, DefaultHeight, f).style(sourceSize, colNote, false)
		sep := float64(sty.Width("; "))
		fit := int(math.Ceil(2 * widest / sep))
		if fit >= maxCitedSources {
			t.Errorf("font %v: %d sources of %v points may fit in two lines of %v points; keep more than %d", f, fit, sep, widest, maxCitedSources)
		}
		t.Logf("font %v: at most %d sources fit", f, fit)
	}
}

// TestCitations checks that citations are merged by their text, that a
// merged source is cited with the date of its own row, and that a source
// beyond those kept still asks for a CJK font.
func TestCitations(t *testing.T) {
	rows := func(ps ...analysis.Pledge) []analysis.PledgeRow {
		out := make([]analysis.PledgeRow, len(ps))
		for i := range ps {
			out[i] = analysis.PledgeRow{Pledge: &ps[i], Counted: true, Sources: []string{ps[i].Source}}
		}
		return out
	}
	p := func(source, date string) analysis.Pledge {
		var d time.Time
		if date != "" {
			d = day(date)
		}
		return analysis.Pledge{Source: source, SourceDate: d}
	}
	rs := rows(p("CNA 2025-02-24", "2025-02-24"), p("CNA", "2025-02-24"), p(" CNA\t ", "2025-02-24"),
		p("CNA", "2025-02-25"), p("", "2025-02-25"), p("Reuters", ""), p("Merged", "2025-01-01"), p("FT", "2025-03-03"))
	rs[5].Counted = false
	rs[6].Counted = false
	rs[7].Sources = append(rs[7].Sources, "Merged")
	got := newCitations(rs).all()
	want := []string{"CNA 2025-02-24", "CNA 2025-02-25", "FT 2025-03-03", "Merged 2025-01-01"}
	if strings.Join(got.sources, "|") != strings.Join(want, "|") || got.more != 0 {
		t.Errorf("sources %q and %d more, want %q", got.sources, got.more, want)
	}

	r := manySources(t, maxCitedSources+10, func(i int) string {
		if i == maxCitedSources+5 {
			return "财联社"
		}
		return fmt.Sprintf("Source %d", i)
	})
	if !NeedsCJK(r) {
		t.Error("NeedsCJK is false with a Chinese source beyond those kept")
	}
}

func TestCite(t *testing.T) {
	d := day("2025-02-24")
	for _, s := range []string{"", " ", "CNA", " CNA", "CNA ", "a  b", "a\tb", "a b c", "a\u00a0b", "财联社\u3000日报",
		"x\u0085", "\xff \xfe", "CNA 2025-02-24", "CNA  2025-02-24"} {
		for _, date := range []time.Time{{}, d, d.Add(30 * time.Hour), d.In(time.FixedZone("", -3600))} {
			want := strings.Join(strings.Fields(s), " ")
			if want != "" && !date.IsZero() && !strings.Contains(want, date.Format(analysis.DateLayout)) {
				want += " " + date.Format(analysis.DateLayout)
			}
			if got := cite(s, date); got != want {
				t.Errorf("cite(%q, %v) = %q, want %q", s, date, got, want)
			}
		}
	}
}

// BenchmarkBuildManySources builds the specs of reports whose pledges
// each have a source of their own; the time per pledge stays flat as the
// count grows.
func BenchmarkBuildManySources(b *testing.B) {
	for _, n := range []int{50_000, 100_000, 200_000} {
		r := manySources(b, n, func(i int) string { return fmt.Sprintf("Deal database row %d", i) })
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			for b.Loop() {
				build(r)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/pledge")
		})
	}
}

// BenchmarkFitManySources fits the footer of such reports' investor
// chart: its cost does not grow with the number of sources.
func BenchmarkFitManySources(b *testing.B) {
	sty := newDrawer(DefaultWidth, DefaultHeight, nil).style(sourceSize, colNote, false)
	for _, n := range []int{1_000, 200_000} {
		s := build(manySources(b, n, func(i int) string { return fmt.Sprintf("Deal database row %d", i) }))[0]
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			for b.Loop() {
				fitSources(sty, s.sources, s.moreSources, 848, 2)
			}
		})
	}
}

// BenchmarkBuildRepeatedSources builds the specs of a report whose
// pledges share a thousand sources, the usual shape of a large input.
func BenchmarkBuildRepeatedSources(b *testing.B) {
	const n = 200_000
	r := manySources(b, n, func(i int) string { return fmt.Sprintf("Publisher %d", i%1000) })
	for b.Loop() {
		build(r)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/n, "ns/pledge")
}
