// Package store keeps pledgewatch's reports in an output folder, one
// folder per month (YYYY-MM) holding the workbook, the charts and a
// snapshot of the report that the next month's report is compared with.
//
// A month's folder is replaced all or nothing: its files are written and
// synced into a new folder beside it, which then takes its place in one
// atomic swap where the file system has one (renameat2 RENAME_EXCHANGE on
// Linux, renamex_np RENAME_SWAP on macOS), and in two renames elsewhere,
// with a recovery the next run does. Runs on the same output folder take
// turns through a lock file. This is the one package besides the command
// that works with files by name.
package store

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/gofrs/flock"
)

// LockName is the lock file in the output folder that keeps two runs from
// writing at once.
const LockName = ".pledgewatch.lock"

// TempPrefix starts the names of the folders, beside the month folders, a
// report is built in before it takes its month's place.
const TempPrefix = ".pledgewatch-tmp-"

var monthRE = regexp.MustCompile(`^\d{4}-(0[1-9]|1[0-2])$`)

// IsMonth reports whether s names a month as the store's folders do:
// YYYY-MM.
func IsMonth(s string) bool { return monthRE.MatchString(s) }

// Store is an output folder of monthly reports.
type Store struct {
	// Dir is the output folder; Write creates it when missing.
	Dir string
	// LockTimeout is how long Write waits while another run writes to
	// Dir; with 0 it tries once.
	LockTimeout time.Duration
	// Warn, when set, is told what Write could not tidy up while the
	// report still stands: an old folder it could not remove (the next
	// Write tries again), one left by another month's interrupted run
	// that it could not restore.
	Warn func(err error)
}

// Seams for tests: the platform's folder swap and folder removal.
var (
	swap      = exchange
	removeAll = os.RemoveAll
)

func (s Store) warn(err error) {
	if s.Warn != nil {
		s.Warn(err)
	}
}

// File writes one file of a report to w.
type File func(w io.Writer) error

// Bytes is a File that writes data.
func Bytes(data []byte) File {
	return func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	}
}

// Write writes files (paths relative to the month's folder, with / or the
// platform's separator) as Dir/month/ and returns that folder, all or
// nothing: every file is written and synced into a new folder beside the
// old one, and the new folder then takes the old one's place (see
// exchange for how on each platform). A crash or kill at any point leaves
// either the previous complete report or the new complete one, and the
// next Write clears away what was left. The files are written at once,
// each on its own goroutine. Writes to the same Dir take turns through
// the lock file LockName; one that cannot get it within LockTimeout
// fails, saying why.
func (s Store) Write(ctx context.Context, month string, files map[string]File) (string, error) {
	out := s.Dir
	if err := os.MkdirAll(out, 0o755); err != nil {
		return "", fmt.Errorf("create output folder: %w", err)
	}
	lock, err := takeLock(ctx, out, s.LockTimeout)
	if err != nil {
		return "", err
	}
	defer lock.Unlock()

	final := filepath.Join(out, month)
	aside := asideName(out, month)
	if err := s.recover(out, month); err != nil {
		return "", err
	}

	tmp, err := os.MkdirTemp(out, TempPrefix+month+"-")
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
	if err := swap(tmp, final, aside); err != nil {
		var left *leftover
		if !errors.As(err, &left) {
			return "", fmt.Errorf("put report in place: %w", explainRename(err))
		}
		// The new report is in place; only the old one is left over.
		s.warn(fmt.Errorf("the new report is in place, but the previous one could not be removed from %s (is a file of it open in another program?); the next run removes it: %w", left.path, left.err))
	}
	if err := syncDir(out); err != nil {
		return "", fmt.Errorf("put report in place: %w", err)
	}
	return final, nil
}

// lockRetry is how often a run waiting for the lock tries again.
const lockRetry = 100 * time.Millisecond

// takeLock takes the lock file of folder out, waiting up to wait for
// another run to release it (with wait 0 it tries once). The error says
// why the lock could not be had: another run holds it, the folder cannot
// be written, or ctx ended while waiting.
func takeLock(ctx context.Context, out string, wait time.Duration) (*flock.Flock, error) {
	path := filepath.Join(out, LockName)
	lock := flock.New(path)
	ok, err := lock.TryLock()
	if !ok && err == nil && wait > 0 {
		lctx, cancel := context.WithTimeout(ctx, wait)
		ok, err = lock.TryLockContext(lctx, lockRetry)
		cancel()
	}
	if ok {
		// The lock file's time says since when it is held, for the
		// message of a run that has to wait.
		now := time.Now()
		_ = os.Chtimes(path, now, now)
		return lock, nil
	}
	return nil, lockError(ctx, out, path, wait, err)
}

// heldFor says how long the lock file at path has been held, from its
// time; "" when that cannot be told.
func heldFor(path string) string {
	info, err := os.Stat(path)
	if err != nil {
		return ""
	}
	d := time.Since(info.ModTime()).Round(time.Second)
	if d < 0 {
		return ""
	}
	return fmt.Sprintf(" (it has held it for %s, since %s)", d, info.ModTime().Format("2006-01-02 15:04:05"))
}

