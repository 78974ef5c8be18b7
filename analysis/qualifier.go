package analysis

import (
	"strings"
)

// Qualifier says how a stated figure bounds the true one: "more than US$50
// billion" is a strict lower bound, "about 5.3" an approximation.
type Qualifier int8

// Qualifiers. Mixed marks a figure derived from bounds that point in
// different directions, so that nothing can be said of its direction.
const (
	Exact Qualifier = iota
	AtLeast
	MoreThan
	AtMost
	LessThan
	About
	Mixed
)

var qualifierNames = [...]string{"", "at least", "more than", "at most", "less than", "about", "mixed bounds"}

// String returns the qualifier as written in a sentence, "" for Exact.
func (q Qualifier) String() string {
	if q < 0 || int(q) >= len(qualifierNames) {
		return "?"
	}
	return qualifierNames[q]
}

// Label returns the qualifier for a table cell: "exact" for Exact.
func (q Qualifier) Label() string {
	if q == Exact {
		return "exact"
	}
	return q.String()
}

// Lower reports whether the stated figure is a lower bound.
func (q Qualifier) Lower() bool { return q == AtLeast || q == MoreThan }

// Upper reports whether the stated figure is an upper bound.
func (q Qualifier) Upper() bool { return q == AtMost || q == LessThan }

func (q Qualifier) strict() bool { return q == MoreThan || q == LessThan }

// qualifierWords maps what analysts write to qualifiers, longest first
// where one is a prefix of another.
var qualifierWords = []struct {
	word string
	q    Qualifier
}{
	{"at least", AtLeast}, {"no less than", AtLeast}, {"not less than", AtLeast}, {"minimum", AtLeast}, {"min", AtLeast},
	{"mindestens", AtLeast}, {"至少", AtLeast}, {"不少于", AtLeast}, {"不低于", AtLeast}, {">=", AtLeast}, {"≥", AtLeast},
	{"more than", MoreThan}, {"over", MoreThan}, {"above", MoreThan}, {"exceeding", MoreThan}, {"in excess of", MoreThan},
	{"über", MoreThan}, {"mehr als", MoreThan}, {"超过", MoreThan}, {"超過", MoreThan}, {"超", MoreThan}, {"逾", MoreThan}, {"多于", MoreThan}, {"高于", MoreThan}, {">", MoreThan},
	{"at most", AtMost}, {"up to", AtMost}, {"no more than", AtMost}, {"not more than", AtMost}, {"maximum", AtMost}, {"max", AtMost},
	{"höchstens", AtMost}, {"bis zu", AtMost}, {"最多", AtMost}, {"不超过", AtMost}, {"<=", AtMost}, {"≤", AtMost},
	{"less than", LessThan}, {"under", LessThan}, {"below", LessThan}, {"fewer than", LessThan}, {"weniger als", LessThan},
	{"不到", LessThan}, {"少于", LessThan}, {"低于", LessThan}, {"<", LessThan},
	{"about", About}, {"approximately", About}, {"approx.", About}, {"approx", About}, {"around", About}, {"roughly", About},
	{"nearly", About}, {"almost", About}, {"some", About}, {"ca.", About}, {"circa", About}, {"etwa", About}, {"rund", About}, {"ungefähr", About},
	{"约", About}, {"大约", About}, {"約", About}, {"大約", About}, {"knapp", About}, {"近", About}, {"~", About}, {"≈", About},
	{"exact", Exact}, {"exactly", Exact},
}

// ParseQualifier reads a qualifier column. The empty string is Exact.
func ParseQualifier(s string) (Qualifier, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	if t == "" {
		return Exact, nil
	}
	for _, w := range qualifierWords {
		if t == w.word {
			return w.q, nil
		}
	}
	return Exact, errorf(ErrQualifier, "unknown qualifier; use one of: at least, more than, about, less than, at most (or leave empty for an exact figure)")
}

// cutQualifier removes a leading qualifier word from s.
func cutQualifier(s string) (Qualifier, string) {
	lower := strings.ToLower(s)
	best, bestLen := Exact, 0
	for _, w := range qualifierWords {
		if len(w.word) <= bestLen || !strings.HasPrefix(lower, w.word) {
			continue
		}
		rest := s[len(w.word):]
		// A word qualifier must end at a word boundary ("over" but not "overall").
		if isLetter(w.word[len(w.word)-1]) && rest != "" && isLetter(rest[0]) {
			continue
		}
		best, bestLen = w.q, len(w.word)
	}
	return best, strings.TrimSpace(s[bestLen:])
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// Sum returns the qualifier of a sum of figures with qualifiers a and b:
// adding an "at least" figure gives "at least" (an approximate figure
// counts at its stated value, so "at least" plus "about" is still "at
// least"); lower and upper bounds together give Mixed; only approximations
// give About.
func (q Qualifier) Sum(b Qualifier) Qualifier {
	a := q
	switch {
	case a == Exact:
		return b
	case b == Exact:
		return a
	case a == Mixed || b == Mixed:
		return Mixed
	case a == About && b == About:
		return About
	case a == About:
		return b.loose()
	case b == About:
		return a.loose()
	case a.Lower() && b.Lower():
		if a.strict() || b.strict() {
			return MoreThan
		}
		return AtLeast
	case a.Upper() && b.Upper():
		if a.strict() || b.strict() {
			return LessThan
		}
		return AtMost
	}
	return Mixed
}

// loose returns the non-strict form of a bound.
func (q Qualifier) loose() Qualifier {
	switch q {
	case MoreThan:
		return AtLeast
	case LessThan:
		return AtMost
	}
	return q
}

// flip turns a lower bound into an upper one and back, as dividing by a
// bounded figure does.
func (q Qualifier) flip() Qualifier {
	switch q {
	case AtLeast:
		return AtMost
	case MoreThan:
		return LessThan
	case AtMost:
		return AtLeast
	case LessThan:
		return MoreThan
	}
	return q
}

// Ratio returns the qualifier of a/b for positive figures a and b with
// qualifiers q and d: 32 over "less than 13" is "more than" 2.46.
func (q Qualifier) Ratio(d Qualifier) Qualifier {
	return q.Sum(d.flip())
}

// Sentence returns the qualifier as it reads before a multiple or a
// percentage in a sentence ("more than 2.46x", "above 56.9%").
func (q Qualifier) Sentence(percent bool) string {
	if !percent {
		return q.String()
	}
	switch q {
	case MoreThan:
		return "above"
	case LessThan:
		return "below"
	}
	return q.String()
}
