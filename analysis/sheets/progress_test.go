package sheets

import (
	"bytes"
	"strings"
	"testing"

	"pledgewatch/analysis"
)

// TestReadProgress reads a Progress sheet with cumulative and
// incremental amounts in several currencies, and the mistakes a row can
// hold by itself, each at its cell.
func TestReadProgress(t *testing.T) {
	data := book(t,
		sh{"Pledges", [][]any{
			{"id", "announced", "investor", "program", "amount"},
			{"hk-fund", "2024-01-01", "Hong Kong SAR Government", "AI fund", "HK$10 billion"},
		}},
		sh{"Progress", [][]any{
			{"Evidence of delivery"},
			{"Pledge", "Date", "Stage", "Amount", "Basis", "Currency", "Unit", "Qualifier", "Source", "URL", "Note"},
			{"hk-fund", day(2024, 6, 30), "disbursed", 1.5, "cumulative", "HKD", "billion", "more than", "LegCo paper", "https://example.org/a", "first tranche"},
			{"hk-fund", "2025-01-31", "spent", "US$100 million", "increment", nil, nil, nil, "Annual report"},
			{"hk-fund", "2025-02-01", "approved", nil, nil, nil, nil, nil, "Press release"},
			{"hk-fund", "2025-03-01", "disbursed", "HK$2 billion", nil},
			{"hk-fund", "2025-04-01", "cancelled", "HK$1 billion", "cumulative"},
			{"hk-fund", "2025-05-01", "started"},
			{"hk-fund", nil, "spent", "HK$1 billion", "cumulative"},
			{"hk-fund", "2025-06-01", "spent", "1 billion", "cumulative"},
		}},
	)
	rd := &Reader{}
	if err := rd.ReadXLSX(bytes.NewReader(data), "in.xlsx"); err != nil {
		t.Fatal(err)
	}
	got := rd.Inputs.Progress
	if len(got) != 3 {
		t.Fatalf("%d rows read, want 3: %+v", len(got), got)
	}
	e := got[0]
	if e.PledgeID != "hk-fund" || e.Date.Format(analysis.DateLayout) != "2024-06-30" || e.Stage != analysis.StageDisbursed || e.Basis != analysis.BasisCumulative ||
		e.Amount.Value != 1.5e9 || e.Amount.Currency != "HKD" || e.Amount.Qualifier != analysis.MoreThan || e.AmountText != "more than 1.5 billion HKD" ||
		e.Source != "LegCo paper" || e.URL != "https://example.org/a" || e.Note != "first tranche" || e.Loc.Row() != 3 {
		t.Errorf("first row = %+v", e)
	}
	if e := got[1]; e.Amount.Value != 100e6 || e.Amount.Currency != "USD" || e.Basis != analysis.BasisIncrement {
		t.Errorf("second row = %+v", e)
	}
	if e := got[2]; !e.Amount.Undisclosed || e.Basis != analysis.BasisNone || e.Stage != analysis.StageApproved {
		t.Errorf("a stage without an amount = %+v", e)
	}
	want := []string{
		`error: in.xlsx: sheet "Progress", cell E6 (amount_basis): say how the amount counts: cumulative (the total at this stage to this date) or increment (added since the rows before)`,
		`error: in.xlsx: sheet "Progress", cell D7 (amount): "HK$1 billion": a cancellation has no amount; put what was paid out before it on a disbursed or spent row, and leave this amount empty`,
		`error: in.xlsx: sheet "Progress", cell C8 (stage): "started": use one of: committed, approved, disbursed, spent, completed, cancelled`,
		`error: in.xlsx: sheet "Progress", cell B9 (date): empty; enter the date the evidence reports, such as 2025-06-30`,
		`error: in.xlsx: sheet "Progress", cell F10 (currency): no currency for the amount; put a code such as USD, HKD or CNY in the currency column, or write it in the amount (US$50 billion)`,
	}
	lines := problemLines(&rd.Problems)
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
}

// TestEmptyProgress accepts a Progress sheet with its header and no rows:
// a place ready for evidence.
func TestEmptyProgress(t *testing.T) {
	data := book(t,
		sh{"Pledges", [][]any{{"announced", "investor", "program", "amount"}, {"2024-01-01", "A", "B", "US$1"}}},
		sh{"Progress", [][]any{{"pledge_id", "date", "stage", "amount", "amount_basis"}}},
	)
	rd := &Reader{}
	if err := rd.ReadXLSX(bytes.NewReader(data), "in.xlsx"); err != nil {
		t.Fatal(err)
	}
	if lines := problemLines(&rd.Problems); len(lines) != 0 || len(rd.Inputs.Progress) != 0 {
		t.Errorf("problems %q, rows %d", lines, len(rd.Inputs.Progress))
	}
}
