package store

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"pledgewatch/analysis"
)

// testReport builds a report of a few pledges, one undisclosed, and two
// metrics, one of them with text that encoding/json escapes.
func testReport(t *testing.T) *analysis.Report {
	t.Helper()
	pledge := func(id, investor, program, amount string) analysis.Pledge {
		a, err := analysis.PledgeAmount(amount, "", "", "")
		if err != nil {
			t.Fatal(err)
		}
		return analysis.Pledge{ID: id, Announced: time.Date(2025, 2, 24, 0, 0, 0, 0, time.UTC), Investor: investor,
			InvestorType: analysis.InvestorCompany, Program: program, AmountText: amount, Amount: a, Region: "Hong Kong",
			Status: analysis.PledgeAnnounced, Source: "SCMP"}
	}
	metric := func(entity, name, period, value string) analysis.Metric {
		a, unit, money, err := analysis.MetricValue(value, "", "")
		if err != nil {
			t.Fatal(err)
		}
		p, err := analysis.ParsePeriod(period)
		if err != nil {
			t.Fatal(err)
		}
		return analysis.Metric{Entity: entity, Metric: name, Period: p, ValueText: value, Value: a.Value, Unit: unit,
			Money: money, Qualifier: a.Qualifier, Basis: "actual", Source: "HKPC <survey> & notes"}
	}
	in := analysis.Inputs{
		Rates: []analysis.Rate{{Currency: "HKD", PerUSD: 7.8, Date: time.Date(1983, 10, 17, 0, 0, 0, 0, time.UTC)}},
		Pledges: []analysis.Pledge{
			pledge("raise", "Hong Kong Government", "RAISe+ Scheme", "HK$10 billion"),
			pledge("cloud", "Alibaba Group", "Cloud and AI", "at least US$53 billion"),
			pledge("licence", "Zhang Yiming", "Type 9 licence", "undisclosed"),
		},
		Metrics: []analysis.Metric{
			metric("Hong Kong companies", "use or plan to use AI", "2023-11", "41%"),
			metric("Alibaba", "AI capex", "2025", "US$32 billion"),
		},
	}
	r, probs := analysis.Build(in, analysis.Options{AsOf: time.Date(2025, 11, 30, 0, 0, 0, 0, time.UTC)})
	if probs.HasErrors() {
		t.Fatal(probs.Err())
	}
	return r
}

func encode(t *testing.T, r *analysis.Report, month string) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := EncodeSnapshot(&b, r, month); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestEncodeSnapshot checks that the streamed snapshot is, once its line
// breaks are taken out, what encoding/json writes for the whole snapshot,
// so that every field of analysis.Snapshot is written, and that it
// decodes as that snapshot.
func TestEncodeSnapshot(t *testing.T) {
	r := testReport(t)
	want := r.Snapshot("2025-11")
	if len(want.Pledges) != 3 || len(want.Metrics) != 2 {
		t.Fatalf("test report has %d pledges and %d metrics in its snapshot", len(want.Pledges), len(want.Metrics))
	}
	data := encode(t, r, "2025-11")
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	text, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	var compact bytes.Buffer
	if err := json.Compact(&compact, text); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, text)
	}
	whole, err := json.Marshal(want)
	if err != nil {
		t.Fatal(err)
	}
	if compact.String() != string(whole) {
		t.Errorf("streamed snapshot differs from encoding/json's:\n got %s\nwant %s", compact.String(), whole)
	}
	if n := strings.Count(string(text), "\n"); n != 2+len(want.Pledges)+len(want.Metrics)+1 {
		t.Errorf("%d lines, want one an entry:\n%s", n, text)
	}
	got, err := DecodeSnapshot(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("decoded snapshot differs:\n got %+v\nwant %+v", got, want)
	}
	if again := encode(t, r, "2025-11"); !bytes.Equal(again, data) {
		t.Error("the same snapshot encoded twice gives different bytes")
	}
}

// TestEarlier reads the snapshots of earlier months: later months and
// folders that are not months are passed over, a folder without a
// snapshot is passed over quietly, one that cannot be read is named, and
// only the latest keeps its entries.
func TestEarlier(t *testing.T) {
	dir := t.TempDir()
	r := testReport(t)
	for _, m := range []string{"2025-08", "2025-09", "2025-11", "2025-12", "latest"} {
		if err := os.MkdirAll(filepath.Join(dir, m), 0o755); err != nil {
			t.Fatal(err)
		}
		if m == "2025-09" {
			continue // no snapshot
		}
		if err := os.WriteFile(filepath.Join(dir, m, SnapshotName(m)), encode(t, r, m), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.MkdirAll(filepath.Join(dir, "2025-10"), 0o755); err != nil {
		t.Fatal(err)
	}
	broken := filepath.Join(dir, "2025-10", SnapshotName("2025-10"))
	if err := os.WriteFile(broken, []byte("not gzip"), 0o644); err != nil {
		t.Fatal(err)
	}
	var skipped []string
	got := Store{Dir: dir}.Earlier("2025-12", func(path string, err error) { skipped = append(skipped, path) })
	if len(got) != 2 || got[0].Month != "2025-08" || got[1].Month != "2025-11" {
		t.Fatalf("earlier snapshots %+v, want 2025-08 and 2025-11", got)
	}
	if got[0].Pledges != nil || len(got[1].Pledges) != 3 || len(got[1].Metrics) != 2 {
		t.Errorf("entries kept: %d and %d pledges; want only the latest's", len(got[0].Pledges), len(got[1].Pledges))
	}
	if len(skipped) != 1 || skipped[0] != broken {
		t.Errorf("skipped %q, want %s", skipped, broken)
	}
}
