package lang

import (
	"math"
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
		if _, scale := p.Lookup("scale." + word); scale {
			return p.Word(name) + "（" + p.Scale(word) + "）"
		}
	}
	return w
}

// bare renders a bar's amount without its bound: US$53.0B, 530億美元.
func (p *Printer) bare(a analysis.BarAmount) string {
	p = Or(p)
	if p.Lang == English {
		return analysis.FormatMoney(a.Value, a.Currency, a.Qualifier)
	}
	if math.IsNaN(a.Value) {
		return p.Term("undisclosed")
	}
	return p.amount(a.Value, a.Currency)
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
	{Key: "words.years.dated.most", En: "Most dated AI pledges were announced in %[1]s: %[2]d of %[3]d",
		Hant: "大部分列明日期的AI投資承諾於%[1]s年公布：%[3]d項中佔%[2]d項", Hans: "大部分列明日期的AI投资承诺于%[1]s年公布：%[3]d项中占%[2]d项"},
	{Key: "words.years.dated.more", En: "More dated AI pledges were announced in %[1]s than in any other year: %[2]d of %[3]d",
		Hant: "%[1]s年公布的列明日期AI投資承諾多於任何其他年份：%[3]d項中佔%[2]d項", Hans: "%[1]s年公布的列明日期AI投资承诺多于任何其他年份：%[3]d项中占%[2]d项"},
	{Key: "words.years.dated.all", En: "All %[1]d dated AI pledges were announced in %[2]s",
		Hant: "全部%[1]d項列明日期的AI投資承諾均於%[2]s年公布", Hans: "全部%[1]d项列明日期的AI投资承诺均于%[2]s年公布"},
	{Key: "words.years.undated", En: "Date not stated: %[1]d pledges counted in the totals but in no year, as the source gives no date.",
		One:  "Date not stated: %[1]d pledge counted in the totals but in no year, as the source gives no date.",
		Hant: "未列明日期：%[1]d項承諾已計入總額，但因來源沒有日期，不屬任何年份。", Hans: "未列明日期：%[1]d项承诺已计入总额，但因来源没有日期，不属任何年份。"},
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
		Hant: "已列明金額的AI投資承諾：內地%[1]s，香港%[2]s", Hans: "已列明金额的AI投资承诺：内地%[1]s，香港%[2]s"},
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
		Hant: "公營指政府計劃，私營指所有其他投資者；計入承諾的列明金額，%[1]s", Hans: "公营指政府计划，私营指所有其他投资者；计入承诺的列明金额，%[1]s"},
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

	// Delivery of pledges.
	{Key: "words.progress.subtitle", En: "Open pledges with a stated amount: pledged and delivered (disbursed or spent) on the evidence, in %[1]s",
		Hant: "列明金額的未完結承諾：按進展證據的承諾金額及已落實金額（已撥款或已支出），以%[1]s計", Hans: "列明金额的未完结承诺：按进展证据的承诺金额及已落实金额（已拨款或已支出），以%[1]s计"},
	{Key: "words.progress.subtitle.asof", En: "Open pledges with a stated amount: pledged and delivered (disbursed or spent) on the evidence, in %[1]s, as of %[2]s",
		Hant: "列明金額的未完結承諾：按進展證據的承諾金額及已落實金額（已撥款或已支出），以%[1]s計，截至%[2]s", Hans: "列明金额的未完结承诺：按进展证据的承诺金额及已落实金额（已拨款或已支出），以%[1]s计，截至%[2]s"},
	{Key: "words.progress.none", En: "none delivered of %[1]s", Hant: "%[1]s中未有已落實金額", Hans: "%[1]s中未有已落实金额"},
	{Key: "words.progress.of", En: "%[1]s of %[2]s", Hant: "%[2]s中的%[1]s", Hans: "%[2]s中的%[1]s"},
	{Key: "words.progress.share", En: "%[1]s of %[2]s, %[3]s", Hant: "%[2]s中的%[1]s，%[3]s", Hans: "%[2]s中的%[1]s，%[3]s"},
	{Key: "words.progress.status", En: "%[1]s: %[2]s", Hant: "%[1]s：%[2]s", Hans: "%[1]s：%[2]s"},
	{Key: "words.progress.pace", En: "Pace = share delivered / share of the period elapsed: behind below %[1]s, ahead above %[2]s; overdue: the period is over with less than the pledge delivered. Pledges without a period have no tick and are not judged.",
		Hant: "進度 = 已落實佔比 / 已過期間佔比：低於%[1]s為落後，高於%[2]s為超前；逾期：期間已結束而已落實金額不足承諾金額。沒有期間的承諾沒有刻度，不作判斷。",
		Hans: "进度 = 已落实占比 / 已过期间占比：低于%[1]s为落后，高于%[2]s为超前；逾期：期间已结束而已落实金额不足承诺金额。没有期间的承诺没有刻度，不作判断。"},
	{Key: "words.progress.closed", En: "Not drawn: %[1]d pledges completed, cancelled or replaced.", One: "Not drawn: %[1]d pledge completed, cancelled or replaced.",
		Hant: "未畫出：%[1]d項已完成、已取消或已被取代的承諾。", Hans: "未画出：%[1]d项已完成、已取消或已被取代的承诺。"},
	{Key: "words.progress.hidden.silent", En: "Not drawn: %[1]d open pledges with no evidence yet; every pledge is on the Progress sheet.",
		One:  "Not drawn: %[1]d open pledge with no evidence yet; every pledge is on the Progress sheet.",
		Hant: "未畫出：%[1]d項尚未有進展證據的未完結承諾；所有承諾均列於「進度」工作表。", Hans: "未画出：%[1]d项尚未有进展证据的未完结承诺；所有承诺均列于“进度”工作表。"},
	{Key: "words.progress.hidden.more", En: "Not drawn: the %[1]d smallest with evidence; every pledge is on the Progress sheet.",
		Hant: "未畫出：有進展證據中最小的%[1]d項；所有承諾均列於「進度」工作表。", Hans: "未画出：有进展证据中最小的%[1]d项；所有承诺均列于“进度”工作表。"},
	{Key: "words.progress.hidden.both", En: "Not drawn: %[1]d open pledges with no evidence yet and the %[2]d smallest with evidence; every pledge is on the Progress sheet.",
		One:  "Not drawn: %[1]d open pledge with no evidence yet and the %[2]d smallest with evidence; every pledge is on the Progress sheet.",
		Hant: "未畫出：%[1]d項尚未有進展證據的未完結承諾，以及有進展證據中最小的%[2]d項；所有承諾均列於「進度」工作表。",
		Hans: "未画出：%[1]d项尚未有进展证据的未完结承诺，以及有进展证据中最小的%[2]d项；所有承诺均列于“进度”工作表。"},
	{Key: "words.progress.noperiod", En: "None of the %[1]d open tracked pledges states a period, so none is judged on pace",
		One:  "None of the %[1]d open tracked pledge states a period, so none is judged on pace",
		Hant: "%[1]d項跟進中的未完結承諾均沒有列明期間，故不判斷進度", Hans: "%[1]d项跟进中的未完结承诺均没有列明期间，故不判断进度"},
	{Key: "words.progress.behind", En: "%[2]d of %[1]d pledges with a period are behind pace",
		Hant: "%[1]d項有期間的承諾中，%[2]d項進度落後", Hans: "%[1]d项有期间的承诺中，%[2]d项进度落后"},
	{Key: "words.progress.behind1", En: "%[2]d of %[1]d pledges with a period is behind pace", One: "%[2]d of %[1]d pledge with a period is behind pace",
		Hant: "%[1]d項有期間的承諾中，%[2]d項進度落後", Hans: "%[1]d项有期间的承诺中，%[2]d项进度落后"},
	{Key: "words.progress.behind.overdue", En: "%[2]d of %[1]d pledges with a period are behind pace, %[3]d of them overdue",
		Hant: "%[1]d項有期間的承諾中，%[2]d項進度落後，其中%[3]d項逾期", Hans: "%[1]d项有期间的承诺中，%[2]d项进度落后，其中%[3]d项逾期"},
	{Key: "words.progress.behind1.overdue", En: "%[2]d of %[1]d pledges with a period is behind pace, %[3]d of them overdue",
		One:  "%[2]d of %[1]d pledge with a period is behind pace, %[3]d of them overdue",
		Hant: "%[1]d項有期間的承諾中，%[2]d項進度落後，其中%[3]d項逾期", Hans: "%[1]d项有期间的承诺中，%[2]d项进度落后，其中%[3]d项逾期"},
	{Key: "words.progress.onpace.one", En: "The one pledge with a period is on pace or ahead", Hant: "唯一有期間的承諾按進度或超前", Hans: "唯一有期间的承诺按进度或超前"},
	{Key: "words.progress.onpace", En: "All %[1]d pledges with a period are on pace or ahead", Hant: "全部%[1]d項有期間的承諾均按進度或超前", Hans: "全部%[1]d项有期间的承诺均按进度或超前"},
	{Key: "words.progress.open", En: "No pledge with a period is behind pace; %[1]d of %[2]d cannot be judged yet",
		Hant: "沒有期間的承諾進度落後；%[2]d項中%[1]d項尚未能判斷", Hans: "没有期间的承诺进度落后；%[2]d项中%[1]d项尚未能判断"},
	{Key: "words.delivery.pledged", En: "%[1]s pledged", Hant: "承諾：%[1]s", Hans: "承诺：%[1]s"},
	{Key: "words.delivery.delivered", En: "%[1]s delivered", Hant: "已落實：%[1]s", Hans: "已落实：%[1]s"},
	{Key: "words.delivery.nothing", En: "no amount delivered", Hant: "沒有已落實金額", Hans: "没有已落实金额"},
	{Key: "words.delivery.subtitle", En: "Counted pledges in each monthly report: stated amounts pledged, and delivered (disbursed or spent) on the evidence, in %[1]s, %[2]s to %[3]s",
		Hant: "每月報告中計入的承諾：承諾的列明金額，以及按進展證據的已落實金額（已撥款或已支出），以%[1]s計，%[2]s至%[3]s",
		Hans: "每月报告中计入的承诺：承诺的列明金额，以及按进展证据的已落实金额（已拨款或已支出），以%[1]s计，%[2]s至%[3]s"},
	{Key: "words.delivery.mixed", En: "A total marked (mixed bounds) sums lower and upper bounds: the true total may be above or below it.",
		Hant: "標示為（上下限不一）的總額是下限與上限相加：真實總額可能高於或低於此數。", Hans: "标示为（上下限不一）的总额是下限与上限相加：真实总额可能高于或低于此数。"},
	{Key: "words.delivery.none", En: "No amount delivered on the evidence of the %[1]s report, of %[2]s pledged",
		Hant: "按%[1]s報告的進展證據，承諾的%[2]s中沒有已落實金額", Hans: "按%[1]s报告的进展证据，承诺的%[2]s中没有已落实金额"},
	{Key: "words.delivery.first", En: "Evidence shows %[1]s delivered of %[2]s pledged in the %[3]s report, the first report with an amount delivered",
		Hant: "%[3]s報告的進展證據顯示，承諾的%[2]s中已落實%[1]s，為首份有已落實金額的報告", Hans: "%[3]s报告的进展证据显示，承诺的%[2]s中已落实%[1]s，为首份有已落实金额的报告"},
	{Key: "words.delivery.up", En: "Evidence shows %[1]s delivered of %[2]s pledged in the %[3]s report, up from %[4]s in %[5]s",
		Hant: "%[3]s報告的進展證據顯示，承諾的%[2]s中已落實%[1]s，高於%[5]s的%[4]s", Hans: "%[3]s报告的进展证据显示，承诺的%[2]s中已落实%[1]s，高于%[5]s的%[4]s"},
	{Key: "words.delivery.down", En: "Evidence shows %[1]s delivered of %[2]s pledged in the %[3]s report, down from %[4]s in %[5]s",
		Hant: "%[3]s報告的進展證據顯示，承諾的%[2]s中已落實%[1]s，低於%[5]s的%[4]s", Hans: "%[3]s报告的进展证据显示，承诺的%[2]s中已落实%[1]s，低于%[5]s的%[4]s"},
	{Key: "words.delivery.unchanged", En: "Evidence shows %[1]s delivered of %[2]s pledged in the %[3]s report, unchanged since %[4]s",
		Hant: "%[3]s報告的進展證據顯示，承諾的%[2]s中已落實%[1]s，自%[4]s以來不變", Hans: "%[3]s报告的进展证据显示，承诺的%[2]s中已落实%[1]s，自%[4]s以来不变"},

	// Bars and panels of money charts.
	{Key: "words.money", En: "%[1]s", Hant: "%[1]s", Hans: "%[1]s"},
	{Key: "words.money.≥", En: "≥ %[1]s", Hant: "≥ %[1]s", Hans: "≥ %[1]s"},
	{Key: "words.money.>", En: "> %[1]s", Hant: "> %[1]s", Hans: "> %[1]s"},
	{Key: "words.money.≤", En: "≤ %[1]s", Hant: "≤ %[1]s", Hans: "≤ %[1]s"},
	{Key: "words.money.<", En: "< %[1]s", Hant: "< %[1]s", Hans: "< %[1]s"},
	{Key: "words.money.~", En: "~%[1]s", Hant: "~%[1]s", Hans: "~%[1]s"},
	{Key: "words.money.mixed", En: "%[1]s (mixed bounds)", Hant: "%[1]s（上下限不一）", Hans: "%[1]s（上下限不一）"},
	{Key: "words.bar.unstated", En: "%[1]s (%[2]d of %[3]d not stated)", Hant: "%[1]s（%[3]d項中%[2]d項未列明）", Hans: "%[1]s（%[3]d项中%[2]d项未列明）"},
	{Key: "words.bar.others", En: "Others (%[1]d %[2]s)", Hant: "其他（%[1]d個%[2]s）", Hans: "其他（%[1]d个%[2]s）"},
	{Key: "words.bar.allother", En: "All %[1]d other %[2]s", Hant: "其他全部%[1]d個%[2]s", Hans: "其他全部%[1]d个%[2]s"},
	{Key: "words.panel.all", En: "All %[1]s", Hant: "全部%[1]s", Hans: "全部%[1]s"},
	{Key: "words.panel.rest", En: "The other %[1]s on their own scale", Hant: "其他%[1]s（按各自刻度）", Hans: "其他%[1]s（按各自刻度）"},
	{Key: "words.regions.nonestated", En: "none stated", Hant: "未列明", Hans: "未列明"},
	{Key: "words.regions.count", En: "%[1]d (%[2]d with no amount stated)", Hant: "%[1]d（%[2]d項沒有列明金額）", Hans: "%[1]d（%[2]d项没有列明金额）"},

	// The program's own words.
	{Key: "chart.pledgewatch reports in the output folder", En: "pledgewatch reports in the output folder",
		Hant: "輸出資料夾中的pledgewatch報告", Hans: "输出文件夹中的pledgewatch报告"},
	{Key: "word.investors", En: "investors", Hant: "投資者", Hans: "投资者"},
	{Key: "word.sectors", En: "sectors", Hant: "行業", Hans: "行业"},
	{Key: "word.schemes", En: "schemes", Hant: "計劃", Hans: "计划"},
	{Key: "word.Public schemes", En: "Public schemes", Hant: "公營計劃", Hans: "公营计划"},
	{Key: "word.Private funds and companies", En: "Private funds and companies", Hant: "私營基金及企業", Hans: "私营基金及企业"},
	{Key: "word.public schemes", En: "public schemes", Hant: "公營計劃", Hans: "公营计划"},
	{Key: "word.private funds and companies", En: "private funds and companies", Hant: "私營基金及企業", Hans: "私营基金及企业"},
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

