package charts

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"slices"
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
	c := FontSearch{GOOS: "linux"}.Candidates()
	if len(c) == 0 || c[0] != filepath.FromSlash("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc") {
		t.Errorf("candidates %q", c)
	}
}

// linkOrCopy puts the file src at dst, creating dst's folder.
func linkOrCopy(t *testing.T, src, dst string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		t.Fatal(err)
	}
	if os.Link(src, dst) == nil {
		return
	}
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// firstLoadable tries paths in turn as the command does and returns the
// first that holds a font LoadFont takes.
func firstLoadable(paths []string) string {
	for _, p := range paths {
		if data, err := os.ReadFile(p); err == nil {
			if _, err := LoadFont(data); err == nil {
				return p
			}
		}
	}
	return ""
}

// TestFontSearch puts a CJK font, under the name each platform's own
// Chinese font has, into a folder and points the search at it: the search
// must find it there, by the best name when several are present, and say
// what to install when the folder is empty.
func TestFontSearch(t *testing.T) {
	noto := firstLoadable(FontSearch{GOOS: "linux"}.Candidates())
	if noto == "" {
		t.Skip("no CJK font to copy; install one (Debian/Ubuntu: apt-get install fonts-noto-cjk) to run this test")
	}
	for _, tt := range []struct {
		goos  string
		files []string // best first
		hint  string
	}{
		{"darwin", []string{"PingFang.ttc", "Hiragino Sans GB.ttc", "STHeiti Light.ttc"}, "Font Book"},
		{"windows", []string{"msyh.ttc", "simsun.ttc", "msjh.ttc"}, "Chinese (Simplified)"},
		{"linux", []string{"opentype/noto/NotoSansCJK-Regular.ttc", "truetype/droid/DroidSansFallbackFull.ttf"}, "apt-get install fonts-noto-cjk"},
	} {
		t.Run(tt.goos, func(t *testing.T) {
			dir := t.TempDir()
			s := FontSearch{GOOS: tt.goos, Dirs: []string{filepath.Join(dir, "system"), filepath.Join(dir, "user")}}
			if got := firstLoadable(s.Candidates()); got != "" {
				t.Errorf("empty folders: found %s", got)
			}
			if !strings.Contains(s.InstallHint(), tt.hint) {
				t.Errorf("hint %q does not say %q", s.InstallHint(), tt.hint)
			}
			// Each name alone is found, in the user's folder too; then with
			// all of them present the best is taken.
			for _, f := range tt.files {
				one := FontSearch{GOOS: tt.goos, Dirs: []string{filepath.Join(dir, "empty"), filepath.Join(dir, f+".d")}}
				want := filepath.Join(dir, f+".d", filepath.FromSlash(f))
				linkOrCopy(t, noto, want)
				if got := firstLoadable(one.Candidates()); got != want {
					t.Errorf("%s alone: found %q", f, got)
				}
			}
			for _, f := range slices.Backward(tt.files) {
				linkOrCopy(t, noto, filepath.Join(dir, "user", filepath.FromSlash(f)))
			}
			if got, want := firstLoadable(s.Candidates()), filepath.Join(dir, "user", filepath.FromSlash(tt.files[0])); got != want {
				t.Errorf("all present: found %q, want %q", got, want)
			}
		})
	}
}

// TestFontDirs checks that the platforms' own font folders follow the
// environment: the Windows folder, and the user's own fonts.
func TestFontDirs(t *testing.T) {
	t.Setenv("WINDIR", filepath.Join("D:", "Win"))
	t.Setenv("LOCALAPPDATA", filepath.Join("D:", "Users", "ana", "AppData", "Local"))
	t.Setenv("HOME", filepath.Join(string(filepath.Separator)+"Users", "ana"))
	t.Setenv("XDG_DATA_HOME", "")
	for _, tt := range []struct {
		goos string
		want []string
	}{
		{"windows", []string{filepath.Join("D:", "Win", "Fonts"), filepath.Join("D:", "Users", "ana", "AppData", "Local", "Microsoft", "Windows", "Fonts")}},
		{"darwin", []string{"/System/Library/Fonts", filepath.Join(string(filepath.Separator)+"Users", "ana", "Library", "Fonts")}},
		{"linux", []string{"/usr/share/fonts", filepath.Join(string(filepath.Separator)+"Users", "ana", ".local", "share", "fonts")}},
	} {
		if runtime.GOOS == "windows" && tt.goos != "windows" {
			continue // the home folder comes from USERPROFILE there
		}
		got := FontDirs(tt.goos)
		for _, w := range tt.want {
			if !slices.Contains(got, w) {
				t.Errorf("FontDirs(%q) = %q, lacks %q", tt.goos, got, w)
			}
		}
	}
}

// TestFontFamilies puts a CJK font under names the platforms' Chinese
// fonts are downloaded or installed as, which the known file names miss,
// with other fonts beside them: the family search must find each of them,
// best family and weight first, and nothing else.
func TestFontFamilies(t *testing.T) {
	noto := firstLoadable(FontSearch{GOOS: "linux"}.Candidates())
	if noto == "" {
		t.Skip("no CJK font to copy; install one (Debian/Ubuntu: apt-get install fonts-noto-cjk) to run this test")
	}
	others := []string{"NotoSans-Regular.ttf", "NotoSansSymbols2-Regular.ttf", "DejaVuSans.ttf", "NotoSansSC-Regular.otf.txt", "LICENSE"}
	for _, tt := range []struct {
		goos  string
		files []string // best first, relative to the folder
	}{
		{"linux", []string{
			"google/NotoSansSC-VariableFont_wght.ttf",
			"google/NotoSansSC-Bold.otf",
			"adobe/Source Han Sans SC Regular.otf",
			"a/b/c/NotoSansCJKtc-Regular.otf",
			"Noto_Sans_HK/NotoSansHK-Medium.ttf",
			"MSYH.TTC",
		}},
		{"darwin", []string{"PingFang SC Regular.otf", "Hiragino Sans GB W3.otf", "Noto Sans CJK SC.ttc"}},
		{"windows", []string{"MSYH.TTC", "msyhbd.ttc", "Microsoft YaHei UI.ttf", "SIMSUN.TTC", "Microsoft JhengHei Regular.ttf", "NotoSansSC-Regular.ttf"}},
	} {
		t.Run(tt.goos, func(t *testing.T) {
			dir := t.TempDir()
			s := FontSearch{GOOS: tt.goos, Dirs: []string{filepath.Join(dir, "missing"), dir}}
			if got := s.Matches(); len(got) != 0 {
				t.Errorf("empty folder: matches %q", got)
			}
			for _, f := range slices.Backward(tt.files) {
				linkOrCopy(t, noto, filepath.Join(dir, filepath.FromSlash(f)))
			}
			for _, f := range others {
				linkOrCopy(t, noto, filepath.Join(dir, "other", f))
			}
			// (Windows and macOS fold case: MSYH.TTC is msyh.ttc there.)
			if got := firstLoadable(s.Candidates()); got != "" && runtime.GOOS != "windows" && runtime.GOOS != "darwin" {
				t.Errorf("known file names found %s; the test wants names they miss", got)
			}
			var want []string
			for _, f := range tt.files {
				want = append(want, filepath.Join(dir, filepath.FromSlash(f)))
			}
			got := s.Matches()
			if !slices.Equal(got, want) {
				t.Errorf("matches\n%q\nwant\n%q", got, want)
			}
			if first := firstLoadable(got); first != want[0] {
				t.Errorf("first loadable match %q, want %q", first, want[0])
			}
		})
	}
}
