package charts

import (
	"bytes"
	"image/png"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"pledgewatch/analysis"
)

func progressDay(s string) time.Time {
	t, err := time.Parse(analysis.DateLayout, s)
	if err != nil {
		panic(err)
	}
	return t
}

// progressPledge is a fund pledge of one investor and programme named
// after its id.
func progressPledge(id, announced, amount string, years float64, startYear int) analysis.Pledge {
	a, err := analysis.PledgeAmount(amount, "", "", "")
	if err != nil {
		panic(err)
	}
	return analysis.Pledge{ID: id, Announced: progressDay(announced), Investor: "Investor " + id, InvestorType: analysis.InvestorFund,
		Program: "Programme " + id, AmountText: amount, Amount: a, Years: years, StartYear: startYear, Kind: analysis.KindFund,
		Region: "Hong Kong", Status: analysis.PledgeAnnounced, Source: "Source " + id}
}

func progressEvidence(id, date, stage, amount, basis string) analysis.Evidence {
	e := analysis.Evidence{PledgeID: id, Date: progressDay(date), Stage: analysis.StageOf(stage), Basis: analysis.AmountBasisOf(basis), Source: "Report " + id,
		Amount: analysis.Amount{Undisclosed: true}}
	if amount != "" {
		a, err := analysis.PledgeAmount(amount, "", "", "")
		if err != nil {
			panic(err)
		}
		e.Amount, e.AmountText = a, amount
	}
	return e
}

// progressChartInputs holds pledges of every status at a cut-off of
// 2025-06-30, with HK$7.8 and 7.2 yuan to the US dollar.
func progressChartInputs() analysis.Inputs {
	return analysis.Inputs{
		Rates: []analysis.Rate{
			{Currency: "HKD", PerUSD: 7.8, Date: progressDay("2020-01-01")},
			{Currency: "CNY", PerUSD: 7.2, Date: progressDay("2020-01-01")},
		},
		Pledges: []analysis.Pledge{
			progressPledge("pace", "2023-11-01", "US$100 million", 4, 2024),
			progressPledge("behind", "2024-07-01", "HK$780 million", 2, 0),
			progressPledge("ahead", "2024-12-01", "US$100 million", 5, 2025),
			progressPledge("overdue", "2023-01-01", "US$10 million", 1, 0),
			progressPledge("silent", "2024-01-01", "US$1 million", 0, 0),
			progressPledge("done", "2024-01-01", "US$2 million", 1, 0),
			progressPledge("bounded", "2025-01-01", "at least 720 million yuan", 5, 2025),
			progressPledge("open-ended", "2024-01-01", "US$6 million", 0, 0),
		},
		Progress: []analysis.Evidence{
			progressEvidence("pace", "2024-06-30", "disbursed", "US$20 million", "cumulative"),
			progressEvidence("pace", "2025-03-31", "disbursed", "HK$156 million", "increment"),
			progressEvidence("behind", "2025-01-15", "spent", "HK$78 million", "cumulative"),
			progressEvidence("ahead", "2025-06-01", "disbursed", "360 million yuan", "cumulative"),
			progressEvidence("overdue", "2023-12-01", "spent", "less than US$4 million", "cumulative"),
			progressEvidence("done", "2025-01-01", "completed", "US$2 million", "cumulative"),
			progressEvidence("bounded", "2025-06-01", "disbursed", "more than 360 million yuan", "cumulative"),
			progressEvidence("open-ended", "2024-06-01", "disbursed", "US$1 million", "increment"),
		},
	}
}

func progressReport(t *testing.T, in analysis.Inputs) *analysis.Report {
	t.Helper()
	r, probs := analysis.Build(in, analysis.Options{AsOf: progressDay("2025-06-30")})
	if probs.HasErrors() {
		t.Fatalf("errors: %v", probs.Err())
	}
	return r
}

func specNamed(ss []spec, name string) *spec {
	for i := range ss {
		if ss[i].name == name {
			return &ss[i]
		}
	}
	return nil
}

