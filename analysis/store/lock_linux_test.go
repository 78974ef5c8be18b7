package store

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
)

// TestLockReadOnlyFileSystem runs itself again in a mount namespace of
// its own where the output folder is mounted read-only, and there takes
// the lock.
func TestLockReadOnlyFileSystem(t *testing.T) {
	if out := os.Getenv("PLEDGEWATCH_TEST_READONLY"); out != "" {
		_, err := (Store{Dir: out}).Write(context.Background(), "2025-11", map[string]File{"report.txt": textFile("new")})
		if !errors.Is(err, syscall.EROFS) || !strings.Contains(err.Error(), "read-only file system; choose another --out folder") {
			t.Errorf("err = %v; want the read-only file system named", err)
		}
		return
	}
	if _, err := exec.LookPath("unshare"); err != nil {
		t.Skip("needs unshare (util-linux) to mount a folder read-only")
	}
	out := t.TempDir()
	// Exit 99 when the namespace or the mount cannot be had (no user
	// namespaces): that says nothing about the lock.
	script := `mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" "$1" || exit 99; ` +
		`exec "$2" -test.run='^TestLockReadOnlyFileSystem$' -test.v`
	cmd := exec.Command("unshare", "--user", "--map-root-user", "--mount", "sh", "-c", script, "sh", out, os.Args[0])
	cmd.Env = append(os.Environ(), "PLEDGEWATCH_TEST_READONLY="+out)
	msg, err := cmd.CombinedOutput()
	var ee *exec.ExitError
	if errors.As(err, &ee) && ee.ExitCode() == 99 || err != nil && strings.Contains(string(msg), "unshare failed") {
		t.Skipf("cannot mount a folder read-only here: %s", msg)
	}
	if err != nil || !strings.Contains(string(msg), "--- PASS: TestLockReadOnlyFileSystem") {
		t.Errorf("in a read-only mount: %v\n%s", err, msg)
	}
}
