package xlsxscan

import (
	"bytes"
	"fmt"
	"io"
	"strconv"

	"github.com/klauspost/readahead"
)

// A Sink receives the rows of a sheet from ReadSheet.
type Sink interface {
	// Wants reports whether the cells of column col (one-based) are
	// needed; the cells of other columns are skipped without being
	// decoded. It is asked for every cell.
	Wants(col int) bool
	// Row receives the wanted cells of row n that hold something, in
	// the order of the sheet (column order, unless the sheet says
	// otherwise). The cells and their Bytes are valid until Row returns.
	// Row returns false to stop the scan.
	Row(n int, cells []Cell) bool
}

// A ProgressSink is a Sink that wants to know how much of the sheet has
// been scanned, to size its storage once instead of growing it row by
// row. SetProgress is called before the first row with a function that
// tells how many unpacked bytes of the sheet have been scanned, and how
// many there are; it may be called from Row.
type ProgressSink interface {
	Sink
	SetProgress(func() (done, total int64))
}

// A MergeSink is a Sink that wants the merged ranges of the sheet, which
// come after its rows: SetMerges is called once the rows have all been
// read, when the sheet has any.
type MergeSink interface {
	Sink
	SetMerges([]Range)
}

// A SplitSink is a Sink whose rows may come from another goroutine once
// it no longer needs to see a row before the next is scanned (a table
// reader past its header, say), so that scanning and reading the rows
// run at once, for a sheet of Options.SplitFrom bytes or more. After
// each row, Split is asked for a Filter to answer for the sink's Wants
// on the scanning goroutine, or false while the rows must still come one
// by one. Row and SetMerges are always called on the goroutine that
// called ReadSheet, in order.
type SplitSink interface {
	Sink
	Split() (Filter, bool)
}

// A Filter is a copy of a SplitSink's Wants for the scanning goroutine:
// Saw is told of every row handed to the sink, in order and before the
// sink has it, so that the filter can follow the changes Row makes to
// what the sink wants.
type Filter interface {
	Wants(col int) bool
	Saw(cells []Cell)
}

// ReadSheet streams the worksheet part named part (as in Sheet.Part) into
// sink. The cells of a Number carry their Format once LoadStyles has been
// called. A damaged sheet is an error after the rows before the damage.
func (wb *Workbook) ReadSheet(part string, sink Sink) error {
	rc, size, err := wb.open(part)
	if err != nil {
		return err
	}
	if size > readAheadFrom {
		// Unpacking runs on another core while the cells are scanned.
		if rc, err = readahead.NewReadCloserSize(rc, 4, 1<<20); err != nil {
			return err
		}
	}
	defer rc.Close()
	return wb.scanSheet(rc, size, sink)
}

// readAheadFrom is the unpacked size of a sheet above which it is unpacked
// ahead of the scan.
const readAheadFrom = 8 << 20

// defaultSplitFrom is the default of Options.SplitFrom.
const defaultSplitFrom = 8 << 20

// sheetScanner streams the cells of one worksheet part.
type sheetScanner struct {
	x      *xmlReader
	wb     *Workbook
	cells  []Cell
	buf    []byte // text of this row's cells; cells' Bytes point into it
	rowNum int
	size   int64
	// wants is the sink's, or the Filter's once the rows come from
	// another goroutine (see runSplit).
	wants func(col int) bool
	// split is set, on the sink's goroutine, once the scan has moved to
	// another goroutine; seen is then how far it had got with the rows
	// handed over so far.
	split bool
	seen  int64
	// ended is set once the end of sheetData has been read.
	ended bool
}

// scanSheet reads a worksheet part of size bytes and feeds its rows to
// sink.
func (wb *Workbook) scanSheet(r io.Reader, size int64, sink Sink) error {
	s := &sheetScanner{x: newXMLReader(r), wb: wb, buf: make([]byte, 0, 4096), size: size, wants: sink.Wants}
	if z, ok := sink.(ProgressSink); ok {
		z.SetProgress(func() (int64, int64) {
			if s.split {
				return s.seen, size
			}
			return s.x.offset(), size
		})
	}
	return s.run(sink)
}

