package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gofrs/flock"
	"github.com/xuri/excelize/v2"

	"pledgewatch/analysis/store"
)

func TestMain(m *testing.M) {
	// A fixed today, so that "announced in the future" and the default
	// month do not depend on when the tests run.
	clock = func() time.Time { return time.Date(2025, 12, 15, 9, 0, 0, 0, time.UTC) }
	code := m.Run()
	if sharedDir != "" {
		os.RemoveAll(sharedDir)
	}
	os.Exit(code)
}

// runCmd runs the command line as a user would and returns the exit code,
// stdout and stderr.
func runCmd(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

func shippedInputs(t *testing.T) string {
	t.Helper()
	p, err := filepath.Abs("../../inputs")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// A sharedRun is a run of the command line into an output folder of its
// own, made once for the tests that only read what it wrote.
type sharedRun struct {
	out            string
	code           int
	stdout, stderr string
}

// shippedRun runs the shipped inputs for shippedMonth, once.
var shippedRun = sync.OnceValues(func() (sharedRun, error) {
	dir, err := shared()
	if err != nil {
		return sharedRun{}, err
	}
	in, err := filepath.Abs("../../inputs")
	if err != nil {
		return sharedRun{}, err
	}
	r := sharedRun{out: filepath.Join(dir, "shipped")}
	var out, errb bytes.Buffer
	r.code = Run(context.Background(), []string{"run", "--inputs", in, "--out", r.out, "--month", shippedMonth}, &out, &errb)
	r.stdout, r.stderr = out.String(), errb.String()
	return r, nil
})

// shippedReport returns the shared run of the shipped inputs, failing
// unless it succeeded.
func shippedReport(t *testing.T) sharedRun {
	t.Helper()
	r, err := shippedRun()
	if err != nil {
		t.Fatal(err)
	}
	if r.code != exitOK {
		t.Fatalf("run of the shipped inputs: exit %d\n%s", r.code, r.stderr)
	}
	return r
}

func TestRunShippedInputs(t *testing.T) {
	run := shippedReport(t)
	out, stdout, stderr := run.out, run.stdout, run.stderr
	book := filepath.Join(out, "2025-11", "pledgewatch-2025-11.xlsx")
	if strings.TrimSpace(stdout) != book {
		t.Errorf("stdout = %q, want the workbook path %q", stdout, book)
	}
	if !strings.Contains(stderr, "report written") {
		t.Errorf("no log line with the totals on stderr: %s", stderr)
	}
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	checkComplete(t, filepath.Join(out, "2025-11"), "2025-11")
	// The headline figure of the seed articles is in the Summary.
	rows, err := f.GetRows("Summary")
	if err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	for _, r := range rows {
		all.WriteString(strings.Join(r, " | "))
		all.WriteString("\n")
	}
	for _, s := range []string{"budgeted at less than US$13.0B for 2023, expected to reach US$32.0B in 2025, more than 2.46x the budget", "above 56.9%"} {
		if !strings.Contains(all.String(), s) {
			t.Errorf("Summary lacks %q:\n%s", s, all.String())
		}
	}
	// Nothing but the month folder and the lock file is left in the output folder.
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		if e.Name() != "2025-11" && e.Name() != store.LockName {
			t.Errorf("left in the output folder: %s", e.Name())
		}
	}
}

func TestUsage(t *testing.T) {
	tests := []struct {
		args []string
		code int
		msg  string
	}{
		{nil, exitUsage, "Usage:"},
		{[]string{"frobnicate"}, exitUsage, `unknown command "frobnicate"`},
		{[]string{"run", "--month", "2025-13"}, exitUsage, `--month "2025-13": use the form YYYY-MM`},
		{[]string{"run", "--currency", "XYZ"}, exitUsage, `--currency "XYZ"`},
		{[]string{"run", "--nope"}, exitUsage, "flag provided but not defined: -nope"},
		{[]string{"run", "extra"}, exitUsage, `unexpected argument "extra"`},
		{[]string{"validate", "--log-format", "xml"}, exitUsage, `--log-format "xml"`},
		{[]string{"run", "-h"}, exitOK, "-month"},
		{[]string{"validate", "-h"}, exitOK, "-inputs"},
	}
	for _, tt := range tests {
		code, _, stderr := runCmd(t, tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.msg) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and %q", tt.args, code, stderr, tt.code, tt.msg)
		}
	}
	code, stdout, _ := runCmd(t, "version")
	if code != exitOK || !strings.HasPrefix(stdout, "pledgewatch "+Version) {
		t.Errorf("version: %d %q", code, stdout)
	}
}

func TestValidateShippedInputs(t *testing.T) {
	code, stdout, stderr := runCmd(t, "validate", "--inputs", shippedInputs(t), "--month", "2025-11")
	if code != exitOK || !strings.Contains(stdout, "inputs are valid") {
		t.Fatalf("exit %d, stdout %q, stderr %s", code, stdout, stderr)
	}
}

func TestLockedOutputWaitsThenFails(t *testing.T) {
	out := t.TempDir()
	lock := flock.New(filepath.Join(out, store.LockName))
	if ok, err := lock.TryLock(); !ok || err != nil {
		t.Fatalf("take lock: %v", err)
	}
	defer lock.Unlock()
	start := time.Now()
	code, _, stderr := runCmd(t, "run", "--inputs", shippedInputs(t), "--out", out, "--month", "2025-11", "--lock-timeout", "300ms")
	if code != exitFailure || !strings.Contains(stderr, "another pledgewatch run is writing to") || !strings.Contains(stderr, "it has held it for") {
		t.Fatalf("exit %d, stderr %s; want 3 and the lock message with the holder's age", code, stderr)
	}
	if time.Since(start) < 300*time.Millisecond {
		t.Errorf("gave up before the lock timeout")
	}
	if _, err := os.Stat(filepath.Join(out, "2025-11")); !os.IsNotExist(err) {
		t.Errorf("a report was written while another run held the lock")
	}
}

func TestReRunReplacesReport(t *testing.T) {
	out := t.TempDir()
	for i := 0; i < 2; i++ {
		if code, _, stderr := runCmd(t, "run", "--inputs", shippedInputs(t), "--out", out, "--month", "2025-11", "--quiet"); code != exitOK {
			t.Fatalf("run %d: exit %d: %s", i, code, stderr)
		}
	}
	entries, _ := os.ReadDir(out)
	if len(entries) != 2 { // 2025-11 and the lock file
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("output folder holds %v", names)
	}
}

func TestNegativeLockTimeout(t *testing.T) {
	code, _, stderr := runCmd(t, "run", "--out", t.TempDir(), "--lock-timeout", "-1s")
	if code != exitUsage || !strings.Contains(stderr, `--lock-timeout -1s`) {
		t.Errorf("exit %d, stderr %s; want 2 and the flag named", code, stderr)
	}
}
