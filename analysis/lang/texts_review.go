package lang

import "pledgewatch/analysis"

// reviewTexts word the program's words and notes that the Chinese
// workbooks showed in English: the basis of a date or a metric, the AI
// scope of a pledge, and the note under the native bar charts.
var reviewTexts = []Text{
	wordText(analysis.DateBefore, "早於所列日期", "早于所列日期"),
	wordText(analysis.ScopeBroader, "較廣泛計劃", "较广泛计划"),
	wordText(analysis.ExcludedBroader, "較廣泛計劃", "较广泛计划"),
	{Key: "wb.Bounds: %s the bar", En: "Bounds: %s the bar", Hant: "柱形為上下限：%s", Hans: "柱形为上下限：%s"},
	{Key: "wb.no stated amount: %s", En: "no stated amount: %s", Hant: "沒有列明金額：%s", Hans: "没有列明金额：%s"},
	{Key: "wb.Sources: %s", En: "Sources: %s", Hant: "來源：%s", Hans: "来源：%s"},
	{Key: "wb.and %d more", En: "and %d more", Hant: "及另外%d項", Hans: "及另外%d项"},

	// "X is N times Y" with the bound on the verb (see Printer.boundVerb);
	// English words these as the messages without .bare.
	{Key: "claim.trend.multiple.of.bare", En: ", %[1]s the %[2]s", Hant: "，%[3]s%[2]s的%[1]s", Hans: "，%[3]s%[2]s的%[1]s"},
	{Key: "claim.cmp.pace.total.bare", En: " (a total over %[1]v years %[2]s the total over %[3]v years)",
		Hant: "（%[1]v年的總額%[4]s%[3]v年總額的%[2]s）", Hans: "（%[1]v年的总额%[4]s%[3]v年总额的%[2]s）"},
	{Key: "claim.cmp.pace.total.basis.bare", En: " (a total over %[1]v years, a %[4]s, %[2]s the total over %[3]v years)",
		Hant: "（%[4]s%[1]v年的總額%[5]s%[3]v年總額的%[2]s）", Hans: "（%[4]s%[1]v年的总额%[5]s%[3]v年总额的%[2]s）"},
	{Key: "words.trend.multiple.bare", En: "%[1]s: %[2]s %[3]s %[4]s", Hant: "%[1]s：%[2]s%[5]s%[4]s的%[3]s", Hans: "%[1]s：%[2]s%[5]s%[4]s的%[3]s"},
}

func init() { register(reviewTexts) }
