package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"time"

	"github.com/gofrs/flock"
	"github.com/google/renameio/v2"
	"golang.org/x/sys/unix"
)

// lockName is the lock file in the output folder that keeps two runs from
// writing at once.
const lockName = ".pledgewatch.lock"

// tmpPrefix starts the names of folders a run builds its report in.
const tmpPrefix = ".pledgewatch-tmp-"

// writeReport writes files (paths relative to the month's folder) as
// out/month/, all or nothing: every file is written and synced into a new
// folder beside the old one, and the two folders are then exchanged in one
// atomic rename. A crash or kill at any point leaves either the previous
// complete report or the new complete one. Runs on the same out folder
// take turns through a lock file; a run that cannot get it within wait
// fails.
func writeReport(ctx context.Context, out, month string, files map[string]writerTo, wait time.Duration) (string, error) {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return "", fmt.Errorf("create output folder: %w", err)
	}
	lock := flock.New(filepath.Join(out, lockName))
	lctx, cancel := context.WithTimeout(ctx, wait)
	defer cancel()
	ok, err := lock.TryLockContext(lctx, 100*time.Millisecond)
	if !ok || err != nil {
		return "", fmt.Errorf("another pledgewatch run is writing to %s and still holds %s after %s; try again when it has finished (or raise --lock-timeout)",
			out, filepath.Join(out, lockName), wait)
	}
	defer lock.Unlock()

	// Folders left by a run that was killed: the lock says no run is using
	// them. A previous report moved aside (see exchange) goes back first.
	final := filepath.Join(out, month)
	if _, err := os.Stat(final); isNotExist(err) {
		if _, err := os.Stat(asideName(out, month)); err == nil {
			if err := os.Rename(asideName(out, month), final); err != nil {
				return "", fmt.Errorf("restore previous report: %w", err)
			}
		}
	}
	stale, _ := filepath.Glob(filepath.Join(out, tmpPrefix+"*"))
	for _, s := range stale {
		os.RemoveAll(s)
	}

	tmp, err := os.MkdirTemp(out, tmpPrefix+month+"-")
	if err != nil {
		return "", fmt.Errorf("create report folder: %w", err)
	}
	defer os.RemoveAll(tmp) // after the exchange it holds the previous report
	if err := os.Chmod(tmp, 0o755); err != nil {
		return "", fmt.Errorf("create report folder: %w", err)
	}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	dirs := map[string]bool{tmp: true}
	for _, n := range names {
		p := filepath.Join(tmp, n)
		if !within(tmp, p) {
			return "", fmt.Errorf("write report: file name %q leaves the report folder", n)
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return "", fmt.Errorf("write report: %w", err)
		}
		dirs[filepath.Dir(p)] = true
	}
	if err := ctx.Err(); err != nil {
		return "", fmt.Errorf("write report: %w", err)
	}
	// The files are written at once: the workbook and the snapshot each
	// keep a core busy. Errors are reported in file name order.
	errs := make([]error, len(names))
	var wg sync.WaitGroup
	for i, n := range names {
		wg.Go(func() { errs[i] = writeFile(filepath.Join(tmp, n), files[n]) })
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			return "", fmt.Errorf("write report: %s: %w", names[i], err)
		}
	}
	for d := range dirs {
		if err := syncDir(d); err != nil {
			return "", fmt.Errorf("write report: %w", err)
		}
	}
	if err := ctx.Err(); err != nil {
		return "", fmt.Errorf("write report: %w", err)
	}
	if err := exchange(tmp, final, asideName(out, month)); err != nil {
		return "", fmt.Errorf("put report in place: %w", err)
	}
	if err := syncDir(out); err != nil {
		return "", fmt.Errorf("put report in place: %w", err)
	}
	return final, nil
}

// exchange puts folder tmp at final. Where final exists the two are
// swapped atomically (renameat2 RENAME_EXCHANGE), so tmp then holds the
// old report; the standard library has no call for this.
func exchange(tmp, final, aside string) error {
	err := unix.Renameat2(unix.AT_FDCWD, tmp, unix.AT_FDCWD, final, unix.RENAME_EXCHANGE)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, unix.ENOENT):
		return os.Rename(tmp, final) // no previous report
	case errors.Is(err, unix.ENOSYS) || errors.Is(err, unix.EINVAL):
		// A file system without exchange: move the old report aside first.
		// A crash between the two renames leaves it aside, where the next
		// run finds it and puts it back before doing anything else.
		if err := os.Rename(final, aside); err != nil {
			return err
		}
		if err := os.Rename(tmp, final); err != nil {
			os.Rename(aside, final)
			return err
		}
		return os.RemoveAll(aside)
	}
	return err
}

// writerTo writes one file of the report.
type writerTo func(w io.Writer) error

// bytesFile is a writerTo for data already made.
func bytesFile(data []byte) writerTo {
	return func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	}
}

// writeFile writes a file through renameio: into a temporary file that
// is synced and renamed to path only once complete.
func writeFile(path string, write writerTo) error {
	pf, err := renameio.NewPendingFile(path, renameio.WithPermissions(0o644))
	if err != nil {
		return err
	}
	defer pf.Cleanup()
	bw := bufio.NewWriterSize(pf, 1<<20)
	if err := write(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return pf.CloseAtomicallyReplace()
}

// asideName is where exchange moves a previous report on file systems
// that cannot swap folders.
func asideName(out, month string) string {
	return filepath.Join(out, ".pledgewatch-previous-"+month)
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// within reports whether path lies inside dir.
func within(dir, path string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !filepath.IsAbs(rel) && (len(rel) < 3 || rel[:3] != "../")
}
