//go:build unix

package main

import (
	"bytes"
	"compress/gzip"
	"image/png"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"

	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"pledgewatch/analysis/store"
)

// checkComplete fails unless dir holds a complete report: a workbook that
// opens with every sheet, charts that decode, and a snapshot that reads.
func checkComplete(t *testing.T, dir, month string) {
	t.Helper()
	f, err := excelize.OpenFile(filepath.Join(dir, "pledgewatch-"+month+".xlsx"))
	if err != nil {
		t.Fatalf("%s: workbook: %v", dir, err)
	}
	if n := len(f.GetSheetList()); n < 11 {
		t.Errorf("%s: workbook has %d sheets", dir, n)
	}
	if _, err := f.GetRows("Pledges"); err != nil {
		t.Errorf("%s: Pledges: %v", dir, err)
	}
	f.Close()
	pngs, _ := filepath.Glob(filepath.Join(dir, "charts", "*.png"))
	if len(pngs) < 5 {
		t.Errorf("%s: %d charts", dir, len(pngs))
	}
	for _, p := range pngs {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := png.Decode(bytes.NewReader(data)); err != nil {
			t.Errorf("%s: %v", p, err)
		}
	}
	sf, err := os.Open(filepath.Join(dir, store.SnapshotName(month)))
	if err != nil {
		t.Fatalf("%s: snapshot: %v", dir, err)
	}
	defer sf.Close()
	zr, err := gzip.NewReader(sf)
	if err != nil {
		t.Fatalf("%s: snapshot: %v", dir, err)
	}
	if _, err := bytes.NewBuffer(nil).ReadFrom(zr); err != nil {
		t.Errorf("%s: snapshot: %v", dir, err)
	}
	// Nothing but the report's own files.
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() && !strings.HasSuffix(p, ".png") && !strings.HasSuffix(p, ".svg") && !strings.HasSuffix(p, ".xlsx") && !strings.HasSuffix(p, ".json.gz") {
			t.Errorf("stray file in report: %s", p)
		}
		return nil
	})
}

// TestKilledRunsLeaveCompleteReports kills runs in each of their stages
// and at random moments while they write, and checks that the month
// folder always holds a complete report: the previous one or the new one.
func TestKilledRunsLeaveCompleteReports(t *testing.T) {
	bin := buildBinary(t)
	out := t.TempDir()
	month := "2025-11"
	args := []string{"run", "--inputs", shippedInputs(t), "--out", out, "--month", month, "--quiet"}
	if err := exec.Command(bin, args...).Run(); err != nil {
		t.Fatalf("first run: %v", err)
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
	for range 4 {
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
