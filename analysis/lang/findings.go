package lang

import (
	"fmt"
	"math"
	"strconv"
	"strings"
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
		Hant: "已列明金額的內地AI投資承諾為香港的%[1]s",
		Hans: "已列明金额的内地AI投资承诺为香港的%[1]s"},
	{Key: "finding.ratio.hongkong",
		En:   "Stated AI pledges for Hong Kong are %[1]s mainland China's",
		Hant: "已列明金額的香港AI投資承諾為內地的%[1]s",
		Hans: "已列明金额的香港AI投资承诺为内地的%[1]s"},
	{Key: "finding.side.regions.lower",
		En:   "Stated AI pledges: mainland China %[1]s, Hong Kong %[2]s; both are lower bounds, so no multiple follows",
		Hant: "已列明金額的AI投資承諾：內地%[1]s，香港%[2]s；兩者均為下限，故不能得出倍數",
		Hans: "已列明金额的AI投资承诺：内地%[1]s，香港%[2]s；两者均为下限，故不能得出倍数"},
	{Key: "finding.side.regions",
		En:   "Stated AI pledges: mainland China %[1]s, Hong Kong %[2]s; their bounds allow no multiple",
		Hant: "已列明金額的AI投資承諾：內地%[1]s，香港%[2]s；兩者的上下限不能得出倍數",
		Hans: "已列明金额的AI投资承诺：内地%[1]s，香港%[2]s；两者的上下限不能得出倍数"},
}

func init() { register(findingTexts) }

// Finding words a finding in the printer's language: its catalogue
// message filled with its arguments (see package analysis for what each
// kind of argument is). A finding with no message (Key empty) is worded
// in English only, by its Text; a message whose English format package
// analysis declares is worded in English as analysis words it.
func (p *Printer) Finding(f *analysis.Finding) string {
	if f == nil {
		return ""
	}
	if f.Key == "" {
		return f.Text
	}
	return p.phrase(f.Key, f.Args)
}

// phrase words the message key with args.
func (p *Printer) phrase(key string, args []any) string {
	if key == "" {
		return ""
	}
	if p == nil || p.Lang == English {
		if _, ok := analysis.Messages()[key]; ok {
			return analysis.English(key, args...)
		}
	}
	out := make([]any, len(args))
	for i, a := range args {
		out[i] = p.arg(a)
	}
	if bare, verb, ok := p.boundVerb(key, args, out); ok {
		return p.Sprintf(bare, append(out, verb)...)
	}
	return p.Sprintf(key, out...)
}

// boundVerb serves a message "X為Y的N倍" (X is N times Y), in which
// Chinese puts a multiple's bound before the verb, not before the figure:
// 超過預算的2.46倍, 至少為預算的2.46倍, never 為預算的超過2.46倍. When the
// catalogue holds the variant key+".bare", the first multiple of out
// loses its bound word, and the variant gets, after its arguments, the
// verb that carries the bound (為, 超過, 不足, 至少為, 最多為, 約為).
func (p *Printer) boundVerb(key string, args, out []any) (string, string, bool) {
	bare := key + ".bare"
	if p == nil || p.Lang == English {
		return "", "", false
	}
	if _, ok := p.Lookup(bare); !ok {
		return "", "", false
	}
	is := [2]string{"為", "为"}[p.Lang-Traditional]
	for i, a := range args {
		f, ok := a.(analysis.Fact)
		if !ok || f.Unit != "x" || f.Money {
			continue
		}
		s, _ := out[i].(string)
		b := p.bound(f.Qualifier)
		if f.Qualifier == analysis.Mixed || !strings.HasPrefix(s, b) {
			return "", "", false
		}
		out[i] = strings.TrimPrefix(s, b)
		switch f.Qualifier {
		case analysis.Exact:
			return bare, is, true
		case analysis.MoreThan, analysis.LessThan:
			return bare, b, true // 超過, 不足 are verbs themselves
		}
		return bare, b + is, true
	}
	return "", "", false
}

// listJoins are the separators of a list in Chinese, Traditional then
// Simplified: between items, and before the last of a list joined by
// "and".
var listJoins = map[string][2]string{
	analysis.JoinComma: {"、", "、"},
	analysis.JoinSemi:  {"；", "；"},
	analysis.JoinAnd:   {"、", "、"},
}

