package analysis

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"time"
)

// Evidence is one report about how far one pledge has got: a stage
// reached on a date, with the amount at that stage where one is stated.
type Evidence struct {
	Loc        Loc
	PledgeID   string
	Date       time.Time
	AmountText string // the amount as entered, with currency, unit and qualifier
	// Amount is Undisclosed when the row states no amount.
	Amount Amount
	Source string
	URL    string
	Note   string
	Stage  Stage
	// Basis says how the amount counts; BasisNone when the row states no
	// amount.
	Basis AmountBasis
}

// Stage is a stage of delivery (see Stages); the zero Stage is none.
// It takes one byte where a word would take sixteen in every tracked
// pledge (Progress.Stage, PledgeRow.Stage).
type Stage uint8

// Stages of delivery, in the order a pledge moves through them.
const (
	StageNone      Stage = iota // no stage reported
	StageCommitted              // money signed or set aside
	StageApproved               // approved for named projects or recipients
	StageDisbursed              // paid out
	StageSpent                  // used
	StageCompleted              // the pledge is done
	StageCancelled              // a pledge may be cancelled at any stage
)

var stageWords = vocabulary[Stage]{"", "committed", "approved", "disbursed", "spent", "completed", "cancelled"}

// Stages are the words of the stages of delivery, in the order a pledge
// moves through them: money committed (signed, set aside), approved (for
// named projects or recipients), disbursed (paid out), spent (used),
// completed (the pledge is done). A pledge may be cancelled at any stage.
var Stages = stageWords.list()

// String is the stage's word in Stages; "" for StageNone.
func (s Stage) String() string { return stageWords.word(s) }

// StageOf is the Stage of a word of Stages; StageNone for any other
// text.
func StageOf(word string) Stage { return Stage(max(slices.Index(stageWords, word), 0)) }

// AmountBasis says how an evidence amount counts (see AmountBases); the
// zero AmountBasis is none. It takes one byte where a word would take
// sixteen in every evidence row.
type AmountBasis uint8

// Bases of an evidence amount, in AmountBases order.
const (
	BasisNone       AmountBasis = iota // the row states no amount
	BasisCumulative                    // the total at its stage to its date
	BasisIncrement                     // added to the amounts before it
)

var amountBasisWords = vocabulary[AmountBasis]{"", "cumulative", "increment"}

// AmountBases are the words of the bases of an evidence amount:
// cumulative is the total at its stage to its date; increment is added to
// the amounts before it.
var AmountBases = amountBasisWords.list()

// String is the basis's word in AmountBases; "" for BasisNone.
func (b AmountBasis) String() string { return amountBasisWords.word(b) }

// AmountBasisOf is the AmountBasis of a word of AmountBases; BasisNone
// for any other text.
func AmountBasisOf(word string) AmountBasis {
	return AmountBasis(max(slices.Index(amountBasisWords, word), 0))
}

// ProgressStatus is the status of a tracked pledge's delivery, as
// Progress.Status gives it; the zero ProgressStatus is none. It takes one
// byte where its word would take sixteen in every tracked pledge.
type ProgressStatus uint8

// Statuses of a tracked pledge, as Progress.Status gives them; their
// words are in progressStatusWords.
const (
	StatusOnPace ProgressStatus = iota + 1
	StatusBehind
	StatusAhead
	StatusNoEvidence
	StatusOverdue
	StatusCompleted
	StatusCancelled
	StatusReplaced
	StatusUnknown
)

// progressStatusWords are the English words of the statuses, which the
// catalogue also keys them by ("word." + the word).
var progressStatusWords = [...]string{
	StatusOnPace:     "on pace",
	StatusBehind:     "behind",
	StatusAhead:      "ahead",
	StatusNoEvidence: "no evidence yet",
	StatusOverdue:    "overdue",
	StatusCompleted:  "completed",
	StatusCancelled:  "cancelled",
	StatusReplaced:   "replaced",
	StatusUnknown:    "pace unknown",
}

// ProgressStatuses lists every status, in the order declared.
func ProgressStatuses() []ProgressStatus {
	out := make([]ProgressStatus, 0, len(progressStatusWords)-1)
	for s := StatusOnPace; int(s) < len(progressStatusWords); s++ {
		out = append(out, s)
	}
	return out
}

// String is the status's English word; "" for none.
func (s ProgressStatus) String() string {
	if int(s) >= len(progressStatusWords) {
		return ""
	}
	return progressStatusWords[s]
}

// Thresholds of the progress statuses; RuleProgress states them in words.
const (
	// PaceBehind is the pace below which a pledge is behind: its share
	// delivered is less than 80% of the share of its period gone by.
	PaceBehind = 0.8
	// PaceAhead is the pace above which a pledge is ahead.
	PaceAhead = 1.25
	// QuietMonths is how long without evidence counts as no news.
	QuietMonths = 12
)

