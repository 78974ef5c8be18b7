package charts

import (
	"fmt"
	"strings"

	"pledgewatch/analysis"
	"pledgewatch/analysis/lang"
)

// sourceWords are the words of a chart's source line.
type sourceWords struct {
	one, many string // before the sources: "Source: ", "Sources: "
	more      string // after them, a fmt format: "; and %d more"
}

var englishSources = &sourceWords{"Source: ", "Sources: ", "; and %d more"}

// words returns the source line's words of s.
func (s *spec) words() *sourceWords {
	if s.srcWords == nil {
		return englishSources
	}
	return s.srcWords
}

// localise returns the specs with their axes, panel headings, legends,
// fixed bar labels and source words in p's language, and investor groups
// by the short names p knows; titles, subtitles, notes and the bar texts
// built as findings are worded by p. The specs are left as they are. Nil
// or English returns specs.
func localise(specs []spec, p *lang.Printer) []spec {
	if p == nil || p.Lang == lang.English {
		return specs
	}
	tr := func(s string) string { return chartLabel(p, s) }
	out := make([]spec, len(specs))
	for i := range specs {
		s := specs[i]
		wordSpec(&s, p)
		s.srcWords = &sourceWords{tr("Source: "), tr("Sources: "), tr("; and %d more")}
		if len(s.sources) == 1 && s.sources[0] == historySource {
			s.sources = []string{tr(historySource)} // the one source the program names
		}
		s.legend = append([]legendItem(nil), s.legend...)
		for j := range s.legend {
			s.legend[j].text = tr(s.legend[j].text)
		}
		s.panel = localPanel(s.panel, p)
		s.more = append([]panel(nil), s.more...)
		for j := range s.more {
			s.more[j] = localPanel(s.more[j], p)
		}
		out[i] = s
	}
	return out
}

func localPanel(pa panel, p *lang.Printer) panel {
	pa.heading = chartLabel(p, pa.heading)
	pa.axis = chartLabel(p, pa.axis)
	pa.bars = append([]bar(nil), pa.bars...)
	for k := range pa.bars {
		if l, ok := p.Lookup("chart." + pa.bars[k].label); ok {
			pa.bars[k].label = l
		} else {
			pa.bars[k].label = p.Name(pa.bars[k].label)
		}
	}
	wordPanel(&pa, p)
	return pa
}

// symbols maps the symbols of analysis.Symbol back to their codes.
var symbols = func() map[string]string {
	m := map[string]string{}
	for _, c := range []string{"USD", "HKD", "CNY", "EUR", "GBP"} {
		m[strings.TrimSpace(analysis.Symbol(c))] = c
	}
	return m
}()

// chartLabel is a fixed label in p's language: the catalogue's text
// "chart." and the label; a money axis ("US$ billion": 十億美元); a
// measure and its scale ("Count, million": 數目（百萬）). Any other label
// (a unit as entered) is returned as it is.
func chartLabel(p *lang.Printer, s string) string {
	if s == "" {
		return s
	}
	if t, ok := p.Lookup("chart." + s); ok {
		return t
	}
	sym, word, _ := strings.Cut(s, " ")
	if code, ok := symbols[sym]; ok {
		return p.Scale(word) + p.Currency(code)
	}
	if len(sym) == 3 && strings.ToUpper(sym) == sym {
		// A currency without a symbol: "CHF billion".
		return p.Scale(word) + " " + sym
	}
	if name, word, ok := strings.Cut(s, ", "); ok {
		return fmt.Sprintf("%s（%s）", chartLabel(p, name), p.Scale(word))
	}
	return s
}