func barOf(t *testing.T, s *spec, id string) bar {
	t.Helper()
	for _, b := range s.bars {
		if b.label == "Investor "+id+": Programme "+id {
			return b
		}
	}
	t.Fatalf("no bar for %s in %q", id, barLabels(s.bars))
	return bar{}
}

func TestProgressChart(t *testing.T) {
	r := progressReport(t, progressChartInputs())
	s := specNamed(build(r), "progress-by-pledge")
	if s == nil {
		t.Fatal("no progress chart")
	}
	// Open pledges with a period: pace (on pace), behind, ahead, overdue
	// and bounded (more than 360 of at least 720 million yuan: the bounds
	// leave its pace open); silent and open-ended have no period; done is
	// closed.
	if want := "2 of 5 pledges with a period are behind pace, 1 of them overdue"; s.title != want {
		t.Errorf("title %q, want %q", s.title, want)
	}
	if len(s.bars) != 6 {
		t.Errorf("%d bars, want 6 (done is closed, silent has no evidence): %q", len(s.bars), barLabels(s.bars))
	}
	if want := "Not drawn: 1 open pledge with no evidence yet; every pledge is on the Progress sheet."; !slices.Contains(s.notes, want) {
		t.Errorf("notes %q lack %q", s.notes, want)
	}
	for _, b := range s.bars {
		if b.measure != measureMoney("USD") {
			t.Errorf("bar %s measures %q", b.label, b.measure)
		}
	}
	// behind: HK$780M (US$100M) over 2024-07-01 to 2026-07-01, 364 of
	// 730 days gone: on pace it would have US$49.863M delivered; it has
	// HK$78M, US$10M.
	b := barOf(t, s, "behind")
	if !b.hasMark || math.Abs(b.mark-100e6*364/730) > 1e-3 {
		t.Errorf("behind: mark %v (%v), want %v", b.mark, b.hasMark, 100e6*364/730)
	}
	if !b.hasInner || math.Abs(b.inner-10e6) > 1e-3 || b.value != 100e6 || b.tone != toneLight {
		t.Errorf("behind: pledged %v, delivered %v (%v)", b.value, b.inner, b.hasInner)
	}
	// overdue: the year is over, so the tick is at the pledged amount; at
	// most US$4M spent is an upper bound.
	if b := barOf(t, s, "overdue"); !b.hasMark || b.mark != 10e6 || b.innerBound != boundUpper {
		t.Errorf("overdue: mark %v (%v), delivered bound %v", b.mark, b.hasMark, b.innerBound)
	}
	// bounded: at least 720 million yuan pledged, more than 360 million
	// disbursed: both are lower bounds, drawn with their markers.
	if b := barOf(t, s, "bounded"); b.bound != boundLower || b.innerBound != boundLower {
		t.Errorf("bounded: bounds %v and %v, want lower and lower", b.bound, b.innerBound)
	}
	// open-ended states no period: its delivery is drawn, with no tick.
	if b := barOf(t, s, "open-ended"); b.hasMark || !b.hasInner || b.inner != 1e6 || !strings.HasSuffix(b.text, analysis.StatusUnknown.String()) {
		t.Errorf("open-ended: mark %v, inner %v, text %q", b.hasMark, b.inner, b.text)
	}
	var legend []string
	for _, it := range s.legend {
		legend = append(legend, it.text)
	}
	for _, want := range []string{"tick: delivered if on pace", "at least the figure shown", "at most the figure shown"} {
		if !strings.Contains(strings.Join(legend, "|"), want) {
			t.Errorf("legend %q lacks %q", legend, want)
		}
	}

	// The pace tick is drawn: the chart differs without it.
	d := newDrawer(DefaultWidth, DefaultHeight, nil)
	with, err := d.draw(s)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(with))
	if err != nil {
		t.Fatal(err)
	}
	if got := img.Bounds().Size(); got.X != DefaultWidth || got.Y != DefaultHeight {
		t.Errorf("size %v", got)
	}
	plain := *s
	plain.bars = append([]bar(nil), s.bars...)
	for i := range plain.bars {
		plain.bars[i].hasMark = false
	}
	without, err := d.draw(&plain)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(with, without) {
		t.Error("the pace ticks draw nothing")
	}
}

