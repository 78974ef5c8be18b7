package lang

import (
	"math"
	"testing"
	"time"

	"pledgewatch/analysis"
)

func TestMoney(t *testing.T) {
	en, hant, hans := New(English), New(Traditional), New(Simplified)
	for _, c := range []struct {
		v          float64
		cur        string
		q          analysis.Qualifier
		en, hk, cn string
	}{
		{53e9, "USD", analysis.AtLeast, "at least US$53.0B", "至少530億美元", "至少530亿美元"},
		{10e9, "HKD", analysis.Exact, "HK$10.0B", "100億港元", "100亿港元"},
		{380e9, "CNY", analysis.Exact, "CN¥380.0B", "3,800億元人民幣", "人民币3800亿元"},
		{380e9, "CNY", analysis.MoreThan, "more than CN¥380.0B", "超過3,800億元人民幣", "超过人民币3800亿元"},
		{1.28e9, "USD", analysis.About, "about US$1.3B", "約12.8億美元", "约12.8亿美元"},
		{128.2e6, "USD", analysis.LessThan, "less than US$128.2M", "不足1.28億美元", "不足1.28亿美元"},
		{2.5e12, "CNY", analysis.AtMost, "at most CN¥2.5T", "最多2.5萬億元人民幣", "最多人民币2.5万亿元"},
		{999.96e9, "USD", analysis.Exact, "US$1000.0B", "1萬億美元", "1万亿美元"},
		{100000, "HKD", analysis.Exact, "HK$100.0K", "10萬港元", "10万港元"},
		{5.25, "HKD", analysis.Exact, "HK$5.25", "5.25港元", "5.25港元"},
		{-4.2e9, "EUR", analysis.Exact, "€-4.2B", "-42億歐元", "-42亿欧元"},
		{7e9, "CHF", analysis.Exact, "CHF 7.0B", "70億 CHF", "70亿 CHF"},
		{math.NaN(), "USD", analysis.Exact, "undisclosed", "未披露", "未披露"},
		{1e9, "USD", analysis.Mixed, "mixed bounds US$1.0B", "上下限不一10億美元", "上下限不一10亿美元"},
	} {
		for _, w := range []struct {
			p    *Printer
			want string
		}{{en, c.en}, {hant, c.hk}, {hans, c.cn}} {
			if got := w.p.Money(c.v, c.cur, c.q); got != w.want {
				t.Errorf("%s Money(%v, %s, %v) = %q, want %q", w.p.Lang, c.v, c.cur, c.q, got, w.want)
			}
		}
	}
	var nilPrinter *Printer
	if got := nilPrinter.Money(53e9, "USD", analysis.AtLeast); got != "at least US$53.0B" {
		t.Errorf("nil printer: %q", got)
	}
}

func TestPercentMultipleDate(t *testing.T) {
	en, hant, hans := New(English), New(Traditional), New(Simplified)
	day := time.Date(2025, 2, 24, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		name       string
		f          func(p *Printer) string
		en, hk, cn string
	}{
		{"percent", func(p *Printer) string { return p.Percent(0.569, analysis.MoreThan) }, "above 56.9%", "超過56.9%", "超过56.9%"},
		{"percent exact", func(p *Printer) string { return p.Percent(0.05, analysis.Exact) }, "5.0%", "5.0%", "5.0%"},
		{"percent below", func(p *Printer) string { return p.Percent(0.2, analysis.LessThan) }, "below 20.0%", "不足20.0%", "不足20.0%"},
		{"multiple", func(p *Printer) string { return p.Multiple(2.4615, analysis.MoreThan) }, "more than 2.46x", "超過2.46倍", "超过2.46倍"},
		{"multiple about", func(p *Printer) string { return p.Multiple(17, analysis.About) }, "about 17.00x", "約17.00倍", "约17.00倍"},
		{"date", func(p *Printer) string { return p.Date(day) }, "24 February 2025", "2025年2月24日", "2025年2月24日"},
		{"month", func(p *Printer) string { return p.Month(day) }, "February 2025", "2025年2月", "2025年2月"},
		{"currency", func(p *Printer) string { return p.Currency("CNY") }, "CNY", "人民幣", "人民币"},
		{"currency usd", func(p *Printer) string { return p.Currency("USD") }, "USD", "美元", "美元"},
	} {
		for _, w := range []struct {
			p    *Printer
			want string
		}{{en, c.en}, {hant, c.hk}, {hans, c.cn}} {
			if got := c.f(w.p); got != w.want {
				t.Errorf("%s %s = %q, want %q", w.p.Lang, c.name, got, w.want)
			}
		}
	}
}

func TestGroup(t *testing.T) {
	for in, want := range map[string]string{"3800": "3,800", "380": "380", "1234567.5": "1,234,567.5", "12.8": "12.8"} {
		if got := group(in); got != want {
			t.Errorf("group(%q) = %q, want %q", in, got, want)
		}
	}
}