// lockError explains why the lock file path in folder out was not taken;
// err is what the attempt returned (nil when another run holds the lock).
func lockError(ctx context.Context, out, path string, wait time.Duration, err error) error {
	switch {
	case ctx.Err() != nil:
		return fmt.Errorf("stopped while waiting for another pledgewatch run to release %s: %w", path, context.Cause(ctx))
	case err == nil || errors.Is(err, context.DeadlineExceeded):
		return fmt.Errorf("another pledgewatch run is writing to %s and still holds %s after %s%s; try again when it has finished (or raise --lock-timeout)",
			out, path, wait, heldFor(path))
	case isReadOnly(err):
		return fmt.Errorf("cannot create the lock file %s: the output folder is on a read-only file system; choose another --out folder: %w", path, err)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("cannot create the lock file %s: no permission to write in the output folder; choose another --out folder or fix its permissions: %w", path, err)
	}
	return fmt.Errorf("take the lock %s: %w", path, err)
}

// exchangeAside puts folder tmp at final in two renames, for file systems
// that cannot swap two folders in one: the previous report is moved aside
// first, the new one takes its place, and the old one is removed. A crash
// between the renames leaves the previous report whole at aside, where the
// next run finds it and puts it back before doing anything else (see
// Store.Write); a crash after them leaves aside for the next run to remove.
func exchangeAside(tmp, final, aside string) error {
	if err := os.Rename(final, aside); err != nil {
		if isNotExist(err) {
			return os.Rename(tmp, final) // no previous report
		}
		return err
	}
	if err := os.Rename(tmp, final); err != nil {
		if rerr := os.Rename(aside, final); rerr != nil {
			return errors.Join(err, fmt.Errorf("previous report left at %s for the next run to restore: %w", aside, rerr))
		}
		return err
	}
	if err := removeAll(aside); err != nil {
		return &leftover{aside, err}
	}
	return nil
}

// leftover is the error of an exchange that put the new report in place
// but could not remove the previous one: the run has succeeded.
type leftover struct {
	path string
	err  error
}

func (l *leftover) Error() string { return "remove " + l.path + ": " + l.err.Error() }
func (l *leftover) Unwrap() error { return l.err }

// recover tidies what runs that were killed or could not clean up left in
// folder out, for every month: the lock says no run is using them. A
// previous report moved aside (see exchangeAside) goes back if its month
// has no report; if it has one, the new report was already in place and
// the old one is removed. Temporary folders are removed. Only a report of
// this run's month that cannot be put back or removed stops the run: the
// run would replace it, or find it in the way. Anything else is a warning,
// tried again next time.
func (s Store) recover(out, month string) error {
	asides, _ := filepath.Glob(asideName(out, "*"))
	for _, a := range asides {
		m := strings.TrimPrefix(filepath.Base(a), filepath.Base(asideName(out, "")))
		if !IsMonth(m) {
			continue
		}
		final := filepath.Join(out, m)
		if _, err := os.Stat(final); isNotExist(err) {
			if err := os.Rename(a, final); err != nil {
				err = fmt.Errorf("restore the previous report of %s from %s (is a file of it open in another program? close it and run again): %w", m, a, err)
				if m == month {
					return err
				}
				s.warn(err)
			}
			continue
		}
		if err := removeAll(a); err != nil {
			err = fmt.Errorf("remove the previous report of %s left at %s (is a file of it open in another program? close it and run again): %w", m, a, err)
			if m == month {
				// The swap would fail with the old folder in its way.
				return fmt.Errorf("%w; the report in %s is unchanged", err, final)
			}
			s.warn(fmt.Errorf("%w; the next run tries again", err))
		}
	}
	stale, _ := filepath.Glob(filepath.Join(out, TempPrefix+"*"))
	for _, t := range stale {
		if err := removeAll(t); err != nil {
			s.warn(fmt.Errorf("remove the unfinished report folder %s; the next run tries again: %w", t, err))
		}
	}
	return nil
}

// bufferSize is the buffer of each file written: enough to write in few
// calls, small enough that some forty files at once take little memory.
const bufferSize = 64 << 10

// writeFileReplace writes a file into a temporary file beside path, syncs
// it and renames it to path only once complete: writeFile where renameio
// is not available.
func writeFileReplace(path string, write File) (err error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	bw := bufio.NewWriterSize(f, bufferSize)
	if err := write(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}

// asideName is where exchangeAside moves a previous report on file
// systems that cannot swap folders.
func asideName(out, month string) string {
	return filepath.Join(out, ".pledgewatch-previous-"+month)
}

// within reports whether path lies inside dir.
func within(dir, path string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !filepath.IsAbs(rel) && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

func isNotExist(err error) bool { return errors.Is(err, fs.ErrNotExist) }
