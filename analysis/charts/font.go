package charts

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"

	xfont "golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/font/liberation"
	"gonum.org/v1/plot/text"
)

// ErrNoCJKFont is returned by Render when a label holds Chinese, Japanese
// or Korean characters and Options.Font is nil: the default fonts would
// draw them as nothing.
var ErrNoCJKFont = errors.New("chart labels contain Chinese characters but no CJK font was found; install one (" + FontInstallHint() + ") or pass --font PATH")

// ErrNoChineseFace is returned by LoadFont when no face of the font has
// glyphs for both Chinese and Latin text.
var ErrNoChineseFace = errors.New("no face with Chinese and Latin glyphs")

// Font is a parsed font face able to draw Chinese and Latin text. It is
// safe for concurrent use; parse it once and pass it to every Render.
type Font struct {
	name  string
	index int
	hdlr  text.Handler // a text handler whose cache holds only this face
}

// Name returns the face's family name, such as "Noto Sans CJK SC".
func (f *Font) Name() string { return f.name }

// Index returns the face's position in its collection (0 for a single
// font file).
func (f *Font) Index() int { return f.index }

// cjkTypeface is the name the chosen face is stored under in its cache.
const cjkTypeface font.Typeface = "pledgewatch-cjk"

// hanProbe and latinProbe are characters a face must have to be chosen:
// common simplified Chinese characters of this field, and basic Latin.
const (
	hanProbe   = "中国资金人工智能投亿元港"
	latinProbe = "AZaz09$%"
)

// LoadFont parses a font file (.ttc/.otc collection, or a single .ttf/.otf)
// and picks the face to draw with. Faces are chosen by name: a Simplified
// Chinese face ("... SC", "... GB", "... CN") first, then one without a
// region, then a Traditional Chinese, Japanese or Korean face, proportional
// faces before monospaced ones, and ties by their order in the file. A face
// is only taken if it has glyphs for common Chinese characters and for
// Latin letters and digits, since all text of a chart is drawn with it.
func LoadFont(data []byte) (*Font, error) {
	coll, err := opentype.ParseCollection(data)
	if err != nil {
		return nil, fmt.Errorf("parse font: %w", err)
	}
	var buf sfnt.Buffer
	best, bestScore, bestName := -1, -1, ""
	var bestFace *opentype.Font
	var seen []string
	for i := 0; i < coll.NumFonts(); i++ {
		f, err := coll.Font(i)
		if err != nil {
			return nil, fmt.Errorf("parse font face %d: %w", i, err)
		}
		name := faceName(f, &buf)
		seen = append(seen, name)
		if !hasGlyphs(f, &buf, hanProbe) || !hasGlyphs(f, &buf, latinProbe) {
			continue
		}
		if s := faceScore(name); s > bestScore {
			best, bestScore, bestName, bestFace = i, s, name, f
		}
	}
	if best < 0 {
		return nil, fmt.Errorf("%w among the font's faces (%s)", ErrNoChineseFace, strings.Join(seen, ", "))
	}
	cache := font.NewCache(font.Collection{{Font: font.Font{Typeface: cjkTypeface}, Face: bestFace}})
	return &Font{name: bestName, index: best, hdlr: text.Plain{Fonts: cache}}, nil
}

func faceName(f *opentype.Font, buf *sfnt.Buffer) string {
	for _, id := range []sfnt.NameID{sfnt.NameIDTypographicFamily, sfnt.NameIDFamily, sfnt.NameIDFull} {
		if s, err := f.Name(buf, id); err == nil && s != "" {
			return s
		}
	}
	return "unnamed"
}

func hasGlyphs(f *opentype.Font, buf *sfnt.Buffer, s string) bool {
	for _, r := range s {
		if g, err := f.GlyphIndex(buf, r); err != nil || g == 0 {
			return false
		}
	}
	return true
}

