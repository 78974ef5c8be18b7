package sheets

import (
	"bytes"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"pledgewatch/analysis"
)

// readTemplate reads a template workbook and fails the test on any
// problem.
func readTemplate(t *testing.T, data []byte) *Reader {
	t.Helper()
	var rd Reader
	if err := rd.ReadXLSX(bytes.NewReader(data), "template.xlsx"); err != nil {
		t.Fatal(err)
	}
	for _, p := range rd.Problems.List() {
		t.Errorf("problem in the template: %v", p)
	}
	return &rd
}

// TestTemplate reads the blank workbook back: every table of the
// contract, with every column in order, a note on each header, dropdowns
// on the closed lists, and an example row that reads without a problem
// and holds the figures of the default dataset.
func TestTemplate(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteTemplate(&buf); err != nil {
		t.Fatal(err)
	}
	rd := readTemplate(t, buf.Bytes())
	in := rd.Inputs
	if len(in.Pledges) != 1 || len(in.Metrics) != 1 || len(in.Rates) != 1 || len(in.Entities) != 1 ||
		len(in.Comparisons) != 1 || len(in.Progress) != 1 || len(in.SectorNames) != 1 {
		t.Fatalf("records: %d pledges, %d metrics, %d rates, %d entities, %d comparisons, %d evidence, %d sector names; want one of each",
			len(in.Pledges), len(in.Metrics), len(in.Rates), len(in.Entities), len(in.Comparisons), len(in.Progress), len(in.SectorNames))
	}
	// The Alibaba plan as CNA states it: at least 380 billion yuan over
	// three years, US$53 billion.
	p := in.Pledges[0]
	if p.Amount.Value != 380e9 || p.Amount.Currency != "CNY" || p.Amount.Qualifier != analysis.AtLeast || p.Years != 3 ||
		!p.Announced.Equal(time.Date(2025, 2, 24, 0, 0, 0, 0, time.UTC)) || p.StatedUSD != 53e9 {
		t.Errorf("example pledge = %+v", p)
	}
	// 380 / 53 = 7.1698 yuan to the dollar.
	if r := in.Rates[0]; r.Currency != "CNY" || math.Abs(r.PerUSD-380.0/53) > 1e-4 {
		t.Errorf("example rate = %+v", r)
	}
	if e := in.Progress[0]; e.PledgeID != p.ID || e.Stage != analysis.StageCommitted {
		t.Errorf("example evidence = %+v", e)
	}

	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got, want := len(f.GetSheetList()), len(specs); got != want {
		t.Errorf("%d sheets, want %d", got, want)
	}
	for _, s := range specs {
		rows, err := f.GetRows(s.sheet)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Join(rows[0], ",") != strings.Join(s.names(), ",") {
			t.Errorf("%s header = %v, want %v", s.sheet, rows[0], s.names())
		}
		comments, err := f.GetComments(s.sheet)
		if err != nil {
			t.Fatal(err)
		}
		if len(comments) != len(s.columns) {
			t.Errorf("%s: %d header notes, want %d", s.sheet, len(comments), len(s.columns))
		}
		dvs, err := f.GetDataValidations(s.sheet)
		if err != nil {
			t.Fatal(err)
		}
		lists := 0
		for _, c := range s.columns {
			if len(c.choices) > 0 {
				lists++
			}
		}
		if len(dvs) != lists {
			t.Errorf("%s: %d dropdowns, want %d", s.sheet, len(dvs), lists)
		}
	}
	// The status dropdown closes on the reader's own list.
	dvs, _ := f.GetDataValidations("Pledges")
	found := false
	for _, dv := range dvs {
		if strings.HasPrefix(dv.Sqref, "N2:") {
			found = true
			if dv.ErrorStyle == nil || *dv.ErrorStyle != "stop" || dv.Formula1 != `"announced,committed,deployed,withdrawn"` {
				t.Errorf("status dropdown = %+v, %q", dv, dv.Formula1)
			}
		}
	}
	if !found {
		t.Error("no dropdown on the status column (N)")
	}
}

// TestTemplateFilledIn adds rows to the template as a user would and
// reads it again.
func TestTemplateFilledIn(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteTemplate(&buf); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	row := map[string]any{"id": "hk-ai-subsidy", "announced": time.Date(2024, 7, 31, 0, 0, 0, 0, time.UTC),
		"investor": "Hong Kong government", "investor_type": "government", "program": "AI subsidy scheme",
		"amount": "HK$3 billion", "years": 3, "region": "Hong Kong", "status": "committed", "source": "Budget speech", "kind": "scheme"}
	for i, c := range pledgeSpec.columns {
		if v, ok := row[c.name]; ok {
			if err := f.SetCellValue("Pledges", analysis.ColumnLetters(i+1)+"3", v); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := f.SetSheetRow("FX", "A3", &[]any{"HKD", 7.8, time.Date(1983, 10, 17, 0, 0, 0, 0, time.UTC), "HKMA"}); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if _, err := f.WriteTo(&out); err != nil {
		t.Fatal(err)
	}
	rd := readTemplate(t, out.Bytes())
	if n := len(rd.Inputs.Pledges); n != 2 {
		t.Fatalf("%d pledges, want 2", n)
	}
	if p := rd.Inputs.Pledges[1]; p.Amount.Value != 3e9 || p.Amount.Currency != "HKD" || p.InvestorType != analysis.InvestorGovernment {
		t.Errorf("added pledge = %+v", p)
	}
}
