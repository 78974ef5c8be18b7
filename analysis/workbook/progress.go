package workbook

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"pledgewatch/analysis"
)

// Progress sheet: the cut-off date the elapsed shares are measured at,
// the tracked pledges from progressFirst, and the evidence in a table
// of its own below them.
const (
	progressCutoff = "$B$2"
	progressHead   = 5
	progressFirst  = progressHead + 1
)

// Columns of the tracked pledges that formulas read.
const (
	colPrPledged   = "C"
	colPrDisbursed = "G"
	colPrSpent     = "H"
	colPrDelivered = "K"
	colPrShare     = "M"
	colPrStart     = "O"
	colPrEnd       = "P"
	colPrElapsed   = "Q"
)

var progressHeader = []string{"ID", "Pledge", "Pledged", "Pledged qualifier", "Committed", "Approved", "Disbursed", "Spent",
	"Bounds of stage amounts", "Stage", "Delivered", "Delivered qualifier", "Share delivered", "Share qualifier",
	"Period start", "Period end", "Period elapsed", "Pace", "Last evidence", "Months without news", "Status", "Why"}

var evidenceHeader = []string{"Pledge ID", "Date", "Stage", "Amount as entered", "Amount basis", "Value", "Qualifier",
	"Source", "Link", "Note", "Evidence input"}

// maxTwoTables is the most rows the Progress sheet holds with the
// evidence as an Excel table of its own. A sheet with two tables is
// declared before it is streamed and held whole until it is saved (see
// book.open and sortedZip), which a large one must not be.
const maxTwoTables = 20000

// evidenceHead is the header row of the evidence table.
func (b *book) evidenceHead() int {
	return progressFirst + max(len(b.progressRows()), 1) + 3
}

// progressRows are the tracked pledges the Progress sheet lists: those
// with a period or with evidence. The others (no period, no evidence)
// have nothing to follow yet; they are counted in a line below the list.
func (b *book) progressRows() []int {
	if b.listed != nil {
		return b.listed
	}
	b.listed = []int{}
	for i := range b.r.Progress {
		if pr := &b.r.Progress[i]; pr.HasPeriod() || len(pr.Evidence) > 0 || pr.Status == analysis.StatusReplaced || pr.Status == analysis.StatusCancelled {
			b.listed = append(b.listed, i)
		}
	}
	return b.listed
}

