package analysis

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"
	"unsafe"
)

// evidence is one Progress row; amount "" states none.
func evidence(id, date, stage, amount, basis string) Evidence {
	e := Evidence{PledgeID: id, Date: day(date), Stage: StageOf(stage), Basis: AmountBasisOf(basis), Source: "Report " + id, Amount: Amount{Undisclosed: true}}
	if amount != "" {
		a, err := PledgeAmount(amount, "", "", "")
		if err != nil {
			panic(err)
		}
		e.Amount, e.AmountText = a, amount
	}
	return e
}

func fundPledge(id, announced, amount string, years float64, startYear int) Pledge {
	p := pledge(id, announced, "Investor "+id, "fund", "Programme "+id, amount, "", years, "", "Hong Kong", "Source "+id)
	p.Kind, p.StartYear = KindFund, startYear
	return p
}

// progressInputs holds one pledge for every status, with figures a
// reader can check by hand: HK$7.8 and 7.2 yuan to the US dollar, a
// cut-off of 2025-06-30.
func progressInputs() Inputs {
	in := Inputs{Rates: []Rate{
		{Currency: "HKD", PerUSD: 7.8, Date: day("2020-01-01")},
		{Currency: "CNY", PerUSD: 7.2, Date: day("2020-01-01")},
	}}
	in.Pledges = []Pledge{
		fundPledge("pace", "2023-11-01", "US$100 million", 4, 2024),
		fundPledge("behind", "2024-07-01", "HK$780 million", 2, 0),
		fundPledge("ahead", "2024-12-01", "US$100 million", 5, 2025),
		fundPledge("overdue", "2023-01-01", "US$10 million", 1, 0),
		fundPledge("silent", "2024-01-01", "US$1 million", 0, 0),
		fundPledge("done", "2024-01-01", "US$2 million", 1, 0),
		fundPledge("dropped", "2024-01-01", "US$3 million", 3, 0),
		fundPledge("old", "2023-01-01", "US$5 million", 3, 0),
		fundPledge("new", "2024-01-01", "US$8 million", 3, 0),
		fundPledge("open-ended", "2024-01-01", "US$6 million", 0, 0),
		fundPledge("bounded", "2025-01-01", "at least 720 million yuan", 5, 2025),
		fundPledge("more", "2024-12-01", "US$100 million", 2, 2025),
		fundPledge("grant", "2024-01-01", "US$1000", 0, 0),
	}
	in.Pledges[7].Status = PledgeAnnounced
	in.Pledges[8].Relation, in.Pledges[8].RelatedTo = RelationReplaces, "old"
	in.Pledges[12].Per = "start-up"
	in.Progress = []Evidence{
		// pace: disbursed US$20M to date, then HK$156M (US$20M) more; spent
		// more than US$30M; a later row is after the cut-off.
		evidence("pace", "2024-06-30", "disbursed", "US$20 million", "cumulative"),
		evidence("pace", "2025-03-31", "disbursed", "HK$156 million", "increment"),
		evidence("pace", "2025-05-01", "spent", "more than US$30 million", "cumulative"),
		evidence("pace", "2025-08-01", "spent", "US$90 million", "cumulative"),
		evidence("behind", "2024-09-01", "approved", "HK$390 million", "cumulative"),
		evidence("behind", "2025-01-15", "spent", "HK$78 million", "cumulative"),
		evidence("ahead", "2025-06-01", "disbursed", "360 million yuan", "cumulative"),
		evidence("overdue", "2023-12-01", "spent", "less than US$4 million", "cumulative"),
		evidence("done", "2025-01-01", "completed", "US$2 million", "cumulative"),
		evidence("dropped", "2024-02-01", "committed", "", ""),
		evidence("dropped", "2024-09-01", "cancelled", "", ""),
		evidence("open-ended", "2024-06-01", "disbursed", "US$1 million", "increment"),
		evidence("bounded", "2025-06-01", "disbursed", "360 million yuan", "cumulative"),
		evidence("more", "2025-06-01", "spent", "more than US$30 million", "cumulative"),
		evidence("grant", "2025-06-01", "disbursed", "US$1000", "increment"),
	}
	return in
}

