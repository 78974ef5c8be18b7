package lang

import "testing"

func TestParse(t *testing.T) {
	for _, c := range []struct {
		in   string
		want Lang
		ok   bool
	}{{"en", English, true}, {"zh-Hant", Traditional, true}, {"ZH-HANS", Simplified, true}, {"fr", English, false}} {
		got, err := Parse(c.in)
		if (err == nil) != c.ok || got != c.want {
			t.Errorf("Parse(%q) = %v, %v", c.in, got, err)
		}
	}
}

// TestEveryTextInEveryLanguage fails on a text missing a rendering, or
// declared twice.
func TestEveryTextInEveryLanguage(t *testing.T) {
	seen := map[string]bool{}
	for _, tab := range tables {
		for _, m := range tab {
			if seen[m.Key] {
				t.Errorf("text %q declared twice", m.Key)
			}
			seen[m.Key] = true
			if m.En == "" || m.Hant == "" || m.Hans == "" {
				t.Errorf("text %q lacks a rendering: %q / %q / %q", m.Key, m.En, m.Hant, m.Hans)
			}
		}
	}
}
