package charts

import (
	"errors"
	"os"
	"strings"
	"sync"
	"testing"

	"codeberg.org/go-fonts/liberation/liberationsansregular"
)

var loadCJK = sync.OnceValues(func() (*Font, error) {
	for _, path := range FontCandidates() {
		data, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		if f, err := LoadFont(data); err == nil {
			return f, nil
		}
	}
	return nil, os.ErrNotExist
})

// cjkFont returns the first candidate font that loads, or skips the test.
func cjkFont(t testing.TB) *Font {
	t.Helper()
	f, err := loadCJK()
	if err != nil {
		t.Skip("no CJK font among FontCandidates(); install one (Debian/Ubuntu: apt-get install fonts-noto-cjk) to run this test")
	}
	return f
}

func TestLoadFont(t *testing.T) {
	f := cjkFont(t)
	t.Logf("font: %s (face %d)", f.Name(), f.Index())
	if strings.Contains(f.Name(), "Noto Sans CJK") && f.Name() != "Noto Sans CJK SC" {
		t.Errorf("picked %q from Noto Sans CJK, want the Simplified Chinese face", f.Name())
	}

	if _, err := LoadFont([]byte("not a font")); err == nil {
		t.Error("garbage: no error")
	}
	_, err := LoadFont(liberationsansregular.TTF)
	if !errors.Is(err, ErrNoChineseFace) {
		t.Errorf("Liberation Sans: err = %v, want ErrNoChineseFace", err)
	}
}

func TestFaceScore(t *testing.T) {
	// Best first.
	order := []string{"Noto Sans CJK SC", "Noto Sans Mono CJK SC", "Microsoft YaHei", "Noto Sans CJK TC", "Noto Sans Mono CJK JP"}
	for i := 1; i < len(order); i++ {
		if faceScore(order[i-1]) <= faceScore(order[i]) {
			t.Errorf("faceScore(%q) = %d, not above faceScore(%q) = %d", order[i-1], faceScore(order[i-1]), order[i], faceScore(order[i]))
		}
	}
	for _, n := range []string{"PingFang SC", "Hiragino Sans GB", "Source Han Sans CN", "思源黑体 简体"} {
		if faceScore(n) < faceScore("Noto Sans CJK SC")-1 {
			t.Errorf("faceScore(%q) = %d: not taken as Simplified Chinese", n, faceScore(n))
		}
	}
}

func TestFontCandidates(t *testing.T) {
	c := FontCandidates()
	if len(c) == 0 || c[0] != "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc" {
		t.Errorf("candidates %q", c)
	}
}
