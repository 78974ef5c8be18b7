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
	s := spec{name: ch.Name, title: progressTitle(withPeriod, behind, overdue, onPace, len(open))}
	s.horizontal = true
	s.subtitle = fmt.Sprintf("Open pledges with a stated amount: pledged and delivered (disbursed or spent) on the evidence, in %s", cur)
	if !r.AsOf.IsZero() {
		s.subtitle += ", as of " + r.AsOf.Format(analysis.DateLayout)
	}
	var qs []analysis.Qualifier
	m := 0.0
	marked := false
	for _, pr := range drawn {
		p := &r.Pledges[pr.Pledge]
		b := bar{label: p.Investor + ": " + p.Program, value: pr.Pledged, tone: toneLight, bound: boundOf(pr.PledgedQ), measure: measureMoney(cur)}
		m = math.Max(m, pr.Pledged)
		qs = append(qs, pr.PledgedQ)
		pledged := moneyText(pr.Pledged, cur, pr.PledgedQ)
		txt := "none delivered of " + pledged
		if !math.IsNaN(pr.Delivered) {
			b.inner, b.innerBound, b.hasInner = pr.Delivered, boundOf(pr.DeliveredQ), true
			m = math.Max(m, pr.Delivered)
			qs = append(qs, pr.DeliveredQ)
			txt = moneyText(pr.Delivered, cur, pr.DeliveredQ) + " of " + pledged
			if !math.IsNaN(pr.Share) && pr.ShareQ != analysis.Mixed {
				txt += ", " + qualified(pr.ShareQ, analysis.FormatPercent(pr.Share, pr.ShareQ))
			}
		}
		txt += sep + pr.Status
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
	s.notes = append(s.notes, fmt.Sprintf("Pace = share delivered / share of the period elapsed: behind below %.1f, ahead above %.2f; overdue: the period is over with less than the pledge delivered. Pledges without a period have no tick and are not judged.",
		analysis.PaceBehind, analysis.PaceAhead))
	if closed > 0 {
		s.notes = append(s.notes, fmt.Sprintf("Not drawn: %s completed, cancelled or replaced.", plural(closed, "pledge", "pledges")))
	}
	if silent > 0 || more > 0 {
		var parts []string
		if silent > 0 {
			parts = append(parts, fmt.Sprintf("%d open %s with no evidence yet", silent, pledgeWord(silent)))
		}
		if more > 0 {
			parts = append(parts, fmt.Sprintf("the %d smallest with evidence", more))
		}
		s.notes = append(s.notes, "Not drawn: "+andList(parts)+"; every pledge is on the Progress sheet.")
	}
	s.addLegendNote(qs)
	return s, true
}

func pledgeWord(n int) string {
	if n == 1 {
		return "pledge"
	}
	return "pledges"
}

// progressTitle states how many pledges with a period are behind pace
// (overdue ones included), or that none is.
func progressTitle(withPeriod, behind, overdue, onPace, open int) string {
	switch {
	case withPeriod == 0:
		return fmt.Sprintf("None of the %s states a period, so none is judged on pace", plural(open, "open tracked pledge", "open tracked pledges"))
	case behind > 0:
		verb := "are"
		if behind == 1 {
			verb = "is"
		}
		t := fmt.Sprintf("%d of %s with a period %s behind pace", behind, plural(withPeriod, "pledge", "pledges"), verb)
		if overdue > 0 {
			t += fmt.Sprintf(", %d of them overdue", overdue)
		}
		return t
	case onPace == withPeriod:
		if withPeriod == 1 {
			return "The one pledge with a period is on pace or ahead"
		}
		return fmt.Sprintf("All %d pledges with a period are on pace or ahead", withPeriod)
	}
	return fmt.Sprintf("No pledge with a period is behind pace; %d of %d cannot be judged yet", withPeriod-onPace, withPeriod)
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
		b := bar{label: h.Month, value: h.Total, tone: toneLight, bound: boundOf(q), measure: measureMoney(cur),
			text: moneyText(h.Total, cur, q) + " pledged"}
		m = math.Max(m, h.Total)
		if h.HasDelivered {
			dq := labelQualifier(h.DeliveredQualifier)
			qs = append(qs, dq)
			b.inner, b.innerBound, b.hasInner = h.Delivered, boundOf(dq), true
			m = math.Max(m, h.Delivered)
			b.text += "\n" + moneyText(h.Delivered, cur, dq) + " delivered"
		} else {
			b.text += "\nno amount delivered"
		}
		s.bars = append(s.bars, b)
	}
	s.scale, s.axis = moneyAxis(cur, m)
	first, last := pts[0], pts[len(pts)-1]
	s.subtitle = fmt.Sprintf("Counted pledges in each monthly report: stated amounts pledged, and delivered (disbursed or spent) on the evidence, in %s, %s to %s",
		cur, first.Month, last.Month)
	s.title = deliveryHistoryTitle(pts, cur)
	s.legend = []legendItem{
		{tone: toneLight, text: "pledged"},
		{tone: toneMain, inner: true, text: "delivered: disbursed or spent"},
	}
	s.legend = append(s.legend, boundLegend([]panel{s.panel})...)
	if slices.Contains(qs, analysis.Mixed) {
		s.notes = append(s.notes, "A total marked (mixed bounds) sums lower and upper bounds: the true total may be above or below it.")
	}
	s.addLegendNote(qs)
	return s, true
}

// deliveryHistoryTitle states the latest total delivered against the
// total pledged, and how it moved since the first report with one.
func deliveryHistoryTitle(pts []analysis.HistoryPoint, cur string) string {
	last := pts[len(pts)-1]
	pq := labelQualifier(last.Qualifier)
	if !last.HasDelivered {
		return fmt.Sprintf("No amount delivered on the evidence of the %s report, of %s pledged", last.Month, sumWords(last.Total, cur, pq))
	}
	dq := labelQualifier(last.DeliveredQualifier)
	t := fmt.Sprintf("Evidence shows %s delivered of %s pledged in the %s report",
		sumWords(last.Delivered, cur, dq), sumWords(last.Total, cur, pq), last.Month)
	for _, h := range pts[:len(pts)-1] {
		if !h.HasDelivered {
			continue
		}
		switch d := last.Delivered - h.Delivered; {
		case d > 0:
			t += fmt.Sprintf(", up from %s in %s", sumWords(h.Delivered, cur, labelQualifier(h.DeliveredQualifier)), h.Month)
		case d < 0:
			t += fmt.Sprintf(", down from %s in %s", sumWords(h.Delivered, cur, labelQualifier(h.DeliveredQualifier)), h.Month)
		default:
			t += ", unchanged since " + h.Month
		}
		return t
	}
	return t + ", the first report with an amount delivered"
}

// sumWords is a total as a title has it: "at least US$4.6B"; a total
// that mixes lower and upper bounds is given as summed, the note says so.
func sumWords(v float64, cur string, q analysis.Qualifier) string {
	if q == analysis.Mixed {
		return analysis.FormatMoney(v, cur, analysis.Exact)
	}
	return moneyWords(v, cur, q)
}