// run reads up to the sheet's data and hands its rows, then its merged
// ranges, to sink.
func (s *sheetScanner) run(sink Sink) error {
	x := s.x
	for x.next() {
		if x.kind != tokStart || string(x.name) != "sheetData" {
			continue
		}
		if x.empty {
			return nil
		}
		err := s.rows(sink)
		if m, ok := sink.(MergeSink); ok && err == nil && s.ended {
			err = s.merges(m)
		}
		return err
	}
	return x.err
}

// rows hands the rows of sheetData to sink: one by one until the sink is
// past its header and the sheet is big enough to be scanned on a
// goroutine of its own (see SplitSink), the rest from that goroutine.
func (s *sheetScanner) rows(sink Sink) error {
	sp, canSplit := sink.(SplitSink)
	canSplit = canSplit && s.size >= s.wb.splitFrom
	var filter Filter
	err := s.scanRows(func(n int, cells []Cell) bool {
		if !sink.Row(n, cells) {
			return false
		}
		if canSplit {
			if f, ok := sp.Split(); ok {
				filter = f
				return false
			}
		}
		return true
	}, func() {})
	if err == nil && filter != nil {
		s.wants = filter.Wants
		err = s.runSplit(sink, filter)
	}
	return err
}

// merges gives m the merged ranges after the rows, if there are any.
func (s *sheetScanner) merges(m MergeSink) error {
	ranges, err := s.scanMerges()
	if err == nil && len(ranges) > 0 {
		m.SetMerges(ranges)
	}
	return err
}

// maxMerges caps the merged ranges read from a sheet.
const maxMerges = 1 << 20

// scanMerges reads the merged ranges after the rows of a sheet.
func (s *sheetScanner) scanMerges() ([]Range, error) {
	x := s.x
	var out []Range
	for x.next() {
		if x.kind != tokStart || string(x.name) != "mergeCell" {
			continue
		}
		v, _ := attr(x.attrs, "ref")
		m, ok := parseRange(v)
		if !ok {
			return nil, fmt.Errorf("%w: merged range %q", errMalformed, v)
		}
		if len(out) == maxMerges {
			return nil, fmt.Errorf("%w: more than %d merged ranges", ErrTooLarge, maxMerges)
		}
		out = append(out, m)
	}
	return out, x.err
}

// parseRange reads a range reference such as H2:H3.
func parseRange(ref []byte) (Range, bool) {
	a, b, ok := bytes.Cut(ref, []byte(":"))
	if !ok {
		b = a
	}
	c1, r1 := columnOf(a), rowOf(a)
	c2, r2 := columnOf(b), rowOf(b)
	if c1 == 0 || c2 == 0 || r1 == 0 || r2 == 0 {
		return Range{}, false
	}
	return Range{Top: min(r1, r2), Left: min(c1, c2), Bottom: max(r1, r2), Right: max(c1, c2)}, true
}

// rowBatch is rows of cells handed from the scanning goroutine to the
// sink's, with the cells' text copied into the batch.
type rowBatch struct {
	rows  []batchRow
	cells []Cell
	spans [][2]int // where each cell's Bytes lie in text; {-1, -1} for none
	text  []byte
}

// batchRow is row n, whose cells end at cells[end], scanned up to offset.
type batchRow struct {
	n, end int
	offset int64
}

// Batches end after this many rows or bytes of text. A batch of rows of
// sixteen columns holds 4,096 cells (230 kB), and the few in flight take
// little memory: with batches of 1,024 rows, each new one grown from
// empty, reading a book of 100,000 pledges allocated 29 MB more (97 MB
// against 68 MB).
const (
	batchRows = 256
	batchText = 64 << 10
)

// newBatch returns an empty batch with room for as much as b held.
func newBatch(b *rowBatch) *rowBatch {
	return &rowBatch{rows: make([]batchRow, 0, cap(b.rows)), cells: make([]Cell, 0, cap(b.cells)),
		spans: make([][2]int, 0, cap(b.spans)), text: make([]byte, 0, cap(b.text))}
}