func progressOf(t *testing.T, r *Report, id string) *Progress {
	t.Helper()
	for i := range r.Progress {
		if r.Pledges[r.Progress[i].Pledge].ID == id {
			return &r.Progress[i]
		}
	}
	t.Fatalf("no progress for %s", id)
	return nil
}

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }

func TestProgressStatuses(t *testing.T) {
	r, probs := Build(progressInputs(), Options{AsOf: day("2025-06-30")})
	if probs.HasErrors() {
		t.Fatalf("errors: %v", probs.Err())
	}
	tests := []struct {
		id        string
		status    ProgressStatus
		delivered float64 // NaN when none is stated
		dq        Qualifier
		elapsed   float64 // NaN without a period
		share     float64
		quiet     int
	}{
		// 2024-01-01 to 2028-01-01 is 1461 days, 546 of them gone:
		// 40/100 over 546/1461 is a pace of 1.07.
		{"pace", StatusOnPace, 40e6, Exact, 546.0 / 1461, 0.4, 1},
		// 2024-07-01 to 2026-07-01: 364 of 730 days; HK$78M of HK$780M
		// spent is 10%, a pace of 0.2.
		{"behind", StatusBehind, 10e6, Exact, 364.0 / 730, 0.1, 5},
		// 2025-01-01 to 2030-01-01: 180 of 1826 days; half disbursed.
		{"ahead", StatusAhead, 50e6, Exact, 180.0 / 1826, 0.5, 0},
		// The year ended 2024-01-01 with less than US$4M of US$10M spent.
		{"overdue", StatusOverdue, 4e6, LessThan, 1, 0.4, 18},
		{"silent", StatusNoEvidence, math.NaN(), Exact, math.NaN(), math.NaN(), 17},
		{"done", StatusCompleted, 2e6, Exact, 1, 1, 5},
		{"dropped", StatusCancelled, math.NaN(), Exact, 0.5 * 546 / 547, math.NaN(), 9},
		{"old", StatusReplaced, math.NaN(), Exact, 911.0 / 1096, math.NaN(), 29},
		{"new", StatusNoEvidence, math.NaN(), Exact, 546.0 / 1096, math.NaN(), 17},
		{"open-ended", StatusUnknown, 1e6, Exact, math.NaN(), 1.0 / 6, 12},
		// At least 720 million yuan pledged, 360 million disbursed: at most
		// half, so the pace could be anything from 0 to 5.07.
		{"bounded", StatusUnknown, 50e6, Exact, 180.0 / 1826, 0.5, 0},
		// More than US$30M of US$100M spent in 180 of 730 days: a pace of
		// more than 1.22, at least on pace.
		{"more", StatusOnPace, 30e6, MoreThan, 180.0 / 730, 0.3, 0},
	}
	for _, tc := range tests {
		p := progressOf(t, r, tc.id)
		if p.Status != tc.status {
			t.Errorf("%s: status %q (%s), want %q", tc.id, p.Status, p.Why(r), tc.status)
		}
		if !(math.IsNaN(tc.delivered) && math.IsNaN(p.Delivered)) && (!near(p.Delivered, tc.delivered) || p.DeliveredQ != tc.dq) {
			t.Errorf("%s: delivered %v %v, want %v %v", tc.id, p.DeliveredQ, p.Delivered, tc.dq, tc.delivered)
		}
		if tc.id != "dropped" && !(math.IsNaN(tc.elapsed) && math.IsNaN(p.Elapsed)) && !near(p.Elapsed, tc.elapsed) {
			t.Errorf("%s: elapsed %v, want %v", tc.id, p.Elapsed, tc.elapsed)
		}
		if !(math.IsNaN(tc.share) && math.IsNaN(p.Share)) && !near(p.Share, tc.share) {
			t.Errorf("%s: share %v, want %v", tc.id, p.Share, tc.share)
		}
		if int(p.MonthsQuiet) != tc.quiet {
			t.Errorf("%s: %d months quiet, want %d", tc.id, p.MonthsQuiet, tc.quiet)
		}
	}
	// The pace of the first: 0.4 over 546/1461.
	if p := progressOf(t, r, "pace"); !near(p.Pace, 0.4*1461/546) || p.At[2] != 40e6 || p.At[3] != 30e6 || p.AtQ[3] != MoreThan || p.AtStage(StageSpent) != (StageFigure{30e6, MoreThan}) {
		t.Errorf("pace: %v, disbursed %v, spent %v %v", p.Pace, p.At[2], p.AtQ[3], p.At[3])
	}
	if p := progressOf(t, r, "behind"); !near(p.At[1], 50e6) {
		t.Errorf("behind: approved %v, want 50e6", p.At[1])
	}
	if p := progressOf(t, r, "bounded"); p.ShareQ != AtMost {
		t.Errorf("bounded: share qualifier %v, want at most", p.ShareQ)
	}
	// The amount per start-up is not a pledge of a total.
	for _, p := range r.Progress {
		if r.Pledges[p.Pledge].ID == "grant" {
			t.Error("an amount per recipient is tracked for pace")
		}
	}
	// The row after the cut-off is left out, with a warning at its date.
	var later bool
	for _, p := range probs.Warnings() {
		later = later || errors.Is(p, ErrAfterCutoff) && p.Column == "date" && p.Value == "2025-08-01"
	}
	if !later {
		t.Error("no warning for the evidence after the cut-off")
	}
	for i := range r.Pledges {
		if p := &r.Pledges[i]; p.ID == "pace" && p.Stage != StageSpent {
			t.Errorf("pace: stage %q, want spent (the later row is hidden)", p.Stage)
		}
	}
}