// Rules of delivery, written into the report beside the figures.
const (
	RuleProgress = "Progress is tracked for commitments of money with a stated amount; signals and amounts per recipient are not pledges of a total. " +
		"Delivered is the larger of the amounts disbursed and spent by the cut-off (an amount stated with completed counts as spent); committed and approved amounts are shown, not counted as delivered. " +
		"A cumulative amount is the total at its stage to its date; an increment adds to the amounts before it. " +
		"Evidence amounts are converted at the rates of the pledge's announcement date, as the pledge is, so a share delivered does not move with exchange rates. " +
		"Share delivered = delivered / pledged; the period runs from 1 January of the start year (else the announcement date) for the pledge's years; elapsed = the share of the period gone by at the cut-off; pace = share delivered / elapsed. " +
		"Stages: committed comes first and completed last; approvals, disbursements and spending may be reported in any order, as often as they happen. " +
		"Behind: pace below 0.8; ahead: above 1.25; on pace between. Overdue: the period is over and less than the pledged amount is delivered. " +
		"A bound decides a status only when every value it allows gives the same one; otherwise the pace is unknown. No news: no evidence dated in the last 12 months (since the announcement when there is none)."
)

// StageFigure is the amount a pledge has reached at one stage, in the
// reporting currency.
type StageFigure struct {
	Value     float64 // NaN when no amount is stated at the stage
	Qualifier Qualifier
}

// EvidenceRow is one evidence row with its amount in the reporting
// currency.
type EvidenceRow struct {
	*Evidence
	Value float64 // reporting currency; NaN when no amount is stated
	// Pledge is the index in Report.Pledges of the pledge the row is
	// about; -1 when no pledge has its id.
	Pledge int
}

// Progress is how far one tracked pledge has got by the cut-off. A
// million-row book holds one per pledge, so it holds no strings, times
// or slices (at most 104 bytes, TestProgressSize): what follows from the
// pledge or its evidence (the period, the date of the latest evidence,
// the words of the status's reason) is worked out by a method from the
// report, and its fields are ordered to pack.
type Progress struct {
	Pledged float64
	// At holds the amount reached at committed, approved, disbursed and
	// spent, in that order, NaN where none is stated; AtQ their
	// qualifiers (see AtStage). Apart, the two take 36 bytes where four
	// StageFigures would take 64.
	At [4]float64
	// Delivered is the larger of the disbursed and spent amounts; NaN
	// when the evidence states neither.
	Delivered float64
	Share     float64 // Delivered / Pledged; NaN when either is unknown
	Elapsed   float64 // share of the period gone by at the cut-off, 0 to 1; NaN without a period or cut-off
	Pace      float64 // Share / Elapsed; NaN when unknown
	Pledge    int32   // index in Report.Pledges
	// MonthsQuiet counts whole months from the latest evidence (the
	// announcement when there is none) to the cut-off; -1 without a
	// cut-off.
	MonthsQuiet int32
	// EvidenceFirst and EvidenceEnd bound the pledge's evidence in
	// Report.Evidence, which holds it by pledge and date:
	// Report.Evidence[EvidenceFirst:EvidenceEnd].
	EvidenceFirst, EvidenceEnd int32
	// last is 1 + the index in Report.Evidence of the latest row that
	// counts (see Last); 0 when none does.
	last                 int32
	PledgedQ, DeliveredQ Qualifier
	ShareQ, PaceQ        Qualifier
	AtQ                  [4]Qualifier
	// Stage is the furthest stage the evidence reports; StageNone when
	// none.
	Stage  Stage
	Status ProgressStatus
	// reason is what the status rests on; see Why and Reason.
	reason    reason
	hasPeriod bool
}

// HasEvidence reports whether any evidence is about the pledge.
func (p *Progress) HasEvidence() bool { return p.EvidenceEnd > p.EvidenceFirst }

// HasPeriod reports whether the pledge states a period (see
// PledgeRow.Period) with a start.
func (p *Progress) HasPeriod() bool { return p.hasPeriod }

// Last is the date of the latest evidence that counts, from r, the
// report p is of; zero when there is none.
func (p *Progress) Last(r *Report) time.Time {
	if p.last == 0 {
		return time.Time{}
	}
	return r.Evidence[p.last-1].Date
}

// Over reports whether the period is over at the cut-off.
func (p *Progress) Over() bool { return p.Elapsed >= 1 }

// Quiet reports whether the pledge has had no news for QuietMonths.
func (p *Progress) Quiet() bool { return p.MonthsQuiet >= QuietMonths }

