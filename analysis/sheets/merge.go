package sheets

import (
	"slices"
	"strconv"

	"pledgewatch/analysis"
	"pledgewatch/analysis/sheets/internal/xlsxscan"
)

// This file reads merged cells as Excel shows them. The merged ranges of
// a sheet come after its rows, so a sheet is read once as it is; only
// when a range covers cells of the data that are read is it read again,
// with every cell of each such range given the value of its top-left
// cell.

// SetMerges implements xlsxscan.MergeSink: it keeps the ranges that
// change what the data says, reporting a range that crosses the header.
func (tr *tableReader) SetMerges(ranges []xlsxscan.Range) {
	if tr.header == 0 || tr.stopped {
		return
	}
	for _, m := range ranges {
		switch {
		case m.Top == m.Bottom && m.Left == m.Right, m.Bottom < tr.header:
			// One cell, or a title above the header.
		case m.Top <= tr.header && m.Top != m.Bottom:
			tr.rd.Problems.Add(&analysis.Problem{Severity: analysis.SevError, File: tr.file, Sheet: tr.sheet,
				Cell: m.String(), Row: m.Top, Err: analysis.Errorf(analysis.ErrMerged,
					"merged cells cross the header row %d; unmerge them, so that the header is one row and each value in its own cell", tr.header)})
			tr.crossed = true
		case m.Top > tr.header && tr.readsAny(m):
			tr.merges = append(tr.merges, m)
		}
	}
}

// readsAny reports whether merging m changes a cell of a column the table
// reads: a cell below its top-left one, or beside it.
func (tr *tableReader) readsAny(m xlsxscan.Range) bool {
	for c := m.Left; c <= m.Right && c < len(tr.fieldOf); c++ {
		if tr.fieldOf[c] >= 0 && (c != m.Left || m.Bottom > m.Top) {
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
	ranges  []xlsxscan.Range // sorted by first row
	next    int              // ranges[next:] have not begun
	active  []filling
	anchors []bool // by column: a top-left cell is in it
	out     []cell
}

// filling is a range being read and the value of its top-left cell.
type filling struct {
	m xlsxscan.Range
	v cell
}

func newMergeFill(tr *tableReader, ranges []xlsxscan.Range) *mergeFill {
	f := &mergeFill{tr: tr, ranges: slices.Clone(ranges)}
	slices.SortFunc(f.ranges, func(a, b xlsxscan.Range) int { return a.Top - b.Top })
	for _, m := range ranges {
		for len(f.anchors) <= m.Left {
			f.anchors = append(f.anchors, false)
		}
		f.anchors[m.Left] = true
	}
	return f
}

func (f *mergeFill) anchor(col int) bool { return col < len(f.anchors) && f.anchors[col] }

// Wants implements xlsxscan.Sink: the top-left cells are read too.
func (f *mergeFill) Wants(col int) bool { return f.tr.Wants(col) || f.anchor(col) }

// SetProgress implements xlsxscan.ProgressSink.
func (f *mergeFill) SetProgress(p func() (int64, int64)) { f.tr.SetProgress(p) }

// Split implements xlsxscan.SplitSink.
func (f *mergeFill) Split() (xlsxscan.Filter, bool) {
	cf, ok := f.tr.Split()
	if !ok {
		return nil, false
	}
	return anchorFilter{cf, f}, true
}

// anchorFilter is a Filter that wants the top-left cells too.
type anchorFilter struct {
	xlsxscan.Filter
	f *mergeFill
}

func (a anchorFilter) Wants(col int) bool { return a.Filter.Wants(col) || a.f.anchor(col) }

// Row implements xlsxscan.Sink.
func (f *mergeFill) Row(n int, cells []cell) bool {
	for f.next < len(f.ranges) && f.ranges[f.next].Top <= n {
		f.active = append(f.active, filling{m: f.ranges[f.next]})
		f.next++
	}
	f.active = slices.DeleteFunc(f.active, func(a filling) bool { return a.m.Bottom < n })
	if len(f.active) == 0 {
		return f.tr.Row(n, cells)
	}
	out := append(f.out[:0], cells...)
	for i := range f.active {
		a := &f.active[i]
		if a.m.Top == n {
			a.v = cell{}
			for _, c := range cells {
				if c.Col == a.m.Left {
					a.v = c
					if c.Bytes != nil {
						a.v.Str, a.v.Bytes = string(c.Bytes), nil // c.Bytes is valid for this row only
					}
				}
			}
		}
		for c := a.m.Left; c <= a.m.Right && c < len(f.tr.fieldOf); c++ {
			if f.tr.fieldOf[c] < 0 || n == a.m.Top && c == a.m.Left {
				continue
			}
			v := a.v
			v.Col = c
			out = slices.DeleteFunc(out, func(x cell) bool { return x.Col == c })
			if v.Kind != xlsxscan.Empty {
				out = append(out, v)
			}
		}
	}
	// Top-left cells in columns the table does not read go no further.
	out = slices.DeleteFunc(out, func(x cell) bool { return !f.tr.Wants(x.Col) })
	slices.SortStableFunc(out, func(a, b cell) int { return a.Col - b.Col })
	f.out = out
	return f.tr.Row(n, out)
}

// warnMerged warns at each merged range that was filled in.
func (tr *tableReader) warnMerged(ranges []xlsxscan.Range) {
	for _, m := range ranges {
		tr.rd.Problems.Add(&analysis.Problem{Severity: analysis.SevWarning, File: tr.file, Sheet: tr.sheet,
			Cell: analysis.ColumnLetters(m.Left) + strconv.Itoa(m.Top), Row: m.Top, Err: analysis.Errorf(analysis.ErrMerged,
				"the cells %s are merged, so the value of %s%d is read in each of them, as Excel shows it; unmerge them and type the value in each cell if that is not meant",
				m, analysis.ColumnLetters(m.Left), m.Top)})
	}
}