// add copies row n into the batch.
func (b *rowBatch) add(n int, cells []Cell, offset int64) {
	for _, c := range cells {
		span := [2]int{-1, -1}
		if c.Bytes != nil {
			span[0] = len(b.text)
			b.text = append(b.text, c.Bytes...)
			span[1] = len(b.text)
		}
		c.Bytes = nil
		b.cells = append(b.cells, c)
		b.spans = append(b.spans, span)
	}
	b.rows = append(b.rows, batchRow{n: n, end: len(b.cells), offset: offset})
}

// seal points the cells' text into the batch's own copy, once the batch
// is full and its text no longer moves.
func (b *rowBatch) seal() {
	for i, sp := range b.spans {
		if sp[0] >= 0 {
			b.cells[i].Bytes = b.text[sp[0]:sp[1]:sp[1]]
		}
	}
}

// reset empties the batch for reuse.
func (b *rowBatch) reset() {
	b.rows, b.cells, b.spans, b.text = b.rows[:0], b.cells[:0], b.spans[:0], b.text[:0]
}

// runSplit scans the rest of the sheet on another goroutine and feeds its
// rows to sink on this one, in order. An error of the scan comes after
// the rows before it, as it would in one goroutine.
func (s *sheetScanner) runSplit(sink Sink, filter Filter) error {
	s.split, s.seen = true, s.x.offset()
	out := make(chan *rowBatch, 4)
	free := make(chan *rowBatch, 6)
	stop := make(chan struct{})
	errc := make(chan error, 1)
	go func() {
		defer close(out)
		b := &rowBatch{}
		send := func() bool {
			b.seal()
			select {
			case out <- b:
			case <-stop:
				return false
			}
			select {
			case b = <-free:
				b.reset()
			default:
				b = newBatch(b)
			}
			return true
		}
		errc <- s.scanRows(func(n int, cells []Cell) bool {
			b.add(n, cells, s.x.offset())
			filter.Saw(cells)
			if len(b.rows) >= batchRows || len(b.text) >= batchText {
				return send()
			}
			return true
		}, func() {
			if len(b.rows) > 0 {
				send()
			}
		})
	}()
	stopped := false
	for b := range out {
		if stopped {
			continue
		}
		start := 0
		for _, r := range b.rows {
			cells := b.cells[start:r.end]
			start = r.end
			s.seen = r.offset
			if !sink.Row(r.n, cells) {
				stopped = true
				close(stop)
				break
			}
		}
		select {
		case free <- b:
		default:
		}
	}
	err := <-errc
	if stopped {
		return nil
	}
	return err
}

// scanRows goes on with the rows of sheetData from where run left off,
// handing each to emit until it returns false; flush is called at the
// end of the data, before the error (if any) is returned.
func (s *sheetScanner) scanRows(emit func(n int, cells []Cell) bool, flush func()) error {
	x := s.x
	for x.next() {
		if x.kind != tokStart {
			if x.kind == tokEnd && string(x.name) == "sheetData" {
				s.ended = true
				flush()
				return nil
			}
			continue
		}
		if string(x.name) != "row" {
			continue
		}
		n, err := s.rowNumber()
		if err != nil {
			flush()
			return err
		}
		s.rowNum = n
		if x.empty {
			continue
		}
		if err := s.readRow(); err != nil {
			flush()
			return err
		}
		if len(s.cells) > 0 && !emit(n, s.cells) {
			return nil
		}
	}
	flush()
	if x.err == nil {
		return fmt.Errorf("%w: the sheet ends before the end of its data", errMalformed)
	}
	return x.err
}

// rowNumber returns the number of the row whose start tag was just read:
// its r attribute, or the number after the row before's.
func (s *sheetScanner) rowNumber() (int, error) {
	v, ok := attr(s.x.attrs, "r")
	if !ok {
		return s.rowNum + 1, nil
	}
	n, err := strconv.Atoi(string(v))
	if err != nil || n < 1 || n > MaxRows {
		return 0, fmt.Errorf("%w: row number %q", errMalformed, v)
	}
	return n, nil
}