// faceScore ranks a face by its name: higher is better.
func faceScore(name string) int {
	score := 2 // no region in the name: a Chinese font such as Microsoft YaHei
	lower := strings.ToLower(name)
	for _, tok := range strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '-' || r == '_' }) {
		switch strings.ToUpper(tok) {
		case "SC", "GB", "CN", "HANS", "SIMPLIFIED":
			score = 4
		case "TC", "HK", "TW", "HANT", "TRADITIONAL", "JP", "JAPANESE", "KR", "KOREAN":
			if score != 4 {
				score = 0
			}
		}
	}
	if strings.Contains(name, "简") {
		score = 4
	}
	score *= 2
	if !strings.Contains(lower, "mono") {
		score++
	}
	return score
}

// FontCandidates returns the paths of fonts that can draw Chinese on the
// running platform, best first: FontSearch{}.Candidates().
func FontCandidates() []string { return FontSearch{}.Candidates() }

// FontInstallHint says what to install on the running platform for a font
// that can draw Chinese: FontSearch{}.InstallHint().
func FontInstallHint() string { return FontSearch{}.InstallHint() }

// FontSearch says where to look for a font that can draw Chinese: the
// files a platform ships or its usual packages install, in its font
// folders. The zero value searches the running platform's own folders.
type FontSearch struct {
	// GOOS is the platform whose fonts to look for: "linux", "darwin" or
	// "windows" (others are searched as Linux is). Empty means the running
	// platform.
	GOOS string
	// Dirs are the folders to look in. Nil means the platform's own: see
	// FontDirs.
	Dirs []string
}

// platformFonts lists, for one platform, the font files to look for (paths
// relative to a font folder) best first, and what to install when none is
// there.
type platformFonts struct {
	files []string
	// patterns are absolute filepath.Glob patterns searched besides the
	// folders when the platform's own folders are used.
	patterns []string
	// families are the font families to look for by file name when none
	// of files is there, best first: each is the start of a file name in
	// lower case without spaces, hyphens or underscores ("notosanssc"
	// matches NotoSansSC-VariableFont_wght.ttf and "Noto Sans SC Bold.otf").
	families []string
	hint     string
}

// Font families by the starts of their file names: Noto Sans CJK and
// Source Han Sans (the same design) in their Simplified Chinese cuts, the
// whole collections and then the Traditional cuts; the platforms' own
// Chinese fonts; and Droid Sans Fallback.
var (
	notoFamilies    = []string{"notosanscjksc", "notosanssc", "sourcehansanssc", "sourcehansanscn", "notosanscjk", "sourcehansans", "notosanscjktc", "notosanstc", "notosanscjkhk", "notosanshk"}
	appleFamilies   = []string{"pingfang", "hiraginosansgb", "stheiti"}
	windowsFamilies = []string{"msyh", "microsoftyahei", "simsun", "msjh", "microsoftjhenghei"}
)

// notoFiles are Noto Sans CJK and Source Han Sans (Adobe's name for the
// same design) as downloaded and put straight into a font folder.
var notoFiles = []string{
	"NotoSansCJK-Regular.ttc",
	"NotoSansCJKsc-Regular.otf",
	"NotoSansSC-Regular.otf",
	"SourceHanSans-Regular.ttc",
	"SourceHanSansSC-Regular.otf",
}

