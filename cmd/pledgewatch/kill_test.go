//go:build unix

package main

import (
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
	"time"

	"pledgewatch/analysis/store"
)

// TestKilledRunsLeaveCompleteReports kills runs in each of their stages
// and at random moments while they write, and checks that the month
// folder always holds a complete report: the previous one or the new one.
func TestKilledRunsLeaveCompleteReports(t *testing.T) {
	bin := buildBinary(t)
	out := t.TempDir()
	month := "2025-11"
	args := []string{"run", "--inputs", shippedInputs(t), "--out", out, "--month", month, "--quiet"}
	// The previous report: a copy of the shared one.
	if err := os.CopyFS(filepath.Join(out, month), os.DirFS(filepath.Join(shippedReport(t).out, month))); err != nil {
		t.Fatal(err)
	}
	checkComplete(t, filepath.Join(out, month), month)

	// killIn starts a run, lets it through the stages before stages[last],
	// waits until it enters that one, lets it go on too when goOn is set,
	// waits the given time, and kills it.
	killIn := func(last int, goOn bool, after time.Duration) {
		t.Helper()
		r := startStaged(t, bin, args...)
		for i, s := range stages[:last+1] {
			r.await(t, s)
			if i < last || goOn {
				r.goOn(t)
			}
		}
		if stages[last] == stageWritten && !goOn {
			// The run is writing its new report, not yet in place, into
			// its own temporary folder (an earlier run's was removed as
			// it began).
			m, _ := filepath.Glob(filepath.Join(out, store.TempPrefix+"*"))
			if len(m) != 1 {
				t.Errorf("a run waiting in stage %q: temporary folders %v, want its own", stageWritten, m)
			}
		}
		time.Sleep(after)
		if err := r.cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		r.wait(t)
		checkComplete(t, filepath.Join(out, month), month)
	}
	for i := range stages {
		killIn(i, false, 0)
	}
	// Kills at random moments, up to 3 ms, after the run has begun to
	// write its files and after its workbook is written.
	r := rand.New(rand.NewPCG(1, 2))
	for range 3 {
		killIn(slices.Index(stages, stageWriting), true, time.Duration(r.IntN(3000))*time.Microsecond)
		killIn(slices.Index(stages, stageWritten), true, time.Duration(r.IntN(3000))*time.Microsecond)
	}
	// The next run cleans up what the killed ones left.
	if err := exec.Command(bin, args...).Run(); err != nil {
		t.Fatalf("last run: %v", err)
	}
	checkComplete(t, filepath.Join(out, month), month)
	if m, _ := filepath.Glob(filepath.Join(out, ".pledgewatch-*")); len(m) > 0 {
		t.Errorf("left behind: %v", m)
	}
}
