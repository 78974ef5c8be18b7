package extract

import (
	"fmt"
	"math"
	"strings"
	"time"
	"unicode"

	"pledgewatch/analysis"
)

// Status is how a figure stands to the inputs.
type Status string

// Statuses.
const (
	// InInputs: a row of the inputs holds the figure, with its value, unit
	// and qualifier.
	InInputs Status = "in inputs"
	// Differs: a row holds the figure with another qualifier, or a row of
	// the same subject and date holds another value.
	Differs Status = "differs from"
	// New: no row holds it.
	New Status = "new"
)

// Tables a figure is proposed for.
const (
	Pledges = "Pledges"
	Metrics = "Metrics"
)

// entry is one figure of the inputs.
type entry struct {
	table    string
	name     string
	value    float64
	unit     string // currency code, %, count, rank, year, x
	money    bool
	qual     analysis.Qualifier
	dates    []time.Time
	subjects []string // folded names of who the row is about
	// loose adds the first words of those names ("hongkong" of "Hong
	// Kong Cyberport"), enough to tell that an article is about the
	// subject, not that a sentence is.
	loose []string
	words map[string]bool
}

// Match sets each figure's Table, Status and Row against the inputs. A
// row holds a figure when it has the figure's value, unit and qualifier
// and is about a subject the article names (or is dated
// the article's date); a row of such a subject differs from it when it
// holds the value with another qualifier, or when it holds another value
// on the article's date and its subject is named in the figure's
// sentence.
func Match(figs []Figure, in *analysis.Inputs) {
	entries := entriesOf(in)
	context := map[string]string{}
	for k := range figs {
		if _, ok := context[figs[k].File]; !ok {
			context[figs[k].File] = fold(figs[k].article)
		}
	}
	for k := range figs {
		f := &figs[k]
		match(f, entries, context[f.File])
		if f.Converts >= 0 && f.Status == New {
			f.Table = figs[f.Converts].Table
		}
	}
}

func match(f *Figure, entries []entry, article string) {
	unit, money := figureUnit(f)
	sent := fold(f.Sentence)
	words := wordSet(f.Sentence)
	best, bestScore := -1, -1
	for i, e := range entries {
		if e.money != money || e.unit != unit && !(money && unit == "") || !same(e.value, f.Value) {
			continue
		}
		// The same value of another subject is a coincidence, not a match.
		if !e.mentioned(article) && !e.on(f.Date) {
			continue
		}
		score := e.score(f, sent, words)
		if e.qual == f.Qualifier {
			score += 1000
		}
		if score > bestScore {
			best, bestScore = i, score
		}
	}
	if best >= 0 {
		e := entries[best]
		f.Table, f.Row, f.Status = e.table, e.name, Differs
		if e.qual == f.Qualifier {
			f.Status = InInputs
		}
		return
	}
	if !f.Date.IsZero() {
		for i, e := range entries {
			if e.money != money || e.unit != unit && !(money && unit == "") || !e.about(sent) || !e.on(f.Date) {
				continue
			}
			if score := e.score(f, sent, words); score > bestScore {
				best, bestScore = i, score
			}
		}
		if best >= 0 {
			e := entries[best]
			f.Table, f.Row, f.Status = e.table, e.name, Differs
			return
		}
	}
	f.Table, f.Status = propose(f), New
}

// score ranks rows holding a figure's value: the subject named in its
// sentence, the same date, words in common.
func (e entry) score(f *Figure, sent string, words map[string]bool) int {
	score := 0
	if e.about(sent) {
		score += 100
	}
	if e.on(f.Date) {
		score += 50
	}
	for w := range words {
		if e.words[w] {
			score++
		}
	}
	return score
}

func (e entry) about(sent string) bool {
	for _, s := range e.subjects {
		if strings.Contains(sent, s) {
			return true
		}
	}
	return false
}

func (e entry) mentioned(article string) bool {
	for _, s := range e.loose {
		if strings.Contains(article, s) {
			return true
		}
	}
	return false
}

func (e entry) on(d time.Time) bool {
	if d.IsZero() {
		return false
	}
	for _, t := range e.dates {
		if t.Equal(d) {
			return true
		}
	}
	return false
}

// same reports whether two figures are equal, up to the rounding of
// floating point.
func same(a, b float64) bool {
	return math.Abs(a-b) <= 1e-9*math.Max(math.Abs(a), math.Abs(b))
}

// figureUnit returns the unit a figure is compared in, and whether it is
// money.
func figureUnit(f *Figure) (string, bool) {
	switch f.Kind {
	case Money, Price:
		return f.Currency, true
	case Percent:
		return "%", false
	}
	return string(f.Kind), false
}

// propose returns the table a new figure belongs in: money promised in
// Pledges, anything measured in Metrics.
func propose(f *Figure) string {
	if f.Kind != Money || f.Per != "" && f.Kind == Price {
		return Metrics
	}
	s := strings.ToLower(f.Sentence)
	for _, w := range metricWords {
		if strings.Contains(s, w) {
			return Metrics
		}
	}
	for _, w := range pledgeWords {
		if strings.Contains(s, w) {
			return Pledges
		}
	}
	return Metrics
}

