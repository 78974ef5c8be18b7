package workbook

import (
	"strconv"
	"strings"
	"unicode/utf16"

	"pledgewatch/analysis"
)

// Formulas that find their figures by key rather than by a fixed cell, so
// that sorting or filtering a table changes no figure that reads it.

// escapeWildcards makes MATCH and the *IFS functions read s literally:
// in them ~ * and ? are wildcards unless preceded by ~.
func escapeWildcards(s string) string {
	if !strings.ContainsAny(s, "~*?") {
		return s
	}
	r := strings.NewReplacer("~", "~~", "*", "~*", "?", "~?")
	return r.Replace(s)
}

// equals is a criterion of SUMIFS and COUNTIFS matching cells equal to s
// (ignoring case, as they do); for "" it matches empty cells. The leading
// "=" keeps a value that starts with < or > from reading as a comparison.
func equals(s string) string { return literal("=" + escapeWildcards(s)) }

// colRange is a column of a sheet from row first to row last, absolute.
func colRange(sheet, col string, first, last int) string {
	return sheet + "!$" + col + "$" + strconv.Itoa(first) + ":$" + col + "$" + strconv.Itoa(last)
}

// lookup reads the cell of valueRange on the row where keyRange holds key.
func lookup(valueRange, keyRange, key string) string {
	return "INDEX(" + valueRange + ",MATCH(" + literal(escapeWildcards(key)) + "," + keyRange + ",0))"
}

// lookupKey reports whether MATCH can look for key: Excel refuses a
// value longer than 255 characters, and a key must not be empty.
func lookupKey(key string) bool {
	return key != "" && len(utf16.Encode([]rune(escapeWildcards(key)))) <= maxLiteral
}

// cond is one condition of a group on the Pledges table: the Pledges
// column it reads and the criterion, a formula expression.
type cond struct {
	col       string // Pledges column key
	criterion string
}

// pledgeRange is a column of the Pledges table over its data rows.
func (b *book) pledgeRange(key string) string {
	first := b.lay.pledgeFirst
	return colRange(b.ref(sheetPledges), pletter(key), first, first+max(len(b.r.Pledges), 1)-1)
}

// ifs writes the range and criterion pairs of a SUMIFS or COUNTIFS over
// the counted pledges that meet conds: those whose Counted cell holds the
// word for yes in the workbook's language.
func (b *book) ifs(conds []cond) string {
	var sb strings.Builder
	sb.WriteString(b.pledgeRange("counted"))
	sb.WriteByte(',')
	sb.WriteString(literal(escapeWildcards(b.word(analysis.YesNo(true)))))
	for _, c := range conds {
		sb.WriteByte(',')
		sb.WriteString(b.pledgeRange(c.col))
		sb.WriteByte(',')
		sb.WriteString(c.criterion)
	}
	return sb.String()
}

// groupConds returns the conditions that pick the pledges of group g of a
// section from the Pledges table, or false when the section's figures are
// not plain sums of pledges (sectors split a pledge across several).
// name gives a group's name and word a word of the program (an investor
// type) as the Pledges sheet shows them.
func groupConds(sec *section, g analysis.Group, name, word func(string) string) ([]cond, bool) {
	key := g.Key
	if key == analysis.Unspecified {
		key = ""
	}
	switch sec.tableName {
	case "InvestorTotals":
		return []cond{{"group", equals(name(key))}}, true
	case "MemberTotals":
		if len(g.Members) != 1 {
			return nil, false
		}
		return []cond{{"group", equals(name(g.Parent))}, {"investor", equals(g.Members[0])}}, true
	case "InvestorTypeTotals":
		return []cond{{"investor type", equals(word(key))}}, true
	case "RegionTotals":
		return []cond{{"region", equals(key)}}, true
	case "YearTotals":
		y, err := strconv.Atoi(g.Key)
		if err != nil {
			return nil, false
		}
		return []cond{
			{"announced", `">="&DATE(` + strconv.Itoa(y) + `,1,1)`},
			{"announced", `"<"&DATE(` + strconv.Itoa(y+1) + `,1,1)`},
		}, true
	case "HongKongTotals":
		typ := equals(word("government"))
		if g.Key != "Public schemes" {
			typ = literal("<>" + escapeWildcards(word("government")))
		}
		return []cond{{"region", equals("Hong Kong")}, {"investor type", typ}}, true
	}
	return nil, false
}
