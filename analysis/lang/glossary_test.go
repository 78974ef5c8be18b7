package lang

import (
	"regexp"
	"strings"
	"testing"
)

func TestGlossaryParsed(t *testing.T) {
	g := Glossary()
	if len(g) < 20 {
		t.Fatalf("glossary has %d terms", len(g))
	}
	want := map[string][2]string{"at least": {"至少", "至少"}, "more than": {"超過", "超过"}, "pledge": {"承諾", "承诺"}}
	for _, term := range g {
		if w, ok := want[term.En]; ok {
			if term.Hant[0] != w[0] || term.Hans[0] != w[1] {
				t.Errorf("%q: %v / %v, want %v", term.En, term.Hant, term.Hans, w)
			}
			delete(want, term.En)
		}
	}
	if len(want) > 0 {
		t.Errorf("terms missing from the glossary: %v", want)
	}
	p := New(Traditional)
	if got := p.Sprintf(termKey("budget")); got != "預算" {
		t.Errorf("term.budget in zh-Hant = %q", got)
	}
}

// TestCatalogueUsesGlossary fails on a text whose English uses a term of
// the glossary while a Chinese rendering uses none of the term's
// renderings.
func TestCatalogueUsesGlossary(t *testing.T) {
	exact := map[string]bool{}
	for _, g := range Glossary() {
		exact[g.En] = true
	}
	senses := otherSenses(glossaryText)
	if len(senses) == 0 {
		t.Fatal("no phrases read from the glossary's Other senses")
	}
	checked := 0
	for _, tab := range tables {
		for _, m := range tab {
			if strings.HasPrefix(m.Key, "term.") {
				continue
			}
			en := m.En
			for _, s := range senses {
				en = strings.ReplaceAll(en, s, "")
			}
			for _, g := range Glossary() {
				re := regexp.MustCompile(`(?i)\b(` + regexp.QuoteMeta(g.En) + `)(s|es)?\b`)
				uses := false
				for _, sm := range re.FindAllStringSubmatch(en, -1) {
					if sm[1] != g.En && exact[sm[1]] {
						continue // another term spelled this way
					}
					uses = true
				}
				if !uses {
					continue
				}
				checked++
				if !containsAny(m.Hant, g.Hant) {
					t.Errorf("text %q uses %q; its zh-Hant %q has none of %v", m.Key, g.En, m.Hant, g.Hant)
				}
				if !containsAny(m.Hans, g.Hans) {
					t.Errorf("text %q uses %q; its zh-Hans %q has none of %v", m.Key, g.En, m.Hans, g.Hans)
				}
			}
		}
	}
	if checked == 0 {
		t.Error("no text of the catalogue uses a glossary term")
	}
}

func containsAny(s string, subs []string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

func TestPlural(t *testing.T) {
	register([]Text{{Key: "test.pledges", En: "%d pledges", One: "%d pledge", Hant: "%d項承諾", Hans: "%d项承诺"}})
	defer func() { tables = tables[:len(tables)-1] }()
	b := build()
	for _, c := range []struct {
		l    Lang
		n    int
		want string
	}{{English, 1, "1 pledge"}, {English, 3, "3 pledges"}, {English, 0, "0 pledges"}, {Traditional, 1, "1項承諾"}, {Simplified, 2, "2项承诺"}} {
		p := &Printer{Lang: c.l, p: newPrinter(c.l, b)}
		if got := p.Sprintf("test.pledges", c.n); got != c.want {
			t.Errorf("%s %d: %q, want %q", c.l, c.n, got, c.want)
		}
	}
}

// otherSenses reads the phrases of the glossary's table headed "Phrase":
// uses of a term's word in another sense.
func otherSenses(md string) []string {
	var out []string
	in := false
	for _, line := range strings.Split(md, "\n") {
		line = strings.TrimSpace(line)
		if !strings.HasPrefix(line, "|") {
			in = false
			continue
		}
		cell := strings.TrimSpace(strings.Split(strings.Trim(line, "|"), "|")[0])
		switch {
		case cell == "Phrase":
			in = true
		case in && !strings.HasPrefix(cell, "---"):
			out = append(out, cell)
		}
	}
	return out
}
