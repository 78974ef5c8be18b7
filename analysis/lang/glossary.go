package lang

import (
	_ "embed"
	"fmt"
	"strings"
)

// glossaryText is GLOSSARY.md: the one list of the report's terms in the
// three languages.
//
//go:embed GLOSSARY.md
var glossaryText string

// Term is one entry of the glossary. Hant and Hans hold the accepted
// renderings, the one figures use first.
type Term struct {
	En         string
	Hant, Hans []string
}

// Glossary returns the terms of GLOSSARY.md, in its order.
func Glossary() []Term { return glossary }

var glossary = parseGlossary(glossaryText)

// parseGlossary reads the table of GLOSSARY.md: the rows after the header
// row whose first cell is "English".
func parseGlossary(s string) []Term {
	var out []Term
	in := false
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		if !strings.HasPrefix(line, "|") {
			in = false
			continue
		}
		cells := strings.Split(strings.Trim(line, "|"), "|")
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		if cells[0] == "English" {
			in = true
			continue
		}
		if !in || strings.HasPrefix(cells[0], "---") {
			continue
		}
		if len(cells) < 3 {
			panic(fmt.Sprintf("lang: glossary row %q has fewer than three cells", line))
		}
		out = append(out, Term{En: cells[0], Hant: alternatives(cells[1]), Hans: alternatives(cells[2])})
	}
	return out
}

func alternatives(cell string) []string {
	var out []string
	for _, a := range strings.Split(cell, "/") {
		if a = strings.TrimSpace(a); a != "" {
			out = append(out, a)
		}
	}
	return out
}

// termKey is the catalogue key of a glossary term.
func termKey(en string) string { return "term." + en }

// The glossary's terms are texts of the catalogue too, under "term."
// and the English term, in the rendering figures use.
func init() {
	t := make([]Text, 0, len(glossary))
	for _, g := range glossary {
		if len(g.Hant) == 0 || len(g.Hans) == 0 {
			panic(fmt.Sprintf("lang: glossary term %q lacks a Chinese rendering", g.En))
		}
		t = append(t, Text{Key: termKey(g.En), En: g.En, Hant: g.Hant[0], Hans: g.Hans[0]})
	}
	register(t)
}

// Term returns the glossary's rendering of an English term in the
// printer's language; a term the glossary lacks comes back unchanged.
func (p *Printer) Term(en string) string {
	if p == nil || p.Lang == English {
		return en
	}
	for _, g := range glossary {
		if g.En == en {
			if p.Lang == Traditional {
				return g.Hant[0]
			}
			return g.Hans[0]
		}
	}
	return en
}
