package charts

import (
	"strings"
	"testing"
	"unicode"

	"pledgewatch/analysis/lang"
)

func TestChartLabel(t *testing.T) {
	hant, hans := lang.New(lang.Traditional), lang.New(lang.Simplified)
	for _, c := range []struct{ in, hk, cn string }{
		{"US$ billion", "十億美元", "十亿美元"},
		{"CN¥ trillion", "萬億人民幣", "万亿人民币"},
		{"HK$ million", "百萬港元", "百万港元"},
		{"US$", "美元", "美元"},
		{"CHF billion", "十億 CHF", "十亿 CHF"},
		{"Count, million", "數目（百萬）", "数目（百万）"},
		{"Pledges", "承諾數目", "承诺数目"},
		{"pledged", "承諾金額", "承诺金额"},
		{"users", "users", "users"}, // a unit as entered stays
		{"", "", ""},
	} {
		if got := chartLabel(hant, c.in); got != c.hk {
			t.Errorf("zh-Hant %q = %q, want %q", c.in, got, c.hk)
		}
		if got := chartLabel(hans, c.in); got != c.cn {
			t.Errorf("zh-Hans %q = %q, want %q", c.in, got, c.cn)
		}
	}
}

func hasHan(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) })
}

// In Chinese every axis, panel heading, legend and source word of the
// sample report's charts is Chinese, and the English plan is untouched.
func TestLocalise(t *testing.T) {
	plan := PlanCharts(sampleReport())
	if got := localise(plan.specs, nil); &got[0] != &plan.specs[0] {
		t.Error("English specs were copied")
	}
	before := plan.specs[0].axis
	zh := localise(plan.specs, lang.New(lang.Traditional))
	if plan.specs[0].axis != before {
		t.Errorf("the plan's axis changed to %q", plan.specs[0].axis)
	}
	checked := 0
	for _, s := range zh {
		if s.words().one != "來源：" {
			t.Errorf("%s: source word %q", s.name, s.words().one)
		}
		for _, l := range s.legend {
			checked++
			if !hasHan(l.text) {
				t.Errorf("%s: legend %q", s.name, l.text)
			}
		}
		for _, p := range s.panels() {
			for _, x := range []string{p.heading, p.axis} {
				if x == "" || strings.HasPrefix(x, "All ") || strings.HasPrefix(x, "The other ") {
					continue // a heading composed with its set, a finding's
				}
				checked++
				if !hasHan(x) {
					t.Errorf("%s: axis or heading %q", s.name, x)
				}
			}
		}
	}
	if checked < 10 {
		t.Errorf("only %d labels checked", checked)
	}
}

// A chart drawn in Chinese writes its Chinese axis into the SVG.
func TestRenderChinese(t *testing.T) {
	cs, err := Render(sampleReport(), Options{Font: cjkFont(t), Lang: lang.New(lang.Simplified)})
	if err != nil {
		t.Fatal(err)
	}
	svg, err := cs[0].SVG()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"十亿", "来源："} {
		if !strings.Contains(string(svg), want) {
			t.Errorf("%s: SVG lacks %q", cs[0].Name, want)
		}
	}
}
