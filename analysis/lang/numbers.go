package lang

import (
	"time"

	"pledgewatch/analysis"
)

// Money renders an amount with its bound in the printer's language:
// "at least US$53.0B", "至少530億美元", "至少530亿美元".
func (p *Printer) Money(v float64, currency string, q analysis.Qualifier) string {
	return analysis.Qualified(q, analysis.FormatMoney(v, currency, q), false)
}

// Percent renders a fraction with its bound as a percentage: "above 56.9%".
func (p *Printer) Percent(f float64, q analysis.Qualifier) string {
	return analysis.Qualified(q, analysis.FormatPercent(f, q), true)
}

// Multiple renders a multiple with its bound: "more than 2.46x".
func (p *Printer) Multiple(m float64, q analysis.Qualifier) string {
	return analysis.Qualified(q, analysis.FormatMultiple(m, q), false)
}

// Date renders a day: "24 February 2025", "2025年2月24日".
func (p *Printer) Date(t time.Time) string {
	if p.Lang == English {
		return t.Format("2 January 2006")
	}
	return t.Format("2006年1月2日")
}