// Closed reports whether the pledge is out of the pace figures:
// completed, cancelled or replaced.
func (p *Progress) Closed() bool {
	return p.Status == StatusCompleted || p.Status == StatusCancelled || p.Status == StatusReplaced
}

// Period returns the start and end of the pledge's period: from 1
// January of its start year (else its announcement date) for its years.
// Both are zero when it states no years, or more than MaxSpanYears.
func (p *PledgeRow) Period() (start, end time.Time) {
	if p.Years <= 0 || p.Years > MaxSpanYears {
		return // the reader refuses a span beyond MaxSpanYears
	}
	start = p.Announced
	if p.StartYear > 0 {
		start = time.Date(p.StartYear, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	whole := math.Floor(p.Years)
	return start, start.AddDate(int(whole), int(math.Round((p.Years-whole)*12)), 0)
}

// stageRank is a stage's place in Stages; -1 for none.
func stageRank(s Stage) int { return int(s) - 1 }

// phase orders the stages for the order check: committed comes first,
// completed last; approvals, disbursements and spending go on side by
// side (a fund approves, pays out and spends tranche after tranche).
func phase(s Stage) int {
	switch s {
	case StageCommitted:
		return 0
	case StageCompleted:
		return 2
	}
	return 1
}

// moneyStage is where a stage's amount counts, in Progress.At order
// (committed, approved, disbursed, spent): completed counts as spent; -1
// for a stage no amount counts at.
func moneyStage(s Stage) int {
	switch {
	case s == StageCompleted:
		return 3
	case s >= StageCommitted && s <= StageSpent:
		return int(s - StageCommitted)
	}
	return -1
}

// tracked reports whether a pledge is followed for pace: a commitment of
// money with a stated total, known at the cut-off, and not the same money
// as another row.
func tracked(p *PledgeRow) bool {
	// The row's own fields first: they lie in report order, the
	// pledge's in input order.
	if math.IsNaN(p.Value) || p.Excluded == ExcludedCutoff || Signal(p.Kind) || p.Per != "" {
		return false
	}
	return p.Counted || p.Excluded == ExcludedWithdrawn || p.Excluded == ExcludedReplaced
}

// cutoff is the date progress is measured at: the report's cut-off, else
// today; zero when neither is known.
func cutoff(opt Options) time.Time {
	if !opt.AsOf.IsZero() {
		return opt.AsOf
	}
	return opt.Today
}

// progress reads the evidence and works out the progress of every tracked
// pledge. Unknown pledge ids, stages out of order, amounts without an FX
// row and cumulative amounts that fall are errors at their cells.
func (r *Report) progress(in []Evidence, rates *Rates, opt Options, probs *Problems) {
	at := cutoff(opt)
	var ids map[string]int
	if len(in) > 0 {
		ids = make(map[string]int, len(r.Pledges))
		for i := range r.Pledges {
			if id := r.Pledges[i].ID; id != "" {
				k := IDKey(id)
				if _, ok := ids[k]; !ok {
					ids[k] = i
				}
			}
		}
	}
	for i := range in {
		e := &in[i]
		j, ok := ids[IDKey(e.PledgeID)]
		if !ok {
			probs.Add(e.Loc.Problem(SevError, "pledge_id", e.PledgeID, errorf(ErrRelation,
				"no pledge has the id %q; put the id of a pledge from the Pledges sheet", e.PledgeID)))
			continue
		}
		p := &r.Pledges[j]
		if !opt.AsOf.IsZero() && e.Date.After(opt.AsOf) {
			probs.Add(e.Loc.Problem(SevWarning, "date", e.Date.Format(DateLayout), errorf(ErrAfterCutoff,
				"dated after the cut-off %s; left out of this month's figures", opt.AsOf.Format(DateLayout))))
			continue
		}
		if !p.Announced.IsZero() && e.Date.Before(p.Announced) {
			probs.Add(e.Loc.Problem(SevWarning, "date", e.Date.Format(DateLayout), errorf(ErrEvidenceBefore,
				"dated before pledge %s was announced (%s); it counts as delivered against that pledge: check the date and the pledge_id, or leave the row out if the money is not part of the pledge",
				p.ID, p.Announced.Format(DateLayout))))
		}
		row := EvidenceRow{Evidence: e, Value: math.NaN(), Pledge: j}
		if !e.Amount.Undisclosed {
			if !rates.Has(e.Amount.Currency) {
				probs.Add(noRate(e.Loc, e.Amount.Currency))
				continue
			}
			if v, _, _, ok := convert(e.Amount.Value, e.Amount.Currency, r.Currency, p.Announced, rates); ok {
				row.Value = v
			}
		}
		if !tracked(p) && p.Excluded != ExcludedCutoff {
			probs.Add(e.Loc.Problem(SevWarning, "pledge_id", e.PledgeID, errorf(ErrRelation,
				"pledge %s is not tracked for pace (%s); the row is listed but counts nowhere; put evidence of the same money under the pledge that is counted",
				p.ID, r.untrackedWhy(p))))
		}
		r.Evidence = append(r.Evidence, row)
	}
	// Evidence of each pledge, as a range of r.Evidence.
	var starts []int32
	r.Evidence, starts = byPledge(r.Evidence, len(r.Pledges))
	// With no evidence at all, nothing is listed pledge by pledge: the
	// figures are summed as they are worked out, so that a big book
	// without a Progress sheet does not hold a Progress entry per pledge.
	keep := len(r.Evidence) > 0
	if keep {
		n := 0
		for i := range r.Pledges {
			if tracked(&r.Pledges[i]) {
				n++
			}
		}
		r.Progress = make([]Progress, 0, n)
	}
	for i := range r.Pledges {
		p := &r.Pledges[i]
		has := starts != nil && starts[i+1] > starts[i]
		var pr Progress
		if has {
			pr = r.walk(int(starts[i]), int(starts[i+1]), probs)
			p.Stage = pr.Stage
		}
		if !tracked(p) {
			continue
		}
		pr.Pledge = int32(i)
		pr.Pledged, pr.PledgedQ = p.Value, p.Amount.Qualifier
		if !has {
			pr.Delivered, pr.Share, pr.Pace = math.NaN(), math.NaN(), math.NaN()
			for k := range pr.At {
				pr.At[k] = math.NaN()
			}
		}
		pr.period(r, p, at)
		pr.judge(p, at)
		if keep {
			r.Progress = append(r.Progress, pr)
		} else {
			r.NoEvidence.add(&pr)
		}
	}
}

// byPledge orders evidence rows by pledge, date and stage, rows equal in
// all three in the order given, as a stable sort on the three would; the
// rows of pledge i are then rows[starts[i]:starts[i+1]]. starts is nil
// when there are no rows. The rows are first placed by pledge, counted
// (a stable counting sort, linear), and only each pledge's few rows are
// then sorted: on 100,000 rows in random order about 60,000 pledges, a
// stable sort of them all takes 0.4 s, this 20 to 30 ms
// (BenchmarkSortEvidence).
func byPledge(rows []EvidenceRow, pledges int) (sorted []EvidenceRow, starts []int32) {
	if len(rows) == 0 {
		return rows, nil
	}
	starts = make([]int32, pledges+1)
	for _, e := range rows {
		starts[e.Pledge+1]++
	}
	for i := range pledges {
		starts[i+1] += starts[i]
	}
	sorted = make([]EvidenceRow, len(rows))
	next := slices.Clone(starts[:pledges])
	for _, e := range rows {
		sorted[next[e.Pledge]] = e
		next[e.Pledge]++
	}
	for i := range pledges {
		if one := sorted[starts[i]:starts[i+1]]; len(one) > 1 {
			slices.SortStableFunc(one, func(a, b EvidenceRow) int {
				return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(stageRank(a.Stage), stageRank(b.Stage)))
			})
		}
	}
	return sorted, starts
}

// Untracked sums the pledges followed for delivery when the inputs hold
// no evidence at all: Report.Progress is then empty.
type Untracked struct {
	Open       int // pledges followed, replaced and cancelled ones aside
	WithPeriod int // of them, those that state a period
	Pledged    float64
	PledgedQ   Qualifier
	Quiet      int // no news for QuietMonths or more
}

func (u *Untracked) add(pr *Progress) {
	if pr.Status == StatusReplaced || pr.Status == StatusCancelled {
		return
	}
	u.Open++
	u.Pledged += pr.Pledged
	u.PledgedQ = u.PledgedQ.Sum(pr.PledgedQ)
	if pr.HasPeriod() {
		u.WithPeriod++
	}
	if pr.Quiet() && pr.Status != StatusCompleted {
		u.Quiet++
	}
}

// untrackedWhy says why a pledge is not followed for pace.
func (r *Report) untrackedWhy(p *PledgeRow) string {
	switch {
	case Signal(p.Kind):
		return "a " + p.Kind.String() + ", not money"
	case p.Per != "":
		return "an amount per " + p.Per
	case math.IsNaN(p.Value):
		return "no stated amount"
	}
	return r.ExcludedText(p)
}

// walk reads the evidence rows r.Evidence[from:to] of one pledge, in date
// order, into stage amounts, reporting stages out of order and
// cumulative amounts that fall.
func (r *Report) walk(from, to int, probs *Problems) Progress {
	pr := Progress{Delivered: math.NaN(), Share: math.NaN(), Pace: math.NaN(), EvidenceFirst: int32(from), EvidenceEnd: int32(to)}
	var at [4]StageFigure // the amount reached at each money stage
	for k := range at {
		at[k].Value = math.NaN()
	}
	var furthest, cancelled *EvidenceRow
	var last [4]*EvidenceRow // the row that set each stage's amount last
	for k := from; k < to; k++ {
		e := &r.Evidence[k]
		switch {
		case cancelled != nil && e.Stage != StageCancelled:
			probs.Add(e.Loc.Problem(SevError, "stage", e.Stage.String(), errorf(ErrConflict,
				"the pledge was cancelled on %s (%s), so it cannot be %s after; correct the date or the stage, or enter a revived pledge as a new pledge",
				cancelled.Date.Format(DateLayout), cancelled.Loc.Ref(), e.Stage)))
			continue
		case e.Stage == StageCancelled:
			if cancelled == nil {
				cancelled = e
			}
		case furthest != nil && phase(e.Stage) < phase(furthest.Stage) && e.Date.After(furthest.Date):
			probs.Add(e.Loc.Problem(SevError, "stage", e.Stage.String(), errorf(ErrConflict,
				"stage out of order: %s on %s comes after %s on %s (%s); a pledge is committed first, then approved, disbursed and spent (in any order, as often as reported), then completed; correct the stage or the date",
				e.Stage, e.Date.Format(DateLayout), furthest.Stage, furthest.Date.Format(DateLayout), furthest.Loc.Ref())))
			continue
		default:
			if furthest == nil || stageRank(e.Stage) >= stageRank(furthest.Stage) {
				furthest = e
			}
		}
		if pr.last == 0 || r.Evidence[pr.last-1].Date.Before(e.Date) {
			pr.last = int32(k) + 1
		}
		s := moneyStage(e.Stage)
		if math.IsNaN(e.Value) || s < 0 {
			continue
		}
		f := &at[s]
		switch e.Basis {
		case BasisIncrement:
			if math.IsNaN(f.Value) {
				f.Value, f.Qualifier = 0, Exact
			}
			f.Value += e.Value
			f.Qualifier = f.Qualifier.Sum(e.Amount.Qualifier)
		default: // cumulative
			if !math.IsNaN(f.Value) && e.Value < f.Value*(1-1e-12) {
				probs.Add(e.Loc.Problem(SevError, "amount", e.AmountText, errorf(ErrConflict,
					"a cumulative amount falls: %s at %s on %s, after %s by %s (%s); a cumulative amount is the total to date, so enter that total, or mark the row increment in amount_basis",
					FormatMoney(e.Value, r.Currency, e.Amount.Qualifier), Stage(s+1), e.Date.Format(DateLayout),
					Qualified(f.Qualifier, FormatMoney(f.Value, r.Currency, f.Qualifier), false), last[s].Date.Format(DateLayout), last[s].Loc.Ref())))
				continue
			}
			f.Value, f.Qualifier = e.Value, e.Amount.Qualifier
		}
		last[s] = e
	}
	switch {
	case cancelled != nil:
		pr.Stage = StageCancelled
	case furthest != nil:
		pr.Stage = furthest.Stage
	}
	for k, f := range at {
		pr.At[k], pr.AtQ[k] = f.Value, f.Qualifier
	}
	d, s := at[2], at[3]
	switch {
	case math.IsNaN(d.Value):
		pr.Delivered, pr.DeliveredQ = s.Value, s.Qualifier
	case math.IsNaN(s.Value) || d.Value > s.Value:
		pr.Delivered, pr.DeliveredQ = d.Value, d.Qualifier
	default:
		pr.Delivered, pr.DeliveredQ = s.Value, s.Qualifier
	}
	return pr
}

// period sets whether the pledge has a period, the share of it elapsed
// at the cut-off, and the months since the latest news.
func (pr *Progress) period(r *Report, p *PledgeRow, at time.Time) {
	pr.Elapsed = math.NaN()
	pr.MonthsQuiet = -1
	if !at.IsZero() {
		since := pr.Last(r)
		if since.IsZero() {
			since = p.Announced
		}
		pr.MonthsQuiet = int32(max(monthsBetween(since, at), 0))
	}
	start, end := p.Period()
	pr.hasPeriod = !start.IsZero()
	if at.IsZero() || !end.After(start) {
		return
	}
	pr.Elapsed = min(max(Days(start, at)/Days(start, end), 0), 1)
}

// Days counts the days from a to b, as a spreadsheet subtracts dates. It
// counts in seconds since 1970, not in time.Duration, which holds no more
// than 292 years.
func Days(a, b time.Time) float64 { return math.Round(float64(b.Unix()-a.Unix()) / 86400) }

// monthsBetween counts the whole months from a to b.
func monthsBetween(a, b time.Time) int {
	n := (b.Year()-a.Year())*12 + int(b.Month()) - int(a.Month())
	if b.Day() < a.Day() {
		n--
	}
	return n
}

// interval is the range of true values a figure with a qualifier allows.
func interval(v float64, q Qualifier) (lo, hi float64) {
	switch {
	case q.Lower():
		return v, math.Inf(1)
	case q.Upper():
		return 0, v
	case q == Mixed:
		return 0, math.Inf(1)
	}
	return v, v
}

// judge sets the share delivered, the pace and the status.
func (pr *Progress) judge(p *PledgeRow, at time.Time) {
	if !math.IsNaN(pr.Delivered) && pr.Pledged > 0 {
		pr.Share, pr.ShareQ = pr.Delivered/pr.Pledged, pr.DeliveredQ.Ratio(pr.PledgedQ)
		if pr.Elapsed > 0 {
			pr.Pace, pr.PaceQ = pr.Share/pr.Elapsed, pr.ShareQ
		}
	}
	switch {
	case p.Excluded == ExcludedReplaced:
		pr.because(StatusReplaced, reasonReplaced)
		return
	case pr.Stage == StageCancelled || p.Status == PledgeWithdrawn:
		pr.because(StatusCancelled, reasonCancelled)
		if pr.Stage != StageCancelled {
			pr.because(StatusCancelled, reasonWithdrawn)
		}
		return
	case pr.Stage == StageCompleted:
		pr.because(StatusCompleted, reasonCompleted)
		return
	case !pr.HasEvidence():
		pr.because(StatusNoEvidence, reasonNoEvidence)
		return
	case !pr.HasPeriod():
		pr.because(StatusUnknown, reasonNoPeriod)
		return
	case at.IsZero():
		pr.because(StatusUnknown, reasonNoCutoff)
		return
	case math.IsNaN(pr.Delivered):
		pr.because(StatusUnknown, reasonNoAmount)
		return
	}
	dlo, dhi := interval(pr.Delivered, pr.DeliveredQ)
	plo, phi := interval(pr.Pledged, pr.PledgedQ)
	if pr.Over() {
		switch {
		case dhi < plo:
			pr.because(StatusOverdue, reasonOverdue)
		case dlo >= phi:
			pr.because(StatusOnPace, reasonFull)
		default:
			pr.because(StatusUnknown, reasonOverOpen)
		}
		return
	}
	if pr.Elapsed <= 0 {
		pr.because(StatusUnknown, reasonNotStarted)
		return
	}
	lo, hi := dlo/phi/pr.Elapsed, math.Inf(1)
	if plo > 0 {
		hi = dhi / plo / pr.Elapsed
	}
	switch {
	case lo > PaceAhead:
		pr.because(StatusAhead, reasonAhead)
	case hi < PaceBehind:
		pr.because(StatusBehind, reasonBehind)
	case lo >= PaceBehind:
		pr.because(StatusOnPace, reasonOnPace)
		if hi > PaceAhead {
			pr.because(StatusOnPace, reasonAtLeast)
		}
	default:
		pr.because(StatusUnknown, reasonOpen)
	}
}

// AtStage returns the figure reached at a stage (committed, approved,
// disbursed or spent); NaN when none is stated.
func (pr *Progress) AtStage(stage Stage) StageFigure {
	if s := moneyStage(stage); s >= 0 {
		return StageFigure{Value: pr.At[s], Qualifier: pr.AtQ[s]}
	}
	return StageFigure{Value: math.NaN()}
}

// progressHeadline sums up delivery for the Summary: how much of what
// was pledged with a period the evidence shows delivered, how many
// pledges are past their end with less than half delivered, and how many
// have had no news; or, when there is no evidence at all, says so.
func progressHeadline(r *Report) (Headline, bool) {
	cur := r.Currency
	money := func(v float64, q Qualifier) Fact {
		return Fact{Value: v, Qualifier: q, Unit: cur, Money: true, Shown: math.NaN()}
	}
	noEvidence := func(open int, pledged Fact, quiet int) *Finding {
		f := &Finding{Claim: ClaimCount, Result: Fact{Value: float64(open), Shown: math.NaN()}}
		key := "claim.delivery.none"
		if quiet == 1 {
			key = "claim.delivery.none.one"
		}
		return f.word(key, Count{open, "pledge"}, pledged, quiet, QuietMonths)
	}
	if u := r.NoEvidence; len(r.Evidence) == 0 && u.Open > 0 {
		f := noEvidence(u.Open, money(u.Pledged, u.PledgedQ), u.Quiet)
		return Headline{Topic: English("topic.delivery"), TopicKey: "topic.delivery", Kind: HeadlineCount, Value: float64(u.Open), Sentence: f.Text, Finding: f}, true
	}
	if len(r.Progress) == 0 {
		return Headline{}, false
	}
	var all, pledged, delivered float64
	var allQ, pledgedQ, deliveredQ Qualifier
	var open, withPeriod, withDelivered, lagging, none, quiet int
	for i := range r.Progress {
		pr := &r.Progress[i]
		if pr.Status == StatusReplaced || pr.Status == StatusCancelled {
			continue
		}
		open++
		all += pr.Pledged
		allQ = allQ.Sum(pr.PledgedQ)
		if pr.Quiet() && pr.Status != StatusCompleted {
			quiet++
		}
		if !pr.HasPeriod() {
			continue
		}
		withPeriod++
		pledged += pr.Pledged
		pledgedQ = pledgedQ.Sum(pr.PledgedQ)
		if !math.IsNaN(pr.Delivered) {
			withDelivered++
			delivered += pr.Delivered
			deliveredQ = deliveredQ.Sum(pr.DeliveredQ)
		}
		if pr.Over() && pr.Status != StatusCompleted {
			switch {
			case math.IsNaN(pr.Delivered):
				lagging++
				none++
			case pr.Share < 0.5:
				if _, hi := interval(pr.Share, pr.ShareQ); hi < 0.5 {
					lagging++
				}
			}
		}
	}
	if open == 0 {
		return Headline{}, false
	}
	h := Headline{Topic: English("topic.delivery"), TopicKey: "topic.delivery", Kind: HeadlineMoney, Sources: sourcesOfEvidence(r)}
	if len(r.Evidence) == 0 {
		f := noEvidence(open, money(all, allQ), quiet)
		h.Sentence, h.Finding = f.Text, f
		h.Value, h.Kind = float64(open), HeadlineCount
		return h, true
	}
	f := &Finding{Claim: ClaimShare, Result: Fact{Value: delivered, Qualifier: deliveredQ, Unit: cur, Money: true, Shown: math.NaN()}}
	var body Phrase
	if withPeriod == 0 {
		body = phrase("claim.delivery.noperiod", Count{open, "pledge"}, money(all, allQ))
		f.Claim = ClaimCount
	} else {
		var what Phrase
		if withDelivered == 0 {
			what = phrase("claim.delivery.nothing")
			f.Claim = ClaimCount
		} else {
			share, q := delivered/pledged, deliveredQ.Ratio(pledgedQ)
			f.Figures = []Fact{money(delivered, deliveredQ), money(pledged, pledgedQ)}
			pct := phrase("claim.delivery.pct", Fact{Value: share, Qualifier: q, Unit: "%", Form: FormShare, Shown: math.NaN()})
			if q == Mixed {
				pct = phrase("claim.delivery.pct.stated", Fact{Value: share, Unit: "%", Form: FormShare, Shown: math.NaN()})
			}
			dm := money(delivered, deliveredQ)
			if deliveredQ == Mixed {
				dm.Qualifier = Exact
				pct = phrase("claim.delivery.pct.mixed", pct)
			}
			what = phrase("claim.delivery.spent", dm, pct)
			f.Result = Fact{Value: share, Qualifier: q, Unit: "%", Shown: math.NaN()}
		}
		var noAmount Phrase
		if none > 0 {
			noAmount = phrase("claim.delivery.noamount", none)
		}
		key := "claim.delivery.lagging"
		if lagging == 1 {
			key = "claim.delivery.lagging.one"
		}
		body = phrase("claim.delivery.period", money(pledged, pledgedQ), Count{withPeriod, "pledge"}, what, phrase(key, lagging), noAmount)
	}
	f.word("claim.delivery", body, quiet, QuietMonths)
	h.Sentence, h.Finding = f.Text, f
	h.Value, h.Qualifier = delivered, deliveredQ
	return h, true
}

// sourcesOfEvidence lists the distinct sources of the evidence rows.
func sourcesOfEvidence(r *Report) []string {
	var out []string
	seen := map[string]bool{}
	for i := range r.Evidence {
		if s := r.Evidence[i].Source; s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return capSources(out)
}

// reason is what a pledge's delivery status rests on: an index in
// reasons.
type reason uint8

// Reasons of a status, in the order of reasons.
const (
	reasonNone reason = iota
	reasonReplaced
	reasonCancelled
	reasonWithdrawn
	reasonCompleted
	reasonNoEvidence
	reasonNoPeriod
	reasonNoCutoff
	reasonNoAmount
	reasonOverdue
	reasonFull
	reasonOverOpen
	reasonNotStarted
	reasonAhead
	reasonBehind
	reasonOnPace
	reasonAtLeast
	reasonOpen
)

// reasons are the catalogue key and the English words of each reason;
// the words of a few take what fills them from the pledge (see args).
var reasons = [...]struct{ key, en string }{
	reasonReplaced:   {"word.replaced by %s", "replaced by %s"},
	reasonCancelled:  {"why.cancelled", "reported cancelled"},
	reasonWithdrawn:  {"why.withdrawn", "status withdrawn in the Pledges sheet"},
	reasonCompleted:  {"why.completed", "reported completed"},
	reasonNoEvidence: {"why.noevidence", "no evidence of delivery in the inputs"},
	reasonNoPeriod:   {"why.noperiod", "no period: the pledge states no years, so no pace is judged"},
	reasonNoCutoff:   {"why.nocutoff", "no cut-off date to measure the period at"},
	reasonNoAmount:   {"why.noamount", "the evidence states no amount disbursed or spent"},
	reasonOverdue:    {"why.overdue", "the period ended %s with less than the pledged amount delivered"},
	reasonFull:       {"why.full", "delivered in full by the end of the period"},
	reasonOverOpen:   {"why.overopen", "the period is over, and the bounds leave open whether all was delivered"},
	reasonNotStarted: {"why.notstarted", "the period starts %s, after the cut-off"},
	reasonAhead:      {"why.ahead", "pace above %s"},
	reasonBehind:     {"why.behind", "pace below %s"},
	reasonOnPace:     {"why.onpace", "pace between %s and %s"},
	reasonAtLeast:    {"why.atleast", "pace at least %s (a lower bound)"},
	reasonOpen:       {"why.open", "the bounds of the amounts leave the pace open"},
}

// ReasonTexts are the English words of the reasons a pledge's delivery
// has its status (Progress.Why), by their catalogue key; package lang
// words them in every language under the same keys.
var ReasonTexts = func() map[string]string {
	m := make(map[string]string, len(reasons))
	for _, x := range reasons[1:] {
		m[x.key] = x.en
	}
	return m
}()

// because sets the status of pr and the reason for it.
func (pr *Progress) because(status ProgressStatus, why reason) {
	pr.Status, pr.reason = status, why
}

// args are what fills the words of pr's reason: the id of the pledge
// that replaces it, the end or start of its period, the pace thresholds.
// r is the report pr is of.
func (pr *Progress) args(r *Report) []any {
	switch pr.reason {
	case reasonReplaced:
		return []any{r.ExcludedName(&r.Pledges[pr.Pledge])}
	case reasonOverdue:
		_, end := r.Pledges[pr.Pledge].Period()
		return []any{end.Format(DateLayout)}
	case reasonNotStarted:
		start, _ := r.Pledges[pr.Pledge].Period()
		return []any{start.Format(DateLayout)}
	}
	return paceArgs[pr.reason]
}

// Why says what pr's status rests on, in English words; r is the report
// pr is of. The words are made when asked for rather than held by every
// pledge.
func (pr *Progress) Why(r *Report) string {
	switch pr.reason {
	case reasonNone:
		return ""
	case reasonReplaced, reasonOverdue, reasonNotStarted:
		return fmt.Sprintf(reasons[pr.reason].en, pr.args(r)...)
	}
	return whyFixed[pr.reason]
}

// Reason is the reason for pr's status as a finding, which the catalogue
// words in every language; its Text is Why. r is the report pr is of.
func (pr *Progress) Reason(r *Report) *Finding {
	if pr.reason == reasonNone {
		return nil
	}
	return &Finding{Claim: ClaimStatus, Key: reasons[pr.reason].key, Args: pr.args(r), Text: pr.Why(r), Result: Fact{Value: math.NaN(), Shown: math.NaN()}}
}

// paceWord is a pace threshold as a reason states it: "0.8", "1.25".
func paceWord(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// paceArgs are the thresholds the reasons of pace state, and whyFixed
// the English words of every reason that does not depend on the pledge,
// worded once rather than for every pledge.
var (
	paceArgs = map[reason][]any{
		reasonAhead:   {paceWord(PaceAhead)},
		reasonBehind:  {paceWord(PaceBehind)},
		reasonOnPace:  {paceWord(PaceBehind), paceWord(PaceAhead)},
		reasonAtLeast: {paceWord(PaceBehind)},
	}
	whyFixed = func() (w [len(reasons)]string) {
		for k := range reasons {
			if args := paceArgs[reason(k)]; len(args) > 0 {
				w[k] = fmt.Sprintf(reasons[k].en, args...)
			} else {
				w[k] = reasons[k].en
			}
		}
		return w
	}()
)
