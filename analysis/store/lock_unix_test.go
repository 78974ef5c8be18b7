//go:build unix

package store

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestLockInterrupted sends the test itself an interrupt, as Ctrl-C does,
// to a run waiting for a lock held by another run.
func TestLockInterrupted(t *testing.T) {
	out := t.TempDir()
	holdLock(t, out)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := syscall.Kill(os.Getpid(), syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	<-ctx.Done()
	_, err := (Store{Dir: out, LockTimeout: lockRetry * 10}).Write(ctx, "2025-11", map[string]File{"report.txt": textFile("new")})
	if err == nil || !strings.Contains(err.Error(), "stopped while waiting") || !strings.Contains(err.Error(), "interrupt") {
		t.Errorf("err = %v; want it stopped by the interrupt", err)
	}
}

// TestLockPermissionDenied takes the lock in a folder the run may not
// write in: read and execute only for an ordinary user, and immutable
// (chattr +i) for root, whom permissions do not stop.
func TestLockPermissionDenied(t *testing.T) {
	out := t.TempDir()
	if os.Geteuid() == 0 {
		if msg, err := exec.Command("chattr", "+i", out).CombinedOutput(); err != nil {
			t.Skipf("running as root and chattr +i failed, so no folder is closed to this test: %v %s", err, msg)
		}
		t.Cleanup(func() { exec.Command("chattr", "-i", out).Run() })
	} else {
		if err := os.Chmod(out, 0o555); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(out, 0o755) })
	}
	_, err := (Store{Dir: out, LockTimeout: lockRetry * 10}).Write(context.Background(), "2025-11", map[string]File{"report.txt": textFile("new")})
	if !errors.Is(err, fs.ErrPermission) || !strings.Contains(err.Error(), "no permission to write in the output folder") {
		t.Errorf("err = %v; want the permission named", err)
	}
	if strings.Contains(err.Error(), "another pledgewatch run") {
		t.Errorf("err = %v blames another run", err)
	}
}

// TestLockError checks the message for each cause of a failed lock, as
// the lock file's open returns them.
func TestLockError(t *testing.T) {
	path := filepath.Join("out", LockName)
	open := func(errno syscall.Errno) error { return &fs.PathError{Op: "open", Path: path, Err: errno} }
	for _, tt := range []struct {
		err  error
		want string
	}{
		{nil, "another pledgewatch run is writing to out and still holds"},
		{context.DeadlineExceeded, "another pledgewatch run is writing to out and still holds"},
		{open(syscall.EROFS), "the output folder is on a read-only file system"},
		{open(syscall.EACCES), "no permission to write in the output folder"},
		{open(syscall.EPERM), "no permission to write in the output folder"},
		{open(syscall.ENOSPC), "take the lock " + path + ": open " + path + ": no space left on device"},
	} {
		got := lockError(context.Background(), "out", path, 0, tt.err)
		if !strings.Contains(got.Error(), tt.want) {
			t.Errorf("%v: %v; want %q", tt.err, got, tt.want)
		}
		if _, ok := tt.err.(*fs.PathError); ok && !errors.Is(got, tt.err) {
			t.Errorf("%v: %v does not wrap the cause", tt.err, got)
		}
	}
}
