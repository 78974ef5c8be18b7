package lang

import (
	"strings"

	"pledgewatch/analysis"
)

// Word renders one of the program's own words (analysis.Word) in the
// printer's language: the catalogue's text "word." and the word, else the
// glossary's term, else the word as it is.
func (p *Printer) Word(w string) string {
	p = Or(p)
	if p.Lang == English {
		return w
	}
	for _, k := range []string{"word.", "chart."} {
		if s, ok := p.Lookup(k + w); ok {
			return s
		}
	}
	if t := p.Term(w); t != w {
		return t
	}
	return p.axis(w)
}

// currencySymbols maps the symbols of analysis.Symbol back to their codes.
var currencySymbols = func() map[string]string {
	m := map[string]string{}
	for _, c := range []string{"USD", "HKD", "CNY", "EUR", "GBP"} {
		m[strings.TrimSpace(analysis.Symbol(c))] = c
	}
	return m
}()

// axis renders an axis label the program makes: a currency code ("HKD":
// 港元), an amount's unit ("US$ billion": 十億美元), a measure and its
// scale ("Count, million"); anything else comes back as it is.
func (p *Printer) axis(w string) string {
	if len(w) == 3 && strings.ToUpper(w) == w && strings.ToLower(w) != w {
		return p.Currency(w)
	}
	sym, word, _ := strings.Cut(w, " ")
	if code, ok := currencySymbols[sym]; ok {
		return p.Scale(word) + p.Currency(code)
	}
	if name, word, ok := strings.Cut(w, ", "); ok {
		return p.Word(name) + "（" + p.Scale(word) + "）"
	}
	return w
}

// words lists the program's words: "a, b" in English, "a、b" in Chinese.
func (p *Printer) words(ws analysis.Words) string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = p.Word(string(w))
	}
	if Or(p).Lang == English {
		return strings.Join(out, ", ")
	}
	return strings.Join(out, "、")
}

// nameList lists names as entered: "a, b and c" in English, "a、b和c" in
// Traditional and Simplified Chinese alike.
func (p *Printer) nameList(ns analysis.Names) string {
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = p.Name(n)
	}
	and, sep := " and ", ", "
	if Or(p).Lang != English {
		and, sep = "和", "、"
	}
	switch len(out) {
	case 0:
		return ""
	case 1:
		return out[0]
	}
	return strings.Join(out[:len(out)-1], sep) + and + out[len(out)-1]
}

// parts words findings one after another, joined with semicolons.
func (p *Printer) parts(fs analysis.Parts) string {
	out := make([]string, 0, len(fs))
	for _, f := range fs {
		out = append(out, p.Finding(f))
	}
	if Or(p).Lang == English {
		return strings.Join(out, "; ")
	}
	return strings.Join(out, "；")
}