func TestProgressHeadline(t *testing.T) {
	r, _ := Build(progressInputs(), Options{AsOf: day("2025-06-30")})
	var h *Headline
	for i := range r.Headlines {
		if r.Headlines[i].Topic == "Delivery" {
			h = &r.Headlines[i]
		}
	}
	if h == nil {
		t.Fatal("no Delivery headline")
	}
	// With a period and not replaced or cancelled: pace 100, behind 100,
	// ahead 100, overdue 10, done 2, new 8, bounded at least 100, more
	// 100: at least US$520M. Delivered: 40 + 10 + 50 + less than 4 + 2 +
	// 50 + more than 30 = 186, of mixed bounds.
	want := "Of at least US$520.0M pledged with a stated amount and a period (8 pledges), US$186.0M (35.8% of the stated amounts, which mix lower and upper bounds) has evidence of being disbursed or spent; " +
		"1 pledge past its end date has less than half delivered on the evidence; for 4 the inputs hold no evidence dated in the last 12 months."
	if h.Sentence != want {
		t.Errorf("sentence:\n%s\nwant:\n%s", h.Sentence, want)
	}
	if !near(h.Value, 186e6) || h.Qualifier != Mixed {
		t.Errorf("value %v %v", h.Qualifier, h.Value)
	}

	in := progressInputs()
	in.Progress = nil
	r, _ = Build(in, Options{AsOf: day("2025-06-30")})
	for _, h := range r.Headlines {
		if h.Topic == "Delivery" && !strings.HasPrefix(h.Sentence, "No evidence of delivery in the inputs: none of the 11 pledges with a stated amount (at least US$") {
			t.Errorf("no-evidence sentence: %s", h.Sentence)
		}
	}
}

func TestProgressProblems(t *testing.T) {
	in := progressInputs()
	in.Rates = in.Rates[:1] // no CNY
	in.Progress = append(in.Progress,
		evidence("nobody", "2025-01-01", "committed", "", ""),
		evidence("behind", "2025-03-01", "committed", "", ""),
		evidence("pace", "2025-06-01", "disbursed", "US$30 million", "cumulative"),
	)
	sheet := NewOrigin("in.xlsx", "Progress", Columns{"pledge_id": 1, "date": 2, "stage": 3, "amount": 4, "amount_basis": 5, "currency": 6})
	for i := range in.Progress {
		in.Progress[i].Loc = sheet.At(i + 2)
	}
	_, probs := Build(in, Options{AsOf: day("2025-06-30")})
	want := map[string]string{
		"F8":  "no FX row for CNY",                                                           // ahead's 360 million yuan
		"A17": `no pledge has the id "nobody"`,                                               // unknown id
		"C18": "stage out of order: committed on 2025-03-01 comes after spent on 2025-01-15", // a step back
		"D19": "a cumulative amount falls: US$30.0M at disbursed on 2025-06-01, after US$40.0M",
	}
	got := map[string]string{}
	for _, p := range probs.Errors() {
		got[p.Cell] = p.Error()
	}
	for cell, w := range want {
		if !strings.Contains(got[cell], w) {
			t.Errorf("cell %s: %q, want %q", cell, got[cell], w)
		}
	}
}

