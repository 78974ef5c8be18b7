package main

import (
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"pledgewatch/analysis"
	"pledgewatch/analysis/charts"
)

// cjkFontFile returns the path of a font on this machine that draws
// Chinese, or skips the test.
func cjkFontFile(t *testing.T) string {
	t.Helper()
	for _, p := range charts.FontCandidates() {
		if data, err := os.ReadFile(p); err == nil {
			if _, err := charts.LoadFont(data); err == nil {
				return p
			}
		}
	}
	t.Skip("no CJK font on this machine; install one (Debian/Ubuntu: apt-get install fonts-noto-cjk) to run this test")
	return ""
}

// searchIn points the font search at dirs for the rest of the test.
func searchIn(t *testing.T, dirs ...string) {
	t.Helper()
	old := fontSearch
	fontSearch = charts.FontSearch{GOOS: "linux", Dirs: dirs}
	t.Cleanup(func() { fontSearch = old })
}

// putFont puts a copy of the font file src at dst.
func putFont(t *testing.T, src, dst string) {
	t.Helper()
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestFontFoundByFamily: a font named after its family but not by any
// file name the search knows is found and drawn with.
func TestFontFoundByFamily(t *testing.T) {
	src := cjkFontFile(t)
	dir := t.TempDir()
	searchIn(t, dir)
	putFont(t, src, filepath.Join(dir, "NotoSansSC", "NotoSansSC-VariableFont_wght.ttf"))
	f, err := (&config{}).loadFont()
	if err != nil {
		t.Fatalf("loadFont: %v", err)
	}
	if f == nil || f.Name() == "" {
		t.Fatalf("loadFont gave %v", f)
	}
}

// TestUnreadableFontNamed: a font file that is there but cannot be read
// (a folder under a font's name, and a file without read permission) is
// named in the error, with what to do, rather than reported as no font.
func TestUnreadableFontNamed(t *testing.T) {
	dir := t.TempDir()
	searchIn(t, dir)
	folder := filepath.Join(dir, "NotoSansCJK-Regular.ttc")
	if err := os.MkdirAll(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	_, err := (&config{}).loadFont()
	if err == nil || !strings.Contains(err.Error(), "cannot read "+folder) || !strings.Contains(err.Error(), "readable") {
		t.Errorf("a folder under a font's name: err = %v, want it named as unreadable with advice", err)
	}

	damaged := filepath.Join(dir, "NotoSansSC-Regular.otf")
	if err := os.WriteFile(damaged, []byte("not a font"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = (&config{}).loadFont()
	if err == nil || !strings.Contains(err.Error(), "cannot use "+damaged) {
		t.Errorf("a damaged font: err = %v, want it named", err)
	}

	if runtime.GOOS != "windows" && os.Geteuid() != 0 { // root reads any file
		src := cjkFontFile(t)
		locked := filepath.Join(t.TempDir(), "PingFang.ttc")
		putFont(t, src, locked)
		if err := os.Chmod(locked, 0); err != nil {
			t.Fatal(err)
		}
		searchIn(t, filepath.Dir(locked))
		_, err = (&config{}).loadFont()
		if err == nil || !strings.Contains(err.Error(), "cannot read "+locked) {
			t.Errorf("a font without read permission: err = %v, want it named", err)
		}
	}

	// --font: a folder is unreadable, a missing file is not found.
	_, err = (&config{Font: folder}).loadFont()
	if err == nil || !strings.Contains(err.Error(), "cannot read the font file "+folder) {
		t.Errorf("--font a folder: err = %v", err)
	}
	missing := filepath.Join(dir, "nowhere.ttf")
	_, err = (&config{Font: missing}).loadFont()
	if err == nil || !strings.Contains(err.Error(), "font "+missing+" not found") {
		t.Errorf("--font a missing file: err = %v", err)
	}
}

// TestValidateWarnsWithoutFont: validate passes the shipped inputs, whose
// charts have Chinese labels, with a warning that run will fail when no
// CJK font is found, and without one when a font is there.
func TestValidateWarnsWithoutFont(t *testing.T) {
	src := cjkFontFile(t)
	c := &config{Inputs: shippedInputs(t), Month: "2025-11", Currency: "USD", Now: clock, log: slog.New(slog.DiscardHandler)}
	rd, err := c.readInputs()
	if err != nil {
		t.Fatal(err)
	}
	r, _ := analysis.Build(rd.Inputs, analysis.Options{Currency: "USD", AsOf: c.asOf(), Today: c.today()})
	if !charts.PlanCharts(r).NeedsCJK() {
		t.Fatal("the shipped inputs' charts no longer need a CJK font; give this test inputs that do")
	}
	dir := t.TempDir()
	searchIn(t, dir)
	code, stdout, stderr := runCmd(t, "validate", "--inputs", shippedInputs(t), "--month", "2025-11")
	if code != exitOK || !strings.Contains(stderr, "warning: pledgewatch run will fail") || !strings.Contains(stderr, "no CJK font was found") {
		t.Errorf("no font: exit %d, stderr %q, want a warning that run will fail", code, stderr)
	}
	putFont(t, src, filepath.Join(dir, "Noto Sans CJK SC.ttc"))
	code, stdout2, stderr3 := runCmd(t, "validate", "--inputs", shippedInputs(t), "--month", "2025-11")
	if code != exitOK || strings.Contains(stderr3, "font") {
		t.Errorf("with a font: exit %d, stderr %q", code, stderr3)
	}
	// The warning is counted.
	if count := func(s string) string { return s[strings.Index(s, "valid: "):] }; count(stdout) == count(stdout2) {
		t.Errorf("warning counts: %q without a font, %q with one", stdout, stdout2)
	}
}
