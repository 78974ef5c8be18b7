package workbook

import "testing"

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
