package sheets

import (
	"slices"
	"strconv"

	"pledgewatch/analysis"
)

// This file reads merged cells as Excel shows them. The merged ranges of
// a sheet come after its rows, so a sheet is read once as it is; only
// when a range covers cells of the data that are read is it read again,
// with every cell of each such range given the value of its top-left
// cell.

// setMerges implements merger: it keeps the ranges that change what the
// data says, reporting a range that crosses the header.
func (tr *tableReader) setMerges(ranges []mergeRange) {
	if tr.header == 0 || tr.stopped {
		return
	}
	for _, m := range ranges {
		switch {
		case m.r1 == m.r2 && m.c1 == m.c2, m.r2 < tr.header:
			// One cell, or a title above the header.
		case m.r1 <= tr.header && m.r1 != m.r2:
			tr.rd.Problems.Add(&analysis.Problem{Severity: analysis.SevError, File: tr.file, Sheet: tr.sheet,
				Cell: m.String(), Row: m.r1, Err: analysis.Errorf(analysis.ErrMerged,
					"merged cells cross the header row %d; unmerge them, so that the header is one row and each value in its own cell", tr.header)})
			tr.crossed = true
		case m.r1 > tr.header && tr.readsAny(m):
			tr.merges = append(tr.merges, m)
		}
	}
}

// readsAny reports whether merging m changes a cell of a column the table
// reads: a cell below its top-left one, or beside it.
func (tr *tableReader) readsAny(m mergeRange) bool {
	for c := m.c1; c <= m.c2 && c < len(tr.fieldOf); c++ {
		if tr.fieldOf[c] >= 0 && (c != m.c1 || m.r2 > m.r1) {
			return true
		}
	}
	return false
}

// mergedAgain reports whether the sheet must be read again with its
// merged ranges filled in.
func (tr *tableReader) mergedAgain() bool { return len(tr.merges) > 0 && !tr.crossed }

// mergeFill is a sink that fills every cell of the merged ranges of the
// data with the value of the range's top-left cell, then hands the row to
// a tableReader.
type mergeFill struct {
	tr      *tableReader
	ranges  []mergeRange // sorted by first row
	next    int          // ranges[next:] have not begun
	active  []filling
	anchors []bool // by column: a top-left cell is in it
	out     []cell
}

// filling is a range being read and the value of its top-left cell.
type filling struct {
	m mergeRange
	v cell
}

func newMergeFill(tr *tableReader, ranges []mergeRange) *mergeFill {
	f := &mergeFill{tr: tr, ranges: slices.Clone(ranges)}
	slices.SortFunc(f.ranges, func(a, b mergeRange) int { return a.r1 - b.r1 })
	for _, m := range ranges {
		for len(f.anchors) <= m.c1 {
			f.anchors = append(f.anchors, false)
		}
		f.anchors[m.c1] = true
	}
	return f
}

func (f *mergeFill) anchor(col int) bool { return col < len(f.anchors) && f.anchors[col] }

// wants implements rowSink: the top-left cells are read too.
func (f *mergeFill) wants(col int) bool { return f.tr.wants(col) || f.anchor(col) }

// setProgress implements sizer.
func (f *mergeFill) setProgress(p func() (int64, int64)) { f.tr.setProgress(p) }

// frozenWants implements splitter.
func (f *mergeFill) frozenWants() (columnFilter, bool) {
	cf, ok := f.tr.frozenWants()
	if !ok {
		return nil, false
	}
	return anchorFilter{cf, f}, true
}

// anchorFilter is a columnFilter that wants the top-left cells too.
type anchorFilter struct {
	columnFilter
	f *mergeFill
}

func (a anchorFilter) wants(col int) bool { return a.columnFilter.wants(col) || a.f.anchor(col) }

// row implements rowSink.
func (f *mergeFill) row(n int, cells []cell) bool {
	for f.next < len(f.ranges) && f.ranges[f.next].r1 <= n {
		f.active = append(f.active, filling{m: f.ranges[f.next]})
		f.next++
	}
	f.active = slices.DeleteFunc(f.active, func(a filling) bool { return a.m.r2 < n })
	if len(f.active) == 0 {
		return f.tr.row(n, cells)
	}
	out := append(f.out[:0], cells...)
	for i := range f.active {
		a := &f.active[i]
		if a.m.r1 == n {
			a.v = cell{}
			for _, c := range cells {
				if c.col == a.m.c1 {
					a.v = c
					if c.b != nil {
						a.v.s, a.v.b = string(c.b), nil // c.b is valid for this row only
					}
				}
			}
		}
		for c := a.m.c1; c <= a.m.c2 && c < len(f.tr.fieldOf); c++ {
			if f.tr.fieldOf[c] < 0 || n == a.m.r1 && c == a.m.c1 {
				continue
			}
			v := a.v
			v.col = c
			out = slices.DeleteFunc(out, func(x cell) bool { return x.col == c })
			if v.kind != cellEmpty {
				out = append(out, v)
			}
		}
	}
	// Top-left cells in columns the table does not read go no further.
	out = slices.DeleteFunc(out, func(x cell) bool { return !f.tr.wants(x.col) })
	slices.SortStableFunc(out, func(a, b cell) int { return a.col - b.col })
	f.out = out
	return f.tr.row(n, out)
}

// warnMerged warns at each merged range that was filled in.
func (tr *tableReader) warnMerged(ranges []mergeRange) {
	for _, m := range ranges {
		tr.rd.Problems.Add(&analysis.Problem{Severity: analysis.SevWarning, File: tr.file, Sheet: tr.sheet,
			Cell: columnLetters(m.c1) + strconv.Itoa(m.r1), Row: m.r1, Err: analysis.Errorf(analysis.ErrMerged,
				"the cells %s are merged, so the value of %s%d is read in each of them, as Excel shows it; unmerge them and type the value in each cell if that is not meant",
				m, columnLetters(m.c1), m.r1)})
	}
}
