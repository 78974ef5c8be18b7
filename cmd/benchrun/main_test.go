package main

import (
	"os"
	"path/filepath"
	"testing"
)

func TestMedian(t *testing.T) {
	runs := []measure{{wall: 3, cpu: 1, rss: 10}, {wall: 1, cpu: 5, rss: 30}, {wall: 2, cpu: 2, rss: 20}}
	if m := median(runs); m.wall != 2 || m.cpu != 2 || m.rss != 20 {
		t.Errorf("median of three = %+v, want 2, 2, 20", m)
	}
	runs = append(runs, measure{wall: 10, cpu: 4, rss: 40})
	if m := median(runs); m.wall != 2.5 || m.cpu != 3 || m.rss != 25 {
		t.Errorf("median of four = %+v, want 2.5, 3, 25", m)
	}
}

// TestDigestDir: reports with the same files give the same digest; a
// changed byte, a renamed file or a file more give another.
func TestDigestDir(t *testing.T) {
	write := func(dir string, files map[string]string) string {
		for name, body := range files {
			p := filepath.Join(dir, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		d, err := digestDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	base := map[string]string{"book.xlsx": "workbook", "charts/a.png": "png", "charts/a.svg": "svg"}
	a := measure{digest: write(t.TempDir(), base)}
	b := measure{digest: write(t.TempDir(), base)}
	if got := sameReports([]measure{a, a}, []measure{b}); got != "same" {
		t.Errorf("identical reports: %s", got)
	}
	for name, files := range map[string]map[string]string{
		"a changed byte": {"book.xlsx": "workbooK", "charts/a.png": "png", "charts/a.svg": "svg"},
		"a renamed file": {"book.xlsx": "workbook", "charts/b.png": "png", "charts/a.svg": "svg"},
		"a file more":    {"book.xlsx": "workbook", "charts/a.png": "png", "charts/a.svg": "svg", "x": ""},
	} {
		c := measure{digest: write(t.TempDir(), files)}
		if got := sameReports([]measure{a}, []measure{b, c}); got != "differ" {
			t.Errorf("%s: %s", name, got)
		}
		if got := sameReports([]measure{a, c}, []measure{b}); got != "differ" {
			t.Errorf("%s in the new build's runs: %s", name, got)
		}
	}
	if _, err := digestDir(filepath.Join(t.TempDir(), "missing")); err == nil {
		t.Error("a missing report folder: no error")
	}
}
