package sheets

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"pledgewatch/analysis"
	"pledgewatch/analysis/sheets/internal/xlsxscan"
)

// Column states in tableReader.fieldOf besides a field index.
const (
	colIgnore = -1 // an unknown or repeated column: its cells are skipped
	colWatch  = -2 // no header: the first value in it gets a warning
)

// tableReader turns the rows of one sheet (or CSV file) into records of
// one table. It finds the header, maps columns to fields, and decodes
// each data row, reporting every problem at its cell.
type tableReader struct {
	rd       *Reader
	spec     *tableSpec
	file     string
	sheet    string
	date1904 bool
	maxRows  int

	header      int              // header row; 0 while looking for it
	headerWidth int              // the last column of the header
	firstRow    int              // first row with a value, for the no-header message
	origin      *analysis.Origin // file, sheet and columns, shared by the records
	fieldOf     []int            // by column number: field, colIgnore or colWatch
	fieldCol    []int            // by field: column number, 0 when absent
	cur         []*cell
	errored     []bool // by field: the cell had a problem already reported
	dataRows    int
	records     int
	at          int  // the row being decoded
	bad         bool // the row has an error: no record
	stopped     bool
	textCells   []string         // header texts, reused
	pending     []colProblem     // problems of the row being read, put in column order at its end
	money       []bool           // by field: the column may name a currency (see warnYen)
	merges      []xlsxscan.Range // merged ranges that change the data (see setMerges)
	crossed     bool             // a merged range crosses the header

	progress  func() (done, total int64) // how far the scan is, if known
	dataStart int64                      // progress when the header was read

	// ownText is, by field, whether text has copied a cell of it out of
	// the sheet; packTexts then gives such cells of a row one string.
	ownText []bool
	rowText []byte // packTexts' buffer
}

// colProblem is a problem and the column it is about.
type colProblem struct {
	col int
	p   *analysis.Problem
}

// add queues a problem of the current row.
func (tr *tableReader) add(col int, p *analysis.Problem) {
	tr.pending = append(tr.pending, colProblem{col, p})
}

// flush reports the current row's problems from left to right.
func (tr *tableReader) flush() {
	slices.SortStableFunc(tr.pending, func(a, b colProblem) int { return a.col - b.col })
	for _, cp := range tr.pending {
		tr.rd.Problems.Add(cp.p)
	}
	clear(tr.pending)
	tr.pending = tr.pending[:0]
}

// SetProgress implements xlsxscan.ProgressSink.
func (tr *tableReader) SetProgress(f func() (int64, int64)) { tr.progress = f }

// sizeRows is called once after the first rows: it estimates the rows of
// the sheet from the bytes they took and grows the record slice to hold
// them, so that a million-row sheet is not copied a dozen times while it
// grows. A bad guess costs little: append grows as usual.
func (tr *tableReader) sizeRows() {
	if tr.progress == nil {
		return
	}
	done, total := tr.progress()
	if done <= tr.dataStart || total <= done {
		return
	}
	perRow := float64(done-tr.dataStart) / float64(tr.dataRows)
	est := int(float64(total-tr.dataStart)/perRow*1.02) + 16
	est = min(est, tr.maxRows) - tr.dataRows
	in := &tr.rd.Inputs
	switch tr.spec.table {
	case tablePledges:
		in.Pledges = slices.Grow(in.Pledges, est)
	case tableMetrics:
		in.Metrics = slices.Grow(in.Metrics, est)
	case tableFX:
		in.Rates = slices.Grow(in.Rates, est)
	}
	// Entities and comparisons are a few rows each: no need to grow.
}

func newTableReader(rd *Reader, spec *tableSpec, file, sheet string, date1904 bool) *tableReader {
	maxR := rd.MaxRows
	if maxR <= 0 {
		maxR = xlsxscan.MaxRows
	}
	return &tableReader{rd: rd, spec: spec, file: file, sheet: sheet, date1904: date1904, maxRows: maxR,
		fieldCol: make([]int, len(spec.columns)), cur: make([]*cell, len(spec.columns)),
		errored: make([]bool, len(spec.columns)), ownText: make([]bool, len(spec.columns))}
}

