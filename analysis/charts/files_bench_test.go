package charts

import (
	"os"
	"testing"
	"time"

	"pledgewatch/analysis"
	"pledgewatch/analysis/internal/cputime"
	"pledgewatch/analysis/internal/readtest"
)

// benchReport is the report of the workbook at path, built as a run
// builds it for November 2025.
func benchReport(b *testing.B, path string) *analysis.Report {
	b.Helper()
	rd := readtest.Read(b, path, path)
	r, probs := analysis.Build(rd.Inputs, analysis.Options{Currency: "USD", AsOf: time.Date(2025, 11, 30, 0, 0, 0, 0, time.UTC)})
	if probs.HasErrors() {
		b.Fatal(probs.Err())
	}
	return r
}

// BenchmarkFiles plans and draws every file of every chart, as a run
// does: the PNGs by Render, then each chart's other files at once. It
// draws the charts of the shipped inputs, and those of the workbook
// named by PLEDGEWATCH_BENCH_BOOK when it is set (such as
// bench/inputs-100000-noevidence/bench.xlsx).
func BenchmarkFiles(b *testing.B) {
	books := map[string]string{"shipped": "../../inputs/pledgewatch.xlsx"}
	if p := os.Getenv("PLEDGEWATCH_BENCH_BOOK"); p != "" {
		books["book"] = p
	}
	for name, path := range books {
		r := benchReport(b, path)
		var font *Font
		if NeedsCJK(r) {
			font = cjkFont(b)
		}
		b.Run(name, func(b *testing.B) {
			meter := cputime.Start()
			for b.Loop() {
				pics, err := PlanCharts(r).Render(Options{Font: font})
				if err != nil {
					b.Fatal(err)
				}
				errs := make(chan error)
				n := 0
				for _, p := range pics {
					for _, f := range p.Files()[1:] {
						n++
						go func() { _, err := f.Draw(); errs <- err }()
					}
				}
				for range n {
					if err := <-errs; err != nil {
						b.Fatal(err)
					}
				}
			}
			meter.Report(b)
		})
	}
}
