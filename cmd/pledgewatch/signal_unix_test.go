//go:build unix

package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A stagedRun is a run of the binary that reports each stage it enters
// to a named pipe and waits there until the test lets it go on (see
// config.stage), so that a test can signal it at a known stage.
type stagedRun struct {
	cmd    *exec.Cmd
	fifo   string
	stderr bytes.Buffer
	done   chan struct{} // closed once the process has ended
	err    error         // of cmd.Wait, once done is closed
}

// hangLimit is how long a staged run may go without reaching its next
// stage or ending before the test gives up on it: it detects a hung run
// and plays no part in timing the signals.
const hangLimit = 2 * time.Minute

// startStaged starts the binary with args, reporting its stages to a new
// named pipe.
func startStaged(t *testing.T, bin string, args ...string) *stagedRun {
	t.Helper()
	r := &stagedRun{fifo: filepath.Join(t.TempDir(), "stages"), done: make(chan struct{})}
	if err := syscall.Mkfifo(r.fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	r.cmd = exec.Command(bin, args...)
	r.cmd.Env = append(os.Environ(), stageFileEnv+"="+r.fifo)
	r.cmd.Stderr = &r.stderr
	if err := r.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { r.err = r.cmd.Wait(); close(r.done) }()
	t.Cleanup(func() {
		select {
		case <-r.done:
		default:
			_ = r.cmd.Process.Kill()
			<-r.done
		}
	})
	return r
}

// await waits until the run has entered its next stage and fails unless
// that is want. The run then waits until go on is called or it is
// signalled.
func (r *stagedRun) await(t *testing.T, want string) {
	t.Helper()
	got := make(chan string, 1)
	go func() {
		f, err := os.Open(r.fifo)
		if err != nil {
			got <- err.Error()
			return
		}
		// The pipe is closed before the stage is handed on: goOn must not
		// find this reader still open and take it for the run's.
		b, err := io.ReadAll(f)
		f.Close()
		if err != nil {
			got <- err.Error()
			return
		}
		got <- strings.TrimSuffix(string(b), "\n")
	}()
	select {
	case s := <-got:
		if s != want {
			t.Fatalf("the run entered stage %q, want %q", s, want)
		}
	case <-r.done:
		t.Fatalf("the run ended (%v) before stage %q\n%s", r.err, want, r.stderr.String())
	case <-time.After(hangLimit):
		t.Fatalf("the run did not reach stage %q", want)
	}
}

// goOn lets the run leave the stage it waits in.
func (r *stagedRun) goOn(t *testing.T) {
	t.Helper()
	opened := make(chan error, 1)
	go func() {
		f, err := os.OpenFile(r.fifo, os.O_WRONLY, 0)
		if err == nil {
			err = f.Close()
		}
		opened <- err
	}()
	select {
	case err := <-opened:
		if err != nil {
			t.Fatal(err)
		}
	case <-r.done:
		t.Fatalf("the run ended (%v) while waiting in a stage\n%s", r.err, r.stderr.String())
	case <-time.After(hangLimit):
		t.Fatal("the run did not wait for the test in its stage")
	}
}

// wait waits for the run to end and returns its exit code.
func (r *stagedRun) wait(t *testing.T) int {
	t.Helper()
	select {
	case <-r.done:
	case <-time.After(hangLimit):
		t.Fatal("the run did not end")
	}
	return r.cmd.ProcessState.ExitCode()
}

// TestInterruptedRuns sends SIGTERM to a run in each of its stages, from
// reading the inputs to having written the workbook: each ends with exit
// 3 and a message saying it was interrupted, and the previous report
// stays whole and unchanged. A run let through every stage writes its
// report.
func TestInterruptedRuns(t *testing.T) {
	bin := buildBinary(t)
	out := t.TempDir()
	args := []string{"run", "--inputs", shippedInputs(t), "--out", out, "--month", "2025-11", "--quiet"}
	first := startStaged(t, bin, args...)
	for _, s := range stages {
		first.await(t, s)
		first.goOn(t)
	}
	if code := first.wait(t); code != exitOK {
		t.Fatalf("a run let through every stage: exit %d\n%s", code, first.stderr.String())
	}
	book := filepath.Join(out, "2025-11", "pledgewatch-2025-11.xlsx")
	before, err := os.ReadFile(book)
	if err != nil {
		t.Fatal(err)
	}
	for i, stage := range stages {
		r := startStaged(t, bin, args...)
		for _, s := range stages[:i] {
			r.await(t, s)
			r.goOn(t)
		}
		r.await(t, stage)
		if err := r.cmd.Process.Signal(syscall.SIGTERM); err != nil {
			t.Fatal(err)
		}
		code := r.wait(t)
		if code != exitFailure || !strings.Contains(r.stderr.String(), "interrupted") {
			t.Errorf("SIGTERM in stage %q: exit %d (%v), stderr %q; want exit %d and interrupted", stage, code, r.err, r.stderr.String(), exitFailure)
		}
		now, err := os.ReadFile(book)
		if err != nil || !bytes.Equal(now, before) {
			t.Errorf("SIGTERM in stage %q: the previous report changed (%v)", stage, err)
		}
		checkComplete(t, filepath.Join(out, "2025-11"), "2025-11")
	}
}