// entriesOf lists the figures of the inputs.
func entriesOf(in *analysis.Inputs) []entry {
	if in == nil {
		return nil
	}
	names := entityNames(in.Entities)
	// A place says nothing of whom an article is about: every article
	// here names Hong Kong or China.
	places := map[string]bool{}
	for _, p := range in.Pledges {
		places[fold(p.Region)] = true
		for _, w := range strings.Fields(p.Region) {
			places[fold(w)] = true
		}
	}
	for _, e := range in.Entities {
		places[fold(e.Region)] = true
	}
	// Loose subjects add the name of the programme or metric: an article
	// that names "the AI Subsidy Scheme" is about that row.
	loose := func(name, what string) []string {
		var out []string
		for _, n := range append(looseParts(name), subjectsOf(name, names)...) {
			if !places[n] || n == fold(name) { // a row about the place itself
				out = append(out, n)
			}
		}
		base, _, _ := strings.Cut(what, "(")
		if f := fold(base); len(f) >= 8 {
			out = append(out, f)
		}
		return out
	}
	var out []entry
	for _, p := range in.Pledges {
		if p.Amount.Undisclosed || p.Amount.Value == 0 {
			continue
		}
		e := entry{table: Pledges, name: rowName(p.Loc, p.ID), value: p.Amount.Value, unit: p.Amount.Currency, money: true,
			qual: p.Amount.Qualifier, dates: []time.Time{p.Announced, p.SourceDate},
			subjects: subjectsOf(p.Investor, names), loose: loose(p.Investor, p.Program),
			words: wordSet(p.Investor + " " + p.Program)}
		out = append(out, e)
		if p.StatedUSD > 0 {
			u := e
			u.name, u.value, u.unit = e.name+", stated_usd", p.StatedUSD, "USD"
			out = append(out, u)
		}
	}
	for _, m := range in.Metrics {
		unit := m.Unit
		e := entry{table: Metrics, name: rowName(m.Loc, m.Entity+", "+m.Metric+", "+m.Period.String()), value: m.Value, unit: unit, money: m.Money,
			qual: m.Qualifier, dates: []time.Time{m.SourceDate}, subjects: subjectsOf(m.Entity, names),
			loose: loose(m.Entity, m.Metric), words: wordSet(m.Entity + " " + m.Metric)}
		out = append(out, e)
	}
	return out
}

// rowName names a row of the inputs: its file, sheet and row, and its id
// or what it holds.
func rowName(l analysis.Loc, what string) string {
	return fmt.Sprintf("%s, sheet %s, row %d: %s", l.File(), l.Sheet(), l.Row(), what)
}

// entityNames maps each folded name of an entity to all the folded names of
// its group.
func entityNames(es []analysis.Entity) map[string][]string {
	out := map[string][]string{}
	for _, e := range es {
		all := append([]string{e.Name, e.Short, e.ShortHant, e.ShortHans}, e.Aliases...)
		var folded []string
		for _, n := range all {
			folded = append(folded, nameParts(n)...)
		}
		for _, n := range all {
			if n != "" {
				out[fold(n)] = append(out[fold(n)], folded...)
			}
		}
	}
	return out
}

// subjectsOf returns the folded names a row's investor or entity goes by.
func subjectsOf(name string, names map[string][]string) []string {
	out := nameParts(name)
	out = append(out, names[fold(name)]...)
	return out
}

// nameParts splits a name into the names it holds: "Alibaba, Tencent,
// Baidu and JD.com"; "Hong Kong Science and Technology Parks (HKSTP)".
func nameParts(name string) []string {
	var out []string
	add := func(s string) {
		if f := fold(s); len([]rune(f)) >= 2 && len(f) >= 3 {
			out = append(out, f)
		}
	}
	base, paren, _ := strings.Cut(name, "(")
	add(base)
	if paren = strings.TrimSuffix(strings.TrimSpace(paren), ")"); paren != "" {
		add(paren)
	}
	return out
}

// looseParts adds to a name's parts the first word or two of each: "Alibaba"
// of "Alibaba Group", "Hong Kong" of "Hong Kong Cyberport".
func looseParts(name string) []string {
	out := nameParts(name)
	add := func(s string) {
		if f := fold(s); len([]rune(f)) >= 2 && len(f) >= 3 {
			out = append(out, f)
		}
	}
	base, paren, _ := strings.Cut(name, "(")
	for _, n := range []string{base, strings.TrimSuffix(strings.TrimSpace(paren), ")")} {
		if w := strings.Fields(n); len(w) > 1 {
			if len(w[0]) >= 4 {
				add(w[0])
			}
			add(w[0] + w[1])
		}
	}
	if strings.Contains(base, ",") || strings.Contains(base, " and ") {
		for _, p := range strings.FieldsFunc(strings.ReplaceAll(base, " and ", ","), func(r rune) bool { return r == ',' }) {
			add(p)
		}
	}
	return out
}

// fold lower-cases s and drops what is not a letter or digit, so that
// "Hong Kong" and "Hongkong" meet.
func fold(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// wordSet returns the words of four letters or more of s, lower-cased.
func wordSet(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len(w) >= 4 {
			out[w] = true
		}
	}
	return out
}
