package analysis

import (
	"strings"
	"testing"
)

// TestNorm holds norm, which returns a text already in its form without
// building it again, to the full form: lower case, words joined by single
// spaces.
func TestNorm(t *testing.T) {
	for _, s := range []string{
		"", " ", "ai chips", "AI chips", " ai chips", "ai chips ", "ai  chips", "ai\tchips", "ai\nchips",
		"cloud computing", "Cloud\u00a0computing", "云计算", "ＡＩ", "ai\u0085chips", "a", "A", "x-y_z 1.5%",
	} {
		want := strings.ToLower(strings.Join(strings.Fields(s), " "))
		if got := norm(s); got != want {
			t.Errorf("norm(%q) = %q, want %q", s, got, want)
		}
		if normal(s) && s != want {
			t.Errorf("normal(%q) but its norm is %q", s, want)
		}
	}
}
