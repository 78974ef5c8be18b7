package charts

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"
)

var preview = flag.String("preview", "", "write the sample charts to this folder, to look at them")

// TestPreview writes the sample charts when run with -preview DIR.
func TestPreview(t *testing.T) {
	if *preview == "" {
		t.Skip("run with -preview DIR to write the sample charts")
	}
	write := func(dir string, cs []Chart) {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, c := range cs {
			if err := os.WriteFile(filepath.Join(dir, c.Name), c.PNG, 0o644); err != nil {
				t.Fatal(err)
			}
			t.Logf("%s (%d bytes): %s", filepath.Join(dir, c.Name), len(c.PNG), c.Title)
		}
	}
	start := time.Now()
	cs, err := Render(latinReport(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d charts with Liberation in %v", len(cs), time.Since(start))
	write(filepath.Join(*preview, "latin"), cs)

	cs, err = Render(historyReport("2025-07", "2025-08", "2025-09", "2025-10", "2025-11"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if c, ok := chartNamed(cs, "history.png"); ok {
		write(filepath.Join(*preview, "history"), []Chart{c})
	}

	f := cjkFont(t)
	start = time.Now()
	cs, err = Render(sampleReport(), Options{Font: f})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d charts with %s in %v", len(cs), f.Name(), time.Since(start))
	write(*preview, cs)

	cs, err = Render(stressReport(), Options{Font: f})
	if err != nil {
		t.Fatal(err)
	}
	write(filepath.Join(*preview, "stress"), cs)
}
