package analysis

import (
	"fmt"
	"math"
	"strings"
)

// HeadlineKind says what a headline's number is.
type HeadlineKind int

// Headline kinds.
const (
	HeadlineMoney HeadlineKind = iota
	HeadlineMultiple
	HeadlinePercent
	HeadlineCount
)

// Headline is one comparison for the Summary: a readable sentence with its
// number and its sources.
type Headline struct {
	Topic     string
	Sentence  string
	Value     float64
	Kind      HeadlineKind
	Qualifier Qualifier
	Sources   []string
	// Sheet and Row point at the row of the report table the number comes
	// from: Trends row index (0-based) for trends, or the group index in
	// the named group table.
	Sheet string
	Index int
}

const maxSources = 6

// sourcesOf lists the distinct sources of the counted rows that keep
// accepts, in row order, capped by capSources. A set keeps it linear when
// every row has a source of its own.
func sourcesOf(rows []PledgeRow, keep func(*PledgeRow) bool) []string {
	var out []string
	seen := map[string]bool{}
	for i := range rows {
		if rows[i].Counted && keep(&rows[i]) {
			for _, s := range rows[i].Sources {
				if s != "" && !seen[s] {
					seen[s] = true
					out = append(out, s)
				}
			}
		}
	}
	return capSources(out)
}

func capSources(s []string) []string {
	if len(s) > maxSources {
		return append(s[:maxSources:maxSources], fmt.Sprintf("and %d more", len(s)-maxSources))
	}
	return s
}

// TrendSentence describes a trend in one sentence.
func TrendSentence(t *Trend) string {
	first, last := t.First(), t.Last()
	verb := "changed"
	switch {
	case t.ChangeQ == Mixed || t.ChangeQ == About && t.Change == 0:
	case t.Change > 0:
		verb = "rose"
	case t.Change < 0:
		verb = "fell"
	}
	what := t.Metric
	if t.Basis != "" {
		what += " (" + t.Basis + ")"
	}
	s := fmt.Sprintf("%s: %s %s from %s in %s to %s in %s",
		t.Entity, what, verb,
		Qualified(first.Qualifier, FormatValue(first.Value, t.Unit, t.Money, first.Qualifier), false), first.Period,
		Qualified(last.Qualifier, FormatValue(last.Value, t.Unit, t.Money, last.Qualifier), false), last.Period)
	if t.HasMultiple && t.MultipleQ != Mixed {
		s += ", " + Qualified(t.MultipleQ, FormatMultiple(t.Multiple, t.MultipleQ), false)
	}
	if t.HasCAGR && t.MultipleQ != Mixed {
		s += fmt.Sprintf(", a compound annual growth rate %s over %d years", Qualified(t.MultipleQ, FormatPercent(t.CAGR, t.MultipleQ), true), t.Years)
	}
	return s + "."
}

func money(g Group, cur string) string {
	return Qualified(g.Qualifier, FormatMoney(g.Total, cur, g.Qualifier), false)
}