// Wants implements xlsxscan.Sink.
func (tr *tableReader) Wants(col int) bool {
	if tr.header == 0 || col >= len(tr.fieldOf) {
		return col <= xlsxscan.MaxColumns
	}
	return tr.fieldOf[col] != colIgnore
}

// Split implements xlsxscan.SplitSink: from the header on, the columns
// wanted are those Row would still look at. It gives the scanning
// goroutine a copy of the column map that follows the one change Row
// makes to it: a column without a header is read up to its first value
// (which Row warns about) and ignored after it.
func (tr *tableReader) Split() (xlsxscan.Filter, bool) {
	if tr.header == 0 || tr.stopped {
		return nil, false
	}
	return &followedColumns{fieldOf: slices.Clone(tr.fieldOf)}, true
}

// followedColumns is the scanning goroutine's copy of tr.fieldOf.
type followedColumns struct{ fieldOf []int }

func (f *followedColumns) Wants(col int) bool {
	if col >= len(f.fieldOf) {
		return col <= xlsxscan.MaxColumns
	}
	return f.fieldOf[col] != colIgnore
}

// Saw applies to the copy what Row does to tr.fieldOf for these cells.
func (f *followedColumns) Saw(cells []cell) {
	for i := range cells {
		c := &cells[i]
		if c.IsBlank() || c.Col > xlsxscan.MaxColumns {
			continue
		}
		for len(f.fieldOf) <= c.Col {
			f.fieldOf = append(f.fieldOf, colWatch)
		}
		if f.fieldOf[c.Col] == colWatch {
			f.fieldOf[c.Col] = colIgnore
		}
	}
}

// Row implements xlsxscan.Sink: the header search, then data rows.
func (tr *tableReader) Row(n int, cells []cell) bool {
	if tr.header == 0 {
		return tr.findHeader(n, cells)
	}
	for i := range tr.cur {
		tr.cur[i], tr.errored[i] = nil, false
	}
	found := false
	for i := range cells {
		c := &cells[i]
		if c.IsBlank() || c.Col > xlsxscan.MaxColumns {
			continue
		}
		if c.Col >= len(tr.fieldOf) {
			tr.growColumns(c.Col)
		}
		switch f := tr.fieldOf[c.Col]; {
		case f >= 0:
			tr.cur[f], found = c, true
		case f == colWatch:
			tr.fieldOf[c.Col] = colIgnore
			err := analysis.Errorf(analysis.ErrUnknownColumn,
				"column %s has no header, so its values are ignored; name it in row %d or delete it", analysis.ColumnLetters(c.Col), tr.header)
			if tr.sheet == "" && c.Col > tr.headerWidth {
				// In a CSV file, a value past the header is most often
				// the rest of a value with an unquoted comma.
				err = analysis.Errorf(analysis.ErrUnknownColumn,
					"the row has more values than the header has columns (%d), so this one is ignored; a value that holds a comma must be in double quotes, such as \"5,3 billion\"", tr.headerWidth)
			}
			tr.add(c.Col, &analysis.Problem{Severity: analysis.SevWarning, File: tr.file, Sheet: tr.sheet,
				Cell: analysis.ColumnLetters(c.Col) + strconv.Itoa(n), Row: n, Value: clip(tr.plain(c)), Err: err})
		}
	}
	if !found {
		tr.flush()
		return true // an empty row
	}
	tr.dataRows++
	if tr.rd.Progress != nil && tr.dataRows%ProgressEvery == 0 {
		tr.rd.Progress(tr.file, tr.sheet, tr.dataRows)
	}
	if tr.dataRows > tr.maxRows {
		tr.rd.Problems.Add(&analysis.Problem{Severity: analysis.SevError, File: tr.file, Sheet: tr.sheet, Row: n,
			Err: analysis.Errorf(analysis.ErrTooLarge,
				"more than %d rows of data, the most read from one sheet or file; split the data over several files", tr.maxRows)})
		tr.stopped = true
		return false
	}
	if tr.dataRows == sizeAfterRows {
		tr.sizeRows()
	}
	tr.at, tr.bad = n, false
	if packRowTexts {
		tr.packTexts()
	}
	for f, c := range tr.cur {
		if c != nil {
			tr.checkCell(f, c)
		}
	}
	for f, c := range tr.spec.columns {
		if c.required && tr.cur[f] == nil && !tr.errored[f] {
			tr.errorAt(f, "", analysis.Errorf(analysis.ErrRequired, "empty; %s", c.help))
		}
	}
	switch tr.spec.table {
	case tablePledges:
		tr.pledge()
	case tableMetrics:
		tr.metric()
	case tableFX:
		tr.rate()
	case tableEntities:
		tr.entity()
	case tableComparisons:
		tr.comparison()
	case tableProgress:
		tr.evidence()
	case tableSectorNames:
		tr.sectorName()
	}
	tr.warnYen()
	tr.flush()
	return true
}

