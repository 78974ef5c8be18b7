package charts

import (
	"fmt"
	"strings"
	"testing"

	"pledgewatch/analysis"
	"pledgewatch/analysis/internal/entered"
	"pledgewatch/analysis/lang"
)

// TestNoEnglishInChineseCharts: in Chinese, no text of the charts of the
// shipped inputs holds three English words in a row once the analyst's
// data (names, programmes, metrics as entered) is left out.
func TestNoEnglishInChineseCharts(t *testing.T) {
	specs := build(shippedReport(t, "USD"))
	texts, err := entered.Texts("../../inputs/pledgewatch.xlsx", strings.ToLower)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range []lang.Lang{lang.Traditional, lang.Simplified} {
		t.Run(l.String(), func(t *testing.T) {
			n := 0
			for _, s := range localise(specs, lang.New(l)) {
				for _, txt := range s.texts() {
					n++
					if run := entered.EnglishRun.FindString(entered.Without(strings.ToLower(txt), texts)); run != "" {
						t.Errorf("%s: %q holds %q", s.name, txt, run)
					}
				}
			}
			if n < 100 {
				t.Errorf("only %d texts checked", n)
			}
		})
	}
}

// specFindings are every finding a chart's texts are worded from.
func specFindings(s *spec) []*analysis.Finding {
	out := append([]*analysis.Finding{s.finding, s.subFinding}, s.noteFindings...)
	for _, pa := range s.panels() {
		out = append(out, pa.headingFinding)
		for _, b := range pa.bars {
			out = append(out, b.textFinding, b.labelFinding)
		}
	}
	return out
}

// TestChartWordsAreFindings: every title, subtitle and note of the
// shipped charts is a finding that keeps the rules, and the catalogue's
// English of it is the text the chart shows.
func TestChartWordsAreFindings(t *testing.T) {
	en := lang.New(lang.English)
	for _, s := range build(shippedReport(t, "USD")) {
		if s.finding == nil || s.subFinding == nil || len(s.noteFindings) != len(s.notes) {
			t.Errorf("%s: title, subtitle or a note is not a finding", s.name)
			continue
		}
		for _, f := range specFindings(&s) {
			if f == nil {
				continue
			}
			if f.Key == "" {
				t.Errorf("%s: finding %q has no catalogue text", s.name, f.Text)
			}
			if got := en.Finding(f); got != f.Text {
				t.Errorf("%s: catalogue words %q, chart %q", s.name, got, f.Text)
			}
			for _, err := range f.Check() {
				t.Errorf("%s: %v", s.name, err)
			}
		}
	}
}

