package store

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/gofrs/flock"
)

// report makes folder dir holding one file, report.txt, that says which
// report it is.
func report(t *testing.T, dir, which string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "report.txt"), []byte(which), 0o644); err != nil {
		t.Fatal(err)
	}
}

// whichReport returns what report.txt in dir says, or "none".
func whichReport(t *testing.T, dir string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "report.txt"))
	if isNotExist(err) {
		return "none"
	}
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// leftovers lists what the report's writers left in out besides the
// month folders and the lock file.
func leftovers(t *testing.T, out string) []string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(out, ".pledgewatch-*"))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func textFile(s string) File { return Bytes([]byte(s)) }

// TestExchange checks the platform's way of putting the new report in
// place, with and without a previous report.
func TestExchange(t *testing.T) {
	for _, ex := range []struct {
		name string
		fn   func(tmp, final, aside string) error
	}{{"exchange", exchange}, {"exchangeAside", exchangeAside}} {
		t.Run(ex.name, func(t *testing.T) {
			out := t.TempDir()
			tmp, final, aside := filepath.Join(out, TempPrefix+"1"), filepath.Join(out, "2025-11"), asideName(out, "2025-11")
			report(t, tmp, "first")
			if err := ex.fn(tmp, final, aside); err != nil {
				t.Fatalf("no previous report: %v", err)
			}
			if got := whichReport(t, final); got != "first" {
				t.Errorf("no previous report: month folder holds %s", got)
			}
			report(t, tmp, "second")
			if err := ex.fn(tmp, final, aside); err != nil {
				t.Fatalf("previous report: %v", err)
			}
			if got := whichReport(t, final); got != "second" {
				t.Errorf("previous report: month folder holds %s", got)
			}
			// tmp holds the previous report after a swap, or nothing.
			if got := whichReport(t, tmp); got != "first" && got != "none" {
				t.Errorf("previous report: new folder holds %s afterwards", got)
			}
			if _, err := os.Stat(aside); !isNotExist(err) {
				t.Errorf("previous report left at %s", aside)
			}
		})
	}
}

// TestWriteReportRecovers starts runs from what a run killed inside
// exchangeAside leaves, and checks that the previous report survives a
// failed run and that a later run cleans up.
func TestWriteReportRecovers(t *testing.T) {
	fail := func(w io.Writer) error { return errors.New("disk full") }
	for _, tt := range []struct {
		name        string
		final       string // what the month folder holds before the run ("" for nothing)
		aside       string // what the aside folder holds before the run
		afterFailed string // what the month folder holds after a failed run
	}{
		{"killed after moving the old report aside", "", "old", "old"},
		{"killed before removing the old report", "new", "old", "new"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out := t.TempDir()
			final, aside := filepath.Join(out, "2025-11"), asideName(out, "2025-11")
			if tt.final != "" {
				report(t, final, tt.final)
			}
			report(t, aside, tt.aside)
			report(t, filepath.Join(out, TempPrefix+"2025-11-123"), "half written")

			_, err := (Store{Dir: out}).Write(context.Background(), "2025-11", map[string]File{"report.txt": fail})
			if err == nil || !strings.Contains(err.Error(), "disk full") {
				t.Fatalf("failing run: err = %v", err)
			}
			if got := whichReport(t, final); got != tt.afterFailed {
				t.Errorf("after a failed run the month folder holds %s, want %s", got, tt.afterFailed)
			}
			if l := leftovers(t, out); len(l) > 0 {
				t.Errorf("after a failed run: left behind %v", l)
			}
			if _, err := (Store{Dir: out}).Write(context.Background(), "2025-11", map[string]File{"report.txt": textFile("latest")}); err != nil {
				t.Fatal(err)
			}
			if got := whichReport(t, final); got != "latest" {
				t.Errorf("month folder holds %s, want latest", got)
			}
			if l := leftovers(t, out); len(l) > 0 {
				t.Errorf("left behind %v", l)
			}
		})
	}
}

