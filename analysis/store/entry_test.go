package store

import (
	"bytes"
	"encoding/json"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"pledgewatch/analysis"
)

// encodingJSON is what json.Encoder writes for e.
func encodingJSON(t testing.TB, e analysis.SnapshotEntry) string {
	t.Helper()
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(e); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// TestEntryLayout fails when analysis.SnapshotEntry changes: appendEntry
// would no longer be used, and snapshots would be written by the slower
// encoding/json path until it learns the new fields.
func TestEntryLayout(t *testing.T) {
	if !entryLayout {
		t.Fatalf("analysis.SnapshotEntry no longer has the fields %v that appendEntry writes; teach appendEntry the new ones", entryFields)
	}
}

// TestAppendEntry holds appendEntry to encoding/json on entries made of
// the texts and numbers it treats apart, and on many random ones.
func TestAppendEntry(t *testing.T) {
	texts := []string{"", "plain", `quote " and \ backslash`, "<b>&amp;</b>", "tab\tnew\nline\rret\bback\fform",
		"\x00\x01\x1f\x7f", "阿里巴巴 — 3,800億元「承諾」", "line\u2028para\u2029", "bad \xff\xfe utf-8 \xe4\xb8", "emoji 🙂", "\xed\xa0\x80"}
	values := []float64{0, math.Copysign(0, -1), 1, -1, 0.1, 1e-6, 9.99e-7, 1e-7, 1.5e-10, 1e20, 1e21, 123456789012345678901234.0,
		-3.8e11, 5.3e10, math.MaxFloat64, math.SmallestNonzeroFloat64, 1.0 / 3}
	var entries []analysis.SnapshotEntry
	for i, s := range texts {
		v := values[i%len(values)]
		entries = append(entries, analysis.SnapshotEntry{Key: s, Label: texts[len(texts)-1-i], Value: &v, Fields: []string{s, "", s + s}})
	}
	for _, v := range values {
		entries = append(entries, analysis.SnapshotEntry{Key: "k", Label: "l", Value: &v})
	}
	entries = append(entries, analysis.SnapshotEntry{}, analysis.SnapshotEntry{Fields: []string{}})
	rng := rand.New(rand.NewPCG(1, 2))
	text := func() string {
		var b strings.Builder
		for range rng.IntN(12) {
			switch rng.IntN(4) {
			case 0:
				b.WriteByte(byte(rng.IntN(256)))
			case 1:
				b.WriteRune(rune(rng.IntN(0x30000)))
			default:
				s := texts[rng.IntN(len(texts))]
				b.WriteString(s[:rng.IntN(len(s)+1)])
			}
		}
		return b.String()
	}
	for range 20000 {
		e := analysis.SnapshotEntry{Key: text(), Label: text()}
		if rng.IntN(4) > 0 {
			v := math.Float64frombits(rng.Uint64())
			if rng.IntN(2) == 0 {
				v = rng.NormFloat64() * math.Pow(10, float64(rng.IntN(50)-25))
			}
			if math.IsNaN(v) || math.IsInf(v, 0) {
				v = 0
			}
			e.Value = &v
		}
		if rng.IntN(5) > 0 {
			e.Fields = make([]string, rng.IntN(10))
			for i := range e.Fields {
				e.Fields[i] = text()
			}
		}
		entries = append(entries, e)
	}
	for _, e := range entries {
		if !entryAppendable(e) {
			t.Fatalf("entry %+v is not appendable", e)
		}
		if got, want := string(appendEntry(nil, e)), encodingJSON(t, e); got != want {
			t.Fatalf("appendEntry(%+v)\n got %q\nwant %q", e, got, want)
		}
	}
}

// TestAppendEntryNotFinite leaves a value encoding/json refuses to
// encoding/json, so that the snapshot fails with its error.
func TestAppendEntryNotFinite(t *testing.T) {
	for _, v := range []float64{math.Inf(1), math.Inf(-1), math.NaN()} {
		if entryAppendable(analysis.SnapshotEntry{Value: &v}) {
			t.Errorf("value %v is appendable", v)
		}
	}
}

// FuzzAppendEntry holds appendEntry to encoding/json on any texts and
// value.
func FuzzAppendEntry(f *testing.F) {
	f.Add("key", "<label> & \u2028", 1.5, "field\x00\xff")
	f.Add("", "", 1e-7, "")
	f.Fuzz(func(t *testing.T, key, label string, v float64, field string) {
		e := analysis.SnapshotEntry{Key: key, Label: label, Value: &v, Fields: []string{field, key}}
		if !entryAppendable(e) {
			return
		}
		if got, want := string(appendEntry(nil, e)), encodingJSON(t, e); got != want {
			t.Fatalf("appendEntry(%+v)\n got %q\nwant %q", e, got, want)
		}
	})
}
