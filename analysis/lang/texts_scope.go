package lang

// scopeTexts word what the report says about AI scope, dates the sources
// do not give, and comparisons of unlike figures.
var scopeTexts = []Text{
	{Key: "finding.broader",
		En:   "Not added to the AI totals, %[1]s: %[2]s in broader programmes that include AI (%[3]d: %[4]s).",
		Hant: "未計入AI總額（%[1]s）：包括AI的較廣泛計劃共%[2]s（%[3]d項：%[4]s）。",
		Hans: "未计入AI总额（%[1]s）：包括AI的较广泛计划共%[2]s（%[3]d项：%[4]s）。"},
	{Key: "finding.broader.converted",
		En:   "Not added to the AI totals, %[1]s: %[2]s%[3]s in broader programmes that include AI (%[4]d: %[5]s).",
		Hant: "未計入AI總額（%[1]s）：包括AI的較廣泛計劃共%[2]s%[3]s（%[4]d項：%[5]s）。",
		Hans: "未计入AI总额（%[1]s）：包括AI的较广泛计划共%[2]s%[3]s（%[4]d项：%[5]s）。"},
	{Key: "finding.broader.unlike",
		En:   "Not added to the AI totals, %[1]s: %[2]d broader programmes that include AI, of unlike kinds and not summed (%[3]s).",
		Hant: "未計入AI總額（%[1]s）：包括AI的較廣泛計劃%[2]d項，性質不同，不予加總（%[3]s）。",
		Hans: "未计入AI总额（%[1]s）：包括AI的较广泛计划%[2]d项，性质不同，不予加总（%[3]s）。"},
	{Key: "col.AI scope", En: "AI scope", Hant: "AI範圍", Hans: "AI范围"},
	{Key: "wb.date not stated", En: "date not stated", Hant: "來源未提供日期", Hans: "来源未提供日期"},
}

func init() { register(scopeTexts) }
