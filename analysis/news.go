package analysis

import "math"

// PrependChanges puts a headline first on the Summary that says what
// changed since the previous report, or that nothing did, and how many
// pledges were announced in the report's own month. Call it once Changes
// is filled.
func (r *Report) PrependChanges() {
	h := Headline{Topic: English("topic.changes"), TopicKey: "topic.changes", Kind: HeadlineCount}
	var parts []any
	if !r.AsOf.IsZero() {
		month, counted := 0, 0
		for i := range r.Pledges {
			p := &r.Pledges[i]
			if p.Excluded != ExcludedCutoff && !p.Undated() && p.Announced.Year() == r.AsOf.Year() && p.Announced.Month() == r.AsOf.Month() {
				month++
				if p.Counted {
					counted++
				}
			}
		}
		h.Value = float64(month)
		first := r.firstYear()
		since := phrase("claim.changes.since", first)
		if first == "" {
			since = phrase("claim.changes.since.first")
		}
		if r.DateNotStated.Count > 0 {
			since = phrase("claim.changes.since.undated", since, r.DateNotStated.Count)
		}
		switch {
		case month == 0:
			parts = append(parts, phrase("claim.changes.nomonth", Month(r.AsOf), since))
		case counted == month:
			parts = append(parts, phrase("claim.changes.month.all", Count{month, "row"}, Month(r.AsOf), since))
		default:
			parts = append(parts, phrase("claim.changes.month", Count{month, "row"}, Month(r.AsOf), counted, since))
		}
	}
	// A sentence that begins with the changes begins with a capital.
	capital := ""
	if len(parts) == 0 {
		capital = ".cap"
	}
	switch c := r.Changes; {
	case c == nil:
	case c.Previous == "":
		parts = append(parts, phrase("claim.changes.first"+capital))
	default:
		n := map[string]int{}
		for _, it := range c.Items {
			n[it.Table+" "+it.Kind]++
		}
		var what []any
		for _, k := range []struct{ key, noun string }{
			{"pledge new", "newpledge"}, {"pledge revised", "revpledge"}, {"pledge removed", "rmpledge"},
			{"metric new", "newmetric"}, {"metric revised", "revmetric"}, {"metric removed", "rmmetric"},
		} {
			if n[k.key] > 0 {
				what = append(what, Count{n[k.key], k.noun})
			}
		}
		if len(what) == 0 {
			parts = append(parts, phrase("claim.changes.nothing"+capital, RunMonth(c.Previous)))
		} else {
			parts = append(parts, phrase("claim.changes.some"+capital, RunMonth(c.Previous), List{Items: what, Join: JoinComma}))
		}
	}
	if len(parts) == 0 {
		return
	}
	f := &Finding{Claim: ClaimChange, Result: Fact{Value: h.Value, Shown: math.NaN()}}
	key := "claim.changes"
	if len(parts) == 1 {
		key = "claim.changes.one"
		parts = append(parts, Phrase{})
	}
	f.word(key, parts...)
	h.Sentence, h.Finding = f.Text, f
	r.Headlines = append([]Headline{h}, r.Headlines...)
}

// firstYear is the year of the earliest counted pledge whose date its
// source states, or "" when none is.
func (r *Report) firstYear() string {
	first := 0
	for i := range r.Pledges {
		p := &r.Pledges[i]
		if p.Counted && p.DateStated() && (first == 0 || p.Announced.Year() < first) {
			first = p.Announced.Year()
		}
	}
	if first == 0 {
		return ""
	}
	return itoa(first)
}