// TestStageMoves compares two months: the stage a pledge reached shows
// as a revision, and a snapshot written before stages were kept still
// loads.
func TestStageMoves(t *testing.T) {
	may := progressInputs()
	june := progressInputs()
	rm, _ := Build(may, Options{AsOf: day("2025-05-31")})
	rj, _ := Build(june, Options{AsOf: day("2025-06-30")})
	var got []string
	for _, c := range Compare(rm.Snapshot("2025-05"), rj.Snapshot("2025-06")).Items {
		if c.Field == "stage" {
			got = append(got, c.Key+": "+c.Old+" -> "+c.New)
		}
	}
	// In June: ahead, bounded, more and the grant per start-up (listed,
	// not tracked) report their first stages; the rest were reported by
	// May.
	want := "id:ahead:  -> disbursed\nid:bounded:  -> disbursed\nid:grant:  -> disbursed\nid:more:  -> spent"
	if strings.Join(got, "\n") != want {
		t.Errorf("stage moves:\n%s\nwant:\n%s", strings.Join(got, "\n"), want)
	}
	old := rm.Snapshot("2025-05")
	for i := range old.Pledges {
		old.Pledges[i].Fields = old.Pledges[i].Fields[:len(PledgeFields)-1]
	}
	for _, c := range Compare(old, rj.Snapshot("2025-06")).Items {
		if c.Field == "stage" && c.Old != "" {
			t.Errorf("an older snapshot gave a stage: %+v", c)
		}
	}
}

// TestProgressSize holds Progress to the size its doc comment promises:
// a book of a million tracked pledges with evidence holds a million of
// them, and cmd/pledgewatch sets the memory limit from the live heap, so
// every byte a Progress grows by adds more than a megabyte to the peak of
// such a run.
func TestProgressSize(t *testing.T) {
	if s := unsafe.Sizeof(Progress{}); s > 104 {
		t.Errorf("a Progress takes %d bytes, more than 104", s)
	}
}

// TestProgressWords holds what Progress works out when asked rather than
// holds: the words of each reason, the date of the latest evidence that
// counts, and the period.
func TestProgressWords(t *testing.T) {
	in := progressInputs()
	in.Pledges = append(in.Pledges, fundPledge("later", "2025-01-01", "US$10 million", 2, 2026))
	in.Progress = append(in.Progress,
		evidence("later", "2025-03-01", "disbursed", "US$1 million", "cumulative"),
		// After the cancellation: an error, so it is not the latest
		// evidence that counts.
		evidence("dropped", "2024-10-01", "spent", "US$1 million", "cumulative"))
	r, _ := Build(in, Options{AsOf: day("2025-06-30")})
	tests := []struct {
		id, why, last, start, end string
	}{
		{"pace", "pace between 0.8 and 1.25", "2025-05-01", "2024-01-01", "2028-01-01"},
		{"behind", "pace below 0.8", "2025-01-15", "2024-07-01", "2026-07-01"},
		{"ahead", "pace above 1.25", "2025-06-01", "2025-01-01", "2030-01-01"},
		{"overdue", "the period ended 2024-01-01 with less than the pledged amount delivered", "2023-12-01", "2023-01-01", "2024-01-01"},
		{"silent", "no evidence of delivery in the inputs", "", "", ""},
		{"done", "reported completed", "2025-01-01", "2024-01-01", "2025-01-01"},
		{"dropped", "reported cancelled", "2024-09-01", "2024-01-01", "2027-01-01"},
		{"old", "replaced by new", "", "2023-01-01", "2026-01-01"},
		{"open-ended", "no period: the pledge states no years, so no pace is judged", "2024-06-01", "", ""},
		{"bounded", "the bounds of the amounts leave the pace open", "2025-06-01", "2025-01-01", "2030-01-01"},
		{"more", "pace at least 0.8 (a lower bound)", "2025-06-01", "2025-01-01", "2027-01-01"},
		{"later", "the period starts 2026-01-01, after the cut-off", "2025-03-01", "2026-01-01", "2028-01-01"},
	}
	ymd := func(d time.Time) string {
		if d.IsZero() {
			return ""
		}
		return d.Format(DateLayout)
	}
	for _, tc := range tests {
		pr := progressOf(t, r, tc.id)
		if got := pr.Why(r); got != tc.why {
			t.Errorf("%s: why %q, want %q", tc.id, got, tc.why)
		}
		if f := pr.Reason(r); f == nil || f.Text != tc.why || ReasonTexts[f.Key] == "" {
			t.Errorf("%s: reason %+v, want a catalogue key and the text %q", tc.id, f, tc.why)
		}
		if got := ymd(pr.Last(r)); got != tc.last {
			t.Errorf("%s: last evidence %q, want %q", tc.id, got, tc.last)
		}
		start, end := r.Pledges[pr.Pledge].Period()
		if ymd(start) != tc.start || ymd(end) != tc.end || pr.HasPeriod() != (tc.start != "") {
			t.Errorf("%s: period %q to %q (has %v), want %q to %q", tc.id, ymd(start), ymd(end), pr.HasPeriod(), tc.start, tc.end)
		}
	}
	if got := (&Progress{}).Why(r); got != "" || (&Progress{}).Reason(r) != nil {
		t.Errorf("a Progress without a status has the reason %q", got)
	}
}