func (b *book) writeProgress() error {
	r := b.r
	cur := r.Currency
	listed := b.progressRows()
	pt := table{name: "ProgressList", col: 1, row: progressHead, last: progressHead + max(len(listed), 1), header: progressHeader}
	eh := b.evidenceHead()
	et := table{name: "EvidenceList", col: 1, row: eh, last: eh + max(len(r.Evidence), 1), header: evidenceHeader}
	tables := []table{pt, et}
	if len(listed)+len(r.Evidence) > maxTwoTables {
		tables = tables[:1] // the evidence is a plain range below
	}
	s := b.open(sheetProgress, sheetOpts{
		widths: []float64{24, 48, 14, 11, 14, 14, 14, 14, 18, 11, 14, 11, 11, 11, 12, 12, 11, 9, 12, 10, 14, 60, 30},
		freeze: progressHead, tables: tables})
	s.set(1, 1, b.text("Pledges against evidence of delivery ("+cur+")", look{title: true}))
	asOf := b.date(r.AsOf, look{left: true})
	if asOf == nil {
		asOf = b.text("no cut-off", look{})
	}
	s.set(2, 1, b.text("Cut-off", look{bold: true}), asOf)
	s.banner(3, 12, analysis.RuleProgress)
	s.header(pt)
	switch u := r.NoEvidence; {
	case len(r.Evidence) == 0 && u.Open > 0:
		s.set(progressFirst, 1, b.text(fmt.Sprintf("No evidence of delivery yet, so no pledge is listed here: %d with a stated amount would be followed, %d of them with a period; see Pledges.",
			u.Open, u.WithPeriod), look{italic: true}))
	case len(listed) == 0:
		s.set(progressFirst, 1, b.text("No pledge of money with a stated amount and a period or evidence to follow.", look{italic: true}))
	}
	money := func(f analysis.StageFigure) any { return b.money(f.Value, cur, look{}) }
	for i, k := range listed {
		pr := &r.Progress[k]
		p := &r.Pledges[pr.Pledge]
		n := strconv.Itoa(progressFirst + i)
		var bounds []string
		for k, f := range pr.At {
			if !math.IsNaN(f.Value) && f.Qualifier != analysis.Exact {
				bounds = append(bounds, stageNames[k]+" "+f.Qualifier.Label())
			}
		}
		var delivered, share, elapsed, pace any
		if !math.IsNaN(pr.Delivered) {
			var f string
			switch d, sp := pr.At[2].Value, pr.At[3].Value; {
			case math.IsNaN(d):
				f = colPrSpent + n
			case math.IsNaN(sp):
				f = colPrDisbursed + n
			default:
				f = "MAX(" + colPrDisbursed + n + "," + colPrSpent + n + ")"
			}
			delivered = b.formula(f, pr.Delivered, moneyFormat(pr.Delivered, cur), look{})
			share = b.formula(colPrDelivered+n+"/"+colPrPledged+n, pr.Share, fmtPercent, look{})
		}
		if !math.IsNaN(pr.Elapsed) {
			if r.AsOf.IsZero() {
				elapsed = b.num(pr.Elapsed, fmtPercent, look{})
			} else {
				elapsed = b.formula("MAX(0,MIN(1,("+progressCutoff+"-"+colPrStart+n+")/("+colPrEnd+n+"-"+colPrStart+n+")))", pr.Elapsed, fmtPercent, look{})
			}
		}
		if !math.IsNaN(pr.Pace) {
			pace = b.formula(colPrShare+n+"/"+colPrElapsed+n, pr.Pace, fmtMultiple, look{})
		}
		var quiet any
		if pr.MonthsQuiet >= 0 {
			quiet = b.integer(pr.MonthsQuiet, look{})
		}
		var sq any
		if !math.IsNaN(pr.Share) {
			sq = b.text(qualLabel(pr.ShareQ), look{})
		}
		var dq any
		if !math.IsNaN(pr.Delivered) {
			dq = b.text(pr.DeliveredQ.Label(), look{})
		}
		s.set(progressFirst+i, 1,
			b.text(p.ID, look{}),
			b.text(p.Investor+" — "+p.Program, look{}),
			b.money(pr.Pledged, cur, look{}),
			b.text(pr.PledgedQ.Label(), look{}),
			money(pr.At[0]), money(pr.At[1]), money(pr.At[2]), money(pr.At[3]),
			b.text(strings.Join(bounds, "; "), look{}),
			b.text(pr.Stage, look{}),
			delivered, dq, share, sq,
			b.date(pr.Start, look{}), b.date(pr.End, look{}),
			elapsed, pace,
			b.date(pr.Last, look{}),
			quiet,
			b.text(pr.Status, look{bold: true}),
			b.text(pr.Why, look{}),
		)
	}
	if rest := len(r.Progress) - len(listed); rest > 0 {
		line := strconv.Itoa(rest) + " more pledges with a stated amount have no period and no evidence yet: nothing to follow; see Pledges."
		if rest == 1 {
			line = "1 more pledge with a stated amount has no period and no evidence yet: nothing to follow; see Pledges."
		}
		s.set(progressFirst+max(len(listed), 1), 1, b.text(line, look{italic: true}))
	}
	s.set(eh-1, 1, b.text("Evidence of delivery, by pledge and date", look{bold: true}))
	s.header(et)
	if len(r.Evidence) == 0 {
		s.set(eh+1, 1, b.text("No evidence of delivery in the inputs: add rows to a Progress sheet (see the inputs README) to follow the pledges above.", look{italic: true}))
	}
	for i := range r.Evidence {
		e := &r.Evidence[i]
		id := e.PledgeID
		if e.Pledge >= 0 && r.Pledges[e.Pledge].ID != "" {
			id = r.Pledges[e.Pledge].ID
		}
		var basis, q any
		if !e.Amount.Undisclosed {
			basis, q = b.text(e.Basis, look{}), b.text(e.Amount.Qualifier.Label(), look{})
		}
		s.set(eh+1+i, 1,
			b.text(id, look{}),
			b.date(e.Date, look{}),
			b.text(e.Stage, look{}),
			b.text(e.AmountText, look{}),
			basis,
			b.money(e.Value, cur, look{}),
			q,
			b.text(e.Source, look{wrap: true}),
			b.link(e.URL, ""),
			b.text(e.Note, look{wrap: true}),
			b.text(e.Loc.Ref.String(), look{}),
		)
	}
	return s.close()
}

// stageNames name the stages of analysis.Progress.At.
var stageNames = [4]string{"committed", "approved", "disbursed", "spent"}
