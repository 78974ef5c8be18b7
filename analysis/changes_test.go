package analysis

import (
	"fmt"
	"strings"
	"testing"
)

func TestCompareMonths(t *testing.T) {
	oct := seedInputs()
	nov := seedInputs()
	// November: the fund grows past 15%, one scheme is removed, a pledge is new,
	// and a metric is revised.
	nov.Pledges[1] = pledge("alibaba-ef-ai-fund", "2024-12-20", "Alibaba Entrepreneurs Fund", "fund", "AI fund for Hong Kong start-ups", "0.2 billion", "USD", 0, "financial services; consumer retail; healthcare", "Hong Kong", "Star Daily")
	nov.Pledges = append(nov.Pledges[:3], nov.Pledges[4:]...) // drop the AI Subsidy Scheme
	nov.Pledges = append(nov.Pledges, pledge("", "2025-09-24", "Alibaba Group", "company", "AI budget increase", "about US$5.3 billion", "", 0, "", "Mainland China", "ABMedia"))
	nov.Metrics[1] = metric("Alibaba, Tencent, Baidu and JD.com", "AI capital expenditure (combined)", "2025", "US$33 billion", "forecast", "ABMedia")

	ro, _ := Build(oct, Options{})
	rn, _ := Build(nov, Options{})
	c := Compare(ro.Snapshot("2025-10"), rn.Snapshot("2025-11"))
	if c.Previous != "2025-10" {
		t.Errorf("previous = %q", c.Previous)
	}
	var got []string
	for _, it := range c.Items {
		got = append(got, fmt.Sprintf("%s %s %s %s: %q -> %q", it.Table, it.Kind, it.Key, it.Field, it.Old, it.New))
	}
	want := []string{
		`pledge new alibaba group|ai budget increase|2025-09-24 : "" -> "amount: about US$5.3 billion; currency: USD; qualifier: about; status: announced; source: ABMedia"`,
		`pledge revised id:alibaba-ef-ai-fund amount: "0.15 billion" -> "0.2 billion"`,
		`pledge removed id:hk-ai-subsidy : "amount: HK$3 billion; currency: HKD; qualifier: exact; status: announced; source: SCMP" -> ""`,
		`metric revised alibaba, tencent, baidu and jd.com|ai capital expenditure (combined)|2025|forecast value: "US$32 billion" -> "US$33 billion"`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("changes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Headline totals: +5.3e9 + 0.05e9 - 3e9/7.8.
	tot := c.Totals[0]
	if d := (tot.New - tot.Old) - (5.3e9 + 0.05e9 - 3e9/7.8); d > 1 || d < -1 {
		t.Errorf("total change = %v", tot.New-tot.Old)
	}
	h := History([]Snapshot{ro.Snapshot("2025-10")}, rn.Snapshot("2025-11"))
	if len(h) != 2 || h[0].Month != "2025-10" || h[1].Month != "2025-11" || h[1].Total != rn.Total.Total {
		t.Errorf("history = %+v", h)
	}
}