// TestChartClaimDefects names the chart claims of issue 18 and holds
// each to its rule on the shipped charts.
func TestChartClaimDefects(t *testing.T) {
	by := map[string]spec{}
	for _, s := range build(shippedReport(t, "USD")) {
		by[s.name] = s
	}
	t.Run("a sum of unlike things", func(t *testing.T) {
		// The one chart title that sums pledges: Hong Kong's public
		// schemes, all government money (the AI Subsidy Scheme alone is
		// dedicated to AI), held by reference to their rows.
		r := shippedReport(t, "USD")
		var f *analysis.Finding
		for _, s := range build(r) {
			if s.name == "hong-kong-public-schemes" {
				f = s.finding
			}
		}
		if f == nil || f.Claim != analysis.ClaimTotal || f.Set.Rows != analysis.RefPledge || f.Set.Chart != "hong-kong-public-schemes" {
			t.Fatalf("finding %+v", f)
		}
		if errs := r.CheckFinding(f); len(errs) > 0 {
			t.Fatalf("the schemes' total breaks its rules: %v", errs)
		}
		schemes := analysis.ChartOf(analysis.ChartSchemes).Pledges(r)
		if len(schemes) < 2 {
			t.Fatalf("%d schemes", len(schemes))
		}
		p := schemes[0]
		for _, c := range []struct {
			name  string
			spoil func() func()
			want  string
		}{
			{"sum", func() func() { v := p.Value; p.Value += 1e9; return func() { p.Value = v } }, "they sum to"},
			{"bound", func() func() {
				q := p.Amount.Qualifier
				p.Amount.Qualifier = analysis.AtMost
				if q == analysis.AtMost {
					p.Amount.Qualifier = analysis.AtLeast
				}
				return func() { p.Amount.Qualifier = q }
			}, "states a sum"},
			{"size", func() func() { p.Counted = false; return func() { p.Counted = true } }, "the report holds"},
		} {
			undo := c.spoil()
			errs := r.CheckFinding(f)
			undo()
			if !strings.Contains(fmt.Sprint(errs), c.want) {
				t.Errorf("%s: no error says %q: %v", c.name, c.want, errs)
			}
		}
	})
	t.Run("a forecast called a rise", func(t *testing.T) {
		s := by["trend-alibaba-tencent-baidu-and-jd-com-ai-capital-expenditure-combined"]
		if s.finding == nil || !strings.Contains(s.title, "2025 forecast") || !strings.Contains(s.title, "the 2023 budget") {
			t.Fatalf("title %q", s.title)
		}
		var bases []string
		for _, x := range s.finding.Figures {
			bases = append(bases, x.Basis)
		}
		if strings.Join(bases, ",") != "forecast,budget" {
			t.Errorf("figures' bases %v", bases)
		}
		bad := *s.finding
		bad.Text = strings.Replace(s.title, "2025 forecast", "2025 rose to", 1)
		if len(bad.Check()) == 0 {
			t.Error("the rule lets a forecast be said to have risen")
		}
	})
	t.Run("a share of stated amounts names the set and its figures", func(t *testing.T) {
		f := by["pledges-by-investor"].finding
		if f == nil || f.Claim != analysis.ClaimShare || len(f.Figures) != 2 {
			t.Fatalf("finding %+v", f)
		}
		// 53,150.1 / (53,150.1 + 384.6 + 150.0) = 99.0% (US$ millions).
		if share := f.ShareShown(); share.Value != 99 || !strings.Contains(f.Text, "99% of stated AI pledges") {
			t.Errorf("share %v in %q", share.Value, f.Text)
		}
	})
}

// TestNoEnglishInChineseDeliveryCharts: the charts of delivery, which
// the shipped inputs do not draw (they hold no evidence), write no
// English words of the program's in Chinese either; their bar labels
// are investor and programme names as entered and are left out.
func TestNoEnglishInChineseDeliveryCharts(t *testing.T) {
	r := progressReport(t, progressChartInputs())
	r.History = []analysis.HistoryPoint{
		{Month: "2025-05", Currency: "USD", Total: 3e9, Qualifier: "at least", Count: 3, Delivered: 200e6, DeliveredQualifier: "more than", HasDelivered: true},
		{Month: "2025-06", Currency: "USD", Total: 3e9, Qualifier: "at least", Count: 3, Delivered: 500e6, DeliveredQualifier: "more than", HasDelivered: true},
	}
	var specs []spec
	for _, s := range build(r) {
		if s.name == analysis.ChartOf(analysis.ChartProgress).Name || s.name == analysis.ChartOf(analysis.ChartDelivered).Name {
			specs = append(specs, s)
		}
	}
	if len(specs) != 2 {
		t.Fatalf("%d delivery charts, want 2", len(specs))
	}
	for _, l := range []lang.Lang{lang.Traditional, lang.Simplified} {
		for _, s := range localise(specs, lang.New(l)) {
			texts := append(append([]string{s.title, s.subtitle}, s.notes...), s.sources...)
			for _, b := range s.bars {
				texts = append(texts, b.text)
			}
			for _, l := range s.legend {
				texts = append(texts, l.text)
			}
			for _, txt := range texts {
				if run := entered.EnglishRun.FindString(txt); run != "" {
					t.Errorf("%s %s: %q holds %q", l, s.name, txt, run)
				}
			}
		}
	}
}
