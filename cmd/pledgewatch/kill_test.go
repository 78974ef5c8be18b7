package main

import (
	"bytes"
	"compress/gzip"
	"image/png"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"pledgewatch/analysis/store"
)

// buildBinary builds pledgewatch once for tests that run it as a process.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "pledgewatch")
	if runtime.GOOS == "windows" {
		bin += ".exe" // or exec will not find it
	}
	cmd := exec.Command("go", "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	return bin
}

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

// TestKilledRunsLeaveCompleteReports kills runs at many moments while they
// write, and checks that the month folder always holds a complete report:
// the previous one or the new one.
func TestKilledRunsLeaveCompleteReports(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the binary many times")
	}
	bin := buildBinary(t)
	out := t.TempDir()
	month := "2025-11"
	args := []string{"run", "--inputs", shippedInputs(t), "--out", out, "--month", month, "--quiet"}
	if err := exec.Command(bin, args...).Run(); err != nil {
		t.Fatalf("first run: %v", err)
	}
	checkComplete(t, filepath.Join(out, month), month)

	r := rand.New(rand.NewPCG(1, 2))
	killedWhileWriting := 0
	for i := 0; i < 40; i++ {
		cmd := exec.Command(bin, args...)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Wait until the run has started writing its new folder, then kill
		// it a random moment later (or at once).
		deadline := time.Now().Add(10 * time.Second)
		for time.Now().Before(deadline) {
			if m, _ := filepath.Glob(filepath.Join(out, store.TempPrefix+"*")); len(m) > 0 {
				killedWhileWriting++
				break
			}
			time.Sleep(200 * time.Microsecond)
		}
		time.Sleep(time.Duration(r.IntN(3000)) * time.Microsecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		checkComplete(t, filepath.Join(out, month), month)
	}
	if killedWhileWriting < 20 {
		t.Errorf("only %d of 40 kills hit a run while it wrote", killedWhileWriting)
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
