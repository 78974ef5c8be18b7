package extract

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkHundredArticles decodes, reads and matches 100 articles (the
// five seeds and the test articles, taken in turn) against the shipped
// dataset: one iteration is a month of 100 articles. The target is under
// a second.
func BenchmarkHundredArticles(b *testing.B) {
	in := shippedInputs(b)
	var files [][]byte
	var names []string
	for _, pattern := range []string{filepath.Join(SeedsDir(b), "*.txt"), "testdata/articles/*"} {
		paths, _ := filepath.Glob(pattern)
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				b.Fatal(err)
			}
			files, names = append(files, data), append(names, filepath.Base(p))
		}
	}
	if len(files) < 10 {
		b.Fatalf("%d articles, want at least 10", len(files))
	}
	b.ReportAllocs()
	for b.Loop() {
		var all []Figure
		for k := 0; k < 100; k++ {
			a, err := Decode(names[k%len(files)], files[k%len(files)])
			if err != nil {
				b.Fatal(err)
			}
			all = append(all, Figures(a)...)
		}
		Match(all, in)
	}
}
