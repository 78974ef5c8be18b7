package lang

import (
	"math"
	"strconv"
	"strings"
	"time"

	"pledgewatch/analysis"
)

// Figures in the report's sentences. English is as analysis formats it
// (US$53.0B, 56.9%, 2.46x, 24 February 2025). Chinese follows the local
// press: amounts in 萬/億/萬億 (万/亿/万亿) followed by the currency's
// name (530億美元, 100億港元, 3,800億元人民幣), except that mainland usage
// puts 人民币 first (人民币3800亿元), multiples in
// 倍, dates as 2025年2月24日, and the bound word of the glossary before the
// figure with no space (至少530億美元, 超过56.9%).

// Money renders an amount with its bound in the printer's language:
// "at least US$53.0B", "至少530億美元", "至少530亿美元".
func (p *Printer) Money(v float64, currency string, q analysis.Qualifier) string {
	if p == nil || p.Lang == English {
		return analysis.Qualified(q, analysis.FormatMoney(v, currency, q), false)
	}
	if math.IsNaN(v) {
		return p.Term("undisclosed")
	}
	return p.bound(q) + p.amount(v, currency)
}

// Percent renders a fraction with its bound as a percentage: "above 56.9%",
// "超過56.9%".
func (p *Printer) Percent(f float64, q analysis.Qualifier) string {
	if p == nil || p.Lang == English {
		return analysis.Qualified(q, analysis.FormatPercent(f, q), true)
	}
	return p.bound(q) + analysis.FormatPercent(f, q)
}

// Multiple renders a multiple with its bound: "more than 2.46x", "超過2.46倍".
func (p *Printer) Multiple(m float64, q analysis.Qualifier) string {
	if p == nil || p.Lang == English {
		return analysis.Qualified(q, analysis.FormatMultiple(m, q), false)
	}
	return p.bound(q) + strings.TrimSuffix(analysis.FormatMultiple(m, q), "x") + "倍"
}

// Date renders a day: "24 February 2025", "2025年2月24日".
func (p *Printer) Date(t time.Time) string {
	if p == nil || p.Lang == English {
		return t.Format("2 January 2006")
	}
	return t.Format("2006年1月2日")
}

// Month renders a month: "February 2025", "2025年2月".
func (p *Printer) Month(t time.Time) string {
	if p == nil || p.Lang == English {
		return t.Format("January 2006")
	}
	return t.Format("2006年1月")
}

// bound is the glossary's word for q before a Chinese figure: "" for an
// exact figure.
func (p *Printer) bound(q analysis.Qualifier) string {
	if q == analysis.Exact {
		return ""
	}
	return p.Term(q.String())
}

// cjkUnit is one step of the Chinese scale of amounts.
type cjkUnit struct {
	div        float64
	hant, hans string
}

// cjkUnits are the steps of the Chinese scale, largest first.
var cjkUnits = [...]cjkUnit{{1e12, "萬億", "万亿"}, {1e8, "億", "亿"}, {1e4, "萬", "万"}}

// currencyNames are the currencies' names after a Chinese amount: the
// CNY name carries its 元, as in 3,800億元人民幣.
var currencyNames = map[string][2]string{
	"USD": {"美元", "美元"},
	"HKD": {"港元", "港元"},
	"CNY": {"元人民幣", "元人民币"},
	"EUR": {"歐元", "欧元"},
	"GBP": {"英鎊", "英镑"},
	"JPY": {"日圓", "日元"},
	"SGD": {"新加坡元", "新加坡元"},
	"TWD": {"新台幣", "新台币"},
	"AUD": {"澳元", "澳元"},
	"CAD": {"加元", "加元"},
	"MOP": {"澳門元", "澳门元"},
}

// Currency names a currency in the printer's language: its ISO code in
// English ("USD"), its name in Chinese ("美元", "人民幣").
func (p *Printer) Currency(code string) string {
	if p == nil || p.Lang == English {
		return code
	}
	n, ok := currencyNames[code]
	if !ok {
		return code
	}
	s := n[0]
	if p.Lang == Simplified {
		s = n[1]
	}
	return strings.TrimPrefix(s, "元")
}

// amount writes a Chinese amount without its bound: the largest step of
// the scale it reaches, three significant figures (whole numbers from 100
// up), then the currency's name.
func (p *Printer) amount(v float64, currency string) string { return p.amountAt(v, currency, 0) }

// amountAt writes a Chinese amount without its bound, rounded to step
// (1e6 writes 2,949,000,000 as 29.49億); a step of 0 shows three
// significant figures, as amount does.
func (p *Printer) amountAt(v float64, currency string, step float64) string {
	a := math.Abs(v)
	x, decimals, unit := a, 2, ""
	k := -1 // the step of cjkUnits the amount reaches, -1 for none
	for i, u := range cjkUnits {
		if a >= u.div {
			k = i
			break
		}
	}
	if k < 0 && round(a, 2) >= cjkUnits[len(cjkUnits)-1].div {
		k = len(cjkUnits) - 1
	}
	// 9,999.6億 rounds to 1萬億, not 10,000億.
	if k > 0 && round(a/cjkUnits[k].div, sigDecimals(a/cjkUnits[k].div)) >= 1e4 {
		k--
	}
	if k >= 0 {
		u := cjkUnits[k]
		x, unit = a/u.div, u.hant
		if p.Lang == Simplified {
			unit = u.hans
		}
		decimals = sigDecimals(x)
	}
	fixed := false
	if step > 0 {
		div := 1.0
		if k >= 0 {
			div = cjkUnits[k].div
		}
		decimals, fixed = max(0, int(math.Round(math.Log10(div/step)))), true
	}
	num := strconv.FormatFloat(round(x, decimals), 'f', decimals, 64)
	if strings.Contains(num, ".") && !fixed {
		num = strings.TrimRight(strings.TrimRight(num, "0"), ".")
	}
	if p.Lang == Traditional {
		num = group(num)
	}
	if v < 0 {
		num = "-" + num
	}
	name, ok := currencyNames[currency]
	if !ok {
		return num + unit + " " + currency
	}
	if p.Lang == Simplified {
		if currency == "CNY" {
			return "人民币" + num + unit + "元"
		}
		return num + unit + name[1]
	}
	return num + unit + name[0]
}

// sigDecimals is the number of decimals that show x, at least 1, to three
// significant figures.
func sigDecimals(x float64) int {
	switch {
	case x < 10:
		return 2
	case x < 100:
		return 1
	}
	return 0
}

// round rounds v to the given decimals, half away from zero, as analysis
// rounds English figures.
func round(v float64, decimals int) float64 {
	f := math.Pow(10, float64(decimals))
	return math.Round(v*f) / f
}

// group puts commas between the thousands of the whole part of a number
// written in digits: "3800" becomes "3,800".
func group(num string) string {
	whole, frac, _ := strings.Cut(num, ".")
	if len(whole) <= 3 {
		return num
	}
	var b strings.Builder
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}
