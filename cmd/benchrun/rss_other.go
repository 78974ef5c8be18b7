//go:build !unix

package main

import "os"

// peakRSS returns 0: this system does not report a child's peak memory
// through os.ProcessState.
func peakRSS(ps *os.ProcessState) float64 { return 0 }
