package store

import (
	"io"
	"os"
	"testing"
	"time"

	"pledgewatch/analysis"
	"pledgewatch/analysis/internal/cputime"
	"pledgewatch/analysis/internal/readtest"
)

// BenchmarkEncodeSnapshot encodes the snapshot of the shipped inputs'
// report, and of the workbook named by PLEDGEWATCH_BENCH_BOOK when it is
// set (such as bench/inputs-100000-noevidence/bench.xlsx).
func BenchmarkEncodeSnapshot(b *testing.B) {
	books := map[string]string{"shipped": "../../inputs/pledgewatch.xlsx"}
	if p := os.Getenv("PLEDGEWATCH_BENCH_BOOK"); p != "" {
		books["book"] = p
	}
	for name, path := range books {
		rd := readtest.Read(b, path, path)
		r, probs := analysis.Build(rd.Inputs, analysis.Options{Currency: "USD", AsOf: time.Date(2025, 11, 30, 0, 0, 0, 0, time.UTC)})
		if probs.HasErrors() {
			b.Fatal(probs.Err())
		}
		b.Run(name, func(b *testing.B) {
			meter := cputime.Start()
			for b.Loop() {
				if err := EncodeSnapshot(io.Discard, r, "2025-11"); err != nil {
					b.Fatal(err)
				}
			}
			meter.Report(b)
		})
	}
}
