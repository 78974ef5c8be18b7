package charts

import (
	"pledgewatch/analysis"
	"pledgewatch/analysis/lang"
)

// say builds a finding of kind c, worded by the catalogue's text key with
// args, and gives it its English text.
func say(c analysis.Claim, key string, args ...any) *analysis.Finding {
	return worded(analysis.Say(c, key, args...))
}

// worded gives f its English text, from the catalogue.
func worded(f *analysis.Finding) *analysis.Finding {
	f.Text = lang.Or(nil).Finding(f)
	return f
}

// setTitle makes f the title of s.
func (s *spec) setTitle(f *analysis.Finding) {
	s.finding, s.title = f, f.Text
}

// setSubtitle makes f the subtitle of s.
func (s *spec) setSubtitle(f *analysis.Finding) {
	s.subFinding, s.subtitle = f, f.Text
}

// addNote adds f to the notes of s.
func (s *spec) addNote(f *analysis.Finding) {
	if f == nil {
		return
	}
	s.noteFindings = append(s.noteFindings, f)
	s.notes = append(s.notes, f.Text)
}

// wordSpec words the title, subtitle, notes and bar texts of s, which
// were built as findings, in p's language.
func wordSpec(s *spec, p *lang.Printer) {
	if s.finding != nil && s.finding.Key != "" {
		s.title = p.Finding(s.finding)
	}
	if s.subFinding != nil {
		s.subtitle = p.Finding(s.subFinding)
	}
	if len(s.noteFindings) == len(s.notes) {
		s.notes = make([]string, len(s.noteFindings))
		for i, f := range s.noteFindings {
			s.notes[i] = p.Finding(f)
		}
	}
}

// wordPanel words the heading and the bar texts of pa that were built as
// findings in p's language.
func wordPanel(pa *panel, p *lang.Printer) {
	if pa.headingFinding != nil {
		pa.heading = p.Finding(pa.headingFinding)
	}
	for k := range pa.bars {
		b := &pa.bars[k]
		if b.textFinding != nil {
			b.text = p.Finding(b.textFinding)
		}
		if b.labelFinding != nil {
			b.label = p.Finding(b.labelFinding)
		}
	}
}
