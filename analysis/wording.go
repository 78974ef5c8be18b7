package analysis

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// A finding is worded by a message (Finding.Key) filled with arguments
// (Finding.Args). The English format of every message is declared once,
// in englishTexts below; package lang gives each its Traditional and
// Simplified renderings under the same key, and words the arguments in
// its language. An argument is one of:
//
//   - a Fact: a figure with its bound, written as its Form says;
//   - a Phrase: a part of the sentence worded by a message of its own
//     (the zero Phrase words nothing);
//   - a List: parts joined as a list;
//   - a Count: a number of things with their noun ("5 pledges");
//   - a time.Time: a day; a Month: a month; a Period: a metric's period;
//   - a string: a name or a text as the analyst entered it, never
//     translated; an Entered: a text as entered, with the analyst's own
//     renderings in Chinese;
//   - an int: a number.

// Phrase is a part of a finding's sentence: the message Key filled with
// Args. The zero Phrase is worded as nothing.
type Phrase struct {
	Key  string
	Args []any
}

// Joins of a List.
const (
	JoinAnd   = "and" // "a, b and c"
	JoinComma = ","   // "a, b, c"
	JoinSemi  = ";"   // "a; b; c"
)

// List is a list of parts in a sentence, joined as Join says.
type List struct {
	Items []any
	Join  string
}

// Count is a number of things and their noun, a key of Nouns: "5
// pledges", "1 pledge".
type Count struct {
	N    int
	Noun string
}

// Entered is a text as the analyst entered it, with the analyst's own
// Traditional and Simplified renderings where given (empty shows En).
type Entered struct{ En, Hant, Hans string }

// Month is a month in a sentence: "October 2025".
type Month time.Time

// RunMonth is the month of a report as its folder names it, "2025-09":
// so in English, 2025年9月 in Chinese.
type RunMonth string

// Currency is a currency in a sentence, by its ISO code: "HKD" in
// English, 港元 in Chinese.
type Currency string

// Form says how a sentence writes a figure.
type Form int

// Forms of a figure.
const (
	// FormDefault: money as FormatMoney gives it, "%" a percentage
	// value whose lower bound reads "above", "times" a multiple in
	// words, anything else in its unit.
	FormDefault Form = iota
	// FormValue: the value in its unit, its bound in words ("more than
	// 200", "333%", "US$2.949B" with Decimals).
	FormValue
	// FormShare: a fraction as a percentage, "above 56.9%".
	FormShare
	// FormMultiple: a multiple with two decimals, "more than 2.46x".
	FormMultiple
	// FormWhole: money below a million in full, "HK$100,000".
	FormWhole
	// FormPoints: percentage points, "327 percentage points".
	FormPoints
)

// nounForms are the English forms of the nouns a Count takes, singular
// then plural; package lang gives their Chinese under "noun." and the
// key.
var nounForms = map[string][2]string{
	"pledge":       {"pledge", "pledges"},
	"entity":       {"entity", "entities"},
	"restatement":  {"restatement of an earlier pledge (the same money reported again)", "restatements of earlier pledges (the same money reported again)"},
	"part":         {"part of a larger pledge", "parts of larger pledges"},
	"replaced":     {"pledge replaced by a later one", "pledges replaced by later ones"},
	"twice":        {"pledge entered twice", "pledges entered twice"},
	"withdrawn":    {"withdrawn pledge", "withdrawn pledges"},
	"broader":      {"broader programme that includes AI (listed beside the totals)", "broader programmes that include AI (listed beside the totals)"},
	"notai":        {"pledge not for AI", "pledges not for AI"},
	"later":        {"pledge announced after the cut-off", "pledges announced after the cut-off"},
	"perrecipient": {"amount per recipient", "amounts per recipient"},
	"signal":       {"signal without money (a licence, a partnership or a plan with no figure)", "signals without money (licences, partnerships or plans with no figure)"},
	"row":          {"row of the inputs is", "rows of the inputs are"},
	"newpledge":    {"new pledge", "new pledges"},
	"revpledge":    {"revision of a pledge", "revisions of pledges"},
	"rmpledge":     {"pledge removed", "pledges removed"},
	"newmetric":    {"new metric", "new metrics"},
	"revmetric":    {"revised metric", "revised metrics"},
	"rmmetric":     {"metric removed", "metrics removed"},
	"year":         {"year", "years"},
}

// Nouns lists the nouns a Count takes, with their English singular and
// plural.
func Nouns() map[string][2]string { return nounForms }

// Messages lists the English format of every message of the findings, by
// key.
func Messages() map[string]string { return englishTexts }