var lastAnd = [2]string{"及", "和"}

// arg words one argument of a message in the printer's language.
func (p *Printer) arg(a any) any {
	// The program's own words and the parts of chart texts, in every
	// language.
	switch a := a.(type) {
	case analysis.Word:
		return p.Word(string(a))
	case analysis.BarAmount:
		return p.bare(a)
	case analysis.Words:
		return p.words(a)
	case analysis.Names:
		return p.nameList(a)
	case analysis.Parts:
		return p.parts(a)
	case *analysis.Finding:
		return p.Finding(a)
	}
	if p == nil || p.Lang == English {
		if s, ok := a.(string); ok {
			return p.Name(s)
		}
		return analysis.EnglishArg(a)
	}
	script := p.Lang - Traditional
	switch a := a.(type) {
	case analysis.Fact:
		return p.Figure(a)
	case analysis.Phrase:
		return p.phrase(a.Key, a.Args)
	case analysis.List:
		var b strings.Builder
		for i, x := range a.Items {
			switch {
			case i == 0:
			case i == len(a.Items)-1 && a.Join == analysis.JoinAnd:
				b.WriteString(lastAnd[script])
			default:
				b.WriteString(listJoins[a.Join][script])
			}
			fmt.Fprint(&b, p.arg(x))
		}
		return b.String()
	case analysis.Count:
		noun, _ := p.Lookup("noun." + a.Noun)
		return strconv.Itoa(a.N) + noun
	case time.Time:
		return p.Date(a)
	case analysis.Month:
		return p.Month(time.Time(a))
	case analysis.RunMonth:
		if m, err := time.Parse("2006-01", string(a)); err == nil {
			return p.Month(m)
		}
		return string(a)
	case analysis.Period:
		if a.Kind == analysis.PeriodYear {
			return a.String() + "年"
		}
		return a.String()
	case analysis.Currency:
		return p.Currency(string(a))
	case analysis.Entered:
		if s := [2]string{a.Hant, a.Hans}[script]; s != "" {
			return s
		}
		return p.Name(a.En)
	case string:
		return p.Name(a)
	}
	return a
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

// Figure renders one figure of a finding with its bound, as its Form
// says: money through Money (to the same rounding unit as the English
// sentence where Decimals is set, as a comparison's figures are, so that
// a result worked out from them is the same in every language), a share as a
// percentage ("超過56.9%"), a multiple in 倍 ("至少17倍"), percentage
// points in 個百分點, else as analysis formats it.
func (p *Printer) Figure(x analysis.Fact) string {
	if x.Form == analysis.FormDefault && x.Unit == "x" && !x.Money {
		return p.Multiple(x.Value, x.Qualifier)
	}
	if p == nil || p.Lang == English {
		return x.English()
	}
	if x.Money && (x.Form == analysis.FormDefault || x.Form == analysis.FormValue || x.Form == analysis.FormWhole) {
		if x.Decimals >= 1 && !math.IsNaN(x.Value) {
			return p.bound(x.Qualifier) + p.amountAt(x.Value, x.Unit, x.Step())
		}
		return p.Money(x.Value, x.Unit, x.Qualifier)
	}
	sign := ""
	if x.Signed && x.Value > 0 {
		sign = "+"
	}
	b := p.bound(x.Qualifier)
	switch x.Form {
	case analysis.FormShare:
		return b + sign + analysis.FormatPercent(x.Value, x.Qualifier)
	case analysis.FormMultiple:
		return b + sign + strings.TrimSuffix(analysis.FormatMultiple(x.Value, x.Qualifier), "x") + "倍"
	case analysis.FormPoints:
		return b + sign + strconv.FormatFloat(round(x.Value, 1), 'f', -1, 64) + [2]string{"個百分點", "个百分点"}[p.Lang-Traditional]
	case analysis.FormValue:
		if x.Unit == "x" {
			return b + sign + strings.TrimSuffix(analysis.FormatValueAt(x.Value, "x", x.Decimals, x.Qualifier), "x") + "倍"
		}
		return b + sign + analysis.FormatValueAt(x.Value, x.Unit, x.Decimals, x.Qualifier)
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

// Phrase words a part of a sentence, or a topic, in the printer's
// language.
func (p *Printer) Phrase(ph analysis.Phrase) string { return p.phrase(ph.Key, ph.Args) }