// TestWriteReportPaths writes a report under folder and file names with
// spaces and Chinese characters, and refuses names that leave the folder.
func TestWriteReportPaths(t *testing.T) {
	out := filepath.Join(t.TempDir(), "月度 报告", "AI 投资")
	files := map[string]File{
		"report.txt": textFile("new"),
		filepath.Join("charts", "投资 图表.png"): textFile("png"),
	}
	dir, err := (Store{Dir: out}).Write(context.Background(), "2025-11", files)
	if err != nil {
		t.Fatal(err)
	}
	if dir != filepath.Join(out, "2025-11") {
		t.Errorf("report folder %s", dir)
	}
	if data, err := os.ReadFile(filepath.Join(dir, "charts", "投资 图表.png")); err != nil || string(data) != "png" {
		t.Errorf("chart: %q, %v", data, err)
	}
	for _, name := range []string{filepath.Join("..", "escape.txt"), filepath.Join("charts", "..", "..", "x")} {
		if _, err := (Store{Dir: out}).Write(context.Background(), "2025-11", map[string]File{name: textFile("x")}); err == nil || !strings.Contains(err.Error(), "leaves the report folder") {
			t.Errorf("%s: err = %v", name, err)
		}
	}
}

func TestWithin(t *testing.T) {
	dir := filepath.Join(string(filepath.Separator)+"data", "out", "2025-11")
	for _, tt := range []struct {
		path string
		want bool
	}{
		{filepath.Join(dir, "book.xlsx"), true},
		{filepath.Join(dir, "charts", "图表.png"), true},
		{filepath.Join(dir, "..file"), true},
		{dir, true},
		{filepath.Join(dir, ".."), false},
		{filepath.Join(dir, "..", "2025-10", "x"), false},
		{filepath.Join(string(filepath.Separator)+"elsewhere", "x"), false},
	} {
		if got := within(dir, tt.path); got != tt.want {
			t.Errorf("within(%q, %q) = %v, want %v", dir, tt.path, got, tt.want)
		}
	}
}

func TestWriteFileReplace(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "投资.csv")
	for _, content := range []string{"first\r\n", "second\r\n"} {
		if err := writeFileReplace(path, textFile(content)); err != nil {
			t.Fatal(err)
		}
		if data, err := os.ReadFile(path); err != nil || string(data) != content {
			t.Errorf("file holds %q, %v; want %q", data, err, content)
		}
	}
	err := writeFileReplace(path, func(w io.Writer) error {
		io.WriteString(w, "half")
		return errors.New("disk full")
	})
	if err == nil {
		t.Error("failing writer: no error")
	}
	if data, _ := os.ReadFile(path); string(data) != "second\r\n" {
		t.Errorf("a failed write changed the file to %q", data)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("folder holds %d entries, want only the file", len(entries))
	}
	if runtime.GOOS != "windows" {
		if info, err := os.Stat(path); err != nil || info.Mode().Perm() != 0o644 {
			t.Errorf("mode %v, %v; want 0644", info.Mode(), err)
		}
	}
}

// holdLock takes the lock of folder out as another run would.
func holdLock(t *testing.T, out string) {
	t.Helper()
	lock := flock.New(filepath.Join(out, LockName))
	if ok, err := lock.TryLock(); !ok || err != nil {
		t.Fatalf("take lock: %v", err)
	}
	t.Cleanup(func() { lock.Unlock() })
}

func TestTakeLock(t *testing.T) {
	out := t.TempDir()
	// A free lock is taken at once, even without waiting.
	lock, err := takeLock(context.Background(), out, 0)
	if err != nil {
		t.Fatalf("free lock, no wait: %v", err)
	}
	lock.Unlock()

	holdLock(t, out)
	_, err = takeLock(context.Background(), out, 0)
	if err == nil || !strings.Contains(err.Error(), "another pledgewatch run is writing to") {
		t.Errorf("held lock: err = %v", err)
	}

	// Stopped while waiting: the cause (the signal) is named and kept.
	stop := errors.New("interrupt signal received")
	ctx, cancel := context.WithCancelCause(context.Background())
	cancel(stop)
	_, err = takeLock(ctx, out, lockRetry*10)
	if !errors.Is(err, stop) || !strings.Contains(err.Error(), "stopped while waiting for another pledgewatch run") {
		t.Errorf("stopped: err = %v", err)
	}
}