// packTexts copies the text cells of the row that text would copy one by
// one (those of the fields it has copied before) into one string, which
// the cells then hold in Str. The texts a record keeps as entered (an
// id, a programme, a link) are then one allocation a row instead of one
// each: reading a book of 100,000 pledges made 301,000 allocations
// instead of 476,000, and kept 0.7 MB less.
func (tr *tableReader) packTexts() {
	buf := tr.rowText[:0]
	for f, c := range tr.cur {
		if c != nil && tr.ownText[f] && c.Kind == xlsxscan.Text && c.Bytes != nil {
			buf = append(buf, c.Bytes...)
		}
	}
	tr.rowText = buf
	if len(buf) == 0 {
		return
	}
	s := string(buf)
	for f, c := range tr.cur {
		if c != nil && tr.ownText[f] && c.Kind == xlsxscan.Text && c.Bytes != nil {
			c.Str, s = s[:len(c.Bytes)], s[len(c.Bytes):]
			c.Bytes = nil
		}
	}
}

// packRowTexts turns packTexts on; tests turn it off to compare.
var packRowTexts = true

// warnYen warns at each cell of the row that reads ¥ as the yuan.
func (tr *tableReader) warnYen() {
	if tr.money == nil {
		tr.money = make([]bool, len(tr.spec.columns))
		for f, c := range tr.spec.columns {
			tr.money[f] = c.money
		}
	}
	for f, c := range tr.cur {
		if c == nil || c.Kind != xlsxscan.Text || !tr.money[f] {
			continue
		}
		// ¥ and ￥ both end in the byte A5: a cheap first look.
		if c.Bytes != nil && bytes.IndexByte(c.Bytes, 0xA5) < 0 || c.Bytes == nil && strings.IndexByte(c.Str, 0xA5) < 0 {
			continue
		}
		s := tr.text(f)
		if err := analysis.AmbiguousCurrency(s); err != nil {
			tr.problem(analysis.SevWarning, f, clip(s), err)
		}
	}
}

// sizeAfterRows is when sizeRows runs.
const sizeAfterRows = 200

// growColumns extends fieldOf to cover column col; columns beyond the
// header have no header.
func (tr *tableReader) growColumns(col int) {
	for len(tr.fieldOf) <= col {
		tr.fieldOf = append(tr.fieldOf, colWatch)
	}
}

