package lang

import (
	"strconv"
	"time"

	"pledgewatch/analysis"
)

// findingTexts word the findings of package analysis, one message for
// each kind of claim and the place it is made (Finding.Key). Their
// arguments are what Finding.Args holds, figures formatted by Figure.
var findingTexts = []Text{
	{Key: "finding.largest.growth",
		En:   "%[1]s: %[2]s %[3]s, the highest of %[4]d growth rates in Metrics",
		Hant: "%[1]s：%[2]s%[3]s，在「指標」工作表所列%[4]d項增長率中最高",
		Hans: "%[1]s：%[2]s%[3]s，在“指标”工作表所列%[4]d项增长率中最高"},
	{Key: "finding.ratio.mainland",
		En:   "Stated AI pledges for mainland China are %[1]s Hong Kong's",
		Hant: "已公布金額的內地AI投資承諾為香港的%[1]s",
		Hans: "已公布金额的内地AI投资承诺为香港的%[1]s"},
	{Key: "finding.ratio.hongkong",
		En:   "Stated AI pledges for Hong Kong are %[1]s mainland China's",
		Hant: "已公布金額的香港AI投資承諾為內地的%[1]s",
		Hans: "已公布金额的香港AI投资承诺为内地的%[1]s"},
	{Key: "finding.side.regions.lower",
		En:   "Stated AI pledges: mainland China %[1]s, Hong Kong %[2]s; both are lower bounds, so no multiple follows",
		Hant: "已公布金額的AI投資承諾：內地%[1]s，香港%[2]s；兩者均為下限，故不能得出倍數",
		Hans: "已公布金额的AI投资承诺：内地%[1]s，香港%[2]s；两者均为下限，故不能得出倍数"},
	{Key: "finding.side.regions",
		En:   "Stated AI pledges: mainland China %[1]s, Hong Kong %[2]s; their bounds allow no multiple",
		Hant: "已公布金額的AI投資承諾：內地%[1]s，香港%[2]s；兩者的上下限不能得出倍數",
		Hans: "已公布金额的AI投资承诺：内地%[1]s，香港%[2]s；两者的上下限不能得出倍数"},
}

func init() { register(findingTexts) }

// Finding words a finding in the printer's language: its catalogue
// message filled with its arguments, each figure formatted by Figure, each
// analysis.Word through the catalogue, each name as entered (or by its
// short name, see WithNames). A
// finding with no message (Key empty) is worded in English only, by its
// Text.
func (p *Printer) Finding(f *analysis.Finding) string {
	if f == nil {
		return ""
	}
	if f.Key == "" {
		return f.Text
	}
	args := make([]any, len(f.Args))
	for i, a := range f.Args {
		switch a := a.(type) {
		case analysis.Fact:
			args[i] = p.Figure(a)
		case analysis.Word:
			args[i] = p.Word(string(a))
		case analysis.BarAmount:
			args[i] = p.bare(a)
		case analysis.Words:
			args[i] = p.words(a)
		case analysis.Names:
			args[i] = p.nameList(a)
		case analysis.Parts:
			args[i] = p.parts(a)
		case *analysis.Finding:
			args[i] = p.Finding(a)
		case time.Time:
			args[i] = p.Month(a)
		case string:
			args[i] = p.Name(a)
		default:
			args[i] = a
		}
	}
	return p.Sprintf(f.Key, args...)
}

// boundWords put a bound before a figure in Chinese, Traditional then
// Simplified.
var boundWords = map[analysis.Qualifier][2]string{
	analysis.AtLeast:  {"至少", "至少"},
	analysis.MoreThan: {"超過", "超过"},
	analysis.AtMost:   {"最多", "最多"},
	analysis.LessThan: {"少於", "少于"},
	analysis.About:    {"約", "约"},
}

// Figure renders one figure of a finding with its bound: money through
// Money, a percentage in whole percent ("above 100%"), a multiple in
// words ("at least 17 times", "至少17倍"), else as analysis formats it.
func (p *Printer) Figure(x analysis.Fact) string {
	if x.Unit == "x" && !x.Money {
		return p.Multiple(x.Value, x.Qualifier)
	}
	if x.Money {
		return p.Money(x.Value, x.Unit, x.Qualifier)
	}
	if p.Lang == English {
		switch x.Unit {
		case "times":
			return analysis.Qualified(x.Qualifier, strconv.FormatFloat(x.Value, 'f', -1, 64)+" times", false)
		case "%":
			return analysis.Qualified(x.Qualifier, analysis.FormatValue(x.Value, "%", false, x.Qualifier), true)
		}
		return analysis.Qualified(x.Qualifier, analysis.FormatValue(x.Value, x.Unit, false, x.Qualifier), false)
	}
	var s string
	switch x.Unit {
	case "times":
		s = strconv.FormatFloat(x.Value, 'f', -1, 64) + "倍"
	default:
		s = analysis.FormatValue(x.Value, x.Unit, false, x.Qualifier)
	}
	if w, ok := boundWords[x.Qualifier]; ok {
		s = w[p.Lang-Traditional] + s
	}
	return s
}
