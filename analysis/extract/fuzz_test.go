package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzFigures checks that any text is read without a panic, and that every
// figure is the article's text at its offsets, inside its sentence.
func FuzzFigures(f *testing.F) {
	paths, _ := filepath.Glob(filepath.Join("testdata", "articles", "*"))
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, s := range []string{"HK$2-3 billion", "百分之", "第", "1.", "2025-", "US$", "至少", "(US$5)", "3千亿", "1,5 Mrd.", "９９％"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := Decode("f.txt", data)
		if err != nil {
			return
		}
		for _, fig := range Figures(a) {
			if fig.Start < 0 || fig.End > len(a.Text) || fig.Start >= fig.End || a.Text[fig.Start:fig.End] != fig.Text {
				t.Fatalf("figure %q at %d-%d is not the text there", fig.Text, fig.Start, fig.End)
			}
			if !utf8.ValidString(fig.Text) {
				t.Fatalf("figure %q cuts a character", fig.Text)
			}
			if !strings.Contains(a.Text, fig.Sentence) {
				t.Fatalf("sentence %q is not in the text", fig.Sentence)
			}
		}
	})
}
