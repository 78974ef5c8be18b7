package extract

import (
	"testing"
)

// TestFigures reads one sentence per form the extractor knows, and checks
// that it gives exactly the figures listed.
func TestFigures(t *testing.T) {
	cases := []struct {
		text string
		want []want
	}{
		// Scales and currencies.
		{"公司投入1.5万亿元。", []want{{"1.5万亿元", Money, 1.5e12, "CNY", exact}}},
		{"计划投入3千亿元。", []want{{"3千亿元", Money, 3e11, "CNY", exact}}},
		{"每家獲50萬港元。", []want{{"50萬港元", Money, 5e5, "HKD", exact}}},
		{"撥款100億港元。", []want{{"100億港元", Money, 1e10, "HKD", exact}}},
		{"投资３８００亿元，占４１％。", []want{{"３８００亿元", Money, 3.8e11, "CNY", exact}, {"４１％", Percent, 41, "", exact}}},
		{"It will spend two billion dollars.", []want{{"two billion dollars", Money, 2e9, "USD", exact}}},
		{"A HK$10m fund and a $5bn plan.", []want{{"HK$10m", Money, 1e7, "HKD", exact}, {"$5bn", Money, 5e9, "USD", exact}}},
		{"A fund of €500 million.", []want{{"€500 million", Money, 5e8, "EUR", exact}}},
		{"Ein Fonds von 2,5 Mrd. US-Dollar.", []want{{"2,5 Mrd. US-Dollar", Money, 2.5e9, "USD", exact}}},
		// Qualifiers, English, Chinese, German.
		{"It pledged at least US$1 billion.", []want{{"at least US$1 billion", Money, 1e9, "USD", least}}},
		{"It pledged more than US$1 billion.", []want{{"more than US$1 billion", Money, 1e9, "USD", more}}},
		{"It pledged about US$1 billion.", []want{{"about US$1 billion", Money, 1e9, "USD", about}}},
		{"It pledged up to US$1 billion.", []want{{"up to US$1 billion", Money, 1e9, "USD", most}}},
		{"It pledged over US$1 billion.", []want{{"over US$1 billion", Money, 1e9, "USD", more}}},
		{"It pledged nearly US$1 billion.", []want{{"nearly US$1 billion", Money, 1e9, "USD", about}}},
		{"投入超过100亿元。", []want{{"超过100亿元", Money, 1e10, "CNY", more}}},
		{"投入逾100亿元。", []want{{"逾100亿元", Money, 1e10, "CNY", more}}},
		{"投入近100亿元。", []want{{"近100亿元", Money, 1e10, "CNY", about}}},
		{"投入约100亿元。", []want{{"约100亿元", Money, 1e10, "CNY", about}}},
		{"投入至少100亿元。", []want{{"至少100亿元", Money, 1e10, "CNY", least}}},
		{"投入超過100億元。", []want{{"超過100億元", Money, 1e10, "CNY", more}}},
		{"投入約100億元。", []want{{"約100億元", Money, 1e10, "CNY", about}}},
		{"Sie investiert mehr als 2 Milliarden Euro.", []want{{"mehr als 2 Milliarden Euro", Money, 2e9, "EUR", more}}},
		{"Sie investiert rund 2 Milliarden Euro.", []want{{"rund 2 Milliarden Euro", Money, 2e9, "EUR", about}}},
		{"Sie investiert knapp 2 Milliarden Euro.", []want{{"knapp 2 Milliarden Euro", Money, 2e9, "EUR", about}}},
		// Ranges, amounts per unit, conversions.
		{"It will invest HK$2-3 billion.", []want{{"HK$2-3 billion", Money, 2e9, "HKD", least}, {"HK$2-3 billion", Money, 3e9, "HKD", most}}},
		{"Margins of 20-30% are usual.", []want{{"20-30%", Percent, 20, "", least}, {"20-30%", Percent, 30, "", most}}},
		{"计划投入2至3亿元。", []want{{"2至3亿元", Money, 2e8, "CNY", least}, {"2至3亿元", Money, 3e8, "CNY", most}}},
		{"It grants HK$100,000 per start-up.", []want{{"HK$100,000 per start-up", Money, 1e5, "HKD", exact}}},
		{"It will invest 380 billion yuan (US$53 billion).", []want{{"380 billion yuan", Money, 3.8e11, "CNY", exact}, {"US$53 billion", Money, 5.3e10, "USD", exact}}},
		// Percentages, counts, ranks, prices, target years.
		{"增长百分之三十。", []want{{"百分之三十", Percent, 30, "", exact}}},
		{"Revenue rose 8 per cent.", []want{{"8 per cent", Percent, 8, "", exact}}},
		{"It backs eight companies and 12 labs.", []want{{"eight", Count, 8, "", exact}, {"12", Count, 12, "", exact}}},
		{"设有18家研发中心。", []want{{"18", Count, 18, "", exact}}},
		{"Hong Kong ranks eighth; Macau ranked 12th.", []want{{"eighth", Rank, 8, "", exact}, {"12th", Rank, 12, "", exact}}},
		{"位列全球第三。", []want{{"第三", Rank, 3, "", exact}}},
		{"Shares closed at HK$140.9 a share.", []want{{"HK$140.9 a share", Price, 140.9, "HKD", exact}}},
		{"报140.9港元/股。", []want{{"140.9港元/股", Price, 140.9, "HKD", exact}}},
		{"It aims to lead by 2035.", []want{{"2035", Year, 2035, "", exact}}},
		{"到2030年建成。", []want{{"2030年", Year, 2030, "", exact}}},
		// Not figures: dates, years as dates, stock codes, phone numbers, ids.
		{"On 24 February 2025 and on Feb 24, 2025, and on 2025-02-24.", nil},
		{"2025年2月24日,截至2024年12月底。", nil},
		{"Am 24. Februar 2025 und am 24.02.2025.", nil},
		{"In 2023 and in December 2021 it grew.", nil},
		{"Tencent (0700.HK) and Alibaba (9988) and HKEX: 9988 and 09988.HK.", nil},
		{"Call +852 2345 6789 or 2345-6789, Tel: 3123 4567.", nil},
		{"Article ID 20260312001, No. 9 licence, story 1234567.", nil},
		{"It launched Qwen3-Max and the H20 chip on a 7nm process.", nil},
		{"It has a three-year plan over the next three years.", nil},
		{"第三季度营收增长。", nil},
		{"Margins rose 2 percentage points; 毛利率提升3个百分点; um 1,5 Prozentpunkte.", nil},
		{"Der Fonds hat 10 Milliarden HK-Dollar.", []want{{"10 Milliarden HK-Dollar", Money, 1e10, "HKD", exact}}},
	}
	for _, c := range cases {
		figs := Figures(Article{File: "t.txt", Text: c.text})
		k := keyed{file: c.text, figs: c.want}
		if found := score(t, k, figs); found != len(c.want) || len(figs) != len(c.want) {
			t.Errorf("%q: %d figures, %d of the %d wanted", c.text, len(figs), found, len(c.want))
		}
	}
}

func TestConversionLinked(t *testing.T) {
	figs := Figures(Article{Text: "Alibaba will invest at least 380 billion yuan (US$53 billion) in AI."})
	if len(figs) != 2 {
		t.Fatalf("%d figures, want 2", len(figs))
	}
	if figs[1].Converts != 0 || figs[0].Converts != -1 {
		t.Errorf("converts %d and %d, want -1 and 0", figs[0].Converts, figs[1].Converts)
	}
	if figs[1].Qualifier != least {
		t.Errorf("the conversion of an amount of at least 380 billion yuan is %q, want at least", figs[1].Qualifier.Label())
	}
}
