package lang

// The charts' axes, legends and fixed labels (key "chart." and the
// English label, as analysis/charts gives it), the footer's words, and
// the scale words of axes (key "scale.").
func init() {
	register([]Text{
		{Key: "chart.Pledges", En: "Pledges", Hant: "承諾數目", Hans: "承诺数目"},
		{Key: "chart.Percent", En: "Percent", Hant: "百分比", Hans: "百分比"},
		{Key: "chart.Count", En: "Count", Hant: "數目", Hans: "数目"},
		{Key: "chart.Rank (1 = first)", En: "Rank (1 = first)", Hant: "排名（1 = 第一）", Hans: "排名（1 = 第一）"},
		{Key: "chart.Percent of respondents", En: "Percent of respondents", Hant: "受訪者百分比", Hans: "受访者百分比"},
		{Key: "chart.Growth, percent", En: "Growth, percent", Hant: "增長（百分比）", Hans: "增长（百分比）"},
		{Key: "chart.Stated amount", En: "Stated amount", Hant: "列明金額", Hans: "列明金额"},
		{Key: "chart.Number of pledges", En: "Number of pledges", Hant: "承諾數目", Hans: "承诺数目"},
		{Key: "chart.Amount stated", En: "Amount stated", Hant: "有列明金額", Hans: "有列明金额"},
		{Key: "chart.No amount stated", En: "No amount stated", Hant: "沒有列明金額", Hans: "没有列明金额"},
		{Key: "chart.pledged", En: "pledged", Hant: "承諾金額", Hans: "承诺金额"},
		{Key: "chart.delivered: disbursed or spent", En: "delivered: disbursed or spent", Hant: "已落實：已撥款或已支出", Hans: "已落实：已拨款或已支出"},
		{Key: "chart.tick: delivered if on pace (share of period elapsed × pledged)", En: "tick: delivered if on pace (share of period elapsed × pledged)",
			Hant: "刻度：按進度應已落實的金額（已過期間佔比 × 承諾金額）", Hans: "刻度：按进度应已落实的金额（已过期间占比 × 承诺金额）"},
		{Key: "chart.at least the figure shown (open end)", En: "at least the figure shown (open end)", Hant: "至少為所示數字（末端開放）", Hans: "至少为所示数字（末端开放）"},
		{Key: "chart.at most the figure shown", En: "at most the figure shown", Hant: "最多為所示數字", Hans: "最多为所示数字"},
		{Key: "chart.stated for the sector", En: "stated for the sector", Hant: "列明屬於該行業", Hans: "列明属于该行业"},
		{Key: "chart.assumed: a multi-sector amount split equally", En: "assumed: a multi-sector amount split equally", Hant: "假設：涉及多個行業的金額平均分配", Hans: "假设：涉及多个行业的金额平均分配"},
		{Key: "chart.actual", En: "actual", Hant: "實際", Hans: "实际"},
		{Key: "chart.planned, budgeted, estimated or forecast", En: "planned, budgeted, estimated or forecast", Hant: "計劃、預算、估計或預測", Hans: "计划、预算、估计或预测"},
		{Key: "chart.Source: ", En: "Source: ", Hant: "來源：", Hans: "来源："},
		{Key: "chart.Sources: ", En: "Sources: ", Hant: "來源：", Hans: "来源："},
		{Key: "chart.; and %d more", En: "; and %d more", Hant: "；另有%d個", Hans: "；另有%d个"},
		{Key: "scale.thousand", En: "thousand", Hant: "千", Hans: "千"},
		{Key: "scale.million", En: "million", Hant: "百萬", Hans: "百万"},
		{Key: "scale.billion", En: "billion", Hant: "十億", Hans: "十亿"},
		{Key: "scale.trillion", En: "trillion", Hant: "萬億", Hans: "万亿"},
	})
}