func headlines(r *Report) []Headline {
	var hs []Headline
	for i := range r.Trends {
		t := &r.Trends[i]
		if !t.HasMultiple || t.MultipleQ == Mixed {
			continue
		}
		hs = append(hs, Headline{Topic: "Trend", Sentence: TrendSentence(t), Value: t.Multiple, Kind: HeadlineMultiple,
			Qualifier: t.MultipleQ, Sources: capSources(t.Sources()), Sheet: "Trends", Index: i})
	}
	cur := r.Currency
	if r.Total.Count > 0 {
		s := fmt.Sprintf("%d pledges are counted, worth %s in all", r.Total.Count, money(r.Total, cur))
		if r.Total.Undisclosed > 0 {
			s += fmt.Sprintf(" (%d of them undisclosed and not in the sum)", r.Total.Undisclosed)
		}
		if r.Total.PerYear > 0 {
			s += fmt.Sprintf("; the multi-year ones come to %s a year", FormatMoney(r.Total.PerYear, cur, r.Total.Qualifier))
		}
		hs = append(hs, Headline{Topic: "Total pledged", Sentence: s + ".", Value: r.Total.Total, Kind: HeadlineMoney,
			Qualifier: r.Total.Qualifier, Sources: sourcesOf(r.Pledges, func(*PledgeRow) bool { return true }), Sheet: "Investors", Index: -1})
	}
	if big := largest(r.Pledges); big != nil {
		s := fmt.Sprintf("The largest single pledge is %s's %s: %s", big.Investor, big.Program,
			Qualified(big.Amount.Qualifier, FormatMoney(big.Amount.Value, big.Amount.Currency, big.Amount.Qualifier), false))
		if big.Amount.Currency != cur {
			s += fmt.Sprintf(" (%s)", Qualified(big.Amount.Qualifier, FormatMoney(big.Value, cur, big.Amount.Qualifier), false))
		}
		if big.Years > 0 {
			s += fmt.Sprintf(" over %s years, %s a year", ftoa(big.Years), Qualified(big.Amount.Qualifier, FormatMoney(big.PerYear, cur, big.Amount.Qualifier), false))
		}
		hs = append(hs, Headline{Topic: "Largest pledge", Sentence: s + ".", Value: big.Value, Kind: HeadlineMoney,
			Qualifier: big.Amount.Qualifier, Sources: capSources(big.Sources), Sheet: "Pledges", Index: -1})
	}
	if len(r.ByInvestor) > 0 && r.ByInvestor[0].Total > 0 {
		g := r.ByInvestor[0]
		hs = append(hs, Headline{Topic: "Largest investor", Sentence: fmt.Sprintf("%s pledged the most: %s in %d pledge(s), %s of the counted total.",
			g.Key, money(g, cur), g.Count, FormatPercent(g.Share, Exact)), Value: g.Total, Kind: HeadlineMoney, Qualifier: g.Qualifier,
			Sources: sourcesOf(r.Pledges, func(p *PledgeRow) bool { return p.Investor == g.Key }), Sheet: "Investors", Index: 0})
	}
	if len(r.HongKong) > 0 {
		var pub, priv Group
		for _, g := range r.HongKong {
			if g.Key == "Public schemes" {
				pub = g
			} else {
				priv = g
			}
		}
		s := fmt.Sprintf("In Hong Kong, public schemes total %s (%d) against %s from private funds and companies (%d).",
			money(pub, cur), pub.Count, money(priv, cur), priv.Count)
		hs = append(hs, Headline{Topic: "Hong Kong: public vs private", Sentence: s, Value: pub.Total, Kind: HeadlineMoney, Qualifier: pub.Qualifier,
			Sources: sourcesOf(r.Pledges, func(p *PledgeRow) bool { return strings.EqualFold(p.Region, "Hong Kong") }), Sheet: "Investors", Index: -1})
	}
	var named []Group
	for _, g := range r.BySector {
		if g.Key != Unspecified && g.Total > 0 {
			named = append(named, g)
		}
	}
	if len(named) > 0 {
		g := named[0]
		parts := []string{}
		for _, x := range named[:min(3, len(named))] {
			parts = append(parts, fmt.Sprintf("%s %s", x.Key, money(x, cur)))
		}
		hs = append(hs, Headline{Topic: "Fund money by sector", Sentence: fmt.Sprintf("By sector, the most money targets %s (multi-sector amounts split equally).",
			strings.Join(parts, ", ")), Value: g.Total, Kind: HeadlineMoney, Qualifier: g.Qualifier,
			Sources: sourcesOf(r.Pledges, func(p *PledgeRow) bool { return hasSector(p.Sectors, g.Key) }), Sheet: "Sectors", Index: 0})
	}
	return hs
}

func hasSector(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func largest(rows []PledgeRow) *PledgeRow {
	var best *PledgeRow
	for i := range rows {
		p := &rows[i]
		if !p.Counted || math.IsNaN(p.Value) {
			continue
		}
		if best == nil || p.Value > best.Value {
			best = p
		}
	}
	return best
}
