package analysis

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
)

// Rules about what a row is and how rows relate, written into the report.
const (
	RuleKind     = "Only commitments of money with a stated total are summed. Signals (a licence, a partnership, a plan without a figure) are listed, never counted; an amount per recipient (per start-up) is shown as such and never summed."
	RuleRelation = "A top-up adds to the pledge it names; a restatement is the same money reported again (not added; its sources join the original's); a part of a pledge is shown, not added; a pledge replaced by a later one stops counting."
	RuleRepeat   = "Two unlinked pledges of one group announced within a year of each other are flagged as likely the same money when their amounts agree within 15%, or differ by a factor of 10, 100 or 1000 within 5% (a million/billion or 亿/十亿 slip)."
	RuleRestated = "A restatement whose amount differs from the pledge it restates is a warning: in one currency at any difference, across currencies at more than 1% after conversion."
	RuleScope    = "Only AI money is counted: a pledge dedicated to AI counts whole; a broader programme that includes AI counts for the AI share a source states, and with none it is listed beside the totals, never added; a pledge that is not for AI is listed, not counted."
	RuleDate     = "A date marked \"report date\" is the source's own date standing in for one it does not give; \"elsewhere\" comes from another record. Years built on such dates are approximate (marked ~). A date marked \"before\" or \"unknown\" is not given by the source: the pledge counts in totals but in no year (\"date not stated\"), and the year the figures are cumulative since rests on stated dates only."
)

// classify sets each row's group, and leaves signals and amounts per
// recipient out of the counts.
func (r *Report) classify(probs *Problems) {
	cache := map[string]string{}
	for i := range r.Pledges {
		p := &r.Pledges[i]
		g, ok := cache[p.Investor]
		if !ok {
			g = r.GroupOf(p.Investor)
			if len(cache) < 1<<16 {
				cache[p.Investor] = g
			}
		}
		p.Group = g
		p.Approximate = p.DateBasis == DateReportDate || p.DateBasis == DateElsewhere
		known := p.Excluded != ExcludedCutoff
		switch {
		case Signal(p.Kind):
			if known {
				r.Signals++
			}
			if p.Counted {
				p.Counted, p.Excluded = false, ExcludedSignal
			}
		case p.Per != "":
			if known {
				r.PerRecipient++
			}
			if p.Counted {
				p.Counted, p.Excluded = false, ExcludedPer
			}
		case p.AIScope == ScopeNotAI:
			if p.Counted {
				p.Counted, p.Excluded = false, ExcludedNotAI
			}
		case p.AIScope == ScopeBroader && p.AIShare == 0:
			if p.Counted {
				p.Counted, p.Excluded = false, ExcludedBroader
			}
		case p.AIScope == ScopeBroader:
			// Only the AI share of a broader programme is AI money; the
			// row's value is that share, and the whole amount stays in
			// AmountText.
			p.Value *= p.AIShare
			p.USD *= p.AIShare
			p.PerYear *= p.AIShare
		}
	}
}

