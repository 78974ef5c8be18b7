package lang

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"pledgewatch/analysis"
)

// Check holds a finding as the printer words it to the rules every claim
// obeys, in the printer's language; Finding.Check holds its figures and
// its English to them. currency is the report's currency. It returns the
// ways the wording breaks them:
//   - every argument is worded, and the message has a rendering;
//   - the English is the finding's Text;
//   - a superlative gives the true size of its set;
//   - a budget, estimate, plan or forecast is named as one, and never
//     said to have risen or fallen;
//   - a result that its figures' bounds do not bound is not stated;
//   - two compared amounts of one magnitude are shown in one format, and
//     in Chinese to the value the English shows;
//   - every amount is in the report's currency, but for a pledge's amount
//     as its source states it, given beside its conversion;
//   - a Chinese sentence keeps no English but the names, labels and
//     units the analyst entered.
func (p *Printer) Check(f *analysis.Finding, currency string) []error {
	p = Or(p)
	s := p.Finding(f)
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s %s finding %q: %s", p.Lang, f.Claim, s, fmt.Sprintf(format, args...)))
	}
	if f.Key == "" {
		bad("it has no message")
		return errs
	}
	if strings.Contains(s, "%!") || strings.Contains(s, "claim.") || strings.Contains(s, "noun.") || strings.Contains(s, "topic.") {
		bad("an argument or a message is missing")
	}
	if p.Lang == English && s != f.Text {
		bad("the English wording differs from the finding's text %q", f.Text)
	}
	if f.Claim == analysis.ClaimLargest && f.Set.Size > 1 && !strings.Contains(s, fmt.Sprint(f.Set.Size)) {
		bad("the superlative does not give its set's size, %d", f.Set.Size)
	}
	if p.Lang != English {
		for _, x := range f.Figures {
			if x.Basis == "" || x.Basis == "actual" || x.Basis == "pledge" {
				continue
			}
			word, ok := p.Lookup("claim.basis." + x.Basis)
			if !ok {
				word = p.Term(x.Basis)
			}
			if !strings.Contains(s, word) {
				bad("a %s figure is not worded as one (%s)", x.Basis, word)
			}
			if strings.Contains(s, "上升") || strings.Contains(s, "下降") {
				bad("a %s figure is said to have moved", x.Basis)
			}
		}
	}
	switch f.Claim {
	case analysis.ClaimRatio, analysis.ClaimShare, analysis.ClaimGrowth, analysis.ClaimPace, analysis.ClaimDifference:
		if f.Result.Qualifier == analysis.Mixed {
			for _, form := range []analysis.Form{analysis.FormMultiple, analysis.FormShare, analysis.FormPoints, analysis.FormValue} {
				r := f.Result
				r.Form = form
				if shown := p.Figure(r); strings.Contains(s, shown) {
					bad("it states %s, which its figures' bounds do not bound", shown)
				}
			}
		}
	}
	var data []string
	var compared []analysis.Fact
	// Two figures compared in their own currency are followed by their
	// conversion into the reporting one (claim.cmp.native).
	native := ""
	if f.Key == "claim.cmp.more" && len(f.Args) > 3 {
		if ph, ok := f.Args[3].(analysis.Phrase); ok && ph.Key == "claim.cmp.native" && len(ph.Args) > 0 {
			if c, ok := ph.Args[0].(analysis.Currency); ok {
				native = string(c)
			}
		}
	}
	walkArgs(f.Key, f.Args, func(key string, i int, a any, args []any) {
		switch a := a.(type) {
		case string:
			data = append(data, a, p.Name(a))
		case analysis.Entered:
			data = append(data, a.En, a.Hant, a.Hans)
		case analysis.Period:
			data = append(data, a.String())
		case analysis.RunMonth:
			data = append(data, string(a))
		case analysis.Fact:
			if a.Money && a.Decimals >= 1 {
				for _, b := range compared {
					if b.Unit == a.Unit && analysis.ScaleOf(b.Value) == analysis.ScaleOf(a.Value) && b.Decimals != a.Decimals {
						bad("two amounts of one magnitude are shown in two formats (%d and %d decimals)", b.Decimals, a.Decimals)
					}
				}
				compared = append(compared, a)
			}
			if a.Money && a.Decimals >= 1 && p.Lang != English {
				// A compared amount is shown to the unit the English shows
				// it to, so that its result is worked out again alike.
				for _, x := range f.Figures {
					if x.Value == a.Value && !math.IsNaN(x.Shown) {
						if v, ok := chineseAmount(p.Figure(a)); !ok || math.Abs(v-x.Shown) > 1e-9*math.Abs(x.Shown) {
							bad("%s shows %v, the English %v", p.Figure(a), v, x.Shown)
						}
					}
				}
			}
			if !a.Money {
				data = append(data, a.Unit)
				return
			}
			if a.Unit == currency || a.Unit == native {
				return
			}
			// An amount as its source states it is followed by its
			// conversion.
			if i+1 < len(args) {
				if c, ok := args[i+1].(analysis.Phrase); ok && c.Key == "claim.converted" {
					return
				}
			}
			if i+2 < len(args) && key == "claim.notadded.per" {
				if c, ok := args[i+2].(analysis.Phrase); ok && c.Key == "claim.converted" {
					return
				}
			}
			bad("an amount in %s in a report in %s", a.Unit, currency)
		}
	})
	if p.Lang != English {
		rest := s
		slices.SortFunc(data, func(a, b string) int { return len(b) - len(a) })
		for _, d := range data {
			if d != "" {
				rest = strings.ReplaceAll(rest, d, "")
			}
		}
		// AI is a word of Chinese too (AI投資, AI範圍).
		rest = strings.ReplaceAll(rest, "AI", "")
		if w := englishWord.FindString(rest); w != "" {
			bad("it keeps the English %q", w)
		}
	}
	return errs
}

// cjkAmount finds the number of a Chinese amount and its step of the
// scale.
var cjkAmount = regexp.MustCompile(`([0-9][0-9,]*(?:\.[0-9]+)?)(萬億|万亿|億|亿|萬|万)?`)

// chineseAmount reads back the value of an amount as Printer.Money writes
// it in Chinese: 29.49億美元 is 2,949,000,000.
func chineseAmount(s string) (float64, bool) {
	m := cjkAmount.FindStringSubmatch(s)
	if m == nil {
		return 0, false
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(m[1], ",", ""), 64)
	if err != nil {
		return 0, false
	}
	for _, u := range cjkUnits {
		if m[2] == u.hant || m[2] == u.hans {
			v *= u.div
		}
	}
	return v, true
}

// englishWord finds a word in Latin letters.
var englishWord = regexp.MustCompile(`[A-Za-z]{2,}`)

// walkArgs calls fn on every argument of a message and of the phrases
// and lists within it, with the key of the message it fills and its
// place there.
func walkArgs(key string, args []any, fn func(key string, i int, a any, args []any)) {
	for i, a := range args {
		fn(key, i, a, args)
		switch a := a.(type) {
		case analysis.Phrase:
			walkArgs(a.Key, a.Args, fn)
		case analysis.List:
			walkArgs(key, a.Items, fn)
		}
	}
}
