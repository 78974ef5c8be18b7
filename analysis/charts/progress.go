package charts

import (
	"fmt"
	"math"
	"slices"
	"sort"

	"pledgewatch/analysis"
)

// progressSpec is a bullet per open tracked pledge with evidence, at most
// topGroups of them, largest first: the pledged amount as
// a long light bar, the amount delivered (disbursed or spent) as a dark
// bar inside it, and a tick where delivery would be on pace (the share
// of the period elapsed times the pledged amount). Completed, cancelled
// and replaced pledges are counted in a note, not drawn; the chart needs
// evidence of delivery in the inputs.
func progressSpec(r *analysis.Report) (spec, bool) {
	if len(r.Evidence) == 0 {
		return spec{}, false
	}
	ch := analysis.ChartOf(analysis.ChartProgress)
	prs := ch.Progress(r)
	var open []*analysis.Progress
	closed := 0
	for i := range prs {
		pr := &prs[i]
		if pr.Closed() {
			closed++
			continue
		}
		open = append(open, pr)
	}
	if len(open) == 0 {
		return spec{}, false
	}
	sort.SliceStable(open, func(i, j int) bool { return open[i].Pledged > open[j].Pledged })
	withPeriod, behind, overdue, onPace := 0, 0, 0, 0
	for _, pr := range open {
		if !pr.HasPeriod() {
			continue
		}
		withPeriod++
		switch pr.Status {
		case analysis.StatusBehind:
			behind++
		case analysis.StatusOverdue:
			behind++
			overdue++
		case analysis.StatusOnPace, analysis.StatusAhead:
			onPace++
		}
	}
	// Drawn: the pledges with evidence, largest first; the others are
	// counted in a note (all of them are drawn when none has evidence).
	var drawn []*analysis.Progress
	for _, pr := range open {
		if pr.HasEvidence() {
			drawn = append(drawn, pr)
		}
	}
	silent := len(open) - len(drawn)
	if len(drawn) == 0 {
		drawn, silent = open, 0
	}
	more := max(len(drawn)-topGroups, 0)
	drawn = drawn[:len(drawn)-more]
	sep := "\n" // the status under the figures, when two lines fit
	if len(drawn) > 8 {
		sep = ": "
	}
	cur := r.Currency
	s := spec{name: ch.Name}
	s.setTitle(progressTitle(withPeriod, behind, overdue, onPace, len(open)))
	s.horizontal = true
	if r.AsOf.IsZero() {
		s.setSubtitle(say(analysis.ClaimScope, "words.progress.subtitle", analysis.Word(cur)))
	} else {
		s.setSubtitle(say(analysis.ClaimScope, "words.progress.subtitle.asof", analysis.Word(cur), r.AsOf))
	}
	var qs []analysis.Qualifier
	m := 0.0
	marked := false
	for _, pr := range drawn {
		p := &r.Pledges[pr.Pledge]
		b := bar{label: p.Investor + ": " + p.Program, value: pr.Pledged, tone: toneLight, bound: boundOf(pr.PledgedQ), measure: measureMoney(cur)}
		m = math.Max(m, pr.Pledged)
		qs = append(qs, pr.PledgedQ)
		pledged := moneyFinding(pr.Pledged, cur, pr.PledgedQ)
		tf := say(analysis.ClaimStatus, "words.progress.none", pledged)
		if !math.IsNaN(pr.Delivered) {
			b.inner, b.innerBound, b.hasInner = pr.Delivered, boundOf(pr.DeliveredQ), true
			m = math.Max(m, pr.Delivered)
			qs = append(qs, pr.DeliveredQ)
			delivered := moneyFinding(pr.Delivered, cur, pr.DeliveredQ)
			tf = say(analysis.ClaimStatus, "words.progress.of", delivered, pledged)
			if !math.IsNaN(pr.Share) && pr.ShareQ != analysis.Mixed {
				tf = say(analysis.ClaimStatus, "words.progress.share", delivered, pledged,
					analysis.Word(qualified(pr.ShareQ, analysis.FormatPercent(pr.Share, pr.ShareQ))))
			}
		}
		key := "words.lines"
		if sep != "\n" {
			key = "words.progress.status"
		}
		tf = say(analysis.ClaimStatus, key, tf, analysis.Word(pr.Status.String()))
		txt := tf.Text
		b.textFinding = tf
		if pr.HasPeriod() && !math.IsNaN(pr.Elapsed) {
			b.mark, b.hasMark = pr.Elapsed*pr.Pledged, true
			marked = true
		}
		b.text = txt
		s.bars = append(s.bars, b)
		for _, e := range r.Evidence[pr.EvidenceFirst:pr.EvidenceEnd] {
			if len(s.sources) < maxCitedSources {
				s.sources = analysis.AppendUnique(s.sources, cite(e.Source, e.Date))
			}
		}
	}
	s.scale, s.axis = moneyAxis(cur, m)
	s.legend = []legendItem{
		{tone: toneLight, text: "pledged"},
		{tone: toneMain, inner: true, text: "delivered: disbursed or spent"},
	}
	if marked {
		s.legend = append(s.legend, legendItem{mark: true, text: "tick: delivered if on pace (share of period elapsed × pledged)"})
	}
	s.legend = append(s.legend, boundLegend([]panel{s.panel})...)
	s.addNote(say(analysis.ClaimScope, "words.progress.pace", fmt.Sprintf("%.1f", analysis.PaceBehind), fmt.Sprintf("%.2f", analysis.PaceAhead)))
	if closed > 0 {
		s.addNote(say(analysis.ClaimCount, "words.progress.closed", closed))
	}
	switch {
	case silent > 0 && more > 0:
		s.addNote(say(analysis.ClaimCount, "words.progress.hidden.both", silent, more))
	case silent > 0:
		s.addNote(say(analysis.ClaimCount, "words.progress.hidden.silent", silent))
	case more > 0:
		s.addNote(say(analysis.ClaimCount, "words.progress.hidden.more", more))
	}
	s.addLegendNote(qs)
	return s, true
}