// checkCell reports a cell that holds an error value or a formula without
// a saved value; such a cell is then read as absent.
func (tr *tableReader) checkCell(f int, c *cell) {
	switch {
	case c.Kind == xlsxscan.ErrorValue || (c.Kind == xlsxscan.Text && hasErrorValue(c)):
		v := strings.ToUpper(trimSpace(c.Text()))
		tr.errorAt(f, v, analysis.Errorf(analysis.ErrCellError,
			"the cell holds the spreadsheet error %s; fix the formula or type the value", v))
	case c.Kind == xlsxscan.TextTooLong:
		tr.errorAt(f, "", analysis.Errorf(analysis.ErrTooLarge,
			"the cell text exceeds Excel's limit of 32,767 characters; shorten it (keep a long text in a document and link to it)"))
	case c.Kind == xlsxscan.Text && hasControl(c):
		s := trimSpace(c.Text())
		r, _ := analysis.ControlChar(s)
		tr.errorAt(f, clip(analysis.ShowControls(s)), analysis.Errorf(analysis.ErrControlChar,
			"the text holds the control character %s, which no report can show (an SVG chart holding it cannot be opened); delete it from the cell", analysis.ControlName(r)))
	case c.Kind == xlsxscan.NoValue:
		v := ""
		if len(c.Bytes) > 0 {
			v = "=" + string(c.Bytes)
		}
		tr.errorAt(f, clip(v), analysis.Errorf(analysis.ErrFormula,
			"formula with no saved value; open and save the file in Excel (or LibreOffice) so the value is stored, or type the value"))
	default:
		return
	}
	tr.cur[f], tr.errored[f] = nil, true
}

// problem reports a problem at the cell of field f in the current row.
func (tr *tableReader) problem(sev analysis.Severity, f int, value string, err error) {
	col := tr.fieldCol[f]
	p := &analysis.Problem{Severity: sev, File: tr.file, Sheet: tr.sheet, Row: tr.at,
		Column: tr.spec.columns[f].name, Value: value, Err: err}
	if col > 0 {
		p.Cell = analysis.ColumnLetters(col) + strconv.Itoa(tr.at)
	}
	tr.add(col, p)
}

// errorAt reports an error at field f; the row gives no record.
func (tr *tableReader) errorAt(f int, value string, err error) {
	tr.bad, tr.errored[f] = true, true
	tr.problem(analysis.SevError, f, value, err)
}

// findHeader looks for the header row: the first row with at least two
// values, one of which names a column of the table. Rows above it (a
// title, a note, a blank line) are skipped.
func (tr *tableReader) findHeader(n int, cells []cell) bool {
	texts := tr.textCells[:0]
	nonEmpty, known := 0, false
	for i := range cells {
		t := ""
		if !cells[i].IsBlank() {
			t = tr.plain(&cells[i])
			nonEmpty++
			known = known || tr.spec.column(t) >= 0
		}
		texts = append(texts, t)
	}
	tr.textCells = texts
	if nonEmpty == 0 {
		return true
	}
	if tr.firstRow == 0 {
		tr.firstRow = n
	}
	if nonEmpty < 2 || !known {
		return true
	}
	return tr.setHeader(n, cells, texts)
}

// setHeader maps the columns of header row n.
func (tr *tableReader) setHeader(n int, cells []cell, texts []string) bool {
	tr.header = n
	if tr.progress != nil {
		tr.dataStart, _ = tr.progress()
	}
	cols := analysis.Columns{}
	last := 0
	for i := range cells {
		if cells[i].Col <= xlsxscan.MaxColumns {
			last = max(last, cells[i].Col) // cells may come out of order
		}
	}
	tr.headerWidth = last
	tr.fieldOf = make([]int, last+1)
	for i := range tr.fieldOf {
		tr.fieldOf[i] = colWatch
	}
	for i := range cells {
		c, t := &cells[i], texts[i]
		if t == "" || c.Col > xlsxscan.MaxColumns {
			continue
		}
		ref := analysis.ColumnLetters(c.Col) + strconv.Itoa(n)
		f := tr.spec.column(t)
		switch {
		case f < 0:
			tr.fieldOf[c.Col] = colIgnore
			msg := "unknown column, ignored"
			if s := tr.spec.suggest(t); s != "" {
				msg += fmt.Sprintf("; did you mean %s?", s)
			} else {
				msg += "; the " + tr.spec.table + " columns are " + strings.Join(tr.spec.names(), ", ")
			}
			tr.rd.Problems.Add(&analysis.Problem{Severity: analysis.SevWarning, File: tr.file, Sheet: tr.sheet,
				Cell: ref, Row: n, Value: clip(t), Err: analysis.Errorf(analysis.ErrUnknownColumn, "%s", msg)})
		case tr.fieldCol[f] != 0:
			tr.fieldOf[c.Col] = colIgnore
			name := tr.spec.columns[f].name
			tr.rd.Problems.Add(&analysis.Problem{Severity: analysis.SevError, File: tr.file, Sheet: tr.sheet,
				Cell: ref, Row: n, Column: name, Value: clip(t), Err: analysis.Errorf(analysis.ErrConflict,
					"a second %s column (the first is %s); keep one of them", name, analysis.ColumnLetters(tr.fieldCol[f]))})
		default:
			tr.fieldOf[c.Col] = f
			tr.fieldCol[f] = c.Col
			cols[tr.spec.columns[f].name] = c.Col
		}
	}
	tr.origin = analysis.NewOrigin(tr.file, tr.sheet, cols)
	missing := false
	for f, c := range tr.spec.columns {
		if c.required && tr.fieldCol[f] == 0 {
			name := c.name
			missing = true
			tr.rd.Problems.Add(&analysis.Problem{Severity: analysis.SevError, File: tr.file, Sheet: tr.sheet,
				Row: n, Column: name, Err: analysis.Errorf(analysis.ErrMissingColumn,
					"missing required column %q; add a header cell named %s to row %d", name, name, n)})
		}
	}
	if missing {
		tr.stopped = true
		return false
	}
	return true
}

