// Package cputime measures the CPU time of the running process for
// benchmarks: on a shared machine the wall time of a benchmark depends on
// its neighbours, the CPU time it uses much less.
package cputime

import (
	"testing"
	"time"
)

// Meter holds the CPU time the process had used when it was started.
type Meter struct {
	start time.Duration
	ok    bool
}

// Start starts a meter.
func Start() Meter {
	d, ok := process()
	return Meter{d, ok}
}

// Report reports on b the CPU time used since the meter started, per
// operation, as "cpu-ns/op"; nothing where the platform does not give it.
func (m Meter) Report(b *testing.B) {
	if now, ok := process(); m.ok && ok {
		b.ReportMetric(float64(now-m.start)/float64(b.N), "cpu-ns/op")
	}
}
