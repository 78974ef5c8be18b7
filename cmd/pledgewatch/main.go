// Command pledgewatch turns curated spreadsheets of AI-investment pledges
// and metrics into a monthly Excel report with PNG charts.
//
// Usage:
//
//	pledgewatch run [--inputs DIR] [--out DIR] [--month YYYY-MM] [--currency CODE]
//	                [--font PATH] [--log-format text|json] [--quiet] [--lock-timeout D]
//	                [--unread-files warning|error]
//	pledgewatch validate [--inputs DIR] [--month YYYY-MM] [--currency CODE] [--unread-files warning|error]
//	pledgewatch version
//
// run reads every .xlsx file (and pledges.csv, metrics.csv, fx.csv) in the
// inputs folder, checks every cell, converts every amount into one
// currency, and writes DIR/YYYY-MM/pledgewatch-YYYY-MM.xlsx and, for
// each chart, DIR/YYYY-MM/charts/NAME.png (1200x700 pixels), NAME@2x.png
// (twice the size, for slides) and NAME.svg (vector, its text in the
// chart font's family). The month is the cut-off: pledges announced
// after its last day are left out. On success it prints the workbook's
// path.
//
// validate reads and checks the inputs without writing anything, printing
// every error and warning.
//
// Exit codes: 0 done; 1 the inputs are invalid (nothing was written);
// 2 wrong usage; 3 any other failure (the previous report is left as it
// was).
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
	"time"
)

// memoryLimit is the soft limit the garbage collector works to when the
// GOMEMLIMIT environment variable sets none: small runs never reach it; a
// million-row run stays near it at the cost of some extra collection.
const memoryLimit = 1 << 30

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	ctx, cancel := context.WithCancel(context.Background())
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case s := <-sig:
			// The run stops at its next check of ctx; reading, computing
			// and drawing do not check it, so a run that has not ended
			// after a grace period is ended here. That is as safe as a
			// kill: the new report is swapped in whole or not at all, and
			// the next run removes what is left over.
			cancel()
			select {
			case <-done:
			case <-time.After(interruptGrace):
				fmt.Fprintf(os.Stderr, "error: interrupted by %v; the previous report is unchanged\n", s)
				os.Exit(exitFailure)
			}
		case <-done:
		}
	}()
	code := Run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	close(done)
	signal.Stop(sig)
	os.Exit(code)
}

// interruptGrace is how long an interrupted run may take to stop by
// itself before it is ended.
const interruptGrace = 500 * time.Millisecond
