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

// excluded says why a pledge is not counted, in the workbook's language;
// the pledge it names ("restates alibaba-ai-infra-2025") stays as
// entered.
func (b *book) excluded(p *analysis.PledgeRow) string {
	switch {
	case b.english:
		return b.r.ExcludedText(p)
	case p.Excluded.NamesPledge():
		return b.p.Sprintf("word."+p.Excluded.String()+" %s", b.r.ExcludedName(p))
	}
	return b.word(p.Excluded.String())
}

// investorType is an investor type (one of analysis.InvestorTypes, a
// word of the program) as the workbook shows it, in its language; the
// group of pledges without one as groupName shows it.
func (b *book) investorType(t string) string {
	if t == analysis.Unspecified {
		return b.groupName(t)
	}
	return b.word(t)
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
		return pr.Why(b.r)
	}
	if f := pr.Reason(b.r); f != nil {
		return b.p.Finding(f)
	}
	return ""
}

// changeKind is a change's kind (new, revised, removed) in the
// workbook's language.
func (b *book) changeKind(kind string) string {
	if b.english {
		return kind
	}
	return b.p.Word("change." + kind)
}

// closedFields are the fields of the month-to-month comparison whose
// values are the program's words (a closed list), not data as entered.
var closedFields = map[string]bool{"qualifier": true, "status": true, "counted": true, "stage": true, "basis": true}

// fieldValue is a compared field's value as the Changes sheet shows it.
func (b *book) fieldValue(field, v string) string {
	if closedFields[field] || v == "undisclosed" {
		return b.word(v)
	}
	return v
}

// changeValues are the previous and the new value of a change as the
// Changes sheet shows them: a new or removed entry summed up field by
// field, the field names and the program's words in the workbook's
// language, the data as entered.
func (b *book) changeValues(c *analysis.Change) (old, now string) {
	if b.english {
		return c.Old, c.New
	}
	if c.Kind == "revised" {
		return b.fieldValue(c.Field, c.Old), b.fieldValue(c.Field, c.New)
	}
	parts := make([]string, 0, 8)
	for _, fv := range c.Summary() {
		parts = append(parts, b.word(fv.Field)+"："+b.fieldValue(fv.Field, fv.Value))
	}
	sum := strings.Join(parts, "；")
	if c.Kind == "removed" {
		return sum, c.New
	}
	return c.Old, sum
}