func TestProgressChartTitleFromData(t *testing.T) {
	in := progressChartInputs()
	// Without the pledges behind and overdue, none is behind: pace and
	// ahead are on pace or ahead, and bounded cannot be judged.
	in.Pledges = append(in.Pledges[:1], in.Pledges[2], in.Pledges[4], in.Pledges[5], in.Pledges[6], in.Pledges[7])
	var ev []analysis.Evidence
	for _, e := range in.Progress {
		if e.PledgeID != "behind" && e.PledgeID != "overdue" {
			ev = append(ev, e)
		}
	}
	in.Progress = ev
	s := specNamed(build(progressReport(t, in)), "progress-by-pledge")
	if s == nil {
		t.Fatal("no progress chart")
	}
	if want := "No pledge with a period is behind pace; 1 of 3 cannot be judged yet"; s.title != want {
		t.Errorf("title %q, want %q", s.title, want)
	}
	if b := barOf(t, s, "pace"); !b.hasMark || math.Abs(b.mark-100e6*546/1461) > 1e-3 {
		t.Errorf("pace: mark %v, want %v", b.mark, 100e6*546/1461)
	}
}

func TestProgressChartsNeedEvidence(t *testing.T) {
	in := progressChartInputs()
	in.Progress = nil
	r := progressReport(t, in)
	r.History = []analysis.HistoryPoint{{Month: "2025-05", Total: 1e9, Qualifier: "exact"}, {Month: "2025-06", Total: 2e9, Qualifier: "exact"}}
	ss := build(r)
	for _, name := range []string{"progress-by-pledge", "delivered-history"} {
		if specNamed(ss, name) != nil {
			t.Errorf("%s drawn without evidence of delivery", name)
		}
	}
}

func TestDeliveryHistoryChart(t *testing.T) {
	r := progressReport(t, progressChartInputs())
	r.History = []analysis.HistoryPoint{
		{Month: "2025-04", Currency: "USD", Total: 3e9, Qualifier: "at least", Count: 3},
		{Month: "2025-05", Currency: "USD", Total: 3e9, Qualifier: "at least", Count: 3, Delivered: 200e6, DeliveredQualifier: "more than", HasDelivered: true},
		{Month: "2025-06", Currency: "USD", Total: 3e9, Qualifier: "at least", Count: 3, Delivered: 500e6, DeliveredQualifier: "more than", HasDelivered: true},
	}
	s := specNamed(build(r), "delivered-history")
	if s == nil {
		t.Fatal("no delivered history chart")
	}
	if want := "Evidence shows more than US$500.0M delivered of at least US$3.0B pledged in the 2025-06 report, up from more than US$200.0M in 2025-05"; s.title != want {
		t.Errorf("title %q, want %q", s.title, want)
	}
	if len(s.bars) != 3 || s.bars[0].hasInner || !s.bars[2].hasInner || s.bars[2].inner != 500e6 ||
		s.bars[2].bound != boundLower || s.bars[2].innerBound != boundLower || s.bars[2].measure != measureMoney("USD") {
		t.Errorf("bars %+v", s.bars)
	}
	r.History[2].Delivered = 100e6
	if s := specNamed(build(r), "delivered-history"); !strings.Contains(s.title, "US$100.0M delivered") || !strings.Contains(s.title, "down from") {
		t.Errorf("title %q", s.title)
	}
	out, err := newDrawer(DefaultWidth, DefaultHeight, nil).draw(s)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := png.Decode(bytes.NewReader(out)); err != nil {
		t.Fatal(err)
	}
}
