// Package entered finds the analyst's data, as entered in a workbook of
// inputs, in the texts a report writes, so that tests can hold the words
// the program writes itself to the report's language.
package entered

import (
	"regexp"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"
)

// EnglishRun is three or more English words in a row.
var EnglishRun = regexp.MustCompile(`[A-Za-z][A-Za-z'’-]*(?:[ ,]+[A-Za-z][A-Za-z'’-]*){2,}`)

// Texts returns the texts of every cell of the workbook at path and
// their parts between semicolons, trimmed and passed through fold (nil
// keeps them as they are), longest first.
func Texts(path string, fold func(string) string) ([]string, error) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	seen := map[string]bool{}
	for _, sh := range f.GetSheetList() {
		rows, err := f.GetRows(sh)
		if err != nil {
			return nil, err
		}
		for _, row := range rows {
			for _, c := range row {
				for _, s := range append(strings.Split(c, ";"), c) {
					if s = strings.TrimSpace(s); fold != nil {
						s = fold(s)
					}
					if len(s) > 1 {
						seen[s] = true
					}
				}
			}
		}
	}
	out := make([]string, 0, len(seen))
	for s := range seen {
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return len(out[i]) > len(out[j]) || len(out[i]) == len(out[j]) && out[i] < out[j] })
	return out, nil
}

// Without returns s with every text of entered, longest first, taken
// out: what is left is the program's words.
func Without(s string, entered []string) string {
	for _, e := range entered {
		if strings.Contains(s, e) {
			s = strings.ReplaceAll(s, e, "\x00")
		}
	}
	return s
}