var fontsFor = map[string]platformFonts{
	"linux": {
		files: append([]string{
			// Debian, Ubuntu: apt-get install fonts-noto-cjk
			"opentype/noto/NotoSansCJK-Regular.ttc",
			"opentype/noto/NotoSansCJKsc-Regular.otf",
			// Fedora (google-noto-sans-cjk-fonts), Arch (noto-fonts-cjk), Alpine (font-noto-cjk)
			"google-noto-cjk/NotoSansCJK-Regular.ttc",
			"google-noto-sans-cjk-fonts/NotoSansCJK-Regular.ttc",
			"noto-cjk/NotoSansCJK-Regular.ttc",
			"noto/NotoSansCJK-Regular.ttc",
			"adobe-source-han-sans/SourceHanSansSC-Regular.otf",
			"opentype/adobe-source-han-sans/SourceHanSans-Regular.ttc",
			// Debian fonts-droid-fallback
			"truetype/droid/DroidSansFallbackFull.ttf",
		}, append(notoFiles,
			// Debian fonts-wqy-microhei, fonts-wqy-zenhei: these fail to
			// parse with golang.org/x/image (sfnt: invalid table offset);
			// kept last in case a later version reads them.
			"truetype/wqy/wqy-microhei.ttc",
			"truetype/wqy/wqy-zenhei.ttc",
		)...),
		families: slices.Concat(notoFamilies, appleFamilies, windowsFamilies, []string{"droidsansfallback"}),
		hint:     "Debian/Ubuntu: apt-get install fonts-noto-cjk",
	},
	"darwin": {
		files: append([]string{
			"PingFang.ttc",
			"Hiragino Sans GB.ttc",
			"STHeiti Light.ttc",
			"STHeiti Medium.ttc",
			"Arial Unicode.ttf",
		}, notoFiles...),
		// macOS 10.15 and later keep PingFang among the fonts it
		// downloads on demand, in a folder whose name changes.
		patterns: []string{"/System/Library/AssetsV2/com_apple_MobileAsset_Font*/*.asset/AssetData/PingFang.ttc"},
		families: slices.Concat(appleFamilies, notoFamilies, windowsFamilies),
		hint:     "macOS ships PingFang, Hiragino Sans GB and STHeiti: turn them back on in Font Book, or put Noto Sans CJK SC (github.com/notofonts/noto-cjk) in ~/Library/Fonts",
	},
	"windows": {
		files: append([]string{
			"msyh.ttc", // Microsoft YaHei
			"simsun.ttc",
			"msjh.ttc", // Microsoft JhengHei
			"simhei.ttf",
			"Deng.ttf", // DengXian
		}, notoFiles...),
		families: slices.Concat(windowsFamilies, notoFamilies, appleFamilies),
		hint:     "add Chinese (Simplified) in Settings > Time & language > Language & region, which brings Microsoft YaHei and SimSun, or install Noto Sans CJK SC (github.com/notofonts/noto-cjk) for all users",
	},
}

func (s FontSearch) platform() platformFonts {
	goos := s.GOOS
	if goos == "" {
		goos = runtime.GOOS
	}
	if p, ok := fontsFor[goos]; ok {
		return p
	}
	return fontsFor["linux"]
}

// FontDirs returns the font folders of platform goos, the system's first
// and then the user's, as this machine's environment names them
// (WINDIR, LOCALAPPDATA, XDG_DATA_HOME and the home folder).
func FontDirs(goos string) []string {
	home, _ := os.UserHomeDir()
	var dirs []string
	add := func(base string, elem ...string) {
		if base != "" {
			dirs = append(dirs, filepath.Join(append([]string{base}, elem...)...))
		}
	}
	switch goos {
	case "darwin":
		dirs = []string{"/System/Library/Fonts", "/System/Library/Fonts/Supplemental", "/Library/Fonts"}
		add(home, "Library", "Fonts")
	case "windows":
		windir := os.Getenv("WINDIR")
		if windir == "" {
			windir = `C:\Windows`
		}
		add(windir, "Fonts")
		add(os.Getenv("LOCALAPPDATA"), "Microsoft", "Windows", "Fonts")
	default:
		dirs = []string{"/usr/share/fonts", "/usr/local/share/fonts"}
		if d := os.Getenv("XDG_DATA_HOME"); d != "" {
			add(d, "fonts")
		} else {
			add(home, ".local", "share", "fonts")
		}
		add(home, ".fonts")
	}
	return dirs
}

// Candidates returns the paths of fonts that can draw Chinese, best first,
// for the command to try in turn with LoadFont (this package opens no
// files). A path holding "*" is a filepath.Glob pattern, to be expanded.
// Some may not parse (WenQuanYi's .ttc fails with "sfnt: invalid table
// offset"); move on to the next one.
func (s FontSearch) Candidates() []string {
	p, dirs := s.platform(), s.dirs()
	var paths []string
	for _, f := range p.files {
		for _, d := range dirs {
			paths = append(paths, filepath.Join(d, filepath.FromSlash(f)))
		}
	}
	if s.Dirs == nil {
		paths = append(paths, p.patterns...)
	}
	return paths
}