// relate applies the relations between pledges: restatements and parts
// stop counting, replaced pledges stop counting, restatements give their
// sources to the pledge they restate. Unknown targets and cycles are
// errors at the related_to cell.
func (r *Report) relate(probs *Problems) {
	any := false
	for i := range r.Pledges {
		any = any || r.Pledges[i].RelatedTo != ""
	}
	if !any {
		return
	}
	ids := map[string]int{}
	for i := range r.Pledges {
		p := &r.Pledges[i]
		if p.ID != "" {
			if k := IDKey(p.ID); k != "" {
				if _, ok := ids[k]; !ok {
					ids[k] = i
				}
			}
		}
	}
	target := make([]int, len(r.Pledges))
	for i := range r.Pledges {
		target[i] = -1
		p := &r.Pledges[i]
		if p.RelatedTo == "" {
			continue
		}
		j, ok := ids[IDKey(p.RelatedTo)]
		if !ok {
			probs.Add(p.Loc.Problem(SevError, "related_to", p.RelatedTo, errorf(ErrRelation,
				"no pledge has the id %q; put the id of the pledge this one %s", p.RelatedTo, relationVerb(p.Relation))))
			continue
		}
		target[i] = j
	}
	// A chain of relations must end: follow each one, and report a row
	// that comes back to itself once.
	state := make([]byte, len(r.Pledges)) // 0 unseen, 1 on the path, 2 done
	for i := range r.Pledges {
		var path []int
		j := i
		for j >= 0 && state[j] == 0 {
			state[j] = 1
			path = append(path, j)
			j = target[j]
		}
		if j >= 0 && state[j] == 1 {
			p := &r.Pledges[j]
			ring := path[slices.Index(path, j):]
			var cycle []string
			for _, k := range ring[:min(len(ring), MaxListed+1)] {
				cycle = append(cycle, cmp.Or(r.Pledges[k].ID, r.Pledges[k].Loc.Ref().String()))
			}
			shown := strings.Join(cycle, " -> ")
			if len(ring) > MaxListed {
				shown = fmt.Sprintf("%s and %d more", strings.Join(cycle[:MaxListed], " -> "), len(ring)-MaxListed)
			}
			probs.Add(p.Loc.Problem(SevError, "related_to", p.RelatedTo, errorf(ErrRelation,
				"the relations go round in a circle (%s -> %s); one of these pledges must be the original, with relation new",
				shown, cycle[0])))
			for _, k := range path[slices.Index(path, j):] {
				target[k] = -1
			}
		}
		for _, k := range path {
			state[k] = 2
		}
	}
	// The original a restatement gives its sources to is the end of its
	// chain of restatements; each row's is found once, so that a chain
	// of any length is resolved in one pass.
	root := make([]int, len(r.Pledges))
	for i := range root {
		root[i] = -1
	}
	var walk []int
	rootOf := func(i int) int {
		walk = walk[:0]
		j := i
		for root[j] < 0 && target[j] >= 0 && r.Pledges[j].Relation == RelationRestates {
			walk = append(walk, j)
			j = target[j]
		}
		if root[j] >= 0 {
			j = root[j]
		}
		for _, k := range walk {
			root[k] = j
		}
		return j
	}
	// An original gathering many sources keeps a set of them, so that
	// adding one does not scan the list.
	seen := map[int]map[string]bool{}
	addSources := func(o int, srcs []string) {
		q := &r.Pledges[o]
		set := seen[o]
		for _, s := range srcs {
			if s == "" {
				continue
			}
			if set == nil && len(q.Sources) < 16 {
				q.Sources = AppendUnique(q.Sources, s)
				continue
			}
			if set == nil {
				set = make(map[string]bool, 2*len(q.Sources))
				for _, x := range q.Sources {
					set[x] = true
				}
				seen[o] = set
			}
			if !set[s] {
				set[s] = true
				q.Sources = append(q.Sources, s)
			}
		}
	}
	for i := range r.Pledges {
		j := target[i]
		if j < 0 {
			continue
		}
		p, t := &r.Pledges[i], &r.Pledges[j]
		if p.Excluded == ExcludedCutoff {
			continue // not yet known at the cut-off: changes nothing
		}
		switch p.Relation {
		case RelationRestates:
			root := rootOf(j)
			o := &r.Pledges[root]
			if p.Counted {
				p.Counted, p.Excluded, p.ExcludedBy = false, ExcludedRestates, int32(j)
			}
			addSources(root, p.Sources)
			if restatedDiffers(p, o) {
				probs.Add(p.Loc.Problem(SevWarning, "amount", p.AmountText, errorf(ErrRestatedAmount,
					"restates %s (%s) but states %s, %s; kept as the source states it and not added: the original's amount counts",
					o.ID, FormatMoney(o.USD, "USD", o.Amount.Qualifier), FormatMoney(p.USD, "USD", p.Amount.Qualifier), factorWords(p.USD, o.USD))))
			}
		case RelationPartOf:
			if p.Counted {
				p.Counted, p.Excluded, p.ExcludedBy = false, ExcludedPartOf, int32(j)
			}
		case RelationReplaces:
			if t.Counted {
				t.Counted, t.Excluded, t.ExcludedBy = false, ExcludedReplaced, int32(i)
			}
		}
	}
}

// ExcludedName is the pledge a row's reason for not being counted names
// (see Exclusion.NamesPledge): its id, or its place when it has none; ""
// when the reason names none.
func (r *Report) ExcludedName(p *PledgeRow) string {
	if !p.Excluded.NamesPledge() || int(p.ExcludedBy) >= len(r.Pledges) || p.ExcludedBy < 0 {
		return ""
	}
	q := &r.Pledges[p.ExcludedBy]
	return cmp.Or(q.ID, q.Loc.Ref().String())
}

// ExcludedText says in English why a row is not counted: "entered twice",
// or a reason and the pledge it names ("restates alibaba-ai-infra-2025");
// "" for a row that is counted.
func (r *Report) ExcludedText(p *PledgeRow) string {
	if p.Excluded.NamesPledge() {
		return p.Excluded.String() + " " + r.ExcludedName(p)
	}
	return p.Excluded.String()
}

func relationVerb(rel Relation) string {
	switch rel {
	case RelationTopUp:
		return "tops up"
	case RelationPartOf:
		return "is part of"
	}
	return rel.String()
}