// readRow reads the cells of a row, up to its end tag.
func (s *sheetScanner) readRow() error {
	x := s.x
	s.cells, s.buf = s.cells[:0], s.buf[:0]
	col := 0
	for {
		c, typ, style, quick, err := s.quickCellStart(col)
		if !quick {
			if !x.next() {
				break
			}
			switch {
			case x.kind == tokEnd && string(x.name) == "row":
				return nil
			case x.kind != tokStart || string(x.name) != "c":
				continue
			}
			c, typ, style, err = cellStart(x.attrs, col)
		}
		if err != nil {
			return err
		}
		col = c.Col
		switch {
		case x.empty:
		case !s.wants(col):
			err = s.skipCell()
		default:
			err = s.readCell(&c, typ, style)
			if err == nil && c.Kind != Empty {
				s.cells = append(s.cells, c)
			}
		}
		if err != nil {
			return err
		}
	}
	if x.err != nil {
		return x.err
	}
	return fmt.Errorf("%w: the sheet ends inside row %d", errMalformed, s.rowNum)
}

// cellStart reads the attributes of a cell's start tag: its column (the
// one after col when it has no reference), its type and its style.
func cellStart(attrs []byte, col int) (c Cell, typ cellType, style int, err error) {
	c.Col = col + 1
	for a := attrs; ; {
		n, v, rest, ok := nextAttr(a)
		if !ok {
			return c, typ, style, nil
		}
		a = rest
		if err := cellAttr(&c, &typ, &style, n, v); err != nil {
			return c, typ, style, err
		}
	}
}

// cellAttr reads one attribute of a cell's start tag.
func cellAttr(c *Cell, typ *cellType, style *int, name, v []byte) error {
	switch string(name) {
	case "r":
		if c.Col = columnOf(v); c.Col == 0 {
			return fmt.Errorf("%w: cell reference %q", errMalformed, v)
		}
	case "s":
		*style, _ = parseIndex(v)
	case "t":
		*typ = cellTypeOf(v)
	}
	return nil
}

// quickCellStart reads the start tag of a cell at the reader's position
// when it is written as spreadsheets write it: <c, each attribute after
// one space as name="value", then > or />, all in the buffer. It reads
// the attributes as cellStart does, sets x.empty and returns quick true;
// or, for any other markup, reads nothing and returns quick false, for
// the tokenizer and cellStart. Finding the end of the tag and then its
// attributes took a fifth of the scan of a sheet; TestQuickCells holds
// the two ways to the same cells and errors.
func (s *sheetScanner) quickCellStart(col int) (c Cell, typ cellType, style int, quick bool, err error) {
	x := s.x
	b := x.buf[x.pos:x.end]
	if len(b) < 3 || b[0] != '<' || b[1] != 'c' || s.wb.tokenCells {
		return
	}
	c.Col = col + 1
	for i := 2; i < len(b); {
		switch b[i] {
		case '>':
			x.empty, x.pos = false, x.pos+i+1
			return c, typ, style, true, err
		case '/':
			if i+1 < len(b) && b[i+1] == '>' {
				x.empty, x.pos = true, x.pos+i+2
				return c, typ, style, true, err
			}
			return Cell{}, 0, 0, false, nil
		case ' ':
		default:
			return Cell{}, 0, 0, false, nil
		}
		n := i + 1
		for n < len(b) && isNameByte(b[n]) {
			n++
		}
		if n == i+1 || n+1 >= len(b) || b[n] != '=' || b[n+1] != '"' {
			return Cell{}, 0, 0, false, nil
		}
		v := bytes.IndexByte(b[n+2:], '"')
		if v < 0 {
			return Cell{}, 0, 0, false, nil
		}
		if err == nil {
			// After a bad attribute, cellStart reads no more.
			err = cellAttr(&c, &typ, &style, b[i+1:n], b[n+2:n+2+v])
		}
		i = n + 2 + v + 1
	}
	return Cell{}, 0, 0, false, nil
}

// isNameByte reports whether c may be part of an attribute name that
// quickCellStart reads.
func isNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == ':' || c == '_' || c == '-' || c == '.'
}

// skipCell reads up to the end of the current cell.
func (s *sheetScanner) skipCell() error {
	x := s.x
	for x.next() {
		if x.kind == tokEnd && string(x.name) == "c" {
			return nil
		}
	}
	if x.err != nil {
		return x.err
	}
	return fmt.Errorf("%w: the sheet ends inside a cell", errMalformed)
}