// progressTitle states how many pledges with a period are behind pace
// (overdue ones included), or that none is.
func progressTitle(withPeriod, behind, overdue, onPace, open int) *analysis.Finding {
	switch {
	case withPeriod == 0:
		return say(analysis.ClaimCount, "words.progress.noperiod", open)
	case behind > 0:
		key := "words.progress.behind"
		if behind == 1 {
			key += "1"
		}
		if overdue > 0 {
			return say(analysis.ClaimCount, key+".overdue", withPeriod, behind, overdue)
		}
		return say(analysis.ClaimCount, key, withPeriod, behind)
	case onPace == withPeriod && withPeriod == 1:
		return say(analysis.ClaimCount, "words.progress.onpace.one")
	case onPace == withPeriod:
		return say(analysis.ClaimCount, "words.progress.onpace", withPeriod)
	}
	return say(analysis.ClaimCount, "words.progress.open", withPeriod-onPace, withPeriod)
}

// deliveryHistorySpec is a bullet per monthly report: the total pledged
// of its counted pledges as a light bar, the total delivered inside it,
// from Report.History. It needs two reports in the reporting currency,
// one of them with a total delivered.
func deliveryHistorySpec(r *analysis.Report) (spec, bool) {
	ch := analysis.ChartOf(analysis.ChartDelivered)
	var pts []analysis.HistoryPoint
	some := false
	for _, h := range ch.History(r) {
		if h.Currency != "" && h.Currency != r.Currency {
			continue
		}
		pts = append(pts, h)
		some = some || h.HasDelivered
	}
	if len(pts) < 2 || !some {
		return spec{}, false
	}
	cur := r.Currency
	s := spec{name: ch.Name, sources: []string{historySource}}
	m := 0.0
	var qs []analysis.Qualifier
	for _, h := range pts {
		q := labelQualifier(h.Qualifier)
		qs = append(qs, q)
		b := bar{label: h.Month, value: h.Total, tone: toneLight, bound: boundOf(q), measure: measureMoney(cur)}
		pledged := say(analysis.ClaimStatus, "words.delivery.pledged", moneyFinding(h.Total, cur, q))
		m = math.Max(m, h.Total)
		if h.HasDelivered {
			dq := labelQualifier(h.DeliveredQualifier)
			qs = append(qs, dq)
			b.inner, b.innerBound, b.hasInner = h.Delivered, boundOf(dq), true
			m = math.Max(m, h.Delivered)
			b.textFinding = say(analysis.ClaimStatus, "words.lines", pledged,
				say(analysis.ClaimStatus, "words.delivery.delivered", moneyFinding(h.Delivered, cur, dq)))
		} else {
			b.textFinding = say(analysis.ClaimStatus, "words.lines", pledged, say(analysis.ClaimStatus, "words.delivery.nothing"))
		}
		b.text = b.textFinding.Text
		s.bars = append(s.bars, b)
	}
	s.scale, s.axis = moneyAxis(cur, m)
	first, last := pts[0], pts[len(pts)-1]
	s.setSubtitle(say(analysis.ClaimScope, "words.delivery.subtitle", analysis.Word(cur), first.Month, last.Month))
	s.setTitle(deliveryHistoryTitle(pts, cur))
	s.legend = []legendItem{
		{tone: toneLight, text: "pledged"},
		{tone: toneMain, inner: true, text: "delivered: disbursed or spent"},
	}
	s.legend = append(s.legend, boundLegend([]panel{s.panel})...)
	if slices.Contains(qs, analysis.Mixed) {
		s.addNote(say(analysis.ClaimScope, "words.delivery.mixed"))
	}
	s.addLegendNote(qs)
	return s, true
}

// deliveryHistoryTitle states the latest total delivered against the
// total pledged, and how it moved since the first report with one.
func deliveryHistoryTitle(pts []analysis.HistoryPoint, cur string) *analysis.Finding {
	last := pts[len(pts)-1]
	pq := labelQualifier(last.Qualifier)
	if !last.HasDelivered {
		return say(analysis.ClaimChange, "words.delivery.none", last.Month, sumFact(last.Total, cur, pq))
	}
	dq := labelQualifier(last.DeliveredQualifier)
	now := []any{sumFact(last.Delivered, cur, dq), sumFact(last.Total, cur, pq), last.Month}
	for _, h := range pts[:len(pts)-1] {
		if !h.HasDelivered {
			continue
		}
		before := sumFact(h.Delivered, cur, labelQualifier(h.DeliveredQualifier))
		switch d := last.Delivered - h.Delivered; {
		case d > 0:
			return say(analysis.ClaimChange, "words.delivery.up", append(now, before, h.Month)...)
		case d < 0:
			return say(analysis.ClaimChange, "words.delivery.down", append(now, before, h.Month)...)
		}
		return say(analysis.ClaimChange, "words.delivery.unchanged", append(now, h.Month)...)
	}
	return say(analysis.ClaimChange, "words.delivery.first", now...)
}

// sumFact is a total as a title states it: "at least US$4.6B"; a total
// that mixes lower and upper bounds is given as summed, the note says so.
func sumFact(v float64, cur string, q analysis.Qualifier) analysis.Fact {
	if q == analysis.Mixed {
		q = analysis.Exact
	}
	return analysis.Fact{Value: v, Qualifier: q, Unit: cur, Money: true, Shown: math.NaN()}
}
