package workbook

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

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
		if pr := &b.r.Progress[i]; pr.HasPeriod() || pr.HasEvidence() || pr.Status == analysis.StatusReplaced || pr.Status == analysis.StatusCancelled {
			b.listed = append(b.listed, i)
		}
	}
	return b.listed
}

// progressWriter streams the rows of the Progress sheet on a goroutine of
// its own, beside the Pledges writer. Everything that touches the book's
// shared state (the sheet's set-up, its styles, the lines around the
// lists) is done before it starts, so it uses nothing but its own
// StreamWriter and cells made here; the styles are made in a fixed order,
// so the workbook's bytes do not depend on which writer runs first.
type progressWriter struct {
	b      *book
	s      *sheet
	listed []int
	eh     int // header row of the evidence table
	// Cells made before the rows start: the line under the pledges, and
	// the title, header and empty note of the evidence table.
	rest, evTitle, evEmpty any
	evHeader               []any
	// Style ids.
	text, bold, money, evMoney, percent, multiple, date, count, wrap, link int
	done                                                                   chan struct{}
}

// startProgress sets up the Progress sheet, writes the rows above the
// pledges and starts streaming the rest. finishProgress waits for it.
func (b *book) startProgress() error {
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
	w := &progressWriter{b: b, s: s, listed: listed, eh: eh, done: make(chan struct{})}
	if rest := len(r.Progress) - len(listed); rest > 0 {
		line := strconv.Itoa(rest) + " more pledges with a stated amount have no period and no evidence yet: nothing to follow; see Pledges."
		if rest == 1 {
			line = "1 more pledge with a stated amount has no period and no evidence yet: nothing to follow; see Pledges."
		}
		w.rest = b.text(line, look{italic: true})
	}
	w.evTitle = b.text("Evidence of delivery, by pledge and date", look{bold: true})
	w.evHeader = s.headerCells(et)
	if len(r.Evidence) == 0 {
		w.evEmpty = b.text("No evidence of delivery in the inputs: add rows to a Progress sheet (see the inputs README) to follow the pledges above.", look{italic: true})
	}
	// One unit for the money columns of the pledges, so that a row reads
	// across, and one for the evidence.
	var figures, evidence []float64
	for _, k := range listed {
		pr := &r.Progress[k]
		figures = append(figures, pr.Pledged, pr.Delivered)
		for _, f := range pr.At {
			figures = append(figures, f.Value)
		}
	}
	for i := range r.Evidence {
		evidence = append(evidence, r.Evidence[i].Value)
	}
	w.money = b.st.id(look{numFmt: columnUnit(figures).format(cur)})
	w.evMoney = b.st.id(look{numFmt: columnUnit(evidence).format(cur)})
	w.text = b.st.id(look{})
	w.bold = b.st.id(look{bold: true})
	w.percent = b.st.id(look{numFmt: fmtPercent})
	w.multiple = b.st.id(look{numFmt: fmtMultiple})
	w.date = b.st.id(look{numFmt: fmtDate})
	w.count = b.st.id(look{numFmt: fmtCount})
	w.wrap = b.st.id(look{wrap: true})
	w.link = b.st.id(look{link: true})
	s.detach()
	b.progress = w
	go func() {
		defer close(w.done)
		w.rows()
	}()
	return nil
}

// finishProgress waits for the Progress rows and closes the sheet.
func (b *book) finishProgress() error {
	w := b.progress
	if w == nil {
		return nil
	}
	<-w.done
	return w.s.close()
}

