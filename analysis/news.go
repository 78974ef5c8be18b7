package analysis

import (
	"fmt"
	"strings"
)

// PrependChanges puts a headline first on the Summary that says what
// changed since the previous report, or that nothing did, and how many
// pledges were announced in the report's own month. Call it once Changes
// is filled.
func (r *Report) PrependChanges() {
	h := Headline{Topic: "What changed", Kind: HeadlineCount}
	var parts []string
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
		since := "the figures below are cumulative since " + r.firstYear()
		if r.DateNotStated.Count > 0 {
			since += fmt.Sprintf(" (date not stated: %d counted, in no year)", r.DateNotStated.Count)
		}
		switch {
		case month == 0:
			parts = append(parts, fmt.Sprintf("No row of the inputs is dated %s; %s", r.AsOf.Format("January 2006"), since))
		case counted == month:
			parts = append(parts, fmt.Sprintf("%s dated %s, all counted; %s", plural(month, "row of the inputs is", "rows of the inputs are"), r.AsOf.Format("January 2006"), since))
		default:
			parts = append(parts, fmt.Sprintf("%s dated %s, %d of them counted in the totals; %s", plural(month, "row of the inputs is", "rows of the inputs are"), r.AsOf.Format("January 2006"), counted, since))
		}
	}
	switch c := r.Changes; {
	case c == nil:
	case c.Previous == "":
		parts = append(parts, "there is no earlier report to compare with")
	default:
		n := map[string]int{}
		for _, it := range c.Items {
			n[it.Table+" "+it.Kind]++
		}
		var what []string
		for _, k := range []struct{ key, one, many string }{
			{"pledge new", "new pledge", "new pledges"}, {"pledge revised", "revision of a pledge", "revisions of pledges"},
			{"pledge removed", "pledge removed", "pledges removed"}, {"metric new", "new metric", "new metrics"},
			{"metric revised", "revised metric", "revised metrics"}, {"metric removed", "metric removed", "metrics removed"},
		} {
			if n[k.key] > 0 {
				what = append(what, plural(n[k.key], k.one, k.many))
			}
		}
		if len(what) == 0 {
			parts = append(parts, "nothing changed since the report for "+c.Previous)
		} else {
			parts = append(parts, "since the report for "+c.Previous+": "+strings.Join(what, ", ")+" (listed on Changes)")
		}
	}
	if len(parts) == 0 {
		return
	}
	s := strings.Join(parts, "; ")
	h.Sentence = strings.ToUpper(s[:1]) + s[1:] + "."
	r.Headlines = append([]Headline{h}, r.Headlines...)
}

// firstYear is the year of the earliest counted pledge whose date its
// source states, or "the first record" when none is counted.
func (r *Report) firstYear() string {
	first := 0
	for i := range r.Pledges {
		p := &r.Pledges[i]
		if p.Counted && p.DateStated() && (first == 0 || p.Announced.Year() < first) {
			first = p.Announced.Year()
		}
	}
	if first == 0 {
		return "the first record"
	}
	return itoa(first)
}
