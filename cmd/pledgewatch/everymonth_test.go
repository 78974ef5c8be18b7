package main

import (
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"pledgewatch/analysis"
	"pledgewatch/analysis/charts"
	"pledgewatch/analysis/workbook"
)

// TestEveryMonthReports builds the report of every month from the
// earliest dated row of the shipped inputs to today, the way run does, on
// inputs read once: each month gives a report with no error, and a
// comparison whose figure is not in the month yet is skipped with a
// warning. The workbook is written for every month; the charts are drawn
// for every month in which a dated row falls, and for the month before
// the first such row, since months in between hold the same figures.
func TestEveryMonthReports(t *testing.T) {
	c := &config{Inputs: shippedInputs(t), Currency: "USD", Now: clock, log: slog.New(slog.DiscardHandler)}
	rd, err := c.readInputs()
	if err != nil {
		t.Fatal(err)
	}
	if rd.Problems.HasErrors() {
		t.Fatalf("reading the shipped inputs: %v", rd.Problems.Errors())
	}
	in := rd.Inputs
	dated := map[string]bool{}
	var first time.Time
	note := func(d time.Time) {
		if d.IsZero() {
			return
		}
		dated[d.Format("2006-01")] = true
		if first.IsZero() || d.Before(first) {
			first = d
		}
	}
	for _, p := range in.Pledges {
		note(p.Announced)
		note(p.SourceDate)
	}
	for _, m := range in.Metrics {
		note(m.SourceDate)
	}
	for _, e := range in.Progress {
		note(e.Date)
	}
	if first.IsZero() {
		t.Fatal("the shipped inputs hold no dated row")
	}
	first = time.Date(first.Year(), first.Month(), 1, 0, 0, 0, 0, time.UTC)
	dated[first.AddDate(0, -1, 0).Format("2006-01")] = true
	now := clock()
	last := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, time.UTC)

	months, skipped := 0, 0
	for m := first.AddDate(0, -1, 0); !m.After(last); m = m.AddDate(0, 1, 0) {
		month := m.Format("2006-01")
		mc := *c
		mc.Month = month
		r, probs := analysis.Build(in, analysis.Options{Currency: "USD", AsOf: mc.asOf(), Today: mc.today(), Month: month})
		if probs.HasErrors() {
			t.Errorf("%s: the report has errors: %v", month, probs.Errors())
			continue
		}
		for _, w := range probs.Warnings() {
			if strings.Contains(w.Error(), "the comparison is left out of this month's report") {
				skipped++
			}
		}
		if err := workbook.Write(io.Discard, r, workbook.Meta{Version: "test", Month: month, Created: mc.asOf(), Inputs: "inputs"}); err != nil {
			t.Errorf("%s: workbook: %v", month, err)
		}
		if dated[month] || m.Equal(last) {
			plan := charts.PlanCharts(r)
			var font *charts.Font
			if plan.NeedsCJK() {
				if font, err = mc.loadFont(); err != nil {
					t.Fatalf("%s: %v", month, err)
				}
			}
			if _, err := plan.Render(charts.Options{Font: font}); err != nil {
				t.Errorf("%s: charts: %v", month, err)
			}
		}
		months++
	}
	// The earliest month has every comparison skipped, so the rule that
	// skips rather than fails was exercised.
	if skipped == 0 {
		t.Error("no comparison was skipped in any month; the earliest months should skip those whose figures come later")
	}
	t.Logf("%d months from %s, %d comparisons skipped", months, first.AddDate(0, -1, 0).Format("2006-01"), skipped)
}
