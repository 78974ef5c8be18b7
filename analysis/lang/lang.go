// Package lang holds every text the report writes, in English, Traditional
// Chinese (Hong Kong) and Simplified Chinese (mainland), as one catalogue
// of golang.org/x/text/message. A text is declared once, with its three
// renderings, in a table of this package; renderers ask a Printer for it
// by key and never compose report text of their own.
package lang

import (
	"fmt"
	"strings"
	"sync"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"
)

// Lang is a language the report can be written in.
type Lang int

// The report's languages.
const (
	English Lang = iota
	Traditional
	Simplified
)

// langs lists each language's flag value and tag, in Lang order.
var langs = []struct {
	code string
	tag  language.Tag
}{
	{"en", language.English},
	{"zh-Hant", language.MustParse("zh-Hant-HK")},
	{"zh-Hans", language.MustParse("zh-Hans-CN")},
}

// Codes lists the values --lang accepts, in order.
func Codes() []string {
	out := make([]string, len(langs))
	for i, l := range langs {
		out[i] = l.code
	}
	return out
}

// Parse reads a --lang value: en, zh-Hant or zh-Hans (case ignored).
func Parse(s string) (Lang, error) {
	for i, l := range langs {
		if strings.EqualFold(s, l.code) {
			return Lang(i), nil
		}
	}
	return English, fmt.Errorf("unknown language %q: use one of %s", s, strings.Join(Codes(), ", "))
}

// String is the language's flag value.
func (l Lang) String() string { return langs[l].code }

// Tag is the language's BCP 47 tag.
func (l Lang) Tag() language.Tag { return langs[l].tag }

// Text is one message of the report in each language. Key is what code
// asks for; the renderings are fmt-style formats taking the same
// arguments in the same order (use explicit indexes such as %[2]s where a
// language orders them differently).
//
// A text that says a count may give One, the English rendering for a
// count of one ("1 pledge" beside En's "%d pledges"); Count is the place
// of the count among the arguments, 1 when zero. Chinese has no plural
// forms and needs no such field.
type Text struct {
	Key            string
	En, Hant, Hans string
	One            string
	Count          int
}

// tables gathers every table of texts; each file of the package that
// declares texts adds its table in an init function through register.
var tables [][]Text

func register(t []Text) { tables = append(tables, t) }

var (
	catOnce sync.Once
	cat     *catalog.Builder
)

// byKey holds every text by its key, for Lookup.
var byKey map[string]*Text

func build() *catalog.Builder {
	b := catalog.NewBuilder(catalog.Fallback(language.English))
	byKey = map[string]*Text{}
	for _, t := range tables {
		for i := range t {
			byKey[t[i].Key] = &t[i]
		}
		for _, m := range t {
			for i, s := range []string{m.En, m.Hant, m.Hans} {
				if s == "" {
					continue
				}
				var err error
				if i == int(English) && m.One != "" {
					err = b.Set(langs[i].tag, m.Key, plural.Selectf(max(m.Count, 1), "%d", "one", m.One, "other", s))
				} else {
					err = b.SetString(langs[i].tag, m.Key, s)
				}
				if err != nil {
					panic(fmt.Sprintf("lang: text %q: %v", m.Key, err))
				}
			}
		}
	}
	return b
}

// Printer writes the report's texts in one language.
type Printer struct {
	Lang  Lang
	p     *message.Printer
	names map[string]string
}

// New returns the Printer of language l.
func New(l Lang) *Printer {
	catOnce.Do(func() { cat = build() })
	return &Printer{Lang: l, p: newPrinter(l, cat)}
}

func newPrinter(l Lang, c catalog.Catalog) *message.Printer {
	return message.NewPrinter(langs[l].tag, message.Catalog(c))
}

// Lookup returns the text declared under key in the printer's language,
// unformatted, and whether one is declared: for renderers that translate
// a label only where the catalogue has it.
func (p *Printer) Lookup(key string) (string, bool) {
	p = Or(p)
	m, ok := byKey[key]
	if !ok {
		return "", false
	}
	switch p.Lang {
	case Traditional:
		return m.Hant, true
	case Simplified:
		return m.Hans, true
	}
	return m.En, true
}

// Scale names a step of the scale of amounts ("billion") on a Chinese
// axis: 十億 / 十亿; English words come back unchanged.
func (p *Printer) Scale(word string) string {
	if p == nil || p.Lang == English {
		return word
	}
	if s, ok := p.Lookup("scale." + word); ok {
		return s
	}
	return word
}

// Sprintf renders the text declared under key with args. A nil Printer
// writes English.
func (p *Printer) Sprintf(key string, args ...any) string {
	if p == nil {
		p = english()
	}
	return p.p.Sprintf(key, args...)
}

var (
	enOnce sync.Once
	en     *Printer
)

// english is the shared English Printer that a nil Printer stands for.
func english() *Printer {
	enOnce.Do(func() { en = New(English) })
	return en
}

// Or returns p, or the English Printer when p is nil: renderers take a
// nil Printer to mean English.
func Or(p *Printer) *Printer {
	if p == nil {
		return english()
	}
	return p
}

// WithNames returns a copy of p that shows the names in names (a group's
// display name to its short name in p's script, from the Entities sheet)
// by their short names; every other name is shown as entered.
func (p *Printer) WithNames(names map[string]string) *Printer {
	q := *Or(p)
	q.names = names
	return &q
}

// Name is an investor or programme name as the report shows it: the
// short name the Entities sheet gives it in the printer's script, or the
// name as entered. Names are never translated.
func (p *Printer) Name(s string) string {
	if p == nil || p.names == nil {
		return s
	}
	if n, ok := p.names[s]; ok {
		return n
	}
	return s
}