// TestStageWords holds the Stage type to its words: every word of Stages
// reads back as the Stage that writes it, and no other text is a stage.
func TestStageWords(t *testing.T) {
	for i, w := range Stages {
		s := StageOf(w)
		if s != Stage(i+1) || s.String() != w {
			t.Errorf("%q reads as stage %d (%q), want %d", w, s, s, i+1)
		}
	}
	for _, w := range []string{"", "Committed", "paid"} {
		if s := StageOf(w); s != StageNone || s.String() != "" {
			t.Errorf("%q reads as stage %d (%q), want none", w, s, s)
		}
	}
	if StageCancelled.String() != "cancelled" || StageCommitted.String() != "committed" {
		t.Errorf("the stage constants are out of step with Stages: %q, %q", StageCommitted, StageCancelled)
	}
}

// TestAmountBasisWords holds the AmountBasis type to its words.
func TestAmountBasisWords(t *testing.T) {
	for i, w := range AmountBases {
		b := AmountBasisOf(w)
		if b != AmountBasis(i+1) || b.String() != w {
			t.Errorf("%q reads as basis %d (%q), want %d", w, b, b, i+1)
		}
	}
	for _, w := range []string{"", "Cumulative", "total"} {
		if b := AmountBasisOf(w); b != BasisNone || b.String() != "" {
			t.Errorf("%q reads as basis %d (%q), want none", w, b, b)
		}
	}
	if BasisCumulative.String() != "cumulative" || BasisIncrement.String() != "increment" {
		t.Errorf("the basis constants are out of step with AmountBases: %q, %q", BasisCumulative, BasisIncrement)
	}
}

// TestEvidenceSize holds an evidence row to 168 bytes: a book holds one
// per row of its Progress sheet, beside the pledges, and the memory limit
// follows the live heap.
func TestEvidenceSize(t *testing.T) {
	if s := unsafe.Sizeof(Evidence{}); s > 168 {
		t.Errorf("an Evidence takes %d bytes, more than 168", s)
	}
}

// TestProgressStatusWords holds every status to a word of its own.
func TestProgressStatusWords(t *testing.T) {
	seen := map[string]bool{}
	for _, s := range ProgressStatuses() {
		w := s.String()
		if w == "" || seen[w] {
			t.Errorf("status %d has the word %q, empty or another status's", s, w)
		}
		seen[w] = true
	}
	if len(seen) != int(StatusUnknown) || ProgressStatus(0).String() != "" {
		t.Errorf("%d status words, want %d, and none for the zero status", len(seen), StatusUnknown)
	}
}
