package workbook

import (
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

// progressColumns declares the table of tracked pledges on Progress.
// The printed block reads on its own, each figure with its qualifier;
// the stage amounts and dates it rests on follow for filtering.
var progressColumns = columns{
	{"id", "ID", 16, true},
	{"pledge", "Pledge", 30, true},
	{"pledged", "Pledged", 12, true},
	{"pledged q", "Pledged qualifier", 9, true},
	{"delivered", "Delivered", 12, true},
	{"delivered q", "Delivered qualifier", 9, true},
	{"share", "Share delivered", 9, true},
	{"share q", "Share qualifier", 9, true},
	{"elapsed", "Period elapsed", 9, true},
	{"pace", "Pace", 7, true},
	{"status", "Status", 16, true},
	{"why", "Why", 34, true},
	{"committed", "Committed", 13, false},
	{"approved", "Approved", 13, false},
	{"disbursed", "Disbursed", 13, false},
	{"spent", "Spent", 13, false},
	{"bounds", "Bounds of stage amounts", 18, false},
	{"stage", "Stage", 11, false},
	{"start", "Period start", 12, false},
	{"end", "Period end", 12, false},
	{"last", "Last evidence", 12, false},
	{"quiet", "Months without news", 10, false},
}

// evidenceColumns declares the Evidence sheet.
var evidenceColumns = columns{
	{"id", "Pledge ID", 16, true},
	{"date", "Date", 11, true},
	{"stage", "Stage", 10, true},
	{"as entered", "Amount as entered", 18, true},
	{"basis", "Amount basis", 10, true},
	{"value", "Value (%s)", 12, true},
	{"qualifier", "Qualifier", 9, true},
	{"source", "Source", 22, true},
	{"link", "Link", 24, true},
	{"note", "Note", 36, true},
	{"input", "Evidence input", 30, false},
}

// Places and letters of the Progress columns the writer and formulas use.
var (
	prID, prPledge, prPledged, prPledgedQ, prAt              = progressColumns.index("id"), progressColumns.index("pledge"), progressColumns.index("pledged"), progressColumns.index("pledged q"), progressColumns.index("committed")
	prBounds, prStage, prDelivered, prDeliveredQ, prShare    = progressColumns.index("bounds"), progressColumns.index("stage"), progressColumns.index("delivered"), progressColumns.index("delivered q"), progressColumns.index("share")
	prShareQ, prStart, prEnd, prElapsed, prPace, prLast      = progressColumns.index("share q"), progressColumns.index("start"), progressColumns.index("end"), progressColumns.index("elapsed"), progressColumns.index("pace"), progressColumns.index("last")
	prQuiet, prStatus, prWhy                                 = progressColumns.index("quiet"), progressColumns.index("status"), progressColumns.index("why")
	evID, evDate, evStage, evAsEntered, evBasis, evValue     = evidenceColumns.index("id"), evidenceColumns.index("date"), evidenceColumns.index("stage"), evidenceColumns.index("as entered"), evidenceColumns.index("basis"), evidenceColumns.index("value")
	evQualifier, evSource, evLink, evNote, evInput           = evidenceColumns.index("qualifier"), evidenceColumns.index("source"), evidenceColumns.index("link"), evidenceColumns.index("note"), evidenceColumns.index("input")
	colPrPledged, colPrDisbursed, colPrSpent, colPrDelivered = progressColumns.letter("pledged"), progressColumns.letter("disbursed"), progressColumns.letter("spent"), progressColumns.letter("delivered")
	colPrShare, colPrStart, colPrEnd, colPrElapsed           = progressColumns.letter("share"), progressColumns.letter("start"), progressColumns.letter("end"), progressColumns.letter("elapsed")
)

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

// progressWriter streams the rows of the Progress and Evidence sheets
// on a goroutine of its own, beside the Pledges writer. Everything that
// touches the book's shared state (the sheets' set-up, their styles, the
// lines around the lists) is done before it starts, so it uses nothing
// but its own StreamWriters and cells made here; the styles are made in a
// fixed order, so the workbook's bytes do not depend on which writer runs
// first.
type progressWriter struct {
	b      *book
	s, ev  *sheet
	listed []int
	// Cells made before the rows start: the line under the pledges, and
	// the line that says there is no evidence.
	rest, evEmpty any
	// Style ids.
	text, bold, money, evMoney, percent, multiple, date, count, wrap, link int
	done                                                                   chan struct{}
}

// Rows of the Evidence sheet.
const (
	evidenceHead  = 3
	evidenceFirst = evidenceHead + 1
)

// startProgress sets up the Progress and Evidence sheets, writes the
// rows above their tables and starts streaming the rest. finishProgress
// waits for it.
func (b *book) startProgress() error {
	r := b.r
	cur := r.Currency
	listed := b.progressRows()
	pt := table{name: "Progress", col: 1, row: progressHead, last: progressHead + max(len(listed), 1), header: b.heads(progressColumns, cur)}
	et := table{name: "Evidence", col: 1, row: evidenceHead, last: evidenceHead + max(len(r.Evidence), 1), header: b.heads(evidenceColumns, cur)}
	last := progressFirst + max(len(listed), 1) // the line under the list
	if err := b.printArea(sheetProgress, progressColumns, last); err != nil {
		return err
	}
	if err := b.printArea(sheetEvidence, evidenceColumns, et.last); err != nil {
		return err
	}
	s := b.open(sheetProgress, sheetOpts{widths: progressColumns.widths(), freeze: progressHead, tables: []table{pt}})
	s.set(1, 1, b.text(b.tr("Pledges against evidence of delivery (%s)", b.cur()), look{title: true}))
	asOf := b.date(r.AsOf, look{left: true})
	if asOf == nil {
		asOf = b.text(b.tr("no cut-off"), look{})
	}
	s.set(2, 1, b.text(b.tr("Cut-off"), look{bold: true}), asOf)
	s.banner(3, progressColumns.printed(), analysis.RuleProgress)
	s.header(pt)
	switch u := r.NoEvidence; {
	case len(r.Evidence) == 0 && u.Open > 0:
		s.set(progressFirst, 1, b.text(b.tr("No evidence of delivery yet, so no pledge is listed here: %d with a stated amount would be followed, %d of them with a period; see Pledges.",
			u.Open, u.WithPeriod), look{italic: true}))
	case len(listed) == 0:
		s.set(progressFirst, 1, b.text(b.tr("No pledge of money with a stated amount and a period or evidence to follow."), look{italic: true}))
	}
	ev := b.open(sheetEvidence, sheetOpts{widths: evidenceColumns.widths(), freeze: evidenceHead, tables: []table{et}})
	ev.set(1, 1, b.text(b.tr("Evidence of delivery, by pledge and date (%s)", b.cur()), look{title: true}))
	ev.header(et)
	w := &progressWriter{b: b, s: s, ev: ev, listed: listed, done: make(chan struct{})}
	if rest := len(r.Progress) - len(listed); rest > 0 {
		// The count selects the plural form; its digits are written as
		// they are, without separators.
		w.rest = b.text(b.p.Sprintf("wb.more pledges to follow", rest, strconv.Itoa(rest)), look{italic: true})
	}
	if len(r.Evidence) == 0 {
		w.evEmpty = b.text(b.tr("No evidence of delivery in the inputs: add rows to a Progress sheet (see the inputs README) to follow the pledges on Progress."), look{italic: true})
	}
	// One unit for the money columns of the pledges, so that a row reads
	// across, and one for the evidence.
	figures, evidence := newMagnitudes(), newMagnitudes()
	for _, k := range listed {
		pr := &r.Progress[k]
		figures.add(pr.Pledged)
		figures.add(pr.Delivered)
		for _, v := range pr.At {
			figures.add(v)
		}
	}
	for i := range r.Evidence {
		evidence.add(r.Evidence[i].Value)
	}
	// Every cell is aligned to the top, as the wrapped ones are.
	w.money = b.st.id(look{numFmt: figures.unit().format(cur), top: true})
	w.evMoney = b.st.id(look{numFmt: evidence.unit().format(cur), top: true})
	w.text = b.st.id(look{top: true})
	w.bold = b.st.id(look{bold: true, top: true})
	w.percent = b.st.id(look{numFmt: fmtPercent, top: true})
	w.multiple = b.st.id(look{numFmt: fmtMultiple, top: true})
	w.date = b.st.id(look{numFmt: fmtDate, top: true})
	w.count = b.st.id(look{numFmt: fmtCount, top: true})
	w.wrap = b.st.id(look{wrap: true})
	w.link = b.st.id(look{link: true, wrap: true})
	s.detach()
	ev.detach()
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
	if err := w.s.close(); err != nil {
		return err
	}
	return w.ev.close()
}

// rows streams the listed pledges and the evidence. It runs beside the
// other writers: see progressWriter.
func (w *progressWriter) rows() {
	s, r := w.s, w.b.r
	row := newRowCells(max(len(progressColumns), len(evidenceColumns)))
	put, formula := row.put, row.formula
	for i, k := range w.listed {
		pr := &r.Progress[k]
		p := &r.Pledges[pr.Pledge]
		n := strconv.Itoa(progressFirst + i)
		var bounds []string
		for k, v := range pr.At {
			if q := pr.AtQ[k]; !math.IsNaN(v) && q != analysis.Exact {
				bounds = append(bounds, stageNames[k]+" "+w.b.qual(q))
			}
		}
		row.reset()
		put(prID, w.wrap, p.ID)
		put(prPledge, w.wrap, p.Investor+" — "+p.Program)
		put(prPledged, w.money, pr.Pledged)
		put(prPledgedQ, w.text, w.b.qual(pr.PledgedQ))
		for k, v := range pr.At {
			put(prAt+k, w.money, v)
		}
		put(prBounds, w.text, strings.Join(bounds, "; "))
		put(prStage, w.text, w.b.word(pr.Stage.String()))
		if !math.IsNaN(pr.Delivered) {
			var f string
			switch d, sp := pr.At[2], pr.At[3]; {
			case math.IsNaN(d):
				f = colPrSpent + n
			case math.IsNaN(sp):
				f = colPrDisbursed + n
			default:
				f = "MAX(" + colPrDisbursed + n + "," + colPrSpent + n + ")"
			}
			formula(prDelivered, w.money, f, pr.Delivered)
			put(prDeliveredQ, w.text, w.b.qual(pr.DeliveredQ))
			formula(prShare, w.percent, colPrDelivered+n+"/"+colPrPledged+n, pr.Share)
		}
		if !math.IsNaN(pr.Share) {
			put(prShareQ, w.text, w.b.qualLabel(pr.ShareQ))
		}
		start, end := p.Period()
		put(prStart, w.date, excelDate(start))
		put(prEnd, w.date, excelDate(end))
		if r.AsOf.IsZero() {
			put(prElapsed, w.percent, pr.Elapsed)
		} else {
			formula(prElapsed, w.percent, "MAX(0,MIN(1,("+progressCutoff+"-"+colPrStart+n+")/("+colPrEnd+n+"-"+colPrStart+n+")))", pr.Elapsed)
		}
		formula(prPace, w.multiple, colPrShare+n+"/"+colPrElapsed+n, pr.Pace)
		put(prLast, w.date, excelDate(pr.Last(r)))
		if pr.MonthsQuiet >= 0 {
			put(prQuiet, w.count, pr.MonthsQuiet)
		}
		put(prStatus, w.bold, w.b.word(pr.Status.String()))
		put(prWhy, w.wrap, w.b.reason(pr))
		s.set(progressFirst+i, 1, row.cells...)
	}
	if w.rest != nil {
		s.set(progressFirst+max(len(w.listed), 1), 1, w.rest)
	}
	if w.evEmpty != nil {
		w.ev.set(evidenceFirst, 1, w.evEmpty)
	}
	for i := range r.Evidence {
		e := &r.Evidence[i]
		id := e.PledgeID
		if e.Pledge >= 0 && r.Pledges[e.Pledge].ID != "" {
			id = r.Pledges[e.Pledge].ID
		}
		row.reset()
		put(evID, w.wrap, id)
		put(evDate, w.date, excelDate(e.Date))
		put(evStage, w.text, w.b.word(e.Stage.String()))
		put(evAsEntered, w.wrap, e.AmountText)
		if !e.Amount.Undisclosed {
			put(evBasis, w.text, w.b.word(e.Basis.String()))
			put(evQualifier, w.text, w.b.qual(e.Amount.Qualifier))
		}
		put(evValue, w.evMoney, e.Value)
		put(evSource, w.wrap, e.Source)
		switch l := makeLink(e.URL, ""); {
		case l.formula != "":
			formula(evLink, w.link, l.formula, l.text)
		default:
			put(evLink, w.text, l.text)
		}
		put(evNote, w.wrap, e.Note)
		put(evInput, w.text, e.Loc.Ref().String())
		w.ev.set(evidenceFirst+i, 1, row.cells[:len(evidenceColumns)]...)
	}
}

// stageNames name the stages of analysis.Progress.At.
var stageNames = [4]string{"committed", "approved", "disbursed", "spent"}