// wordTexts are the charts' titles, subtitles, notes and bar texts (key
// "words." and the chart), and the program's own words (key "word." and
// the English word, see Printer.Word).
var wordTexts = []Text{
	// The scope every chart states, and a finding that is one figure or
	// word.
	{Key: "words.scope", En: "%[1]s", Hant: "%[1]s", Hans: "%[1]s"},
	{Key: "words.word", En: "%[1]s", Hant: "%[1]s", Hans: "%[1]s"},
	{Key: "words.lines", En: "%[1]s\n%[2]s", Hant: "%[1]s\n%[2]s", Hans: "%[1]s\n%[2]s"},
	{Key: "words.scope.since", En: "cumulative since %[1]s", Hant: "自%[1]s年起累計", Hans: "自%[1]s年起累计"},
	{Key: "words.scope.asof", En: "as of %[1]s", Hant: "截至%[1]s", Hans: "截至%[1]s"},
	{Key: "words.scope.none", En: "nothing new announced in %[1]s", Hant: "%[1]s沒有新公布", Hans: "%[1]s没有新公布"},
	{Key: "words.scope.new", En: "%[1]d new pledges announced in %[2]s", One: "%[1]d new pledge announced in %[2]s",
		Hant: "%[2]s新公布%[1]d項承諾", Hans: "%[2]s新公布%[1]d项承诺"},
	{Key: "words.span", En: "%[1]s to %[2]s", Hant: "%[1]s至%[2]s", Hans: "%[1]s至%[2]s"},
	{Key: "words.marks", En: "Marks: %[1]s.", Hant: "標記：%[1]s。", Hans: "标记：%[1]s。"},

	// Pledges by investor.
	{Key: "words.investors.only", En: "%[1]s is the only investor with a stated AI pledge amount",
		Hant: "%[1]s是唯一列明AI投資承諾金額的投資者", Hans: "%[1]s是唯一列明AI投资承诺金额的投资者"},
	{Key: "words.investors.share", En: "%[1]s accounts for %[2]s of stated AI pledges",
		Hant: "%[1]s佔已列明金額的AI投資承諾的%[2]s", Hans: "%[1]s占已列明金额的AI投资承诺的%[2]s"},
	{Key: "words.investors.leads", En: "%[1]s leads stated AI pledges with %[2]s of the total",
		Hant: "%[1]s的AI投資承諾列明金額最多，佔總額的%[2]s", Hans: "%[1]s的AI投资承诺列明金额最多，占总额的%[2]s"},
	{Key: "words.investors.subtitle", En: "Stated amounts of counted AI pledges by investor group, %[1]s",
		Hant: "按投資者集團劃分的計入AI投資承諾列明金額，%[1]s", Hans: "按投资者集团划分的计入AI投资承诺列明金额，%[1]s"},
	{Key: "words.undisclosed.none", En: "All %[1]d counted pledges state an amount.", One: "All %[1]d counted pledge states an amount.",
		Hant: "全部%[1]d項計入的承諾均列明金額。", Hans: "全部%[1]d项计入的承诺均列明金额。"},
	{Key: "words.undisclosed.some", En: "%[1]d counted pledges of %[2]d state no amount: counted, not summed, so totals that include them are lower bounds.",
		One:  "%[1]d counted pledge of %[2]d state no amount: counted, not summed, so totals that include them are lower bounds.",
		Hant: "%[2]d項計入的承諾中，%[1]d項沒有列明金額：計入但不加總，故包括它們的總額為下限。",
		Hans: "%[2]d项计入的承诺中，%[1]d项没有列明金额：计入但不加总，故包括它们的总额为下限。"},
	{Key: "words.hidden.investors", En: "Not drawn, no amount stated: %[1]d investors (%[2]s).", One: "Not drawn, no amount stated: %[1]d investor (%[2]s).",
		Hant: "沒有列明金額、未畫出的投資者：%[1]d個（%[2]s）。", Hans: "没有列明金额、未画出的投资者：%[1]d个（%[2]s）。"},
	{Key: "words.hidden.sectors", En: "Not drawn, no amount stated: %[1]d sectors (%[2]s).", One: "Not drawn, no amount stated: %[1]d sector (%[2]s).",
		Hant: "沒有列明金額、未畫出的行業：%[1]d個（%[2]s）。", Hans: "没有列明金额、未画出的行业：%[1]d个（%[2]s）。"},
	{Key: "words.hidden.schemes", En: "Not drawn, no amount stated: %[1]d schemes (%[2]s).", One: "Not drawn, no amount stated: %[1]d scheme (%[2]s).",
		Hant: "沒有列明金額、未畫出的計劃：%[1]d個（%[2]s）。", Hans: "没有列明金额、未画出的计划：%[1]d个（%[2]s）。"},

	// Fund size by sector.
	{Key: "words.sectors.takes", En: "%[1]s takes %[2]s of stated AI pledges",
		Hant: "%[1]s佔已列明金額的AI投資承諾的%[2]s", Hans: "%[1]s占已列明金额的AI投资承诺的%[2]s"},
	{Key: "words.sectors.take", En: "%[1]s take %[2]s of stated AI pledges",
		Hant: "%[1]s合共佔已列明金額的AI投資承諾的%[2]s", Hans: "%[1]s合共占已列明金额的AI投资承诺的%[2]s"},
	{Key: "words.sectors.takes.assumed", En: "%[1]s takes %[2]s of stated AI pledges, most of it by an assumed equal split",
		Hant: "%[1]s佔已列明金額的AI投資承諾的%[2]s，其中大部分來自假設的平均分配", Hans: "%[1]s占已列明金额的AI投资承诺的%[2]s，其中大部分来自假设的平均分配"},
	{Key: "words.sectors.take.assumed", En: "%[1]s take %[2]s of stated AI pledges, most of it by an assumed equal split",
		Hant: "%[1]s合共佔已列明金額的AI投資承諾的%[2]s，其中大部分來自假設的平均分配", Hans: "%[1]s合共占已列明金额的AI投资承诺的%[2]s，其中大部分来自假设的平均分配"},
	{Key: "words.sectors.only", En: "%[1]s is the only sector with a stated AI pledge amount",
		Hant: "%[1]s是唯一列明AI投資承諾金額的行業", Hans: "%[1]s是唯一列明AI投资承诺金额的行业"},
	{Key: "words.sectors.only.assumed", En: "%[1]s is the only sector with a stated AI pledge amount, most of it by an assumed equal split",
		Hant: "%[1]s是唯一列明AI投資承諾金額的行業，其中大部分來自假設的平均分配", Hans: "%[1]s是唯一列明AI投资承诺金额的行业，其中大部分来自假设的平均分配"},
	{Key: "words.sectors.subtitle", En: "Stated amounts of counted AI pledges by sector, %[1]s",
		Hant: "按行業劃分的計入AI投資承諾列明金額，%[1]s", Hans: "按行业划分的计入AI投资承诺列明金额，%[1]s"},

	// Pledges by year.
	{Key: "words.years.most", En: "Most AI pledges were announced in %[1]s: %[2]d of %[3]d",
		Hant: "大部分AI投資承諾於%[1]s年公布：%[3]d項中佔%[2]d項", Hans: "大部分AI投资承诺于%[1]s年公布：%[3]d项中占%[2]d项"},
	{Key: "words.years.more", En: "More AI pledges were announced in %[1]s than in any other year: %[2]d of %[3]d",
		Hant: "%[1]s年公布的AI投資承諾多於任何其他年份：%[3]d項中佔%[2]d項", Hans: "%[1]s年公布的AI投资承诺多于任何其他年份：%[3]d项中占%[2]d项"},
	{Key: "words.years.all", En: "All %[1]d AI pledges were announced in %[2]s",
		Hant: "全部%[1]d項AI投資承諾均於%[2]s年公布", Hans: "全部%[1]d项AI投资承诺均于%[2]s年公布"},
	{Key: "words.years.subtitle", En: "Counted AI pledges by the year they were announced, %[1]s",
		Hant: "按公布年份劃分的計入AI投資承諾，%[1]s", Hans: "按公布年份划分的计入AI投资承诺，%[1]s"},
	{Key: "words.years.bars", En: "Bars count pledges; the figure under each count is the amount stated for that year's pledges.",
		Hant: "柱形表示承諾數目；數目下的數字是該年承諾列明的金額。", Hans: "柱形表示承诺数目；数目下的数字是该年承诺列明的金额。"},
	{Key: "words.years.approximate", En: "* %[1]d pledges are dated by another record than the source (the source's date, or a date found elsewhere); the year may be off.",
		One:  "* %[1]d pledge is dated by another record than the source (the source's date, or a date found elsewhere); the year may be off.",
		Hant: "* %[1]d項承諾的日期並非來源所載（採用來源本身的日期，或其他記錄的日期）；年份或有偏差。",
		Hans: "* %[1]d项承诺的日期并非来源所载（采用来源本身的日期，或其他记录的日期）；年份或有偏差。"},

	// Hong Kong against mainland China.
	{Key: "words.regions.both", En: "Stated AI pledges: mainland China %[1]s, Hong Kong %[2]s",
		Hant: "已公布金額的AI投資承諾：內地%[1]s，香港%[2]s", Hans: "已公布金额的AI投资承诺：内地%[1]s，香港%[2]s"},
	{Key: "words.regions.subtitle", En: "Counted AI pledges by the region they are for, %[1]s",
		Hant: "按所屬地區劃分的計入AI投資承諾，%[1]s", Hans: "按所属地区划分的计入AI投资承诺，%[1]s"},
	{Key: "words.regions.other", En: "Other regions, not drawn: %[1]s.", Hant: "未畫出的其他地區：%[1]s。", Hans: "未画出的其他地区：%[1]s。"},
	{Key: "words.regions.region", En: "%[1]s (%[2]d pledges)", One: "%[1]s (%[2]d pledge)", Count: 2,
		Hant: "%[1]s（%[2]d項承諾）", Hans: "%[1]s（%[2]d项承诺）"},

	// Pledges with and without an amount.
	{Key: "words.disclosed.all", En: "All %[1]d counted AI pledges state an amount",
		Hant: "全部%[1]d項計入的AI投資承諾均列明金額", Hans: "全部%[1]d项计入的AI投资承诺均列明金额"},
	{Key: "words.disclosed.none", En: "None of the %[1]d counted AI pledges states an amount",
		Hant: "%[1]d項計入的AI投資承諾均沒有列明金額", Hans: "%[1]d项计入的AI投资承诺均没有列明金额"},
	{Key: "words.disclosed.some", En: "%[1]d of %[2]d counted AI pledges state no amount",
		Hant: "%[2]d項計入的AI投資承諾中，%[1]d項沒有列明金額", Hans: "%[2]d项计入的AI投资承诺中，%[1]d项没有列明金额"},
	{Key: "words.disclosed.subtitle", En: "Counted AI pledges, %[1]s", Hant: "計入的AI投資承諾，%[1]s", Hans: "计入的AI投资承诺，%[1]s"},
	{Key: "words.disclosed.note", En: "Pledges with no amount stated are counted in every chart but add nothing to the totals, which are therefore lower bounds.",
		Hant: "沒有列明金額的承諾在各圖表中均計入，但不增加總額，故總額為下限。", Hans: "没有列明金额的承诺在各图表中均计入，但不增加总额，故总额为下限。"},
	{Key: "words.disclosed.signals", En: "%[1]d signals that are not money (licences, partnerships, plans)", One: "%[1]d signal that is not money (licence, partnership, plan)",
		Hant: "%[1]d項不涉及金錢的信號（牌照、合作、計劃）", Hans: "%[1]d项不涉及金钱的信号（牌照、合作、计划）"},
	{Key: "words.disclosed.perrecipient", En: "%[1]d amounts per recipient", One: "%[1]d amount per recipient",
		Hant: "%[1]d項每名受助者金額", Hans: "%[1]d项每名受助者金额"},
	{Key: "words.disclosed.left", En: "Not counted, so not drawn: %[1]s.", Hant: "不計入，故未畫出：%[1]s。", Hans: "不计入，故未画出：%[1]s。"},
	{Key: "words.disclosed.left.both", En: "Not counted, so not drawn: %[1]s and %[2]s.", Hant: "不計入，故未畫出：%[1]s及%[2]s。", Hans: "不计入，故未画出：%[1]s及%[2]s。"},
	{Key: "words.disclosed.stated", En: "Amount stated", Hant: "有列明金額", Hans: "有列明金额"},

	// A metric series.
	{Key: "words.trend.name", En: "%[1]s %[2]s", Hant: "%[1]s %[2]s", Hans: "%[1]s %[2]s"},
	{Key: "words.trend.name.basis", En: "%[1]s %[2]s (%[3]s)", Hant: "%[1]s %[2]s（%[3]s）", Hans: "%[1]s %[2]s（%[3]s）"},
	{Key: "words.trend.point", En: "%[1]s %[2]s", Hant: "%[1]s%[2]s", Hans: "%[1]s%[2]s"},
	{Key: "words.trend.point.the", En: "the %[1]s %[2]s", Hant: "%[1]s%[2]s", Hans: "%[1]s%[2]s"},
	{Key: "words.trend.multiple", En: "%[1]s: %[2]s %[3]s %[4]s", Hant: "%[1]s：%[2]s為%[4]s的%[3]s", Hans: "%[1]s：%[2]s为%[4]s的%[3]s"},
	{Key: "words.trend.last", En: "%[1]s: %[2]s in %[3]s", Hant: "%[1]s：%[3]s為%[2]s", Hans: "%[1]s：%[3]s为%[2]s"},
	{Key: "words.trend.subtitle", En: "%[1]s, %[2]s to %[3]s", Hant: "%[1]s，%[2]s至%[3]s", Hans: "%[1]s，%[2]s至%[3]s"},
	{Key: "words.trend.subtitle.cagr", En: "%[1]s, %[2]s to %[3]s; CAGR %[4]s", Hant: "%[1]s，%[2]s至%[3]s；複合年增長率%[4]s", Hans: "%[1]s，%[2]s至%[3]s；复合年增长率%[4]s"},
	{Key: "words.trend.subtitle.years", En: "%[1]s, %[2]s to %[3]s; CAGR %[4]s over %[5]d years",
		Hant: "%[1]s，%[2]s至%[3]s；%[5]d年間複合年增長率%[4]s", Hans: "%[1]s，%[2]s至%[3]s；%[5]d年间复合年增长率%[4]s"},
	{Key: "words.trend.currency", En: "In %[1]s as the source gives them, not converted into the report's %[2]s: a series keeps one currency.",
		Hant: "按來源所載以%[1]s列示，未換算為本報告的%[2]s：同一序列只用一種貨幣。", Hans: "按来源所载以%[1]s列示，未换算为本报告的%[2]s：同一序列只用一种货币。"},
	{Key: "words.trend.period", En: "%[1]s (%[2]s)", Hant: "%[1]s（%[2]s）", Hans: "%[1]s（%[2]s）"},
	{Key: "words.trend.rank", En: "No. %[1]s", Hant: "第%[1]s名", Hans: "第%[1]s名"},

	// Hong Kong: public against private.
	{Key: "words.hongkong.share", En: "%[1]s hold %[2]s of stated AI pledges in Hong Kong",
		Hant: "%[1]s佔香港已列明金額的AI投資承諾的%[2]s", Hans: "%[1]s占香港已列明金额的AI投资承诺的%[2]s"},
	{Key: "words.hongkong.all", En: "All stated AI pledges in Hong Kong are by %[1]s",
		Hant: "香港所有已列明金額的AI投資承諾均來自%[1]s", Hans: "香港所有已列明金额的AI投资承诺均来自%[1]s"},
	{Key: "words.hongkong.subtitle", En: "Public = government schemes, private = all other investors; stated amounts of counted pledges, %[1]s",
		Hant: "公營 = 政府計劃，私營 = 所有其他投資者；計入承諾的列明金額，%[1]s", Hans: "公营 = 政府计划，私营 = 所有其他投资者；计入承诺的列明金额，%[1]s"},
	{Key: "words.hongkong.none", En: "no pledges", Hant: "沒有承諾", Hans: "没有承诺"},
	{Key: "words.hongkong.count", En: "%[1]d pledges", One: "%[1]d pledge", Hant: "%[1]d項承諾", Hans: "%[1]d项承诺"},
	{Key: "words.hongkong.count.some", En: "%[1]d pledges (%[2]d not stated)", One: "%[1]d pledge (%[2]d not stated)",
		Hant: "%[1]d項承諾（%[2]d項未列明）", Hans: "%[1]d项承诺（%[2]d项未列明）"},

	// Hong Kong's public schemes.
	{Key: "words.schemes.one", En: "Hong Kong's one public AI scheme with a stated amount: %[1]s, %[2]s",
		Hant: "香港唯一列明金額的公營AI計劃：%[1]s，%[2]s", Hans: "香港唯一列明金额的公营AI计划：%[1]s，%[2]s"},
	{Key: "words.schemes.total", En: "Hong Kong's %[1]d public AI schemes with a stated amount total %[2]s",
		Hant: "香港%[1]d個列明金額的公營AI計劃總額為%[2]s", Hans: "香港%[1]d个列明金额的公营AI计划总额为%[2]s"},
	{Key: "words.schemes.subtitle", En: "Counted Hong Kong government AI pledges with a stated amount, %[1]s",
		Hant: "計入的香港政府AI投資承諾（有列明金額），%[1]s", Hans: "计入的香港政府AI投资承诺（有列明金额），%[1]s"},
	{Key: "words.schemes.unstated", En: "Not drawn: %[1]d public pledges with no amount stated.", One: "Not drawn: %[1]d public pledge with no amount stated.",
		Hant: "未畫出：%[1]d項沒有列明金額的公營承諾。", Hans: "未画出：%[1]d项没有列明金额的公营承诺。"},

	// Surveys and growth rates.
	{Key: "words.survey.title", En: "%[1]s: %[2]s at %[3]s", Hant: "%[1]s：%[2]s為%[3]s", Hans: "%[1]s：%[2]s为%[3]s"},
	{Key: "words.survey.part", En: "%[1]s: %[2]s at %[3]s (%[4]d of %[5]d)", Hant: "%[1]s：%[2]s為%[3]s（%[5]d之%[4]d）", Hans: "%[1]s：%[2]s为%[3]s（%[5]d之%[4]d）"},
	{Key: "words.survey.subtitle", En: "Percent of respondents, as reported, %[1]s", Hant: "受訪者百分比，按報道所載，%[1]s", Hans: "受访者百分比，按报道所载，%[1]s"},
	{Key: "words.survey.sample", En: "Respondents: %[1]s (the sample's make-up, not a finding; not drawn).",
		Hant: "受訪者：%[1]s（樣本組成，並非調查結果；未畫出）。", Hans: "受访者：%[1]s（样本组成，并非调查结果；未画出）。"},
	{Key: "words.growth.one", En: "%[1]s: %[2]s %[3]s", Hant: "%[1]s：%[2]s%[3]s", Hans: "%[1]s：%[2]s%[3]s"},
	{Key: "words.growth.subtitle", En: "Growth rates as reported, each over its own period; not shares, so not drawn on a 0-100%% axis",
		Hant: "按報道所載的增長率，各按其本身期間計算；並非佔比，故不以0至100%%的軸繪畫", Hans: "按报道所载的增长率，各按其本身期间计算；并非占比，故不以0至100%%的轴绘制"},
	{Key: "words.growth.subtitle.drawn", En: "Growth rates as reported, each over its own period; not shares, so not drawn on a 0-100%% axis; the %[1]d highest drawn",
		Hant: "按報道所載的增長率，各按其本身期間計算；並非佔比，故不以0至100%%的軸繪畫；只畫出最高的%[1]d項", Hans: "按报道所载的增长率，各按其本身期间计算；并非占比，故不以0至100%%的轴绘制；只画出最高的%[1]d项"},
	{Key: "words.growth.bar", En: "%[1]s: %[2]s (%[3]s)", Hant: "%[1]s：%[2]s（%[3]s）", Hans: "%[1]s：%[2]s（%[3]s）"},

	// The history of totals.
	{Key: "words.history.subtitle", En: "Stated amounts of the counted pledges in each monthly report, in %[1]s, %[2]s to %[3]s",
		Hant: "每月報告中計入承諾的列明金額，以%[1]s計，%[2]s至%[3]s", Hans: "每月报告中计入承诺的列明金额，以%[1]s计，%[2]s至%[3]s"},
	{Key: "words.history.up", En: "Stated AI pledges stand at %[1]s in the %[2]s report, up %[3]s since %[4]s",
		Hant: "%[2]s報告中已列明金額的AI投資承諾為%[1]s，自%[4]s以來增加%[3]s", Hans: "%[2]s报告中已列明金额的AI投资承诺为%[1]s，自%[4]s以来增加%[3]s"},
	{Key: "words.history.down", En: "Stated AI pledges stand at %[1]s in the %[2]s report, down %[3]s since %[4]s",
		Hant: "%[2]s報告中已列明金額的AI投資承諾為%[1]s，自%[4]s以來減少%[3]s", Hans: "%[2]s报告中已列明金额的AI投资承诺为%[1]s，自%[4]s以来减少%[3]s"},
	{Key: "words.history.unchanged", En: "Stated AI pledges stand at %[1]s in the %[2]s report, unchanged since %[3]s",
		Hant: "%[2]s報告中已列明金額的AI投資承諾為%[1]s，自%[3]s以來不變", Hans: "%[2]s报告中已列明金额的AI投资承诺为%[1]s，自%[3]s以来不变"},
	{Key: "words.history.other", En: "Left out, in another currency: %[1]s.", Hant: "以其他貨幣計而未列入：%[1]s。", Hans: "以其他货币计而未列入：%[1]s。"},

	// Bars and panels of money charts.
	{Key: "words.bar.unstated", En: "%[1]s (%[2]d of %[3]d not stated)", Hant: "%[1]s（%[3]d項中%[2]d項未列明）", Hans: "%[1]s（%[3]d项中%[2]d项未列明）"},
	{Key: "words.bar.others", En: "Others (%[1]d %[2]s)", Hant: "其他（%[1]d個%[2]s）", Hans: "其他（%[1]d个%[2]s）"},
	{Key: "words.bar.allother", En: "All %[1]d other %[2]s", Hant: "其他全部%[1]d個%[2]s", Hans: "其他全部%[1]d个%[2]s"},
	{Key: "words.panel.all", En: "All %[1]s", Hant: "全部%[1]s", Hans: "全部%[1]s"},
	{Key: "words.panel.rest", En: "The other %[1]s on their own scale", Hant: "其他%[1]s（按各自刻度）", Hans: "其他%[1]s（按各自刻度）"},
	{Key: "words.regions.nonestated", En: "none stated", Hant: "未列明", Hans: "未列明"},
	{Key: "words.regions.count", En: "%[1]d (%[2]d with no amount stated)", Hant: "%[1]d（%[2]d項沒有列明金額）", Hans: "%[1]d（%[2]d项没有列明金额）"},

	// The program's own words.
	{Key: "word.investors", En: "investors", Hant: "投資者", Hans: "投资者"},
	{Key: "word.sectors", En: "sectors", Hant: "行業", Hans: "行业"},
	{Key: "word.schemes", En: "schemes", Hant: "計劃", Hans: "计划"},
	{Key: "word.Public schemes", En: "Public schemes", Hant: "公營計劃", Hans: "公营计划"},
	{Key: "word.Private funds and companies", En: "Private funds and companies", Hant: "私營基金及公司", Hans: "私营基金及公司"},
	{Key: "word.public schemes", En: "public schemes", Hant: "公營計劃", Hans: "公营计划"},
	{Key: "word.private funds and companies", En: "private funds and companies", Hant: "私營基金及公司", Hans: "私营基金及公司"},
	{Key: "word.(unspecified)", En: "(unspecified)", Hant: "（未指明）", Hans: "（未指明）"},
	{Key: "word.actual", En: "actual", Hant: "實際", Hans: "实际"},
	{Key: "word.plan", En: "plan", Hant: "計劃", Hans: "计划"},
	{Key: "word.pledge", En: "pledge", Hant: "承諾", Hans: "承诺"},
	{Key: "word.≥ at least", En: "≥ at least", Hant: "≥ 至少", Hans: "≥ 至少"},
	{Key: "word.> more than", En: "> more than", Hant: "> 超過", Hans: "> 超过"},
	{Key: "word.≤ at most", En: "≤ at most", Hant: "≤ 最多", Hans: "≤ 最多"},
	{Key: "word.< less than", En: "< less than", Hant: "< 不足", Hans: "< 不足"},
	{Key: "word.~ about", En: "~ about", Hant: "~ 約", Hans: "~ 约"},
	{Key: "word.(mixed bounds)", En: "(mixed bounds)", Hant: "（上下限不一）", Hans: "（上下限不一）"},
}

func init() { register(wordTexts) }
