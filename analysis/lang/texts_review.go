package lang

import "pledgewatch/analysis"

// reviewTexts word the program's words and notes that the Chinese
// workbooks showed in English: the basis of a date or a metric, the AI
// scope of a pledge, and the note under the native bar charts.
var reviewTexts = []Text{
	{Key: "word." + analysis.DateBefore, En: analysis.DateBefore, Hant: "報道日期前", Hans: "报道日期前"},
	{Key: "word." + analysis.ScopeBroader, En: analysis.ScopeBroader, Hant: "較廣泛計劃", Hans: "较广泛计划"},
	{Key: "word." + analysis.ExcludedBroader, En: analysis.ExcludedBroader, Hant: "較廣泛計劃", Hans: "较广泛计划"},
	{Key: "wb.Bounds: %s the bar", En: "Bounds: %s the bar", Hant: "長條為上下限：%s", Hans: "条形为上下限：%s"},
	{Key: "wb.no stated amount: %s", En: "no stated amount: %s", Hant: "沒有列明金額：%s", Hans: "没有列明金额：%s"},
	{Key: "wb.Sources: %s", En: "Sources: %s", Hant: "來源：%s", Hans: "来源：%s"},
	{Key: "wb.and %d more", En: "and %d more", Hant: "及另外%d項", Hans: "及另外%d项"},
}

func init() { register(reviewTexts) }