// factorWords describes how far apart two amounts are: "a tenth of it",
// "10 times it", "12.0% less".
func factorWords(a, b float64) string {
	if k, ok := decadeSlip(a, b); ok {
		if a < b {
			return fmt.Sprintf("1/%d of it (a unit slip?)", k)
		}
		return fmt.Sprintf("%d times it (a unit slip?)", k)
	}
	d := a/b - 1
	if d < 0 {
		return fmt.Sprintf("%.1f%% less", -d*100)
	}
	return fmt.Sprintf("%.1f%% more", d*100)
}

// decadeSlip reports whether a and b differ by a factor of 10, 100 or
// 1000 within 5%, and which.
func decadeSlip(a, b float64) (int, bool) {
	if a <= 0 || b <= 0 {
		return 0, false
	}
	hi, lo := math.Max(a, b), math.Min(a, b)
	for _, k := range []int{10, 100, 1000} {
		if math.Abs(hi/float64(k)-lo) <= 0.05*lo {
			return k, true
		}
	}
	return 0, false
}

// findRepeats warns about pairs of counted pledges of one group that are
// not linked, announced within a year of each other, whose amounts agree
// within 15% or differ by a unit slip (see RuleRepeat). Amounts are
// bucketed by their logarithm so that a row is compared only with rows
// whose amount could match.
func (r *Report) findRepeats(probs *Problems) {
	const window = 366 * 24 * time.Hour
	// Bucket width: 15% on a log10 scale is 0.0706, wider than 5%.
	const width = 0.0706
	type key struct {
		group  int32
		bucket int32
	}
	// A candidate carries the date and amount it is compared by, and
	// whether it names a pledge it is related to, so that the walk reads
	// its row only when it may be linked.
	type candidate struct {
		at      time.Time
		usd     float64
		row     int
		related bool
	}
	groups := map[string]int32{}
	lists := map[key][]candidate{}
	for i := range r.Pledges {
		p := &r.Pledges[i]
		if !p.Counted || math.IsNaN(p.USD) || p.USD <= 0 || math.IsInf(p.USD, 0) {
			continue
		}
		g, ok := groups[p.Group]
		if !ok {
			g = int32(len(groups))
			groups[p.Group] = g
		}
		m := math.Log10(p.USD)
		found := -1
	search:
		for _, shift := range []float64{0, 1, 2, 3, -1, -2, -3} {
			b := int32(math.Floor((m - shift) / width))
			for _, bb := range []int32{b - 1, b, b + 1} {
				k := key{g, bb}
				list, ok := lists[k]
				if !ok {
					continue
				}
				n := 0
				for n < len(list) && p.Announced.Sub(list[n].at) > window {
					n++
				}
				if n > 0 {
					list = list[n:]
					lists[k] = list
				}
				for _, c := range list {
					if _, slip := decadeSlip(p.USD, c.usd); (slip || similar(p.USD, c.usd)) && (p.RelatedTo == "" && !c.related || !linked(p, &r.Pledges[c.row])) {
						found = c.row
						break search
					}
				}
			}
		}
		if found >= 0 && p.Relation == RelationUnset {
			if !probs.Room(SevWarning, ErrLikelyRepeat) {
				probs.Drop(SevWarning, ErrLikelyRepeat)
			} else {
				q := &r.Pledges[found]
				days := int(p.Announced.Sub(q.Announced).Hours() / 24)
				name := cmp.Or(q.ID, q.Loc.Ref().String())
				probs.Add(p.Loc.Problem(SevWarning, "amount", p.AmountText, errorf(ErrLikelyRepeat,
					"may be the same money as %s (%s, %s): same group %s, announced %d days apart, and %s is %s; if it is the same money, set relation to restates and related_to to %s; if it is new money, set relation to new (or top-up with related_to)",
					name, q.Loc.Ref(), FormatMoney(q.USD, "USD", q.Amount.Qualifier), p.Group, days,
					FormatMoney(p.USD, "USD", p.Amount.Qualifier), factorWords(p.USD, q.USD), name)))
			}
		}
		k := key{g, int32(math.Floor(m / width))}
		lists[k] = append(lists[k], candidate{p.Announced, p.USD, i, p.RelatedTo != ""})
	}
}

// linked reports whether one of two pledges names the other.
func linked(p, q *PledgeRow) bool {
	return p.RelatedTo != "" && SameID(p.RelatedTo, q.ID) || q.RelatedTo != "" && SameID(q.RelatedTo, p.ID)
}

// restatedDiffers reports whether a restatement states another amount
// than the pledge it restates (see RuleRestated): in one currency, any
// difference; across currencies, more than 1% after conversion, as rates
// turn the same money into figures a little apart.
func restatedDiffers(p, o *PledgeRow) bool {
	if math.IsNaN(p.USD) || math.IsNaN(o.USD) {
		return false
	}
	if p.Amount.Currency == o.Amount.Currency {
		return p.Amount.Value != o.Amount.Value
	}
	return math.Abs(p.USD-o.USD) > 0.01*math.Max(p.USD, o.USD)
}
