package lang

// The texts of the Pivot sheet and of the sparklines on Trends.
func init() {
	register([]Text{
		{Key: "sheet.Pivot", En: "Pivot", Hant: "樞紐分析", Hans: "数据透视"},
		{Key: "sheet.Pivot source", En: "Pivot source", Hant: "樞紐分析來源", Hans: "数据透视来源"},
		{Key: "col.Sparkline", En: "Sparkline", Hant: "走勢圖", Hans: "迷你图"},
		{Key: "wb.Pivot: counted value by investor group and year of announcement (%s)", En: "Pivot: counted value by investor group and year of announcement (%s)",
			Hant: "樞紐分析：按投資者集團及公布年份劃分的計入數值（%s）", Hans: "数据透视：按投资者集团及公布年份划分的计入数值（%s）"},
		{Key: "wb.Counted value (%s)", En: "Counted value (%s)", Hant: "計入數值（%s）", Hans: "计入数值（%s）"},
		{Key: "wb.Excel builds this pivot table from the Pivot source sheet when the workbook opens, and the slicers filter it by region, investor type and kind. A sum keeps no bound: where a line of the source is at least its value, so is every sum that includes it; the Investors sheet gives each total with its qualifier. The column without a year holds the pledges whose source gives no date, which no year's total counts.",
			En:   "Excel builds this pivot table from the Pivot source sheet when the workbook opens, and the slicers filter it by region, investor type and kind. A sum keeps no bound: where a line of the source is at least its value, so is every sum that includes it; the Investors sheet gives each total with its qualifier. The column without a year holds the pledges whose source gives no date, which no year's total counts.",
			Hant: "Excel 開啟本活頁簿時，會按樞紐分析來源工作表建立此樞紐分析表；交叉分析篩選器可按地區、投資者類別及類別篩選。總和不標示上下限：來源某行若為至少某數值，包含該行的總和亦然；各總額及其限定詞見投資者工作表。沒有年份的一欄為來源未提供日期的承諾，不計入任何年度的總額。",
			Hans: "Excel 打开本工作簿时，会按数据透视来源工作表建立此数据透视表；切片器可按地区、投资者类别及类别筛选。总和不标示上下限：来源某行若为至少某数值，包含该行的总和亦然；各总额及其限定词见投资者工作表。没有年份的一列为来源未提供日期的承诺，不计入任何年度的总额。"},
	})
}
