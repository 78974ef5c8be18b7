package workbook

import (
	"strings"
	"testing"
)

// TestLineCount holds the row-height estimate to arithmetic a reader can
// redo: a Chinese character is 2.1 digit widths, a lower-case letter
// 0.9, each with a 5% margin, in a column of width w with 0.5 kept free.
func TestLineCount(t *testing.T) {
	for _, tc := range []struct {
		text  string
		width float64
		want  int
	}{
		{"short", 20, 1},
		// 10 characters: 10 × 2.1 × 1.05 = 22.05 > 19.5: two lines.
		{"阿里巴巴集团宣布投资", 20, 2},
		// The same in full-width digits and a Hangul syllable.
		{"１２３４５６７８９가", 20, 2},
		// 20 characters: 44.1 is three lines of 19.5.
		{"阿里巴巴集团宣布投资阿里巴巴集团宣布投资", 20, 3},
		{"one\ntwo", 20, 2},
	} {
		if got := lineCount(tc.text, tc.width, false); got != tc.want {
			t.Errorf("lineCount(%q, %v) = %d, want %d", tc.text, tc.width, got, tc.want)
		}
	}
}

// TestLineCountWords holds lineCount's walk over words to the plain
// reading of its rule, the text split into paragraphs and words, on texts
// of ASCII, Chinese, dashes, spaces at either end, doubled spaces and
// line breaks, in narrow and wide columns.
func TestLineCountWords(t *testing.T) {
	// split is the rule as first written: strings.Split into paragraphs
	// and words, each word measured rune by rune.
	split := func(text string, width float64, bold bool) int {
		room := max(width-0.5, 1)
		scale := 1.05
		if bold {
			scale *= 1.07
		}
		space := runeWidth(' ') * scale
		lines := 0
		for _, para := range strings.Split(text, "\n") {
			lines++
			used := 0.0
			for i, word := range strings.Split(para, " ") {
				w := 0.0
				for _, r := range word {
					w += runeWidth(r) * scale
				}
				if i > 0 {
					w += space
				}
				switch {
				case used+w <= room:
					used += w
				case w > room:
					used += w
					for used > room {
						lines++
						used -= room
					}
				default:
					lines++
					used = w - space
				}
			}
		}
		return lines
	}
	texts := []string{
		"Alibaba Group — Cloud and AI infrastructure programme over three years",
		" leading space and trailing space ",
		"double  spaces   between\nand a line break\n\nand an empty paragraph",
		"阿里巴巴集团 宣布 未来三年投入超过3800亿元人民币 用于云计算和AI基础设施建设",
		"Mixed 香港 text with WWW and mmm and iiii and a-very-long-unbroken-identifier-that-breaks-over-lines",
		"",
		" ",
		"\n",
	}
	for _, text := range texts {
		for _, width := range []float64{1, 6, 12, 18, 30, 50} {
			for _, bold := range []bool{false, true} {
				if got, want := lineCount(text, width, bold), split(text, width, bold); got != want {
					t.Errorf("lineCount(%q, %v, %v) = %d, split into words %d", text, width, bold, got, want)
				}
			}
		}
	}
}