// ruleTexts are the rules of the analysis as the workbook states them
// (key "wb." and the rule), the names of the rules on About, the
// workbook's fixed labels, and the words of its columns that the program
// writes (key "word."): kinds, statuses, investor types, relations,
// date bases, the reasons a pledge is not counted.
var ruleTexts = []Text{
	{Key: "wb." + analysis.RuleConversion, En: analysis.RuleConversion,
		Hant: "金額按公布日期當日或之前最新的匯率換算，如無則按該貨幣最早的匯率；指標按其期間結束當日或之前的匯率換算。",
		Hans: "金额按公布日期当日或之前最新的汇率换算，如无则按该货币最早的汇率；指标按其期间结束当日或之前的汇率换算。"},
	{Key: "wb." + analysis.RuleDollar, En: analysis.RuleDollar, Hant: "美元按定義為1。", Hans: "美元按定义为1。"},
	{Key: "wb." + analysis.RuleQualifier, En: analysis.RuleQualifier,
		Hant: "包含「至少」或「超過」金額的總和本身亦為下限；約數按其所列數值計算；不計未披露承諾的總和為「至少」；下限與上限並存則為「上下限不一」。句子按所示位數進位；儲存格保留未進位的數值。",
		Hans: "包含“至少”或“超过”金额的总和本身亦为下限；约数按其所列数值计算；不计未披露承诺的总和为“至少”；下限与上限并存则为“上下限不一”。句子按所示位数四舍五入；单元格保留未四舍五入的数值。"},
	{Key: "wb." + analysis.RuleSector, En: analysis.RuleSector,
		Hant: "按行業劃分的基金規模：行業名稱先對應分析員本身的清單（Sector names 工作表）；列出多個行業的承諾按其來源所載的佔比分配，如無則平均分配（屬假設，另行顯示）；未列出行業的承諾計入「（未指明）」。",
		Hans: "按行业划分的基金规模：行业名称先对应分析员本身的清单（Sector names 工作表）；列出多个行业的承诺按其来源所载的占比分配，如无则平均分配（属假设，另行显示）；未列出行业的承诺计入“（未指明）”。"},
	{Key: "wb." + analysis.RulePerYear, En: analysis.RulePerYear,
		Hant: "每年數值：金額除以承諾涵蓋的年數；沒有年期的承諾則無此數值。",
		Hans: "每年数值：金额除以承诺涵盖的年数；没有年期的承诺则无此数值。"},
	{Key: "wb." + analysis.RuleCounted, En: analysis.RuleCounted,
		Hant: "總額計入所有金錢承諾，但不包括已撤回者、重複輸入的承諾、對其他承諾的重申及其組成部分、被較後承諾取代者，以及截止日期後公布的承諾；不涉及金錢的信號和每名受助者金額只會列出，從不計入。",
		Hans: "总额计入所有金钱承诺，但不包括已撤回者、重复输入的承诺、对其他承诺的重申及其组成部分、被较后承诺取代者，以及截止日期后公布的承诺；不涉及金钱的信号和每名受助者金额只会列出，从不计入。"},
	{Key: "wb." + analysis.RuleKind, En: analysis.RuleKind,
		Hant: "只有列明總額的金錢承諾才會加總。信號（牌照、合作、沒有數字的計劃）只會列出，從不計入；每名受助者金額（每間初創企業）按原樣顯示，從不加總。",
		Hans: "只有列明总额的金钱承诺才会加总。信号（牌照、合作、没有数字的计划）只会列出，从不计入；每名受助者金额（每家初创企业）按原样显示，从不加总。"},
	{Key: "wb." + analysis.RuleRelation, En: analysis.RuleRelation,
		Hant: "追加金額加入其所指的承諾；重申是再次報道的同一筆款項（不加總；其來源併入原承諾）；承諾的組成部分只顯示、不加總；被較後承諾取代的承諾不再計入。",
		Hans: "追加金额加入其所指的承诺；重申是再次报道的同一笔款项（不加总；其来源并入原承诺）；承诺的组成部分只显示、不加总；被较后承诺取代的承诺不再计入。"},
	{Key: "wb." + analysis.RuleRepeat, En: analysis.RuleRepeat,
		Hant: "同一集團在一年內公布、彼此沒有關連的兩項承諾，如金額相差不超過15%，或在5%以內相差10倍、100倍或1000倍（百萬／十億或亿／十亿之誤），會標示為可能是同一筆款項。",
		Hans: "同一集团在一年内公布、彼此没有关联的两项承诺，如金额相差不超过15%，或在5%以内相差10倍、100倍或1000倍（百万／十亿或亿／十亿之误），会标示为可能是同一笔款项。"},
	{Key: "wb." + analysis.RuleScope, En: analysis.RuleScope,
		Hant: "只計入AI資金：專用於AI的承諾全數計入；包括AI的較廣泛計劃按來源列明的AI佔比計入，未有列明則列於總額旁，從不加總；非AI的承諾只列出，不計入。",
		Hans: "只计入AI资金：专用于AI的承诺全数计入；包括AI的较广泛计划按来源列明的AI占比计入，未有列明则列于总额旁，从不加总；非AI的承诺只列出，不计入。"},
	{Key: "wb." + analysis.RuleRestated, En: analysis.RuleRestated,
		Hant: "重申的金額與其所重申的承諾不同時會發出警告：同一貨幣只要有任何差異即警告，不同貨幣則在換算後相差超過1%時警告。",
		Hans: "重申的金额与其所重申的承诺不同时会发出警告：同一货币只要有任何差异即警告，不同货币则在换算后相差超过1%时警告。"},
	{Key: "wb." + analysis.RuleDate, En: analysis.RuleDate,
		Hant: "標示為「報道日期」的日期，是以來源本身的日期代替其未有提供的日期；「其他記錄」的日期來自另一記錄。以這些日期推算的年份屬約數（標示為~）。標示為「之前」或「不詳」的日期並非來源所載：該承諾計入總額，但不屬任何年份（「未列明日期」），而數字的累計起始年份只以列明的日期為準。",
		Hans: "标示为“报道日期”的日期，是以来源本身的日期代替其未有提供的日期；“其他记录”的日期来自另一记录。以这些日期推算的年份属约数（标示为~）。标示为“之前”或“不详”的日期并非来源所载：该承诺计入总额，但不属任何年份（“未列明日期”），而数字的累计起始年份只以列明的日期为准。"},
	{Key: "wb." + analysis.RuleComparison, En: analysis.RuleComparison,
		Hant: "比較：比率 = 左 / 右；佔比 = 左 / 右，以百分比表示；差額 = 左 - 右（百分比之間以百分點計）；增長 = 左 / 右 - 1；步伐 = （左 / 其年數）/（右 / 其年數），以倍數或（步伐佔比）百分比表示。上下限會沿用：以上限為分母的比率為下限。只比較同類數字：相同的量度（承諾金額對承諾金額、收入對收入，不論基準），指標須為同一期間，步伐比較除外（兩邊均按每年計算）；以倍數相除的數字須屬同一實體。不同類數字的比較會在其儲存格發出警告並略去，除非「註明差異」欄說明兩者的分別：句子會載明該差異。以同一貨幣列示的兩個金額指標以該貨幣比較；句子只為顯示而換算，並註明匯率。",
		Hans: "比较：比率 = 左 / 右；占比 = 左 / 右，以百分比表示；差额 = 左 - 右（百分比之间以百分点计）；增长 = 左 / 右 - 1；步伐 = （左 / 其年数）/（右 / 其年数），以倍数或（步伐占比）百分比表示。上下限会沿用：以上限为分母的比率为下限。只比较同类数字：相同的量度（承诺金额对承诺金额、收入对收入，不论基准），指标须为同一期间，步伐比较除外（两边均按每年计算）；以倍数相除的数字须属同一实体。不同类数字的比较会在其单元格发出警告并略去，除非“注明差异”栏说明两者的分别：句子会载明该差异。以同一货币列示的两个金额指标以该货币比较；句子只为显示而换算，并注明汇率。"},
	{Key: "wb." + analysis.RuleDuplicate, En: analysis.RuleDuplicate,
		Hant: "如投資者與計劃名稱相同（不論大小寫）、公布日期相隔最多31日，而換算後金額相差最多15%，該承諾視為重複輸入；保留第一項，並併入兩者的來源。",
		Hans: "如投资者与计划名称相同（不论大小写）、公布日期相隔最多31日，而换算后金额相差最多15%，该承诺视为重复输入；保留第一项，并并入两者的来源。"},
	{Key: "wb." + analysis.RuleCAGR, En: analysis.RuleCAGR,
		Hant: "倍數 = 最後 / 最初；複合年增長率（CAGR）= 倍數^(1/年數) - 1，只適用於按年期間；上下限的比率保留上下限（32除以不足13為超過2.46倍）。",
		Hans: "倍数 = 最后 / 最初；复合年增长率（CAGR）= 倍数^(1/年数) - 1，只适用于按年期间；上下限的比率保留上下限（32除以不足13为超过2.46倍）。"},
	{Key: "wb." + analysis.RuleStatedUSD, En: analysis.RuleStatedUSD,
		Hant: "如來源列明等值美元金額，會與「匯率」工作表比較；相差超過5%即列為警告。",
		Hans: "如来源列明等值美元金额，会与“汇率”工作表比较；相差超过5%即列为警告。"},
	{Key: "wb." + analysis.RuleProgress, En: analysis.RuleProgress,
		Hant: "只跟進列明金額的金錢承諾；信號和每名受助者金額並非總額承諾。已落實金額為截止日期前已撥款與已支出金額中較大者（列明已完成的金額視為已支出）；已承擔及已批准的金額會顯示，但不計入為已落實。" +
			"累計金額是截至其日期在該階段的總額；增量金額則加在之前的金額上。進展證據的金額按承諾公布日期的匯率換算，與承諾相同，故已落實佔比不隨匯率變動。" +
			"已落實佔比 = 已落實 / 承諾金額；期間由開始年份的1月1日（如無則由公布日期）起計，為期承諾的年數；已過期間 = 截止日期時已過的期間佔比；進度 = 已落實佔比 / 已過期間。" +
			"階段：已承擔最先，已完成最後；批准、撥款和支出可按任何次序、按實際發生次數報道。落後：進度低於0.8；超前：高於1.25；介乎兩者為按進度。逾期：期間已結束而已落實金額不足承諾金額。" +
			"只有在上下限所容許的每個數值都得出同一狀態時，上下限才決定狀態；否則進度不明。沒有消息：過去12個月內沒有進展證據（如從未有，則自公布起計）。",
		Hans: "只跟进列明金额的金钱承诺；信号和每名受助者金额并非总额承诺。已落实金额为截止日期前已拨款与已支出金额中较大者（列明已完成的金额视为已支出）；已承担及已批准的金额会显示，但不计入为已落实。" +
			"累计金额是截至其日期在该阶段的总额；增量金额则加在之前的金额上。进展证据的金额按承诺公布日期的汇率换算，与承诺相同，故已落实占比不随汇率变动。" +
			"已落实占比 = 已落实 / 承诺金额；期间由开始年份的1月1日（如无则由公布日期）起计，为期承诺的年数；已过期间 = 截止日期时已过的期间占比；进度 = 已落实占比 / 已过期间。" +
			"阶段：已承担最先，已完成最后；批准、拨款和支出可按任何次序、按实际发生次数报道。落后：进度低于0.8；超前：高于1.25；介乎两者为按进度。逾期：期间已结束而已落实金额不足承诺金额。" +
			"只有在上下限所容许的每个数值都得出同一状态时，上下限才决定状态；否则进度不明。没有消息：过去12个月内没有进展证据（如从未有，则自公布起计）。"},
	{Key: "wb." + analysis.RuleMatching, En: analysis.RuleMatching,
		Hant: "承諾按編號配對，如無編號則按投資者、計劃及公布日期配對（不論大小寫及空格）；指標按機構、指標、期間及基準配對。",
		Hans: "承诺按编号配对，如无编号则按投资者、计划及公布日期配对（不论大小写及空格）；指标按机构、指标、期间及基准配对。"},
	{Key: "wb." + analysis.RuleSectorRows, En: analysis.RuleSectorRows,
		Hant: "列出多個行業的承諾在每個行業均計入，故總額一行顯示的是不同承諾的數目，而非該欄的總和。",
		Hans: "列出多个行业的承诺在每个行业均计入，故总额一行显示的是不同承诺的数目，而非该列的总和。"},
	{Key: "wb." + analysis.RuleHistory, En: analysis.RuleHistory,
		Hant: "每份月度報告一行（包括本報告），取自每份報告旁保存的快照：計入的承諾、其總額及按投資者類型劃分的總額。變動是某報告的總額減去上一份報告的總額（兩者須以同一貨幣計）。",
		Hans: "每份月度报告一行（包括本报告），取自每份报告旁保存的快照：计入的承诺、其总额及按投资者类型划分的总额。变动是某报告的总额减去上一份报告的总额（两者须以同一货币计）。"},
	{Key: "wb." + analysis.RuleHistory + analysis.RuleHistoryDelivered, En: analysis.RuleHistory + analysis.RuleHistoryDelivered,
		Hant: "每份月度報告一行（包括本報告），取自每份報告旁保存的快照：計入的承諾、其總額及按投資者類型劃分的總額。變動是某報告的總額減去上一份報告的總額（兩者須以同一貨幣計）。已落實總額是按該報告的進展證據，計入承諾已撥款或已支出金額的總和（見「進度」工作表）；沒有則留空。",
		Hans: "每份月度报告一行（包括本报告），取自每份报告旁保存的快照：计入的承诺、其总额及按投资者类型划分的总额。变动是某报告的总额减去上一份报告的总额（两者须以同一货币计）。已落实总额是按该报告的进展证据，计入承诺已拨款或已支出金额的总和（见“进度”工作表）；没有则留空。"},

	// The names of the rules on About.
	{Key: "wb.Conversion", En: "Conversion", Hant: "換算", Hans: "换算"},
	{Key: "wb.Qualifiers", En: "Qualifiers", Hant: "限定詞", Hans: "限定词"},
	{Key: "wb.Sectors", En: "Sectors", Hant: "行業", Hans: "行业"},
	{Key: "wb.Per year", En: "Per year", Hant: "每年", Hans: "每年"},
	{Key: "wb.Counted", En: "Counted", Hant: "計入", Hans: "计入"},
	{Key: "wb.What is money", En: "What is money", Hant: "何謂金錢承諾", Hans: "何谓金钱承诺"},
	{Key: "wb.Relations", En: "Relations", Hant: "承諾之間的關係", Hans: "承诺之间的关系"},
	{Key: "wb.Likely repeats", En: "Likely repeats", Hant: "可能重複", Hans: "可能重复"},
	{Key: "wb.AI scope", En: "AI scope", Hant: "AI範圍", Hans: "AI范围"},
	{Key: "wb.Restatements", En: "Restatements", Hant: "重申", Hans: "重申"},
	{Key: "wb.Dates", En: "Dates", Hant: "日期", Hans: "日期"},
	{Key: "wb.Comparisons", En: "Comparisons", Hant: "比較", Hans: "比较"},
	{Key: "wb.Duplicates", En: "Duplicates", Hant: "重複輸入", Hans: "重复输入"},
	{Key: "wb.Multiple and CAGR", En: "Multiple and CAGR", Hant: "倍數及複合年增長率", Hans: "倍数及复合年增长率"},
	{Key: "wb.Stated US dollars", En: "Stated US dollars", Hant: "列明的美元金額", Hans: "列明的美元金额"},
	{Key: "wb.Changes", En: "Changes", Hant: "變動", Hans: "变动"},
	{Key: "wb.~%s (%d of %d dates approximate)", En: "~%s (%d of %d dates approximate)",
		Hant: "~%[1]s（%[3]d個日期中%[2]d個為約數）", Hans: "~%[1]s（%[3]d个日期中%[2]d个为约数）"},

	// Words of the program's columns.
	wordText(analysis.DateStated, "來源所載", "来源所载"),
	wordText(analysis.DateReportDate, "報道日期", "报道日期"),
	wordText(analysis.DateElsewhere, "其他記錄", "其他记录"),
	wordText(analysis.DateUnknown, "不詳", "不详"),
	wordText(analysis.ScopeDedicated, "專用於AI", "专用于AI"),
	wordText(analysis.ScopeNotAI, "非AI", "非AI"),
	{Key: "word.commitment", En: "commitment", Hant: "金錢承諾", Hans: "金钱承诺"},
	wordText(analysis.KindFund, "基金", "基金"),
	wordText(analysis.KindScheme, "計劃", "计划"),
	wordText(analysis.KindCapex, "資本開支", "资本开支"),
	wordText(analysis.KindInvestment, "投資", "投资"),
	wordText(analysis.KindAcquisition, "收購", "收购"),
	wordText(analysis.KindLicence, "牌照", "牌照"),
	wordText(analysis.KindPartnership, "合作", "合作"),
	wordText(analysis.PledgeAnnounced, "已公布", "已公布"),
	wordText(analysis.PledgeCommitted, "已承擔", "已承担"),
	wordText(analysis.PledgeDeployed, "已投放", "已投放"),
	wordText(analysis.PledgeWithdrawn, "已撤回", "已撤回"),
	wordText(analysis.InvestorCompany, "公司", "公司"),
	wordText(analysis.InvestorGovernment, "政府", "政府"),
	wordText(analysis.InvestorIndividual, "個人", "个人"),
	wordText(analysis.InvestorOther, "其他", "其他"),
	wordText(analysis.RelationNew, "新承諾", "新承诺"),
	wordText(analysis.RelationTopUp, "追加", "追加"),
	wordText(analysis.RelationRestates, "重申", "重申"),
	wordText(analysis.RelationPartOf, "組成部分", "组成部分"),
	wordText(analysis.RelationReplaces, "取代", "取代"),
	{Key: "word.yes", En: "yes", Hant: "是", Hans: "是"},
	{Key: "word.no", En: "no", Hant: "否", Hans: "否"},
	wordText(analysis.ExcludedCutoff, "截止日期後公布", "截止日期后公布"),
	wordText(analysis.ExcludedTwice, "重複輸入", "重复输入"),
	wordText(analysis.ExcludedSignal, "不涉及金錢", "不涉及金钱"),
	{Key: "word.change.new", En: "new", Hant: "新增", Hans: "新增"},
	{Key: "word.change.revised", En: "revised", Hant: "修訂", Hans: "修订"},
	{Key: "word.change.removed", En: "removed", Hant: "刪除", Hans: "删除"},
	{Key: "word.investor type", En: "investor type", Hant: "投資者類型", Hans: "投资者类型"},
	{Key: "word.all counted pledges", En: "all counted pledges", Hant: "全部計入的承諾", Hans: "全部计入的承诺"},
	{Key: "word.amount", En: "amount", Hant: "金額", Hans: "金额"},
	{Key: "word.currency", En: "currency", Hant: "貨幣", Hans: "货币"},
	{Key: "word.approved", En: "approved", Hant: "已批准", Hans: "已批准"},
	{Key: "word.disbursed", En: "disbursed", Hant: "已撥款", Hans: "已拨款"},
	{Key: "word.spent", En: "spent", Hant: "已支出", Hans: "已支出"},
	wordText(analysis.BasisCumulative, "累計", "累计"),
	wordText(analysis.BasisIncrement, "增量", "增量"),
	{Key: "word.stage", En: "stage", Hant: "階段", Hans: "阶段"},
	{Key: "word.value", En: "value", Hant: "數值", Hans: "数值"},
	{Key: "word.unit", En: "unit", Hant: "單位", Hans: "单位"},
	{Key: "word.basis", En: "basis", Hant: "基準", Hans: "基准"},
	{Key: "word.metric", En: "metric", Hant: "指標", Hans: "指标"},
	{Key: "wb.No headline totals to compare.", En: "No headline totals to compare.", Hant: "沒有可比較的要點總額。", Hans: "没有可比较的要点总额。"},
	{Key: "wb.The report for %s was in %s and this one is in %s: the headline totals are not compared.",
		En:   "The report for %s was in %s and this one is in %s: the headline totals are not compared.",
		Hant: "%s的報告以%s計，本報告以%s計：不比較要點總額。", Hans: "%s的报告以%s计，本报告以%s计：不比较要点总额。"},
	namingText(analysis.ExcludedRestates, "重申%s", "重申%s"),
	namingText(analysis.ExcludedPartOf, "%s的組成部分", "%s的组成部分"),
	namingText(analysis.ExcludedReplaced, "被%s取代", "被%s取代"),
}