// English words a message in English with its arguments.
func English(key string, args ...any) string {
	if key == "" {
		return ""
	}
	en, ok := englishTexts[key]
	if !ok {
		panic("analysis: no message " + key)
	}
	out := make([]any, len(args))
	for i, a := range args {
		out[i] = EnglishArg(a)
	}
	return fmt.Sprintf(en, out...)
}

// EnglishArg words one argument of a message in English.
func EnglishArg(a any) any {
	switch a := a.(type) {
	case Fact:
		return a.English()
	case Phrase:
		return English(a.Key, a.Args...)
	case List:
		items := make([]string, len(a.Items))
		for i, x := range a.Items {
			items[i] = fmt.Sprint(EnglishArg(x))
		}
		switch a.Join {
		case JoinAnd:
			if len(items) > 1 {
				return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
			}
			return strings.Join(items, "")
		case JoinSemi:
			return strings.Join(items, "; ")
		}
		return strings.Join(items, ", ")
	case Count:
		f := nounForms[a.Noun]
		if a.N == 1 {
			return "1 " + f[0]
		}
		return strconv.Itoa(a.N) + " " + f[1]
	case time.Time:
		return a.Format(DateLayout)
	case Month:
		return time.Time(a).Format("January 2006")
	case Entered:
		return a.En
	case RunMonth:
		return string(a)
	case Period:
		return a.String()
	}
	return a
}

// English writes the figure as an English sentence does, with its bound.
func (x Fact) English() string {
	q := x.Qualifier
	sign := ""
	if x.Signed && x.Value > 0 {
		sign = "+"
	}
	switch x.Form {
	case FormShare:
		return Qualified(q, sign+FormatPercent(x.Value, q), true)
	case FormMultiple:
		return Qualified(q, sign+FormatMultiple(x.Value, q), false)
	case FormWhole:
		return Qualified(q, FormatWhole(x.Value, x.Unit, q), false)
	case FormPoints:
		return Qualified(q, sign+strconv.FormatFloat(roundFor(x.Value, 1, q), 'f', -1, 64)+" percentage points", false)
	case FormValue:
		if x.Money {
			return Qualified(q, moneyDecimals(x.Value, x.Unit, x.Decimals, q), false)
		}
		return Qualified(q, sign+FormatValueAt(x.Value, x.Unit, x.Decimals, q), false)
	}
	if x.Money {
		return Qualified(q, moneyDecimals(x.Value, x.Unit, x.Decimals, q), false)
	}
	switch x.Unit {
	case "times":
		return Qualified(q, strconv.FormatFloat(x.Value, 'f', -1, 64)+" times", false)
	case "%":
		return Qualified(q, FormatValue(x.Value, "%", false, q), true)
	}
	return Qualified(q, FormatValue(x.Value, x.Unit, false, q), false)
}

// moneyDecimals renders an amount with dec decimals in its scale
// (FormatMoney's one when dec is 1 or less).
func moneyDecimals(v float64, currency string, dec int, q Qualifier) string {
	sc := ScaleOf(v)
	if dec <= 1 || sc.Suffix == "" {
		return FormatMoney(v, currency, q)
	}
	return Symbol(currency) + strconv.FormatFloat(roundFor(v/sc.Div, dec, q), 'f', dec, 64) + sc.Suffix
}

// Step is the rounding unit a money figure is shown to in a sentence:
// 1e8 for US$53.2B, 1e6 for US$2.949B. A sentence in another language
// shows the figure to the same unit, so that a result worked out from
// its figures is the same in every language.
func (x Fact) Step() float64 {
	sc := ScaleOf(x.Value)
	if sc.Suffix == "" {
		return 0.01
	}
	return sc.Div / pow10(max(x.Decimals, 1))
}

func pow10(n int) float64 {
	p := 1.0
	for range n {
		p *= 10
	}
	return p
}

// word fills a finding's Key and Args and its English Text.
func (f *Finding) word(key string, args ...any) *Finding {
	f.Key, f.Args = key, args
	f.Text = English(key, args...)
	return f
}

// phrase is a Phrase of key with args.
func phrase(key string, args ...any) Phrase { return Phrase{Key: key, Args: args} }

// FormatValueAt renders a value that is not money in its unit, with dec
// decimals; with none, as FormatValue does.
func FormatValueAt(v float64, unit string, dec int, q Qualifier) string {
	if dec <= 0 {
		return FormatValue(v, unit, false, q)
	}
	n := strconv.FormatFloat(roundFor(v, dec, q), 'f', dec, 64)
	switch unit {
	case "%", "x":
		return n + unit
	case "", "count":
		return n
	}
	return n + " " + unit
}
