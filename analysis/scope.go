package analysis

import (
	"cmp"
	"fmt"
	"math"
	"strings"
)

// broaderHeadlines list, region by region, the broader programmes that
// include AI and state no AI share (Report.Broader): beside the AI
// totals, never added to them. The sum is in the programmes' own
// currency when they share one, with the reporting currency beside it.
func broaderHeadlines(r *Report) []Headline {
	var hs []Headline
	for _, g := range r.Broader {
		f := &Finding{Claim: ClaimTotal}
		native, currency, like := 0.0, "", true
		var programs []string
		for i := range r.Pledges {
			p := &r.Pledges[i]
			if p.Excluded != ExcludedBroader || cmp.Or(p.Region, Unspecified) != g.Key || math.IsNaN(p.Value) {
				continue
			}
			if len(f.Figures) == 0 {
				currency = p.Amount.Currency
			} else if p.Amount.Currency != currency {
				currency = ""
			}
			if len(f.Figures) > 0 && f.Figures[0].Like != likeKind(p) {
				like = false
			}
			native += p.Amount.Value
			programs = append(programs, p.Program)
			f.Figures = append(f.Figures, Fact{Ref: HeadlineRef{Kind: RefPledge, Index: i}, Label: p.Program, Value: p.Value,
				Qualifier: p.Amount.Qualifier, Unit: r.Currency, Money: true, Like: likeKind(p), Sources: p.Sources, Shown: math.NaN()})
		}
		if len(f.Figures) == 0 {
			continue
		}
		f.Result = Fact{Label: g.Key, Value: g.Total, Qualifier: g.Qualifier, Unit: r.Currency, Money: true, Shown: math.NaN()}
		sum := Fact{Value: g.Total, Qualifier: g.Qualifier, Unit: r.Currency, Money: true, Shown: math.NaN()}
		if currency != "" && currency != r.Currency {
			sum = Fact{Value: native, Qualifier: g.Qualifier, Unit: currency, Money: true, Shown: math.NaN()}
		}
		n, list := len(f.Figures), strings.Join(programs, "; ")
		switch {
		case !like:
			// Programmes of unlike kinds are named, not summed.
			f.Claim = ClaimSide
			f.Key, f.Args = "finding.broader.unlike", []any{g.Key, n, list}
			f.Text = fmt.Sprintf("Not added to the AI totals, %[1]s: %[2]d broader programmes that include AI, of unlike kinds and not summed (%[3]s).", g.Key, n, list)
		case sum.Unit != r.Currency:
			f.Key, f.Args = "finding.broader.converted", []any{g.Key, sum, phrase("claim.converted", f.Result), n, list}
			f.Text = fmt.Sprintf("Not added to the AI totals, %[1]s: %[2]s (%[5]s) in broader programmes that include AI (%[3]d: %[4]s).",
				g.Key, Qualified(sum.Qualifier, FormatMoney(sum.Value, sum.Unit, sum.Qualifier), false), n, list, Qualified(g.Qualifier, FormatMoney(g.Total, r.Currency, g.Qualifier), false))
		default:
			f.Key, f.Args = "finding.broader", []any{g.Key, f.Result, n, list}
			f.Text = fmt.Sprintf("Not added to the AI totals, %[1]s: %[2]s in broader programmes that include AI (%[3]d: %[4]s).", g.Key, Qualified(g.Qualifier, FormatMoney(g.Total, r.Currency, g.Qualifier), false), n, list)
		}
		var sources []string
		for _, x := range f.Figures {
			for _, s := range x.Sources {
				sources = AppendUnique(sources, s)
			}
		}
		hs = append(hs, Headline{Topic: English("topic.broader"), TopicKey: "topic.broader", Sentence: f.Text, Value: g.Total, Kind: HeadlineMoney, Qualifier: g.Qualifier,
			Sources: capSources(sources), Finding: f})
	}
	return hs
}
