package analysis

import (
	"strings"
	"testing"
)

func entityAt(row int, name, group, short string) Entity {
	return Entity{Loc: At("in.xlsx", "Entities", row, Columns{"name": 1, "group": 3, "short_name": 4}),
		Name: name, Group: group, Short: short}
}

// TestSharedShortName checks that two groups shown under one name are an
// error at the cell that gives the name, where the report would otherwise
// add them together on Investors; members of one group sharing its short
// name are not.
func TestSharedShortName(t *testing.T) {
	in := ratesInputs(
		at(pledge("a", "2025-02-24", "Alibaba Group", "company", "AI", "US$1 billion", "", 0, "", "Mainland China", "X"), 2),
		at(pledge("b", "2025-02-24", "Ali Holdings", "company", "AI", "US$2 billion", "", 0, "", "Mainland China", "X"), 3),
	)
	in.Entities = []Entity{
		entityAt(2, "Alibaba Group", "", "Ali"),
		entityAt(3, "Alibaba Cloud", "Alibaba Group", ""),
		entityAt(4, "Ali Holdings", "", "ALI"),
		entityAt(5, "Ali", "", ""),
		entityAt(6, "Tencent", "", "Tencent"),
	}
	_, probs := Build(in, Options{})
	var got []string
	for _, p := range problemsOf(probs, ErrConflict) {
		got = append(got, p.Severity.String()+" "+p.Cell+": "+p.Err.Error())
	}
	want := []string{
		`error D4: group "Ali Holdings" is shown as "ALI", as group "Alibaba Group" is (at in.xlsx: sheet "Entities", row 2); the report would add the two together on Investors; give each group its own short name, or make one a member of the other`,
		`error A5: group "Ali" is shown as "Ali", as group "Alibaba Group" is (at in.xlsx: sheet "Entities", row 2); the report would add the two together on Investors; give each group its own short name, or make one a member of the other`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestEvidenceBeforePledge checks that evidence dated before its pledge
// was announced is a warning at its date, and still counts.
func TestEvidenceBeforePledge(t *testing.T) {
	p := at(pledge("fund", "2025-03-01", "Fund Capital", "fund", "AI fund", "US$100 million", "", 2, "", "Hong Kong", "X"), 2)
	in := ratesInputs(p)
	e := evidence("fund", "2025-01-15", "disbursed", "US$10 million", "cumulative")
	e.Loc = At("in.xlsx", "Progress", 2, Columns{"date": 2})
	in.Progress = []Evidence{e, evidence("fund", "2025-04-01", "disbursed", "US$20 million", "cumulative")}
	r, probs := Build(in, Options{AsOf: day("2025-06-30")})
	got := problemsOf(probs, ErrEvidenceBefore)
	if len(got) != 1 || got[0].Severity != SevWarning || got[0].Cell != "B2" ||
		got[0].Err.Error() != "dated before pledge fund was announced (2025-03-01); it counts as delivered against that pledge: check the date and the pledge_id, or leave the row out if the money is not part of the pledge" {
		t.Fatalf("got %v", got)
	}
	if d := progressOf(t, r, "fund").Delivered; d != 20e6 {
		t.Errorf("delivered %v, want 20e6", d)
	}
}
