package charts_test

import (
	"fmt"
	"time"

	"pledgewatch/analysis"
	"pledgewatch/analysis/charts"
)

// File names come from the data but are safe to join to a folder: lower
// case ASCII letters, digits and hyphens only, never "/" or "..".
func ExampleRender() {
	day := func(s string) time.Time { t, _ := time.Parse(analysis.DateLayout, s); return t }
	amount := func(s string) analysis.Amount { a, _ := analysis.PledgeAmount(s, "", "", ""); return a }
	metric := func(entity, name, period, value string) analysis.Metric {
		a, unit, money, _ := analysis.MetricValue(value, "", "")
		p, _ := analysis.ParsePeriod(period)
		return analysis.Metric{Entity: entity, Metric: name, Period: p, Value: a.Value, Unit: unit, Money: money,
			Qualifier: a.Qualifier, Source: "HKPC", SourceDate: day("2025-01-10")}
	}
	in := analysis.Inputs{
		Pledges: []analysis.Pledge{{Announced: day("2025-02-24"), Investor: "../../Zürich AI Fund", Program: "AI",
			Amount: amount("US$2 billion"), Sectors: []string{"health/care"}, Region: "Hong Kong", Source: "CNA", SourceDate: day("2025-02-24")}},
		Metrics: []analysis.Metric{
			metric("HK/SZ start-ups", "AI funding", "2024", "US$1.2 billion"),
			metric("HK/SZ start-ups", "AI funding", "2025", "more than US$2 billion"),
			metric("Hong Kong firms", "share using AI", "2024", "41%"),
		},
	}
	r, _ := analysis.Build(in, analysis.Options{})
	cs, err := charts.Render(r, charts.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range cs {
		fmt.Printf("%s: %s\n", c.Name, c.Title)
	}
	// Output:
	// pledges-by-investor.png: ../../Zürich AI Fund is the only investor with a stated AI pledge amount
	// fund-size-by-sector.png: Health/care is the only sector with a stated AI pledge amount
	// trend-hk-sz-start-ups-ai-funding.png: HK/SZ start-ups AI funding: 2025 more than 1.67x 2024
	// hong-kong-public-vs-private.png: All stated AI pledges in Hong Kong are by private funds and companies
	// survey-percentages-hong-kong-firms.png: Hong Kong firms: share using AI at 41%
}