// finish reports what only the end of the sheet tells: no header, no data.
func (tr *tableReader) finish() {
	if tr.stopped {
		return
	}
	names := strings.Join(tr.spec.requiredNames(), ", ")
	switch {
	case tr.header == 0 && tr.firstRow > 0:
		tr.rd.Problems.Add(&analysis.Problem{Severity: analysis.SevError, File: tr.file, Sheet: tr.sheet, Row: tr.firstRow,
			Err: analysis.Errorf(analysis.ErrMissingColumn,
				"no header row: no row names the %s columns; put the column names (%s, ...) in one row above the data", tr.spec.table, names)})
	case tr.spec.table == tableFX, tr.spec.table == tableProgress && tr.header > 0:
		// An empty FX table is allowed: amounts in US dollars need no rate.
		// An empty Progress table is a place ready for evidence.
	case tr.header == 0:
		what := "sheet"
		if tr.sheet == "" {
			what = "file"
		}
		tr.rd.Problems.Add(&analysis.Problem{Severity: analysis.SevError, File: tr.file, Sheet: tr.sheet,
			Err: analysis.Errorf(analysis.ErrEmptyTable,
				"the %s is empty; add a header row (%s, ...) and one row per %s", what, names, singular[tr.spec.table])})
	case tr.dataRows == 0:
		tr.rd.Problems.Add(&analysis.Problem{Severity: analysis.SevError, File: tr.file, Sheet: tr.sheet, Row: tr.header,
			Err: analysis.Errorf(analysis.ErrEmptyTable, "no rows below the header; add one row per %s", singular[tr.spec.table])})
	}
}

var singular = map[string]string{tablePledges: "pledge", tableMetrics: "figure", tableFX: "rate",
	tableEntities: "name", tableComparisons: "comparison", tableProgress: "piece of evidence",
	tableSectorNames: "sector name"}

// plain returns a cell's value as text, trimmed: numbers in their
// shortest form, dates as ISO dates.
func (tr *tableReader) plain(c *cell) string {
	switch c.Kind {
	case xlsxscan.Number:
		return numberText(c, tr.date1904)
	case xlsxscan.Bool:
		if trimSpace(c.Text()) == "1" {
			return "TRUE"
		}
		return "FALSE"
	case xlsxscan.NoValue:
		return ""
	}
	return trimSpace(c.Text())
}

// clip shortens a value quoted in a problem.
func clip(s string) string {
	const most = 120
	if len(s) <= most {
		return s
	}
	cut := most
	for cut > 0 && s[cut]&0xC0 == 0x80 {
		cut--
	}
	return s[:cut] + "…"
}
