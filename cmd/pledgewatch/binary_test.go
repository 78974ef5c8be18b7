package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
)

// testVersion is the version stamped into the binary the tests run as a
// process, the way make dist stamps a release's.
const testVersion = "9.8.7-test"

// sharedDir is the folder of what the package's tests share (the binary,
// shared reports), made on first use; TestMain removes it.
var sharedDir string

// shared returns sharedDir, making it on first use.
var shared = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "pledgewatch-test-")
	sharedDir = dir
	return dir, err
})

// binary builds pledgewatch once for the package's tests.
var binary = sync.OnceValues(func() (string, error) {
	dir, err := shared()
	if err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "pledgewatch")
	if runtime.GOOS == "windows" {
		bin += ".exe" // or exec will not find it
	}
	cmd := exec.Command("go", "build", "-ldflags", "-X main.Version="+testVersion, "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("build: %w\n%s", err, out)
	}
	return bin, nil
})

// buildBinary returns the binary the tests run as a process, building it
// on first use.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin, err := binary()
	if err != nil {
		t.Fatal(err)
	}
	return bin
}
