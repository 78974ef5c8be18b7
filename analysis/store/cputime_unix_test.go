//go:build unix

package store

import (
	"syscall"
	"time"
)

// processCPU is the CPU time the test process has used, user and system,
// on all its threads: the measure of a benchmark on a shared machine,
// where wall time depends on the neighbours.
func processCPU() (time.Duration, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