// dirs returns the folders searched: Dirs, else the platform's font
// folders.
func (s FontSearch) dirs() []string {
	if s.Dirs != nil {
		return s.Dirs
	}
	goos := s.GOOS
	if goos == "" {
		goos = runtime.GOOS
	}
	return FontDirs(goos)
}

// maxFontDepth is how deep below a font folder Matches looks: Debian
// keeps Noto Sans CJK two folders down (opentype/noto).
const maxFontDepth = 4

// Matches returns the font files in the font folders whose names start
// with the name of one of the platform's Chinese font families (Noto Sans
// SC/TC/CJK, Source Han Sans, PingFang, Microsoft YaHei and JhengHei,
// SimSun, ...) however the file is named after it, best family first;
// within a family, regular and variable fonts come before other weights,
// and then names in order. It is the search after Candidates: it lists
// the folders (up to maxFontDepth deep) but opens no font file.
func (s FontSearch) Matches() []string {
	p, dirs := s.platform(), s.dirs()
	type match struct {
		path           string
		family, weight int
	}
	var found []match
	var walk func(dir string, depth int)
	walk = func(dir string, depth int) {
		entries, err := os.ReadDir(dir)
		if err != nil {
			return // a folder that is not there or cannot be listed
		}
		for _, e := range entries {
			path := filepath.Join(dir, e.Name())
			if e.IsDir() {
				if depth < maxFontDepth {
					walk(path, depth+1)
				}
				continue
			}
			if fam, weight, ok := p.family(e.Name()); ok {
				found = append(found, match{path, fam, weight})
			}
		}
	}
	for _, d := range dirs {
		walk(d, 0)
	}
	sort.SliceStable(found, func(i, j int) bool {
		a, b := found[i], found[j]
		if a.family != b.family {
			return a.family < b.family
		}
		if a.weight != b.weight {
			return a.weight < b.weight
		}
		return a.path < b.path
	})
	paths := make([]string, len(found))
	for i, m := range found {
		paths[i] = m.path
	}
	return paths
}

// family returns the rank of the family a font file's name belongs to and
// the rank of its weight (regular or unnamed 0, variable or medium 1,
// others 2), or false when it is not a font file of one of p's families.
func (p platformFonts) family(name string) (family, weight int, ok bool) {
	ext := strings.ToLower(filepath.Ext(name))
	switch ext {
	case ".ttf", ".otf", ".ttc", ".otc":
	default:
		return 0, 0, false
	}
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSuffix(name, filepath.Ext(name))) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	key := b.String()
	// The longest family the name starts with: NotoSansCJKtc is Noto Sans
	// CJK TC, not Noto Sans CJK.
	family = -1
	for i, f := range p.families {
		if strings.HasPrefix(key, f) && (family < 0 || len(f) > len(p.families[family])) {
			family = i
		}
	}
	if family < 0 {
		return 0, 0, false
	}
	switch rest := key[len(p.families[family]):]; {
	case rest == "" || strings.Contains(rest, "regular"):
		weight = 0
	case strings.Contains(rest, "variable") || strings.Contains(rest, "medium"):
		weight = 1
	default:
		weight = 2
	}
	return family, weight, true
}

// InstallHint says what to install on the platform for a font that can
// draw Chinese.
func (s FontSearch) InstallHint() string { return s.platform().hint }

// liberationHandler is a text handler over gonum/plot's bundled Liberation
// fonts, built once; unlike plot.DefaultTextHandler nobody else changes it.
var liberationHandler = sync.OnceValue(func() text.Handler {
	return text.Plain{Fonts: font.NewCache(liberation.Collection())}
})

// faces returns the text handler and the regular and bold font
// descriptors to draw with.
func faces(f *Font) (hdlr text.Handler, regular, bold font.Font) {
	if f == nil {
		regular = font.Font{Typeface: "Liberation", Variant: "Sans"}
		bold = regular
		bold.Weight = xfont.WeightBold
		return liberationHandler(), regular, bold
	}
	// The cache has one face: a bold descriptor falls back to it.
	regular = font.Font{Typeface: cjkTypeface}
	return f.hdlr, regular, regular
}
