// Command pledgewatch turns curated spreadsheets of AI-investment pledges
// and metrics into a monthly Excel report with PNG charts.
//
// Usage:
//
//	pledgewatch run [--inputs DIR] [--out DIR] [--month YYYY-MM] [--currency CODE]
//	                [--font PATH] [--log-format text|json] [--quiet] [--lock-timeout D]
//	                [--unread-files warning|error] [--lang en|zh-Hant|zh-Hans]
//	pledgewatch validate [--inputs DIR] [--month YYYY-MM] [--currency CODE] [--unread-files warning|error]
//	pledgewatch extract [--inputs DIR] [--out FILE] ARTICLE...
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
// --lang writes the report's sheet names, headers, sentences and chart
// texts in English (en, the default), Traditional Chinese as written in
// Hong Kong (zh-Hant) or Simplified Chinese as written on the mainland
// (zh-Hans); its figures are the same in every language. Logs and input
// errors stay in English.
//
// validate reads and checks the inputs without writing anything, printing
// every error and warning.
//
// extract reads news articles (.txt, .md, .html files, or folders of
// them) and lists every figure in them, matched against the inputs, in a
// candidates workbook (candidates-YYYY-MM-DD.xlsx, never replacing a
// file): the sheet Candidates, and the new figures as Pledges and Metrics
// rows to review and paste into the inputs. An article that cannot be
// read is named, the others are still read, and the exit code is 1.
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
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"syscall"
	"time"
)

// memoryLimit is the soft limit the garbage collector works to while the
// inputs are read, when the GOMEMLIMIT environment variable sets none;
// large inputs then get buildLimit and every run reportLimit (see
// roomToBuild and makeRoom).
const memoryLimit = 1 << 30

// writeRoom is the room writing a report takes whatever its size (the
// charts' images, the sheets' buffers of rows, the zip's), above the
// heap the built report holds.
const writeRoom = 96 << 20

// reportLimit is the soft limit for writing a report whose live heap is
// live bytes: that heap, an eighth more for what grows with the report,
// and writeRoom. A limit the live heap nearly fills keeps the collector
// running without pause (a million pledges with evidence of delivery,
// about 1 GB live, took 146 s at a limit of 1 GiB and 61 s at 2 GiB);
// a limit far above it lets the heap double before each collection.
// Writing keeps little beyond the report (the rows it is writing, the
// charts it is drawing): at a million pledges with evidence, 700 MB
// live, an eighth peaked at 914-919 MB and a quarter at 977-989 MB,
// with no change in CPU time beyond the runs' spread.
func reportLimit(live int64) int64 { return live + live/8 + writeRoom }

// memoryManaged is set when main has set the soft limit, so that
// makeRoom may set it again.
var memoryManaged bool

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
		memoryManaged = true
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

// bigHeap is the heap in use after reading above which the live heap is
// measured by a collection and the soft limit set to buildLimit of it:
// below it the collector's own pace (the heap doubling between
// collections) costs little memory.
const bigHeap = 256 << 20

// buildLimit is the soft limit for computing a report from inputs whose
// records hold live bytes: computing adds the report's rows and
// findings (a quarter to two fifths of the records at a million
// pledges, with evidence of delivery for a tenth of them) and garbage.
// Without it the heap doubles from the records' size before the first
// collection while computing. A report that added more than half would
// run the collector often, at the cost of time, not of a failed run.
func buildLimit(live int64) int64 { return live + live/2 + writeRoom }

// roomToBuild sets the soft memory limit, when main set it and the
// inputs read are large, to buildLimit of the live heap, collecting to
// measure it.
func roomToBuild() {
	if !memoryManaged {
		return
	}
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 || s[0].Value.Uint64() < bigHeap {
		return
	}
	runtime.GC()
	setLimit(buildLimit)
}

// makeRoom sets the soft memory limit, when main set it, to reportLimit
// of the live heap (as of the last collection), to write the report.
func makeRoom() {
	if memoryManaged {
		setLimit(reportLimit)
	}
}

// setLimit sets the soft memory limit to limit of the live heap as of
// the last collection.
func setLimit(limit func(live int64) int64) {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return
	}
	debug.SetMemoryLimit(limit(int64(s[0].Value.Uint64())))
}
