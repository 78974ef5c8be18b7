package workbook

import (
	"strings"

	"pledgewatch/analysis"
)

// word is one of the program's own words (a kind, a basis, a status, a
// group it makes) in the workbook's language; analyst data is never
// passed here.
func (b *book) word(w string) string {
	if b.english || w == "" {
		return w
	}
	return b.p.Word(w)
}

// fixed is a fixed text of the workbook without arguments, which may
// hold a percent sign, in the workbook's language: the catalogue holds it
// under "wb." and the English. A text the catalogue lacks stays as it is.
func (b *book) fixed(en string) string {
	if b.english {
		return en
	}
	if t, ok := b.p.Lookup("wb." + en); ok {
		return t
	}
	return en
}

// excludedPrefixes are the reasons a pledge is not counted that name
// another pledge after them ("restates alibaba-ai-infra-2025").
var excludedPrefixes = []string{"restates ", "part of ", "replaced by "}

// excluded says why a pledge is not counted, in the workbook's language;
// the pledge it names stays as entered.
func (b *book) excluded(s string) string {
	if b.english || s == "" {
		return s
	}
	for _, pre := range excludedPrefixes {
		if id, ok := strings.CutPrefix(s, pre); ok {
			return b.p.Sprintf("word."+pre+"%s", id)
		}
	}
	return b.word(s)
}

// groupName is a group's key as a row shows it: the groups the program
// makes (public schemes, "(unspecified)") in the workbook's language,
// every other key as entered.
func (b *book) groupName(key string) string {
	switch key {
	case analysis.HongKongPublic, analysis.HongKongPrivate, analysis.Unspecified:
		return b.word(key)
	}
	return key
}

// reason says why a pledge's delivery has its status, in the workbook's
// language.
func (b *book) reason(pr *analysis.Progress) string {
	if b.english {
		return pr.Why
	}
	if f := pr.Reason(); f != nil {
		return b.p.Finding(f)
	}
	return pr.Why
}
