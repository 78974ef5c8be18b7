//go:build unix

package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// bigInputs writes an inputs folder whose run takes a few seconds.
func bigInputs(t *testing.T, rows int) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	_ = sw.SetRow("A1", []any{"id", "announced", "investor", "program", "amount", "years", "source"})
	for i := 0; i < rows; i++ {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		_ = sw.SetRow(cell, []any{"p" + strconv.Itoa(i), "2025-01-01", "Investor " + strconv.Itoa(i%97), "Program " + strconv.Itoa(i),
			"US$" + strconv.Itoa(1+i%500) + " million", 1 + i%5, "Source " + strconv.Itoa(i%13)})
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	f.SetSheetName("Sheet1", "Pledges")
	dir := t.TempDir()
	if err := f.SaveAs(filepath.Join(dir, "big.xlsx")); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestInterruptedRuns sends SIGTERM to runs at several moments, from
// reading the inputs to writing the report: each ends with exit 3 and a
// message saying it was interrupted, and the previous report stays whole
// and unchanged.
func TestInterruptedRuns(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the binary many times")
	}
	bin := buildBinary(t)
	in, out := bigInputs(t, 30000), t.TempDir()
	first := exec.Command(bin, "run", "--inputs", in, "--out", out, "--month", "2025-11", "--quiet")
	if msg, err := first.CombinedOutput(); err != nil {
		t.Fatalf("first run: %v\n%s", err, msg)
	}
	book := filepath.Join(out, "2025-11", "pledgewatch-2025-11.xlsx")
	before, err := os.ReadFile(book)
	if err != nil {
		t.Fatal(err)
	}
	interrupted := 0
	for _, after := range []time.Duration{50 * time.Millisecond, 300 * time.Millisecond, 800 * time.Millisecond, 1500 * time.Millisecond} {
		cmd := exec.Command(bin, "run", "--inputs", in, "--out", out, "--month", "2025-11", "--quiet")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(after)
		if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case err = <-done:
		case <-time.After(30 * time.Second):
			_ = cmd.Process.Kill()
			t.Fatalf("SIGTERM after %v: the run did not end", after)
		}
		code := cmd.ProcessState.ExitCode()
		if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			// The signal came before main had set up its handler (the
			// runtime and package set-up take up to 0.1 s on a busy
			// machine): the default action ended the process before it
			// read anything. The previous report must still be whole.
			if now, err := os.ReadFile(book); err != nil || !bytes.Equal(now, before) {
				t.Errorf("SIGTERM after %v, before the handler: the previous report changed (%v)", after, err)
			}
			continue
		}
		if code == 0 {
			// The run finished before the signal arrived: nothing to check.
			continue
		}
		interrupted++
		if code != exitFailure || !strings.Contains(stderr.String(), "interrupted") {
			t.Errorf("SIGTERM after %v: exit %d (%v), stderr %q; want exit %d and interrupted", after, code, err, stderr.String(), exitFailure)
		}
		now, err := os.ReadFile(book)
		if err != nil || !bytes.Equal(now, before) {
			t.Errorf("SIGTERM after %v: the previous report changed (%v)", after, err)
		}
		checkComplete(t, filepath.Join(out, "2025-11"), "2025-11")
	}
	if interrupted < 2 {
		t.Errorf("only %d of 4 runs were still going when signalled; the test needs a bigger input", interrupted)
	}
}
