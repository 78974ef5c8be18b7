package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// asWindows makes Write put reports in place as it does on Windows (the
// previous report moved aside, then removed), with removals of folders
// whose names contain failIn failing as Windows fails them while a file
// inside is open.
func asWindows(t *testing.T, failIn string) {
	t.Helper()
	swap0, remove0 := swap, removeAll
	t.Cleanup(func() { swap, removeAll = swap0, remove0 })
	swap = exchangeAside
	removeAll = func(path string) error {
		if failIn != "" && strings.Contains(filepath.Base(path), failIn) {
			return &os.PathError{Op: "unlinkat", Path: filepath.Join(path, "report.txt"), Err: errors.New("the process cannot access the file because it is being used by another process")}
		}
		return remove0(path)
	}
}

// TestWriteSucceedsWhenCleanupFails checks that a report in place is a
// success even when the previous one cannot be removed: a warning says
// so, and the next run removes it.
func TestWriteSucceedsWhenCleanupFails(t *testing.T) {
	asWindows(t, "previous")
	out := t.TempDir()
	final := filepath.Join(out, "2025-11")
	report(t, final, "old")
	var warned []string
	st := Store{Dir: out, Warn: func(err error) { warned = append(warned, err.Error()) }}
	dir, err := st.Write(context.Background(), "2025-11", map[string]File{"report.txt": textFile("new")})
	if err != nil {
		t.Fatalf("the report is in place, yet Write failed: %v", err)
	}
	if dir != final || whichReport(t, final) != "new" {
		t.Errorf("Write returned %s holding %s, want %s holding new", dir, whichReport(t, final), final)
	}
	want := "the new report is in place, but the previous one could not be removed from " + asideName(out, "2025-11") + " (is a file of it open in another program?); the next run removes it: "
	if len(warned) != 1 || !strings.HasPrefix(warned[0], want) {
		t.Errorf("warnings %q, want one starting %q", warned, want)
	}
	if whichReport(t, asideName(out, "2025-11")) != "old" {
		t.Error("the previous report is not left at its aside folder")
	}

	// The next run, for another month, once the file is closed.
	removeAll = os.RemoveAll
	warned = nil
	if _, err := st.Write(context.Background(), "2025-12", map[string]File{"report.txt": textFile("december")}); err != nil {
		t.Fatal(err)
	}
	if l := leftovers(t, out); len(l) > 0 || len(warned) > 0 {
		t.Errorf("left behind %v, warnings %q", l, warned)
	}
}

// TestWriteRecoversEveryMonth starts a run for one month in a folder
// holding what interrupted runs of other months left: a report moved aside
// and not put back, an old report not removed, a half-written folder.
// The run restores the first, removes the others, and writes its own.
func TestWriteRecoversEveryMonth(t *testing.T) {
	asWindows(t, "")
	out := t.TempDir()
	report(t, asideName(out, "2025-10"), "october")            // killed between the renames
	report(t, filepath.Join(out, "2025-09"), "september new")  // killed before removing the old one
	report(t, asideName(out, "2025-09"), "september old")      //
	report(t, filepath.Join(out, TempPrefix+"2025-08-1"), "x") // killed while writing
	var warned []string
	st := Store{Dir: out, Warn: func(err error) { warned = append(warned, err.Error()) }}
	if _, err := st.Write(context.Background(), "2025-11", map[string]File{"report.txt": textFile("november")}); err != nil {
		t.Fatal(err)
	}
	for month, want := range map[string]string{"2025-08": "none", "2025-09": "september new", "2025-10": "october", "2025-11": "november"} {
		if got := whichReport(t, filepath.Join(out, month)); got != want {
			t.Errorf("%s holds %s, want %s", month, got, want)
		}
	}
	if l := leftovers(t, out); len(l) > 0 || len(warned) > 0 {
		t.Errorf("left behind %v, warnings %q", l, warned)
	}
}

// TestWriteStopsWhenItsOldReportIsInTheWay checks the one leftover that
// stops a run: its own month's old report that cannot be removed, which
// would stop the new one from taking its place. The report in place is
// unchanged and the error says so.
func TestWriteStopsWhenItsOldReportIsInTheWay(t *testing.T) {
	asWindows(t, "previous")
	out := t.TempDir()
	final := filepath.Join(out, "2025-11")
	report(t, final, "current")
	report(t, asideName(out, "2025-11"), "older")
	_, err := (Store{Dir: out}).Write(context.Background(), "2025-11", map[string]File{"report.txt": textFile("new")})
	if err == nil || !strings.Contains(err.Error(), "close it and run again") || !strings.HasSuffix(err.Error(), "; the report in "+final+" is unchanged") {
		t.Fatalf("err = %v", err)
	}
	if got := whichReport(t, final); got != "current" {
		t.Errorf("the month holds %s, want current", got)
	}
}