func init() { register(ruleTexts) }

// reasonTexts word why a pledge's delivery has its status
// (analysis.ReasonTexts, whose English they keep) and the statuses.
var reasonTexts = []Text{
	{Key: "why.cancelled", En: analysis.ReasonTexts["why.cancelled"], Hant: "報道已取消", Hans: "报道已取消"},
	{Key: "why.withdrawn", En: analysis.ReasonTexts["why.withdrawn"], Hant: "「承諾」工作表的狀態為已撤回", Hans: "“承诺”工作表的状态为已撤回"},
	{Key: "why.completed", En: analysis.ReasonTexts["why.completed"], Hant: "報道已完成", Hans: "报道已完成"},
	{Key: "why.noevidence", En: analysis.ReasonTexts["why.noevidence"], Hant: "輸入資料中沒有落實的進展證據", Hans: "输入数据中没有落实的进展证据"},
	{Key: "why.noperiod", En: analysis.ReasonTexts["why.noperiod"], Hant: "沒有期間：承諾沒有列明年數，故不判斷進度", Hans: "没有期间：承诺没有列明年数，故不判断进度"},
	{Key: "why.nocutoff", En: analysis.ReasonTexts["why.nocutoff"], Hant: "沒有截止日期可用以計算期間", Hans: "没有截止日期可用以计算期间"},
	{Key: "why.noamount", En: analysis.ReasonTexts["why.noamount"], Hant: "進展證據沒有列明已撥款或已支出的金額", Hans: "进展证据没有列明已拨款或已支出的金额"},
	{Key: "why.overdue", En: analysis.ReasonTexts["why.overdue"], Hant: "期間已於%s結束，已落實金額不足承諾金額", Hans: "期间已于%s结束，已落实金额不足承诺金额"},
	{Key: "why.full", En: analysis.ReasonTexts["why.full"], Hant: "期間結束前全數已落實", Hans: "期间结束前全数已落实"},
	{Key: "why.overopen", En: analysis.ReasonTexts["why.overopen"], Hant: "期間已結束，上下限未能確定是否全數已落實", Hans: "期间已结束，上下限未能确定是否全数已落实"},
	{Key: "why.notstarted", En: analysis.ReasonTexts["why.notstarted"], Hant: "期間於%s開始，在截止日期之後", Hans: "期间于%s开始，在截止日期之后"},
	{Key: "why.ahead", En: analysis.ReasonTexts["why.ahead"], Hant: "進度高於%s", Hans: "进度高于%s"},
	{Key: "why.behind", En: analysis.ReasonTexts["why.behind"], Hant: "進度低於%s", Hans: "进度低于%s"},
	{Key: "why.onpace", En: analysis.ReasonTexts["why.onpace"], Hant: "進度介乎%s與%s之間", Hans: "进度介乎%s与%s之间"},
	{Key: "why.atleast", En: analysis.ReasonTexts["why.atleast"], Hant: "進度至少為%s（下限）", Hans: "进度至少为%s（下限）"},
	{Key: "why.open", En: analysis.ReasonTexts["why.open"], Hant: "金額的上下限未能確定進度", Hans: "金额的上下限未能确定进度"},

	{Key: "word." + analysis.StatusOnPace.String(), En: analysis.StatusOnPace.String(), Hant: "按進度", Hans: "按进度"},
	{Key: "word." + analysis.StatusBehind.String(), En: analysis.StatusBehind.String(), Hant: "落後", Hans: "落后"},
	{Key: "word." + analysis.StatusAhead.String(), En: analysis.StatusAhead.String(), Hant: "超前", Hans: "超前"},
	{Key: "word." + analysis.StatusNoEvidence.String(), En: analysis.StatusNoEvidence.String(), Hant: "尚未有進展證據", Hans: "尚未有进展证据"},
	{Key: "word." + analysis.StatusOverdue.String(), En: analysis.StatusOverdue.String(), Hant: "逾期", Hans: "逾期"},
	{Key: "word." + analysis.StatusCompleted.String(), En: analysis.StatusCompleted.String(), Hant: "已完成", Hans: "已完成"},
	{Key: "word." + analysis.StatusCancelled.String(), En: analysis.StatusCancelled.String(), Hant: "已取消", Hans: "已取消"},
	{Key: "word." + analysis.StatusReplaced.String(), En: analysis.StatusReplaced.String(), Hant: "已被取代", Hans: "已被取代"},
	{Key: "word." + analysis.StatusUnknown.String(), En: analysis.StatusUnknown.String(), Hant: "進度不明", Hans: "进度不明"},
}

func init() { register(reasonTexts) }
