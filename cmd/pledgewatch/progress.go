package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"golang.org/x/term"
)

// progress shows one status line on stderr (rows read, rate, stage) for
// runs longer than a couple of seconds, and only when stderr is a
// terminal: cron logs never get it.
type progress struct {
	mu      sync.Mutex
	w       io.Writer
	start   time.Time
	last    time.Time
	stageAt time.Time
	shown   bool
}

// progressAfter is how long a run goes before the line appears.
const progressAfter = 2 * time.Second

// newProgress returns a progress line on w, or nil when w is not a
// terminal that can redraw a line (see ansiTerminal) or quiet is set; a
// nil *progress does nothing.
func newProgress(w io.Writer, quiet bool) *progress {
	f, ok := w.(*os.File)
	if quiet || !ok || !term.IsTerminal(int(f.Fd())) || !ansiTerminal(f) {
		return nil
	}
	now := time.Now()
	return &progress{w: w, start: now, stageAt: now}
}

// rows reports rows read from one file and sheet.
func (p *progress) rows(file, sheet string, n int) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	now := time.Now()
	if now.Sub(p.start) < progressAfter || now.Sub(p.last) < 250*time.Millisecond {
		return
	}
	p.last = now
	where := file
	if sheet != "" {
		where += " [" + sheet + "]"
	}
	rate := float64(n) / now.Sub(p.stageAt).Seconds()
	fmt.Fprintf(p.w, "\r\033[Kreading %s: %d rows (%.0f rows/s)", where, n, rate)
	p.shown = true
}

// stage reports the start of a stage ("drawing charts").
func (p *progress) stage(name string) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	now := time.Now()
	p.stageAt = now
	if now.Sub(p.start) < progressAfter {
		return
	}
	fmt.Fprintf(p.w, "\r\033[K%s (%.1fs so far)", name, now.Sub(p.start).Seconds())
	p.shown = true
}

// done clears the line.
func (p *progress) done() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.shown {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
