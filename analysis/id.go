package analysis

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/cases"
	unorm "golang.org/x/text/unicode/norm"
)

// IDKey is the one form in which pledge ids are compared, by every check
// that compares them: the duplicate check, relations, evidence, figure
// references, the self-relation check and the key that follows a pledge
// from month to month. It trims the id, brings it to Unicode
// compatibility form (NFKC: full-width letters are plain letters) and
// folds its case fully (ſx-fund, SX-FUND and sx-fund are one id; so are
// Straße and STRASSE).
func IDKey(id string) string {
	id = strings.TrimSpace(id)
	for i := 0; i < len(id); i++ {
		if id[i] >= utf8.RuneSelf {
			return cases.Fold().String(unorm.NFKC.String(id))
		}
	}
	return strings.ToLower(id) // ASCII: the same, without the tables
}

// SameID reports whether two ids are one id (see IDKey).
func SameID(a, b string) bool { return IDKey(a) == IDKey(b) }
