package analysis

import (
	"errors"
	"math"
	"testing"
	"unsafe"
)

// TestLocSize holds a record's position to a pointer and a row number.
// Every Pledge, Metric, Rate and Evidence carries one: at a million
// pledges and a million evidence rows each byte here is two megabytes of
// live heap, and peak memory follows the live heap. A Loc that holds the
// file, sheet and columns itself is 48 bytes.
func TestLocSize(t *testing.T) {
	if s := unsafe.Sizeof(Loc{}); s > 16 {
		t.Errorf("Loc is %d bytes, want at most 16: keep the file, sheet and columns in the table's Origin", s)
	}
}

func TestZeroLoc(t *testing.T) {
	var l Loc
	if l.File() != "" || l.Sheet() != "" || l.Row() != 0 || l.Column("amount") != 0 || l.Cell("amount") != "" {
		t.Errorf("zero Loc gives %q %q %d %d %q", l.File(), l.Sheet(), l.Row(), l.Column("amount"), l.Cell("amount"))
	}
	if r := l.Ref(); r != (Ref{}) {
		t.Errorf("zero Loc's Ref = %+v", r)
	}
	err := errors.New("bad")
	p := l.Problem(SevError, "amount", "x", err)
	want := Problem{Severity: SevError, Column: "amount", Value: "x", Err: err}
	if *p != want {
		t.Errorf("zero Loc's problem = %+v, want %+v", *p, want)
	}
	if w := l.WithRow(7); w.Row() != 7 || w.File() != "" || w.Cell("amount") != "" {
		t.Errorf("zero Loc with row 7 = %+v", w.Ref())
	}
}

func TestLocPlaces(t *testing.T) {
	cols := Columns{"id": 1, "amount": 6, "related_to": 28}
	o := NewOrigin("inputs/p.xlsx", "Pledges", cols)
	l := o.At(14)
	if got, want := l.Ref(), (Ref{File: "inputs/p.xlsx", Sheet: "Pledges", Row: 14}); got != want {
		t.Errorf("Ref = %+v, want %+v", got, want)
	}
	if got := l.Ref().String(); got != `inputs/p.xlsx: sheet "Pledges", row 14` {
		t.Errorf("Ref().String() = %q", got)
	}
	for name, n := range cols {
		if l.Column(name) != n || l.Cell(name) != cols.Cell(name, 14) {
			t.Errorf("column %s: %d %q, want %d %q", name, l.Column(name), l.Cell(name), n, cols.Cell(name, 14))
		}
	}
	if l.Cell("related_to") != "AB14" || l.Cell("note") != "" || l.Column("note") != 0 {
		t.Errorf("cells: related_to %q, note %q", l.Cell("related_to"), l.Cell("note"))
	}
	err := errors.New("bad")
	p := l.Problem(SevWarning, "amount", "5", err)
	want := Problem{Severity: SevWarning, File: "inputs/p.xlsx", Sheet: "Pledges", Row: 14, Cell: "F14", Column: "amount", Value: "5", Err: err}
	if *p != want {
		t.Errorf("problem = %+v, want %+v", *p, want)
	}

	// Another row of the table shares its origin; At builds the same place
	// with an origin of its own.
	m := l.WithRow(15)
	if m.origin != o || m.Row() != 15 || l.Row() != 14 {
		t.Errorf("WithRow(15) = %+v (origin shared: %v), l = %+v", m.Ref(), m.origin == o, l.Ref())
	}
	if a := At("inputs/p.xlsx", "Pledges", 14, cols); a.Ref() != l.Ref() || a.Cell("amount") != "F14" || a.origin == o {
		t.Errorf("At = %+v", a.Ref())
	}

	// Rows a Loc cannot hold are no row.
	beyond := math.MaxInt32
	beyond++ // where int is 32 bits this wraps to a negative row: no row either
	for _, row := range []int{0, -1, beyond} {
		if r := o.At(row); r.Row() != 0 || r.Cell("amount") != "" || r.File() != "inputs/p.xlsx" {
			t.Errorf("At(%d) = %+v, cell %q", row, r.Ref(), r.Cell("amount"))
		}
	}
	if r := o.At(math.MaxInt32); r.Row() != math.MaxInt32 {
		t.Errorf("At(MaxInt32).Row() = %d", r.Row())
	}
	if r := o.At(1048576); r.Cell("amount") != "F1048576" {
		t.Errorf("the last row of a sheet: %q", r.Cell("amount"))
	}
}
