package charts

import (
	"slices"
	"strings"
	"testing"

	"pledgewatch/analysis"
)

// historyReport is the English sample report as the command fills it
// after finding the reports of the months before: one snapshot per month
// with a total a little larger each time.
func historyReport(months ...string) *analysis.Report {
	r := latinReport()
	var earlier []analysis.Snapshot
	for i, m := range months[:len(months)-1] {
		s := r.Snapshot(m)
		s.Totals.Total -= float64(len(months)-1-i) * 4e9
		s.Totals.Count -= len(months) - 1 - i
		earlier = append(earlier, s)
	}
	r.History = analysis.History(earlier, r.Snapshot(months[len(months)-1]))
	return r
}

func chartNamed(cs []Chart, name string) (Chart, bool) {
	for _, c := range cs {
		if c.Name == name {
			return c, true
		}
	}
	return Chart{}, false
}

func TestHistoryChart(t *testing.T) {
	// One report: nothing to chart.
	cs, err := Render(historyReport("2025-09"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := chartNamed(cs, "history.png"); ok {
		t.Error("history.png drawn with one report")
	}

	r := historyReport("2025-07", "2025-08", "2025-09")
	cs, err = Render(r, Options{})
	if err != nil {
		t.Fatal(err)
	}
	c, ok := chartNamed(cs, "history.png")
	if !ok {
		t.Fatalf("no history.png among %q", names(cs))
	}
	if want := "Stated AI pledges stand at more than US$112.7B in the 2025-09 report, up US$8.0B since 2025-07"; c.Title != want || cs[len(cs)-1].Name != "history.png" {
		t.Errorf("title %q, last chart %s", c.Title, cs[len(cs)-1].Name)
	}
	if b := decode(t, c).Bounds(); b.Dx() != DefaultWidth || b.Dy() != DefaultHeight {
		t.Errorf("size %v", b)
	}

	s, ok := historySpec(r)
	if !ok {
		t.Fatal("no history spec")
	}
	var labels, texts []string
	for _, b := range s.bars {
		labels, texts = append(labels, b.label), append(texts, b.text)
	}
	if want := []string{"2025-07", "2025-08", "2025-09"}; !slices.Equal(labels, want) {
		t.Errorf("labels %q, want %q", labels, want)
	}
	total := analysis.FormatMoney(r.Total.Total, "USD", r.Total.Qualifier)
	if got := texts[2]; !strings.Contains(got, total) || !strings.HasSuffix(got, "pledges") {
		t.Errorf("last value label %q, want it to show %s and the count", got, total)
	}
	if s.bars[0].value != r.Total.Total-8e9 {
		t.Errorf("first bar %v", s.bars[0].value)
	}
	if s.axis != "US$ billion" || s.scale != 1e9 {
		t.Errorf("axis %q scale %g", s.axis, s.scale)
	}
	if !slices.Equal(s.sources, []string{"pledgewatch reports in the output folder"}) {
		t.Errorf("sources %q", s.sources)
	}
	if want := "in USD, 2025-07 to 2025-09"; !strings.HasSuffix(s.subtitle, want) || !strings.HasSuffix(s.title, "up US$8.0B since 2025-07") {
		t.Errorf("title %q, subtitle %q, want it to end %q", s.title, s.subtitle, want)
	}

	r = historyReport("2025-10", "2025-11")
	r.History[0].Total = r.History[1].Total
	if s, _ := historySpec(r); !strings.HasSuffix(s.title, "unchanged since 2025-10") {
		t.Errorf("title %q", s.title)
	}

	// A report in another currency is left out, with a note; one USD
	// report is left, too few to chart.
	r = historyReport("2025-08", "2025-09")
	r.History[0].Currency = "EUR"
	if _, ok := historySpec(r); ok {
		t.Error("history charted with one report in the reporting currency")
	}
	r = historyReport("2025-07", "2025-08", "2025-09")
	r.History[0].Currency = "EUR"
	s, ok = historySpec(r)
	if !ok || len(s.bars) != 2 || !slices.Contains(s.notes, "Left out, in another currency: 2025-07 (EUR).") {
		t.Errorf("mixed currencies: %v, %d bars, notes %q", ok, len(s.bars), s.notes)
	}
}

func TestLabelQualifier(t *testing.T) {
	for _, q := range []analysis.Qualifier{analysis.Exact, analysis.AtLeast, analysis.MoreThan, analysis.AtMost, analysis.LessThan, analysis.About, analysis.Mixed} {
		if got := labelQualifier(q.Label()); got != q {
			t.Errorf("labelQualifier(%q) = %v", q.Label(), got)
		}
	}
}
