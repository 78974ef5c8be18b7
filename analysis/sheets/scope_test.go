package sheets

import (
	"strings"
	"testing"

	"pledgewatch/analysis"
)

// TestReadScope reads ai_scope and ai_share: a broader programme with and
// without a share, a pledge that is not AI, and the cells that are
// errors, each at its cell.
func TestReadScope(t *testing.T) {
	csv := strings.Join([]string{
		"id,announced,investor,program,amount,ai_scope,ai_share",
		"sub,2024-02-28,HK Government,AI Subsidy Scheme,HK$3 billion,,",
		"raise,2022-10-19,HK Government,RAISe+,HK$10 billion,broader,",
		"fund,2024-10-16,HK Government,Industry fund,HK$10 billion,Broader,40%",
		"prop,2024-05-01,Developer,Property fund,US$1 billion,not AI,",
		"bad1,2024-05-01,Developer,Fund,US$1 billion,dedicated,40%",
		"bad2,2024-05-01,Developer,Fund,US$1 billion,broader,0.4",
		"bad3,2024-05-01,Developer,Fund,US$1 billion,partly,",
	}, "\n")
	rd, got := readPledges(t, csv)
	for id, want := range map[string]struct {
		scope analysis.AIScope
		share float64
	}{"sub": {analysis.ScopeDedicated, 0}, "raise": {analysis.ScopeBroader, 0}, "fund": {analysis.ScopeBroader, 0.4}, "prop": {analysis.ScopeNotAI, 0}} {
		if p, ok := got[id]; !ok || p.AIScope != want.scope || p.AIShare != want.share {
			t.Errorf("%s: scope %q share %v, want %q %v", id, p.AIScope, p.AIShare, want.scope, want.share)
		}
	}
	var cells []string
	for _, p := range rd.Problems.List() {
		if p.Severity == analysis.SevError {
			cells = append(cells, p.Cell)
		}
	}
	if want := []string{"G6", "G7", "F8"}; strings.Join(cells, " ") != strings.Join(want, " ") {
		t.Errorf("errors at %v, want %v:\n%v", cells, want, rd.Problems.Err())
	}
}

// TestReadUndated reads dates the source does not give, in the announced
// cell or through date_basis, and the cells that are errors.
func TestReadUndated(t *testing.T) {
	csv := strings.Join([]string{
		"id,announced,investor,program,amount,source_date,date_basis",
		"a,before 2024-12-20,Alibaba,Stake,undisclosed,2024-12-20,",
		"b,unknown,Alibaba,Stake,undisclosed,2024-12-20,",
		"c,2024-12-20,Alibaba,Stake,undisclosed,2024-12-20,before",
		"d,2024-03-01,Alibaba,Stake,undisclosed,,",
		"e,unknown,Alibaba,Stake,undisclosed,,",
		"f,before 2024-12-20,Alibaba,Stake,undisclosed,,report date",
		"g,earlier,Alibaba,Stake,undisclosed,,",
	}, "\n")
	rd, got := readPledges(t, csv)
	for id, want := range map[string][2]string{
		"a": {"2024-12-20", analysis.DateBefore.String()},
		"b": {"2024-12-20", analysis.DateUnknown.String()}, // placed at the source's date
		"c": {"2024-12-20", analysis.DateBefore.String()},
		"d": {"2024-03-01", ""},
	} {
		p, ok := got[id]
		if !ok || p.Announced.Format(analysis.DateLayout) != want[0] || p.DateBasis.String() != want[1] {
			t.Errorf("%s: %s %q, want %s %q", id, p.Announced.Format(analysis.DateLayout), p.DateBasis, want[0], want[1])
		}
	}
	var cells []string
	for _, p := range rd.Problems.List() {
		if p.Severity == analysis.SevError {
			cells = append(cells, p.Cell)
		}
	}
	if want := []string{"B6", "G7", "B8"}; strings.Join(cells, " ") != strings.Join(want, " ") {
		t.Errorf("errors at %v, want %v:\n%v", cells, want, rd.Problems.Err())
	}
}

// readPledges reads a pledges.csv and returns the reader and its pledges
// by id.
func readPledges(t *testing.T, csv string) (*Reader, map[string]analysis.Pledge) {
	t.Helper()
	var rd Reader
	if err := rd.ReadCSV(strings.NewReader(csv), "pledges.csv"); err != nil {
		t.Fatal(err)
	}
	got := map[string]analysis.Pledge{}
	for _, p := range rd.Inputs.Pledges {
		got[p.ID] = p
	}
	return &rd, got
}
