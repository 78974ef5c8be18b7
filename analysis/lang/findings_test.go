package lang

import (
	"strings"
	"testing"

	"pledgewatch/analysis"
)

// TestFindingInEveryLanguage words one finding of each message in the
// three languages: English as analysis words it, Chinese with the
// script's own characters and no English left in the sentence.
func TestFindingInEveryLanguage(t *testing.T) {
	lower := analysis.Fact{Value: 53e9, Qualifier: analysis.AtLeast, Unit: "USD", Money: true}
	hk := analysis.Fact{Value: 3.1e9, Qualifier: analysis.AtLeast, Unit: "USD", Money: true}
	growth := analysis.Fact{Value: 333, Unit: "%"}
	times := analysis.Fact{Value: 17, Qualifier: analysis.AtLeast, Unit: "times"}
	for _, c := range []struct {
		f              analysis.Finding
		en, hant, hans string
	}{
		{analysis.Finding{Key: "finding.largest.growth", Args: []any{"Alibaba Group", "net profit growth (YoY)", growth, 12}},
			"Alibaba Group: net profit growth (YoY) 333%, the highest of 12 growth rates in Metrics", "項增長率中最高", "项增长率中最高"},
		{analysis.Finding{Key: "finding.side.regions.lower", Args: []any{lower, hk}},
			"Stated AI pledges: mainland China at least US$53.0B, Hong Kong at least US$3.1B; both are lower bounds, so no multiple follows",
			"兩者均為下限", "两者均为下限"},
		{analysis.Finding{Key: "finding.ratio.mainland", Args: []any{times}},
			"Stated AI pledges for mainland China are at least 17 times Hong Kong's", "香港的至少17倍", "香港的至少17倍"},
		{analysis.Finding{Key: "finding.ratio.hongkong", Args: []any{analysis.Fact{Value: 2.5, Qualifier: analysis.MoreThan, Unit: "times"}}},
			"Stated AI pledges for Hong Kong are more than 2.5 times mainland China's", "內地的超過2.5倍", "内地的超过2.5倍"},
	} {
		if got := New(English).Finding(&c.f); got != c.en {
			t.Errorf("%s in English: %q, want %q", c.f.Key, got, c.en)
		}
		for _, l := range []struct {
			lang Lang
			want string
		}{{Traditional, c.hant}, {Simplified, c.hans}} {
			got := New(l.lang).Finding(&c.f)
			if !strings.Contains(got, l.want) {
				t.Errorf("%s in %s: %q lacks %q", c.f.Key, l.lang, got, l.want)
			}
			for _, w := range []string{"highest", "times", "lower bound", "Stated", "at least"} {
				// Money figures are as Printer.Money words them.
				if strings.Contains(got, w) && !(w == "at least" && hasMoney(c.f.Args)) {
					t.Errorf("%s in %s: %q keeps the English %q", c.f.Key, l.lang, got, w)
				}
			}
		}
	}
	// A finding without a message is its English text in every language.
	f := &analysis.Finding{Text: "A sentence."}
	if got := New(Simplified).Finding(f); got != f.Text {
		t.Errorf("unkeyed finding: %q", got)
	}
}

func hasMoney(args []any) bool {
	for _, a := range args {
		if x, ok := a.(analysis.Fact); ok && x.Money {
			return true
		}
	}
	return false
}