// rows streams the listed pledges and the evidence. It runs beside the
// other writers: see progressWriter.
func (w *progressWriter) rows() {
	s, r := w.s, w.b.r
	cells := make([]any, len(progressHeader))
	buf := make([]excelize.Cell, len(progressHeader))
	put := func(i, style int, v any) {
		if v == nil || v == "" {
			cells[i] = nil
			return
		}
		buf[i] = excelize.Cell{StyleID: style, Value: v}
		cells[i] = &buf[i]
	}
	num := func(i, style int, v float64) {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			cells[i] = nil
			return
		}
		put(i, style, v)
	}
	formula := func(i, style int, f string, v float64) {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			cells[i] = nil
			return
		}
		buf[i] = excelize.Cell{StyleID: style, Formula: f, Value: v}
		cells[i] = &buf[i]
	}
	for i, k := range w.listed {
		pr := &r.Progress[k]
		p := &r.Pledges[pr.Pledge]
		n := strconv.Itoa(progressFirst + i)
		var bounds []string
		for k, f := range pr.At {
			if !math.IsNaN(f.Value) && f.Qualifier != analysis.Exact {
				bounds = append(bounds, stageNames[k]+" "+f.Qualifier.Label())
			}
		}
		clear(cells)
		put(0, w.text, p.ID)
		put(1, w.text, p.Investor+" — "+p.Program)
		num(2, w.money, pr.Pledged)
		put(3, w.text, pr.PledgedQ.Label())
		for k, f := range pr.At {
			num(4+k, w.money, f.Value)
		}
		put(8, w.text, strings.Join(bounds, "; "))
		put(9, w.text, pr.Stage)
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
			formula(10, w.money, f, pr.Delivered)
			put(11, w.text, pr.DeliveredQ.Label())
			formula(12, w.percent, colPrDelivered+n+"/"+colPrPledged+n, pr.Share)
		}
		if !math.IsNaN(pr.Share) {
			put(13, w.text, qualLabel(pr.ShareQ))
		}
		put(14, w.date, excelDate(pr.Start))
		put(15, w.date, excelDate(pr.End))
		if r.AsOf.IsZero() {
			num(16, w.percent, pr.Elapsed)
		} else {
			formula(16, w.percent, "MAX(0,MIN(1,("+progressCutoff+"-"+colPrStart+n+")/("+colPrEnd+n+"-"+colPrStart+n+")))", pr.Elapsed)
		}
		formula(17, w.multiple, colPrShare+n+"/"+colPrElapsed+n, pr.Pace)
		put(18, w.date, excelDate(pr.Last))
		if pr.MonthsQuiet >= 0 {
			put(19, w.count, pr.MonthsQuiet)
		}
		put(20, w.bold, pr.Status)
		put(21, w.text, pr.Why)
		s.set(progressFirst+i, 1, cells...)
	}
	if w.rest != nil {
		s.set(progressFirst+max(len(w.listed), 1), 1, w.rest)
	}
	s.set(w.eh-1, 1, w.evTitle)
	s.set(w.eh, 1, w.evHeader...)
	if w.evEmpty != nil {
		s.set(w.eh+1, 1, w.evEmpty)
	}
	for i := range r.Evidence {
		e := &r.Evidence[i]
		id := e.PledgeID
		if e.Pledge >= 0 && r.Pledges[e.Pledge].ID != "" {
			id = r.Pledges[e.Pledge].ID
		}
		clear(cells)
		put(0, w.text, id)
		put(1, w.date, excelDate(e.Date))
		put(2, w.text, e.Stage)
		put(3, w.text, e.AmountText)
		if !e.Amount.Undisclosed {
			put(4, w.text, e.Basis)
			put(6, w.text, e.Amount.Qualifier.Label())
		}
		num(5, w.evMoney, e.Value)
		put(7, w.wrap, e.Source)
		switch l := makeLink(e.URL, ""); {
		case l.formula != "":
			buf[8] = excelize.Cell{StyleID: w.link, Formula: l.formula, Value: l.text}
			cells[8] = &buf[8]
		default:
			put(8, w.text, l.text)
		}
		put(9, w.wrap, e.Note)
		put(10, w.text, e.Loc.Ref.String())
		s.set(w.eh+1+i, 1, cells[:len(evidenceHeader)]...)
	}
}

// stageNames name the stages of analysis.Progress.At.
var stageNames = [4]string{"committed", "approved", "disbursed", "spent"}
