//go:build unix

package main

import (
	"os"
	"runtime"
	"syscall"
)

// peakRSS returns the peak resident memory of a finished child in MB, or
// 0 when the system does not say.
func peakRSS(ps *os.ProcessState) float64 {
	ru, _ := ps.SysUsage().(*syscall.Rusage)
	if ru == nil {
		return 0
	}
	if runtime.GOOS == "darwin" {
		return float64(ru.Maxrss) / (1 << 20) // bytes on macOS
	}
	return float64(ru.Maxrss) / 1024 // kilobytes on Linux
}
